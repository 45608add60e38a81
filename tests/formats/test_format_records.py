"""Records → articles: field aliases, --map, dates, HTML bodies, the dedupe hash; and the
readers' third-party libraries stay out of start-up."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from desktop_app.formats import Skipped, Source, read
from desktop_app.formats.records import FieldResolver, read_date, record_article
from desktop_app.model import ParsedArticle


def article(record: dict, field_map: dict | None = None) -> ParsedArticle | Skipped:
    resolver = FieldResolver(field_map)
    return record_article(record, resolver.resolve(record.keys()), "r.json#1", "utf-8")


def test_aliases_in_order_and_case_blind():
    found = article(
        {
            " Headline ": "عنوان",
            "TEXT": "سطر أول\n\nسطر ثان",
            "date_publish": "2020-01-02 10:00:00",
            "date_extracted": "2021-05-05",
            "source_domain": "example.com",
        }
    )
    assert isinstance(found, ParsedArticle)
    assert found.title == "عنوان"
    assert found.paragraphs == ("سطر أول", "سطر ثان")
    assert found.published == date(2020, 1, 2)  # date_publish comes before date_extracted
    assert found.source == "example.com"


def test_field_map_overrides_the_aliases():
    record = {"title": "عنوان عام", "h": "العنوان الحقيقي", "content": "نص", "d": "3/4/2022"}
    found = article(record, {"title": "h", "date": "d"})
    assert (found.title, found.published) == ("العنوان الحقيقي", date(2022, 4, 3))


def test_dates_in_the_forms_datasets_write_them():
    assert read_date("2015-07-21 02:51:32") == date(2015, 7, 21)
    assert read_date("2017-12-07T10:00:00+03:00") == date(2017, 12, 7)
    assert read_date("Tue, 05 Mar 2024 07:15:00 +0300") == date(2024, 3, 5)
    assert read_date("19/5/2007") == date(2007, 5, 19)
    assert read_date("7 ديسمبر 2017") == date(2017, 12, 7)
    assert read_date("2024-13-45") is None
    assert read_date(1437446400) is None  # numbers are not guessed at


def test_unreadable_and_missing_dates_are_warnings_not_failures():
    unreadable = article({"title": "ع", "content": "ن", "date": "قريبا"})
    assert unreadable.published is None
    assert "date-unreadable: cannot read the date 'قريبا'" in unreadable.warnings
    missing = article({"title": "ع", "content": "ن"})
    assert "no-date: the record has no date" in missing.warnings


def test_html_bodies_become_paragraphs():
    found = article(
        {"title": "ع", "content": "<p>الفقرة <b>الأولى</b></p><p>الثانية &amp; الأخيرة</p>"}
    )
    assert found.paragraphs == ("الفقرة الأولى", "الثانية & الأخيرة")


def test_hash_ignores_time_of_day_spacing_and_source_case():
    one = article(
        {"title": "عنوان  الخبر", "content": "نص\nثان", "date": "2024-03-05 08:00", "source": "SPA"}
    )
    two = article(
        {"title": "عنوان الخبر", "content": "نص\n\n ثان ", "date": "2024-03-05", "source": "spa"}
    )
    other_day = article(
        {"title": "عنوان الخبر", "content": "نص\nثان", "date": "2024-03-06", "source": "spa"}
    )
    assert one.content_hash == two.content_hash
    assert one.content_hash != other_day.content_hash


def test_utf16_json_and_cp1256_json_lines():
    text = '[{"title": "عنوان", "content": "نص الخبر"}]'
    (utf16,) = read(Source.from_bytes("a.json", text.encode("utf-16")))
    assert isinstance(utf16, ParsedArticle) and utf16.title == "عنوان"
    line = '{"title": "عنوان", "content": "نص الخبر"}\n'.encode("cp1256")
    (cp1256,) = read(Source.from_bytes("a.jsonl", line))
    assert isinstance(cp1256, ParsedArticle) and cp1256.paragraphs == ("نص الخبر",)
    assert cp1256.encoding == "cp1256"


def test_readers_libraries_are_not_imported_at_start_up():
    code = (
        "import sys, desktop_app.formats\n"
        "heavy = {'ijson', 'lxml', 'readability', 'feedparser'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
