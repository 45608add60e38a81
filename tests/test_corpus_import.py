"""End to end on real articles: 2,000 files from make-corpus, checked field by field."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.storage.library import Library
from desktop_app.text.entities import decode_references
from tests.conftest import make_corpus

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    manifest = make_corpus(folder, 2000, "--mix", "--duplicates", "0.02")
    db = folder.parent / "corpus.db"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "import", str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return manifest, json.loads(result.stdout), db


def test_every_file_accounted_for(imported):
    manifest, report, _ = imported
    originals = [m for m in manifest if m["duplicate_of"] is None]
    copies = [m for m in manifest if m["duplicate_of"] is not None]
    assert copies, "the corpus should hold some duplicates"
    assert report["failed"] == []
    assert len(report["imported"]) == len(originals) == 2000
    assert sorted(Path(d["path"]).name for d in report["duplicates"]) == sorted(
        m["file"] for m in copies
    )


def test_fields_match_the_manifest(imported):
    manifest, report, db = imported
    ids = {Path(item["path"]).name: item["id"] for item in report["imported"]}
    encodings = set()
    with Library(db) as library:
        for truth in manifest:
            if truth["duplicate_of"]:
                continue
            article = library.get(ids[truth["file"]])
            encodings.add(truth["encoding"])
            where = f"{truth['file']} ({truth['encoding']}, {truth['eol']})"
            # The manifest holds the files' text; fields are stored with references decoded.
            assert article.title == decode_references(truth["title"]), where
            assert article.lede == decode_references(truth["lede"]), where
            assert article.source == decode_references(truth["source"]), where
            assert article.published.isoformat() == truth["published"], where
            related = [decode_references(r) for r in truth["related"]]
            assert [r.text for r in article.related] == related, where
            assert len(article.paragraphs) + bool(article.caption) == truth["paragraphs"], where
    assert encodings == {"utf-8", "utf-8-sig", "cp1256", "utf-16"}


def test_related_headlines_link_to_stored_articles(imported):
    _, report, db = imported
    with Library(db) as library:
        linked = sum(
            1
            for item in report["imported"][:200]
            for r in library.get(item["id"]).related
            if r.article_id is not None
        )
    assert linked > 200  # most headlines name articles of the same day and site
