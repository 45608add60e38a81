"""Library.search, the list filter and bookmarks over the stemmed index, end to end."""

import sqlite3
import threading
from datetime import date

import pytest

from desktop_app.storage import schema
from desktop_app.storage.library import Library, ListFilter, SearchCancelled, connect
from tests.helpers import stored


def titles(hits):
    return [h.title for h in hits]


@pytest.mark.parametrize(
    ("article_word", "query_word"),
    [
        ("إسرائيل", "اسرائيل"),  # hamza dropped
        ("اسرائيل", "إسرائيل"),  # hamza added
        ("المدرسة", "مدرسه"),  # ال and ة as ه
        ("مستشفى", "المستشفي"),  # ى as ي
        ("عام ٢٠١٥", "2015"),  # Arabic-Indic digits
        ("الوزارة", "وزارات"),  # plural, no article
        ("السعوديين", "سعودي"),
        ("بالرياض", "الرياض"),  # proclitic + article
        ("الرياض", "والرياض"),
        ("مصر", "بمصر"),  # a one-letter proclitic typed by the reader
        ("سياراتها", "السيارة"),  # possessive + plural
        ("المعلمون", "مُعَلِّمِين"),  # diacritics + other case ending
    ],
)
def test_each_spelling_finds_the_other(library, article_word, query_word):
    stored(library, "خبر", paragraphs=(f"جدة - تحدث التقرير عن {article_word} أمس.",))
    stored(library, "آخر", paragraphs=("جدة - لا علاقة لهذا الخبر بالموضوع.",))
    assert titles(library.search(query_word)) == ["خبر"]
    assert library.count(ListFilter(query=query_word)) == 1


def test_exact_form_ranks_above_a_stem_match(library):
    # The stem match is newer and has the word in its title: still second.
    stored(library, "السيارات تصل", date="2024-05-01", paragraphs=("نص عن السيارات.",))
    stored(library, "خبر قديم", date="2020-01-01", paragraphs=("وصول سيارة جديدة.",))
    assert titles(library.search("سيارة")) == ["خبر قديم", "السيارات تصل"]
    assert titles(library.search("السيارات")) == ["السيارات تصل", "خبر قديم"]


def test_title_outranks_body_and_newer_wins_among_equals(library):
    stored(library, "عنوان عادي", date="2024-01-01", paragraphs=("ذكر القمر هنا.",))
    stored(library, "القمر الجديد", date="2023-01-01", paragraphs=("لا شيء.",))
    assert titles(library.search("القمر")) == ["القمر الجديد", "عنوان عادي"]
    stored(library, "تقرير", name="b.txt", date="2022-01-01", paragraphs=("لا شيء 1.",))
    stored(library, "تقرير", name="c.txt", date="2024-01-01", paragraphs=("لا شيء 2.",))
    hits = library.search("تقرير")
    assert [h.published.year for h in hits] == [2024, 2022]


def test_phrase_or_exclusion_prefix(library):
    stored(library, "أ", paragraphs=("اجتمع مجلس الأمن الدولي.",))
    stored(library, "ب", paragraphs=("الأمن في مجلس المدينة.",))
    stored(library, "ج", paragraphs=("أسعار النفط ترتفع.",))
    assert titles(library.search('"مجلس الامن"')) == ["أ"]
    assert sorted(titles(library.search("مجلس"))) == ["أ", "ب"]
    assert sorted(titles(library.search("الدولي OR النفط"))) == ["أ", "ج"]
    assert titles(library.search("مجلس -الدولي")) == ["ب"]
    assert titles(library.search('مجلس -"مجلس الأمن"')) == ["ب"]
    assert titles(library.search("اسع*")) == ["ج"]
    assert titles(library.search("والنف*")) == ["ج"]
    assert sorted(titles(library.search("-النفط"))) == ["أ", "ب"]
    assert library.count(ListFilter(query="-النفط")) == 2


def test_filters_in_the_query(library):
    stored(library, "أ", source="الشرق الأوسط", date="2015-01-10", paragraphs=("نفط.",))
    stored(library, "ب", source="عكاظ", date="2015-02-10", paragraphs=("نفط.",))
    stored(library, "ج", source="عكاظ", date="2015-03-10", paragraphs=("نفط.",))
    assert titles(library.search("نفط source:عكاظ")) == ["ج", "ب"]
    assert titles(library.search('نفط source:"الشرق الأوسط"')) == ["أ"]
    assert titles(library.search("نفط source:الشرق")) == []  # the whole name (issue 16)
    assert titles(library.search("نفط source:الشرق*")) == ["أ"]  # a prefix of the name
    assert titles(library.search("نفط from:2015-02-01 to:2015-02-28")) == ["ب"]
    assert titles(library.search("to:2015-01-31")) == ["أ"]
    assert library.count(ListFilter(query="from:2015-02-01")) == 2
    assert titles(library.search("نفط", filters=ListFilter(source="عكاظ"))) == ["ج", "ب"]


@pytest.mark.parametrize(
    "query", ['"', '"مجلس', "NEAR(", "a OR", "OR", "^*", ")(", "-", "--", "col:نص", "*", "{", "'"]
)
def test_malformed_queries_never_raise(library, query):
    stored(library, "عنوان", paragraphs=("نص عادي عن مجلس.",))
    library.search(query)
    library.count(ListFilter(query=query))


def test_unbalanced_quote_searches_the_words(library):
    stored(library, "عنوان", paragraphs=("اجتمع مجلس الأمن.",))
    assert titles(library.search('"مجلس الأمن')) == ["عنوان"]


def test_snippet_marks_the_original_spelling_of_stem_matches(library):
    stored(library, "خبر", paragraphs=("جدة - زار الوفدُ المعلماتِ الإسرائيلياتِ أمس.",))
    snippet = library.search("معلمه اسرائيلي")[0].snippet
    assert "<b>المعلماتِ</b>" in snippet
    assert "<b>الإسرائيلياتِ</b>" in snippet
    assert "<b>زار</b>" not in snippet


def test_bookmarks_match_like_search(library):
    related = ("تكريم المعلمات الإسرائيليات", "أسعار النفط", "مجلس الأمن")
    article_id = stored(library, "مصدر", related=related)
    for position in range(3):
        library.add_bookmark(article_id, position)

    def headlines(query):
        return sorted(b.headline for b in library.bookmarks(query))

    assert headlines("معلمة اسرائيلي") == ["تكريم المعلمات الإسرائيليات"]
    assert headlines("النفط OR الامن") == ["أسعار النفط", "مجلس الأمن"]
    assert headlines("-النفط") == ["تكريم المعلمات الإسرائيليات", "مجلس الأمن"]
    assert headlines('"الأمن مجلس"') == []
    assert headlines('"مجلس الامن"') == ["مجلس الأمن"]
    assert headlines("اسع*") == ["أسعار النفط"]
    assert len(library.bookmarks("")) == len(library.bookmarks("؟")) == 3


def test_interrupt_cancels_a_running_search(library, monkeypatch):
    stored(library, "خبر", paragraphs=("نص.",))
    started, interrupted = threading.Event(), threading.Event()

    def stall() -> float:  # runs inside the query, until the other thread interrupts
        started.set()
        interrupted.wait(5)
        return 1.0

    library.db.conn.create_function("stall", 0, stall)
    weights = "10.0, 4.0, 2.0, 1.0, 10.0, 4.0, 2.0, stall()"
    monkeypatch.setattr("desktop_app.storage.articles._BM25_WEIGHTS", weights)

    def interrupt_when_started():
        started.wait(5)
        library.interrupt()
        interrupted.set()

    other = threading.Thread(target=interrupt_when_started)
    other.start()
    with pytest.raises(SearchCancelled):
        library.search("نص")
    other.join()
    started.clear()
    assert titles(library.search("نص")) == ["خبر"]  # the connection still works


def test_a_v1_library_is_reindexed(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    schema.MIGRATIONS[0](db.as_sqlite_utils())
    db.execute("PRAGMA user_version = 1")
    with Library(tmp_path / "donor.db") as donor:
        stored(donor, "تكريم المعلمات", ["جدة - كرمت الوزارة المعلمات الإسرائيليات."])
        row = donor.db.execute("SELECT * FROM articles").fetchone()
    db.execute(f"INSERT INTO articles VALUES ({','.join('?' * len(row))})", row)
    db.close()
    with Library(path) as library:
        assert schema.schema_version(library.db) == schema.SCHEMA_VERSION
        assert titles(library.search("معلمة اسرائيلي")) == ["تكريم المعلمات"]


def test_search_results_carry_dates(library):
    stored(library, "خبر", date="2015-07-21", paragraphs=("نص.",))
    assert library.search("نص")[0].published == date(2015, 7, 21)


def test_fts_rows_are_stored_for_every_column(library):
    article_id = stored(library, "الوزارة", caption="صورة المدرسة")
    conn: sqlite3.Connection = library.db.conn
    found = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
        ['{caption_stem} : "مدرس" AND {title_stem} : "زار"'],
    ).fetchall()
    assert found == [(article_id,)]


def test_words_side_by_side_rank_above_words_apart(library):
    stored(library, "نووي", date="2024-01-01", paragraphs=("الاتفاق مهم. البرنامج النووي.",))
    stored(library, "خبر", date="2020-01-01", paragraphs=("نص طويل عن اتفاق نووي جديد.",))
    # Neither uses the words as typed; the older one has them side by side.
    assert titles(library.search("الاتفاقات النوويه")) == ["خبر", "نووي"]


def test_very_common_words_are_listed_newest_first(library, monkeypatch):
    monkeypatch.setattr("desktop_app.storage.articles.RANKED_HITS_MAX", 2)
    for year in (2021, 2023, 2022):
        stored(library, f"خبر {year}", date=f"{year}-01-01", paragraphs=(f"في {year}.",))
    stored(library, "في في في", date="2020-01-01", paragraphs=("في.",))
    assert titles(library.search("في", limit=3)) == ["خبر 2023", "خبر 2022", "خبر 2021"]
    assert titles(library.search("في source:غيرها")) == []
    monkeypatch.setattr("desktop_app.storage.articles.RANKED_HITS_MAX", 100)
    assert titles(library.search("في", limit=1)) == ["في في في"]  # ranked: title first
