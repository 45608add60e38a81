"""The parser on small files of our own, one per variation, against hand-written goldens."""

import json
from pathlib import Path

import pytest

from desktop_app.parsing.article import MAX_BYTES, parse_article
from desktop_app.parsing.errors import ParseError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
# Our warning messages open with these tags (the rest of the message is for people).
WARNING_TAGS = {
    "date-unreadable": "date-unreadable",
    "no-date": "no-date",
    "truncated": "truncated",
    "damaged-utf8": "damaged UTF-8",
}


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if not e.get("error")))
def test_article_fields(name):
    expected = EXPECTED[name]
    article = parse_article(name, (FIXTURES / name).read_bytes())
    published = article.published.isoformat() if article.published else None
    assert published == expected["published"]
    assert article.title == expected["title"]
    assert article.lede == expected["lede"]
    assert article.source == expected["source"]
    assert article.caption == expected["caption"]
    assert article.dateline == expected["dateline"]
    assert list(article.paragraphs) == expected["paragraphs"]
    assert list(article.related) == expected["related"]
    assert article.encoding == expected["encoding"]
    tags = {tag for tag, prefix in WARNING_TAGS.items() for w in article.warnings
            if w.startswith(prefix)}  # fmt: skip
    assert tags == set(expected["warnings"]), article.warnings


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("error")))
def test_files_that_are_not_articles(name):
    with pytest.raises(ParseError) as info:
        parse_article(name, (FIXTURES / name).read_bytes())
    assert info.value.code == EXPECTED[name]["error"]
    assert info.value.reason


def test_too_large():
    with pytest.raises(ParseError) as info:
        parse_article("big.txt", b"a" * (MAX_BYTES + 1))
    assert info.value.code == "too-large"
    assert "10 MiB" in info.value.reason


def test_same_article_in_every_encoding_has_one_content_hash():
    names = ["utf8_basic.txt", "utf8_bom.txt", "utf16_le_bom.txt", "utf16_be_bom.txt",
             "crlf.txt", "cr_only.txt", "cp1256.txt"]  # fmt: skip
    articles = [parse_article(name, (FIXTURES / name).read_bytes()) for name in names]
    assert len({a.encoding for a in articles}) == 4
    assert len({a.content_hash for a in articles}) == 1


def test_one_size_guard_for_parser_and_importer(tmp_path, monkeypatch):
    """The importer refuses a huge file before reading it, with the parser's own words."""
    import desktop_app.parsing.article as article_module
    from desktop_app.services import importer

    monkeypatch.setattr(article_module, "MAX_BYTES", 64)  # one limit, read by both
    data = b"a" * 65
    huge = tmp_path / "huge.txt"
    huge.write_bytes(data)
    with pytest.raises(ParseError) as info:
        parse_article("huge.txt", data)

    def never(*args):
        raise AssertionError("a file over the limit was read and parsed")

    monkeypatch.setattr(importer, "parse_article", never)
    assert importer.read_and_parse(huge) == (None, info.value.reason)
