"""Each fixture in tests/fixtures/formats, read through the registry: the expected items,
written by hand from what tests/fixtures/make_formats.py writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.formats import (
    Failed,
    ReadOptions,
    Skipped,
    Source,
    detect,
    parse_field_map,
    read,
    read_path,
)
from desktop_app.formats.registry import UNEXPECTED
from desktop_app.model import ParsedArticle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
LIBRARY = "افتتاح مكتبة عامة جديدة في حي الزهور"
MARKET = "ارتفاع أسعار الخضار في الأسواق المحلية"
FINAL = "فريق المدينة يفوز بكأس البطولة الإقليمية"
LIBRARY_FIRST = (
    "الرياض - افتتحت أمانة المدينة صباح اليوم مكتبة عامة جديدة في حي الزهور "
    "تضم أكثر من عشرين ألف كتاب."
)
AFP = "وكالة الصحافة الفرنسية"


def items(name: str, options: ReadOptions | None = None) -> list:
    found = list(read_path(str(FIXTURES / name), options or ReadOptions()))
    for item in found:
        if isinstance(item, Failed):
            assert not item.reason.startswith(UNEXPECTED), item
    return found


def outline(found: list) -> list[tuple]:
    """(kind, origin after the fixture folder, title or reason)."""
    rows = []
    for item in found:
        if isinstance(item, ParsedArticle):
            rows.append(("article", _rel(item.path), item.title))
        else:
            rows.append((type(item).__name__.lower(), _rel(item.origin), item.reason))
    return rows


def _rel(origin: str) -> str:
    return origin.removeprefix(str(FIXTURES) + "/")


def articles(found: list) -> list[ParsedArticle]:
    return [item for item in found if isinstance(item, ParsedArticle)]


# ---------------------------------------------------------------- JSON


def test_json_array_with_saudinewsnet_field_names():
    found = items("articles.json")
    assert outline(found) == [
        ("article", "articles.json#1", LIBRARY),
        ("article", "articles.json#2", MARKET),
        ("article", "articles.json#3", FINAL),
        ("skipped", "articles.json#4", "no text: the record has a title but no article text"),
        ("skipped", "articles.json#5", "no title: the record has text but no title"),
    ]
    first = found[0]
    assert first.published == date(2024, 3, 5)
    assert first.source == "صحيفة الاختبار"
    assert first.author == "سارة المنصور"
    assert first.url == "https://example.org/news/library"
    assert first.paragraphs[0] == LIBRARY_FIRST
    assert len(first.paragraphs) == 3
    assert first.dateline == "الرياض"
    assert first.encoding == "utf-8"
    assert first.warnings == ()


def test_json_lines_with_news_please_field_names_and_bad_lines():
    found = items("articles.jsonl")
    assert outline(found) == [
        ("article", "articles.jsonl#1", LIBRARY),
        ("article", "articles.jsonl#2", MARKET),
        (
            "failed",
            "articles.jsonl#4",
            "malformed JSON on line 4: Expecting value: line 2 column 1 (char 36)",
        ),
        ("failed", "articles.jsonl#5", "not an article: a JSON array, not an object"),
        ("article", "articles.jsonl#6", FINAL),
    ]
    first = found[0]
    assert first.published == date(2024, 3, 5)  # from "2024-03-05T08:30:00+03:00"
    assert first.source == "صحيفة الاختبار"  # source_domain
    assert first.author == "سارة المنصور، فريق التحرير"  # authors: a list
    assert first.lede == "مكتبة تضم عشرين ألف كتاب وركنا للأطفال."  # description


def test_single_object_json_is_one_article():
    (article,) = items("single.json")
    assert isinstance(article, ParsedArticle)
    assert article.path.endswith("single.json")  # no #N: the file is the article
    assert (article.title, article.published) == (FINAL, date(2024, 3, 7))
    assert article.source == "example.org"  # no source field: the address's domain


def test_malformed_json_keeps_what_came_before():
    found = items("malformed.json")
    assert outline(found) == [
        ("article", "malformed.json#1", LIBRARY),
        ("failed", "malformed.json#2", "malformed JSON after item 1: parse error: premature EOF"),
    ]
    assert "no-source: the record names no source" in found[0].warnings


def test_json_array_streams_from_an_object_wrapper():
    data = (
        '{"status": "ok", "articles": [{"headline": "عنوان", "body": "نص الخبر هنا."}]}'
    ).encode()
    (article,) = read(Source.from_bytes("export.json", data))
    assert isinstance(article, ParsedArticle)
    assert article.path == "export.json#1"
    assert article.paragraphs == ("نص الخبر هنا.",)


def test_manifest_like_records_without_text_are_one_skip_for_the_file():
    data = b'{"file": "a.txt", "title": "x", "paragraphs": 3}\n{"file": "b.txt", "title": "y"}\n'
    (skip,) = read(Source.from_bytes("manifest.jsonl", data))
    assert skip == Skipped(
        "manifest.jsonl",
        "not articles: no text field among its fields (file, title, paragraphs); "
        "name it with --map text=NAME",
    )


# ---------------------------------------------------------------- CSV / TSV


def test_csv_with_bom_quoted_multiline_bodies():
    found = items("articles.csv")
    assert outline(found) == [
        ("article", "articles.csv#1", LIBRARY),
        ("article", "articles.csv#2", MARKET),
        ("article", "articles.csv#3", FINAL),
    ]
    first = found[0]
    assert first.paragraphs[0] == LIBRARY_FIRST and len(first.paragraphs) == 3
    assert (first.published, first.source) == (date(2024, 3, 5), "صحيفة الاختبار")
    assert first.encoding == "utf-8-sig"


def test_tsv_in_windows_1256():
    found = items("articles_cp1256.tsv")
    assert [a.title for a in found] == [LIBRARY, MARKET]
    assert {a.encoding for a in found} == {"cp1256"}
    assert found[1].published == date(2024, 3, 6)
    assert found[1].source == "جريدة السوق"


def test_csv_with_other_column_names_needs_map():
    (skip,) = items("custom_columns.csv")
    assert isinstance(skip, Skipped)
    assert skip.reason == (
        "not articles: no title or text column among its columns (العنوان, النص, التاريخ, "
        "الجهة); name it with --map title=NAME --map text=NAME"
    )
    mapped = ReadOptions(
        field_map=parse_field_map(["title=العنوان", "content=النص", "date=التاريخ", "source=الجهة"])
    )
    (article,) = items("custom_columns.csv", mapped)
    assert isinstance(article, ParsedArticle)
    assert (article.title, article.published, article.source) == (
        MARKET,
        date(2024, 3, 6),  # "6/3/2024": day first
        "جريدة السوق",
    )


def test_csv_with_a_wrong_header_is_skipped_with_its_columns():
    assert outline(items("wrong_header.csv")) == [
        (
            "skipped",
            "wrong_header.csv",
            "not articles: no title or text column among its columns (name, age, city); "
            "name it with --map title=NAME --map text=NAME",
        )
    ]


def test_parse_field_map_rejects_what_it_cannot_use():
    assert parse_field_map(["headline=t", "body = b", "lead=l"]) == {
        "title": "t",
        "text": "b",
        "lede": "l",
    }
    for bad in ("title", "title=", "colour=x"):
        with pytest.raises(ValueError):
            parse_field_map([bad])


# ---------------------------------------------------------------- web pages


def test_saved_page_text_and_metadata():
    (page,) = items("page.html")
    assert isinstance(page, ParsedArticle)
    assert page.title == LIBRARY
    assert page.published == date(2024, 3, 5)
    assert page.source == "صحيفة الاختبار"
    assert page.author == "سارة المنصور"
    assert page.url == "https://example.org/news/library"
    assert page.lede == "مكتبة تضم عشرين ألف كتاب وركنا للأطفال."
    assert page.paragraphs[0] == LIBRARY_FIRST  # the byline is not a paragraph
    assert len(page.paragraphs) == 3
    text = " ".join(page.paragraphs)
    for boilerplate in ("محليات", "الأكثر قراءة", "جميع الحقوق", "document.cookie", "tracker"):
        assert boilerplate not in text


def test_page_without_an_article_fails_with_a_reason():
    assert outline(items("no_article.html")) == [
        ("failed", "no_article.html", "no article in this page: it holds no running text")
    ]


def test_page_in_windows_1256_with_meta_charset():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"<title>{MARKET}</title></head><body><div><p>{'نص طويل بما يكفي ليكون خبرا. ' * 10}"
        "</p></div></body></html>"
    ).encode("cp1256")
    (article,) = read(Source.from_bytes("old.htm", page))
    assert isinstance(article, ParsedArticle)
    assert article.title == MARKET
    assert article.encoding == "cp1256"


def test_page_article_body_from_json_ld_and_date_from_time_element():
    body = " ".join(["جملة من نص الخبر الكامل كما نشرته الصحيفة."] * 8)
    page = (
        "<html><head><title>عنوان الصفحة</title>"
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
        f'{{"@type": "NewsArticle", "headline": "{MARKET}", "articleBody": "{body}"}}]}}'
        "</script></head><body><div>قائمة</div>"
        '<time datetime="2024-03-06T09:00:00+03:00">الأربعاء</time></body></html>'
    ).encode()
    (article,) = read(Source.from_bytes("ld.html", page))
    assert isinstance(article, ParsedArticle)
    assert (article.title, article.published) == (MARKET, date(2024, 3, 6))
    assert article.paragraphs == (body,)


# ---------------------------------------------------------------- <DOC> collections


def test_gigaword_sgml_keeps_stories_and_tolerates_broken_tags():
    found = items("gigaword.sgml")
    assert outline(found) == [
        ("article", "gigaword.sgml#1", LIBRARY),
        (
            "skipped",
            "gigaword.sgml#2",
            '<DOC type="advis"> is not a story (only type="story" is imported by default)',
        ),
        ("article", "gigaword.sgml#3", MARKET),  # <HEADLNE>, unclosed <P>, no </DOC>
    ]
    first, last = found[0], found[2]
    assert first.published == date(2024, 3, 5)  # from the DOC id
    assert first.source == AFP
    assert first.dateline == "الرياض 5 آذار/مارس (اف ب)"
    assert first.paragraphs[1].endswith(
        "العاشرة مساء. & وتخصص المكتبة ركنا للأطفال وآخر للباحثين مزودا بأجهزة حاسوب حديثة."
    )
    assert last.published == date(2024, 3, 6)
    assert last.paragraphs[-1].endswith("خلال أسابيع.")  # the stray "<<" is gone
    every_type = items("gigaword.sgml", ReadOptions(doc_types=None))
    assert [a.title for a in articles(every_type)] == [LIBRARY, "ملاحظة للمحررين", MARKET]


def test_gigaword_gzip_without_extension_is_read_through():
    found = items("afp_arb_202403.gz")
    assert [row[:2] for row in outline(found)] == [
        ("article", "afp_arb_202403.gz#1"),
        ("skipped", "afp_arb_202403.gz#2"),
        ("article", "afp_arb_202403.gz#3"),
    ]


def test_abu_el_khair_xml_with_misspelt_tags_and_stray_characters():
    found = items("abu_el_khair.xml")
    assert outline(found) == [
        ("article", "abu_el_khair.xml#1", LIBRARY),
        ("article", "abu_el_khair.xml#2", MARKET),  # <Healine>, <dateline>
        ("skipped", "abu_el_khair.xml#3", "no text: the record has a title but no article text"),
    ]
    first, second = found[0], found[1]
    assert (first.published, second.published) == (date(2024, 3, 5), date(2024, 3, 6))
    assert first.source == "Alittihad"
    assert first.url == "https://example.org/news/library"
    assert first.dateline == "الرياض"  # the Dateline held a date, so it is not a place
    assert second.paragraphs[-1].endswith("خلال أسابيع.")  # "??" and a bell character gone


def test_doc_collection_in_windows_1256_declared_in_its_xml_header():
    text = (
        '<?xml version="1.0" encoding="windows-1256"?>\n<Techreen>\n'
        f"<Headline>{MARKET}</Headline>\n<Dateline>6/3/2024</Dateline>\n"
        "<Text>جدة - ارتفعت الأسعار.</Text>\n</Techreen>\n"
    )
    (article,) = read(Source.from_bytes("techreen.xml", text.encode("cp1256")))
    assert isinstance(article, ParsedArticle)
    assert (article.title, article.source, article.encoding) == (MARKET, "Techreen", "cp1256")
    assert article.dateline == "جدة"


# ---------------------------------------------------------------- feeds


def test_rss_entries():
    found = items("feed.rss")
    assert outline(found) == [
        ("article", "feed.rss#1", LIBRARY),
        ("article", "feed.rss#2", MARKET),
        ("skipped", "feed.rss#3", "no text: the record has a title but no article text"),
    ]
    first = found[0]
    assert first.published == date(2024, 3, 5)
    assert first.source == "صحيفة الاختبار"
    assert len(first.paragraphs) == 3
    assert "alert" not in " ".join(first.paragraphs)
    assert first.lede == "مكتبة تضم عشرين ألف كتاب وركنا للأطفال."


def test_atom_entries():
    found = items("feed.atom")
    assert [a.title for a in found] == [FINAL, LIBRARY]
    assert found[0].author == "ماجد الحربي"
    assert found[0].published == date(2024, 3, 7)
    assert found[1].published == date(2024, 3, 5)  # no <published>: <updated>
    assert {a.source for a in found} == {"الملحق الرياضي"}


# ---------------------------------------------------------------- text


def test_seed_layout_is_still_the_seed_parser():
    (article,) = items("seed.txt")
    assert isinstance(article, ParsedArticle)
    assert (article.title, article.source, article.published) == (
        LIBRARY,
        "صحيفة الاختبار",
        date(2024, 3, 5),
    )
    assert article.related == (MARKET,)


def test_plain_text_first_line_is_the_title():
    (article,) = items("plain.txt")
    assert isinstance(article, ParsedArticle)
    assert article.title == MARKET
    assert len(article.paragraphs) == 2 and article.dateline == "جدة"
    assert article.published is None
    (dated,) = items("plain_dated.txt")
    assert (dated.title, dated.published, len(dated.paragraphs)) == (FINAL, date(2024, 3, 7), 2)


def test_plain_text_with_only_a_title_fails():
    assert outline(items("plain_title_only.txt")) == [
        ("failed", "plain_title_only.txt", "no body: the file holds only a title line")
    ]


def test_unsupported_file_is_skipped():
    assert outline(items("notes.md")) == [("skipped", "notes.md", "unsupported file type (.md)")]


# ---------------------------------------------------------------- archives


def test_zip_read_as_a_folder():
    found = items("corpus.zip")
    assert outline(found) == [
        ("article", "corpus.zip/2024-03/articles.json#1", LIBRARY),
        ("article", "corpus.zip/2024-03/articles.json#2", MARKET),
        ("article", "corpus.zip/2024-03/articles.json#3", FINAL),
        (
            "skipped",
            "corpus.zip/2024-03/articles.json#4",
            "no text: the record has a title but no article text",
        ),
        (
            "skipped",
            "corpus.zip/2024-03/articles.json#5",
            "no title: the record has text but no title",
        ),
        ("article", "corpus.zip/2024-03/seed.txt", LIBRARY),
        ("article", "corpus.zip/pages/page.html", LIBRARY),
        ("skipped", "corpus.zip/pages/page_files", "resources of the saved page page.html"),
        ("skipped", "corpus.zip/__MACOSX", "macOS resource data (__MACOSX), not articles"),
        ("skipped", "corpus.zip/2024-03/.DS_Store", "hidden file"),
        ("skipped", "corpus.zip/notes.md", "unsupported file type (.md)"),
    ]


def test_tar_gz_read_as_a_folder():
    found = items("corpus.tar.gz")
    rows = outline(found)
    assert [r[1] for r in rows if r[0] == "article"] == [
        "corpus.tar.gz/2024/articles.jsonl#1",
        "corpus.tar.gz/2024/articles.jsonl#2",
        "corpus.tar.gz/2024/articles.jsonl#6",
        "corpus.tar.gz/2024/gigaword.sgml#1",
        "corpus.tar.gz/2024/gigaword.sgml#3",
    ]
    assert rows[-1] == (
        "skipped",
        "corpus.tar.gz/2024/link-to-jsonl",
        "a link inside an archive: not followed",
    )


def test_nested_archives():
    found = items("nested.zip")
    origins = [_rel(a.path) for a in articles(found)]
    assert origins == [
        "nested.zip/inner.zip/day/articles.json#1",
        "nested.zip/inner.zip/day/articles.json#2",
        "nested.zip/inner.zip/day/articles.json#3",
        "nested.zip/feeds/corpus.tar.gz/2024/articles.jsonl#1",
        "nested.zip/feeds/corpus.tar.gz/2024/articles.jsonl#2",
        "nested.zip/feeds/corpus.tar.gz/2024/articles.jsonl#6",
        "nested.zip/feeds/corpus.tar.gz/2024/gigaword.sgml#1",
        "nested.zip/feeds/corpus.tar.gz/2024/gigaword.sgml#3",
        "nested.zip/feed.atom#1",
        "nested.zip/feed.atom#2",
    ]


def test_truncated_zip_keeps_the_members_before_the_cut():
    rows = outline(items("truncated.zip"))
    assert [row[1] for row in rows if row[0] == "article"] == [
        "truncated.zip/2024-03/articles.json#1",
        "truncated.zip/2024-03/articles.json#2",
        "truncated.zip/2024-03/articles.json#3",
        "truncated.zip/2024-03/seed.txt",
    ]
    assert rows[-2:] == [
        ("failed", "truncated.zip/pages/page.html", "cut off: the archive ends inside this member"),
        (
            "failed",
            "truncated.zip",
            "damaged or truncated zip (File is not a zip file): 2 member(s) read from their "
            "local headers",
        ),
    ]


# ---------------------------------------------------------------- across formats


def test_the_same_article_dedupes_across_record_formats():
    """One content hash for the library story as JSON, JSON Lines, CSV, RSS and a page."""
    hashes = {
        name: next(a.content_hash for a in articles(items(name)) if a.title == LIBRARY)
        for name in ("articles.json", "articles.jsonl", "articles.csv", "feed.rss", "page.html")
    }
    assert len(set(hashes.values())) == 1, hashes
    other = next(a for a in articles(items("articles.json")) if a.title == MARKET)
    assert other.content_hash not in hashes.values()


def test_every_fixture_is_claimed_by_the_format_its_name_says():
    expected = {
        "articles.json": "json",
        "articles.jsonl": "json",
        "articles.csv": "csv",
        "articles_cp1256.tsv": "csv",
        "page.html": "html",
        "gigaword.sgml": "sgml",
        "abu_el_khair.xml": "sgml",
        "feed.rss": "feed",
        "feed.atom": "feed",
        "seed.txt": "seed",
        "plain.txt": "text",
        "corpus.zip": "zip",
        "corpus.tar.gz": "tar",
        "afp_arb_202403.gz": "compressed",
    }
    for name, format_name in expected.items():
        source = Source.from_path(FIXTURES / name)
        found = detect(source.name, source.head())
        assert found is not None and found.name == format_name, name
    # Content decides when the name does not: a Gigaword file has no extension.
    sgml = (FIXTURES / "gigaword.sgml").read_bytes()
    assert detect("afp_arb_200001", sgml).name == "sgml"
