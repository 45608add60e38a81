"""SaudiNewsNet as it ships (one zip a day of JSON arrays), read through the registry and
checked against the JSON itself: every article with a title and text comes out with its
title, date and source; the others are skipped with a reason; nothing fails."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest

from desktop_app.formats import Failed, Skipped, Source, read, walk
from desktop_app.formats.records import clean_line
from desktop_app.model import ParsedArticle
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "saudinewsnet"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def zips():
    found = sorted(CORPUS.glob("*.zip"))
    if not found:
        pytest.skip("../shared (the SaudiNewsNet zips) is not beside the project")
    return found


def expected_records(path) -> dict[str, dict]:
    """origin → the JSON record, for every record of every member."""
    expected = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            for index, record in enumerate(json.loads(archive.read(name)), 1):
                expected[f"{path}/{name}#{index}"] = record
    return expected


def test_every_article_with_title_and_text_comes_out_right(zips):
    totals = {"records": 0, "articles": 0, "skipped": 0}
    for path in zips:
        expected = expected_records(path)
        items = list(read(Source.from_path(path)))
        assert not [i for i in items if isinstance(i, Failed)]
        got = {(i.path if isinstance(i, ParsedArticle) else i.origin): i for i in items}
        assert got.keys() == expected.keys()  # one outcome per record, none invented
        for origin, record in expected.items():
            item = got[origin]
            complete = record["title"].strip() and record["content"].strip()
            if not complete:
                assert isinstance(item, Skipped), origin
                totals["skipped"] += 1
                continue
            assert isinstance(item, ParsedArticle), (origin, item)
            assert item.title == clean_line(record["title"])
            assert item.published == date.fromisoformat(record["date_extracted"][:10])
            assert item.source == record["source"]
            assert item.url == record["url"]
            body = " ".join(clean_line(line) for line in record["content"].splitlines())
            assert " ".join(item.paragraphs) == " ".join(body.split())
            totals["articles"] += 1
        totals["records"] += len(expected)
    print(f"\nSaudiNewsNet: {totals}")
    assert totals["articles"] + totals["skipped"] == totals["records"]
    if len(zips) == 18:  # the corpus as shipped with the project
        assert totals == {"records": 31030, "articles": 30666, "skipped": 364}


def test_the_corpus_folder_walks_to_its_zips(zips):
    sources = [e for e in walk([CORPUS]) if isinstance(e, Source)]
    assert [s.origin for s in sources] == [str(z) for z in zips]
    assert {s.format for s in sources} == {"zip"}
