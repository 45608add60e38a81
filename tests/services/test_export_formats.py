"""Exports of a set of articles, each read back by a real parser of its format: CSL-JSON
against a CSL data schema (jsonschema), BibTeX (bibtexparser), RIS (rispy), CSV (csv),
JSON Lines (json), HTML (html.parser) and Markdown (its escapes undone)."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from desktop_app.model import ArticleFilter
from desktop_app.services import export_formats as formats
from desktop_app.storage.errors import LibraryError
from tests.helpers import stored

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "csl-items.schema.json").read_text("utf-8")
)
HOSTILE_TITLE = 'OPEC {تخفض} 50% & <script>alert("x")</script> \\ _#$'
HOSTILE_PARAGRAPH = "الرياض - قالت <b>المنظمة</b> إن الخفض * يبدأ _غدا_ [رابط](http://x)."


@pytest.fixture
def shelf(library):
    """Three articles: one with every character formats escape, tagged and annotated."""
    hostile = stored(
        library, HOSTILE_TITLE, [HOSTILE_PARAGRAPH, "# فقرة تبدأ بعلامة"], date="2024-01-10",
        source="عكاظ", caption="صورة & تعليق", name="1.txt",
    )  # fmt: skip
    plain = stored(library, "إطلاق قمر صناعي", date="2024-02-10", source="الحياة", name="2.txt")
    undated = stored(library, "خبر بلا تاريخ", date="غير معروف", source="الحياة", name="3.txt")
    library.tag("مختارات", [hostile, plain, undated])
    library.set_starred([hostile])
    library.add_note(hostile, "المنظمة</b> إن الخفض", 'ملاحظة <i>مائلة</i> & "اقتباس"')
    library.add_note(hostile, "OPEC")
    return library, hostile, plain, undated


def export(library, fmt: str, tmp_path: Path, name: str = "مختارات") -> Path:
    result = formats.export(library, formats.tag_set(library, name), fmt, tmp_path)
    assert result.articles == 3
    assert result.path.parent == tmp_path
    return result.path


def test_csl_json_is_valid_against_the_csl_data_schema(shelf, tmp_path):
    library, hostile, _plain, undated = shelf
    path = export(library, "csljson", tmp_path)
    assert path.name == "مختارات.json"
    items = json.loads(path.read_text("utf-8"))
    jsonschema.validate(items, SCHEMA)
    by_id = {item["id"]: item for item in items}
    item = by_id[f"akhbar-{hostile}"]
    assert item["type"] == "article-newspaper"
    assert item["title"] == HOSTILE_TITLE and item["container-title"] == "عكاظ"
    assert item["issued"] == {"date-parts": [[2024, 1, 10]]}
    assert item["language"] == "ar" and item["keyword"] == "مختارات"
    assert "اقتباس" in item["note"]
    assert "issued" not in by_id[f"akhbar-{undated}"]


def test_the_schema_can_fail():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "a", "type": "newspaper"}], SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "a", "type": "article", "issued": "2024"}], SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "a", "type": "article", "publication": "x"}], SCHEMA)


def test_bibtex_parses_and_decodes_back_to_the_text(shelf, tmp_path):
    library, hostile, plain, undated = shelf
    text = export(library, "bibtex", tmp_path).read_text("utf-8")
    parsed = bibtexparser.parse_string(text)
    assert parsed.failed_blocks == []
    assert [e.key for e in parsed.entries] == [f"akhbar{i}" for i in (plain, hostile, undated)]
    assert {e.entry_type for e in parsed.entries} == {"article"}
    raw = {e.key: e.fields_dict for e in parsed.entries}
    assert raw[f"akhbar{plain}"]["journal"].value == "الحياة"
    assert raw[f"akhbar{plain}"]["year"].value == "2024"
    assert raw[f"akhbar{plain}"]["month"].value == "feb"
    assert "year" not in raw[f"akhbar{undated}"]
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    title = {e.key: e.fields_dict["title"].value for e in decoded.entries}[f"akhbar{hostile}"]
    assert title == HOSTILE_TITLE


def test_ris_reads_back_as_newspaper_records(shelf, tmp_path):
    library, hostile, plain, undated = shelf
    records = rispy.loads(export(library, "ris", tmp_path).read_text("utf-8"))
    assert [r["id"] for r in records] == [f"akhbar-{i}" for i in (plain, hostile, undated)]
    record = records[1]
    assert record["type_of_reference"] == "NEWS"
    assert record["title"] == HOSTILE_TITLE and record["secondary_title"] == "عكاظ"
    assert (record["year"], record["date"]) == ("2024", "2024/01/10/")
    assert record["keywords"] == ["مختارات"] and len(record["notes"]) == 2
    assert record["file_attachments1"] == "1.txt" and record["language"] == "ar"
    assert "year" not in records[2]


def test_csv_has_a_bom_and_reads_back_whole(shelf, tmp_path):
    library, hostile, _plain, _undated = shelf
    path = export(library, "csv", tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(formats.CSV_FIELDS)
    row = next(r for r in rows if r["id"] == str(hostile))
    assert row["title"] == HOSTILE_TITLE and row["starred"] == "yes"
    assert row["text"].split("\n\n")[1] == "# فقرة تبدأ بعلامة"
    assert row["tags"] == "مختارات" and row["notes"].count("\n") == 1


def test_json_lines_are_the_show_shape(shelf, tmp_path):
    library, hostile, _plain, _undated = shelf
    lines = export(library, "jsonl", tmp_path).read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    record = next(r for r in records if r["id"] == hostile)
    assert record["title"] == HOSTILE_TITLE and record["tags"] == ["مختارات"]
    assert [n["quote"] for n in record["notes"]] == ["OPEC", "المنظمة</b> إن الخفض"]


class _Tree(HTMLParser):
    """Collects tags, attributes and text; fails on a closing tag that was not open."""

    VOID = frozenset({"meta", "br", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.marked: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self.open:
            self.marked.append(data)


def test_html_is_escaped_right_to_left_and_self_contained(shelf, tmp_path):
    library, _hostile, _plain, _undated = shelf
    page = export(library, "html", tmp_path).read_text("utf-8")
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.open == []
    html_tag = next(attrs for tag, attrs in tree.tags if tag == "html")
    assert html_tag == {"lang": "ar", "dir": "rtl"}
    names = {tag for tag, _ in tree.tags}
    assert not names & {"script", "link", "img", "iframe", "i", "b"}  # the text's tags are text
    assert not any(v and "http" in v for _, attrs in tree.tags for v in attrs.values())
    text = "".join(tree.text)
    assert HOSTILE_TITLE in text and 'ملاحظة <i>مائلة</i> & "اقتباس"' in text
    assert "".join(tree.marked) == "OPECالمنظمة</b> إن الخفض"


def test_markdown_escapes_the_text_and_marks_highlights(shelf, tmp_path):
    library, _hostile, _plain, _undated = shelf
    text = export(library, "md", tmp_path).read_text("utf-8")
    assert text.startswith("# مختارات\n")
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\# فقرة تبدأ بعلامة" in text  # not a heading
    assert "\\[رابط\\](http://x)" in text  # not a link
    assert "<mark>OPEC</mark>" in text
    unescaped = re.sub(r"\\(.)", r"\1", re.sub("</?mark>", "", text))  # the exporter's own tags
    assert f"## {HOSTILE_TITLE}\n" in unescaped
    assert HOSTILE_PARAGRAPH in unescaped


def test_sets_by_query_saved_search_and_ids(shelf, tmp_path):
    library, hostile, plain, undated = shelf
    assert formats.query_set(library, "قمر").ids == (plain,)
    library.add_saved_search("بلا تاريخ", ArticleFilter(query="خبر تاريخ"))
    assert formats.saved_set(library, "بلا تاريخ").ids == (undated,)
    one = formats.ids_set(library, [hostile])
    assert one.name == HOSTILE_TITLE
    assert (
        formats.export_file_name(one.name, "html")
        == "OPEC {تخفض} 50% & script alert( x ) script _#$.html"
    )
    assert formats.ids_set(library, [undated, plain]).ids == (undated, plain)
    with pytest.raises(LibraryError, match="no article with id 99"):
        formats.ids_set(library, [plain, 99])
    library.move_to_trash([plain])
    with pytest.raises(LibraryError, match=f"article {plain} is in the trash"):
        formats.ids_set(library, [plain])
    with pytest.raises(LibraryError, match="no tag named"):
        formats.tag_set(library, "غائب")
    with pytest.raises(LibraryError, match="no saved search named"):
        formats.saved_set(library, "غائب")


def test_file_names_keep_arabic_and_drop_what_file_systems_refuse():
    assert formats.export_file_name("نفط/غاز: «أسعار»?", "csv") == "نفط غاز «أسعار».csv"
    assert formats.export_file_name("\u202bعنوان\u202c\n", "md") == "عنوان.md"
    assert formats.export_file_name("...", "ris") == "akhbar.ris"
    assert len(formats.export_file_name("خ" * 300, "bibtex")) == 80 + len(".bib")
