"""Issue 6: bad input at scale. Whatever the bytes, every file ends as imported, duplicate
or failed-with-a-reason, no exception escapes, and the library stays sound."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import MAX_BYTES, parse_article
from desktop_app.parsing.errors import ParseError
from desktop_app.services.importer import import_paths
from desktop_app.storage.library import Library
from tests.reliability.hostile import hostile_file
from tests.reliability.support import FULL, akhbar, integrity

HOSTILE_FILES = 5000 if FULL else 1000


def parse_or_reason(data: bytes) -> ParsedArticle | ParseError:
    try:
        article = parse_article("hostile.txt", data)
    except ParseError as error:
        assert error.reason.strip() and "\n" not in error.reason
        return error
    assert article.title and article.paragraphs
    assert "\n" not in article.title
    return article


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_parser_returns_an_article_or_a_reason(rng):
    parse_or_reason(hostile_file(rng))


def _check_outcomes(report, names: list[str]) -> None:
    outcomes = [*report.imported, *report.duplicates, *report.failed]
    assert sorted(Path(o.path).name for o in outcomes) == sorted(names)
    for outcome in report.failed:
        assert outcome.reason and "\n" not in outcome.reason
    for outcome in [*report.imported, *report.duplicates]:
        assert outcome.article_id is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.randoms(use_true_random=False), min_size=1, max_size=6))
def test_importer_accounts_for_every_file(rngs):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        folder.mkdir()
        names = []
        for i, rng in enumerate(rngs):
            (folder / f"{i}.txt").write_bytes(hostile_file(rng))
            names.append(f"{i}.txt")
        if len(rngs) > 1:  # the same bytes twice: the second is a duplicate or fails alike
            (folder / "again.txt").write_bytes((folder / "0.txt").read_bytes())
            names.append("again.txt")
        db = Path(temp) / "lib.db"
        report = import_paths(db, [folder])
        _check_outcomes(report, names)
        with Library(db) as library:
            assert library.count() == len(report.imported)
            for outcome in report.imported:
                stored = library.get(outcome.article_id)
                parsed = parse_article(outcome.path, Path(outcome.path).read_bytes())
                assert (stored.title, stored.paragraphs) == (parsed.title, parsed.paragraphs)
        assert integrity(db) == ["ok"]


@pytest.mark.slow
def test_a_thousand_hostile_files_import_and_the_library_stays_sound(tmp_path):
    rng = random.Random(6)
    folder = tmp_path / "hostile"
    folder.mkdir()
    names = []
    for i in range(HOSTILE_FILES):
        (folder / f"{i:05}.txt").write_bytes(hostile_file(rng))
        names.append(f"{i:05}.txt")
    with open(folder / "huge.txt", "wb") as huge:  # sparse: over the size limit, no disk
        huge.truncate(MAX_BYTES + 1)
    names.append("huge.txt")
    db = tmp_path / "lib.db"

    first = akhbar(db, "import", str(folder), "--json")
    assert first.returncode in (0, 1) and "Traceback" not in first.stderr, first.stderr
    report = json.loads(first.stdout)
    outcomes = [*report["imported"], *report["duplicates"], *report["failed"]]
    assert sorted(os.path.basename(o["path"]) for o in outcomes) == sorted(names)
    assert all(f["reason"] and "\n" not in f["reason"] for f in report["failed"])
    assert "too large" in next(f["reason"] for f in report["failed"] if "huge" in f["path"])
    assert report["imported"] and report["failed"]  # the mix really holds both
    assert integrity(db) == ["ok"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(report["imported"])
    conn.close()

    second = json.loads(akhbar(db, "import", str(folder), "--json").stdout)
    assert second["imported"] == []
    assert len(second["duplicates"]) == len(report["imported"]) + len(report["duplicates"])
    assert sorted(f["path"] for f in second["failed"]) == sorted(
        f["path"] for f in report["failed"]
    )
