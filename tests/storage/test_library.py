from datetime import date

import pytest

from desktop_app.storage.library import LibraryError, ListFilter
from desktop_app.storage.schema import SCHEMA_VERSION, schema_version
from tests.helpers import parsed, stored


def test_new_library_has_schema_wal_and_foreign_keys(library):
    assert schema_version(library.db) == SCHEMA_VERSION
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_add_and_get_round_trip(library):
    article_id, new = library.add(
        parsed("افتتاح متحف جديد", caption="صورة المتحف", related=("خبر آخر",))
    )
    assert new
    stored = library.get(article_id)
    assert stored.title == "افتتاح متحف جديد"
    assert stored.caption == "صورة المتحف"
    assert stored.dateline == "الرياض"
    assert stored.published == date(2024, 3, 5)
    assert [r.text for r in stored.related] == ["خبر آخر"]
    assert stored.related[0].article_id is None


def test_same_text_is_a_duplicate(library):
    first = stored(library, "عنوان", name="one.txt")
    again, new = library.add(parsed("عنوان", name="two.txt"))
    assert (again, new) == (first, False)
    assert library.count() == 1


def test_newest_first_and_undated_last(library):
    stored(library, "قديم", date="2020-01-01")
    stored(library, "بلا تاريخ", date="غير معروف")
    stored(library, "جديد", date="2024-01-01")
    assert [r.title for r in library.page()] == ["جديد", "قديم", "بلا تاريخ"]
    assert [r.title for r in library.page(limit=1, offset=1)] == ["قديم"]
    assert library.summaries(library.ids()) == library.page()


def test_related_headline_resolves_after_normalisation_both_ways(library):
    # The headline is stored first, spelled without hamza and with quotes …
    source_id = stored(library, "المقال الأول", related=("«إطلاق» قمر صناعي جديد",))
    library.add_bookmark(source_id, 0)
    assert library.get(source_id).related[0].article_id is None
    # … then the article it names arrives, spelled differently.
    target_id = stored(library, "اطلاق قمر صناعيّ جديد", date="2024-04-01")
    related = library.get(source_id).related[0]
    assert related.article_id == target_id
    assert related.bookmarked
    assert library.bookmarks()[0].target_article_id == target_id


def test_bookmarks_add_list_remove(library):
    article_id = stored(library, "مصدر", related=("أول", "ثان"))
    bookmark = library.add_bookmark(article_id, 1)
    assert (bookmark.headline, bookmark.position, bookmark.article_id) == ("ثان", 1, article_id)
    assert library.add_bookmark(article_id, 1).id == bookmark.id  # idempotent
    assert [b.id for b in library.bookmarks()] == [bookmark.id]
    assert library.remove_bookmark(bookmark.id)
    assert not library.remove_bookmark(bookmark.id)
    assert library.bookmarks() == []


def test_bookmark_errors_name_the_problem(library):
    article_id = stored(library, "مصدر", related=("أول",))
    with pytest.raises(LibraryError, match="no related headline 5"):
        library.add_bookmark(article_id, 5)
    with pytest.raises(LibraryError, match="no article with id 999"):
        library.add_bookmark(999, 0)


def test_search_finds_text_without_hamza_or_diacritics(library):
    stored(library, "مؤتمر", paragraphs=("القاهرة - أعلنت الوزارةُ إطلاقَ برنامجٍ للقراءة.",))
    stored(library, "رياضة", paragraphs=("جدة - فاز الفريق بالمباراة النهائية.",))
    hits = library.search("اعلنت الوزاره اطلاق")
    assert [h.title for h in hits] == ["مؤتمر"]
    assert "<b>أعلنت</b>" in hits[0].snippet


def test_search_ignores_fts_syntax(library):
    stored(library, "عنوان", paragraphs=("نص عادي.",))
    for query in ['"', "NEAR(", "a OR", "^*", ")(", "-", "col:نص"]:
        library.search(query)  # must not raise


def test_filters(library):
    stored(library, "أ", source="س1", date="2024-01-01")
    stored(library, "ب", source="س2", date="2024-02-01")
    stored(library, "ج", source="س1", date="2024-03-01")
    assert library.count(ListFilter(source="س1")) == 2
    window = ListFilter(date_from=date(2024, 1, 15), date_to=date(2024, 2, 15))
    assert [r.title for r in library.page(filters=window)] == ["ب"]
    first = library.page()[0]
    library.set_read(first.id)
    assert library.count(ListFilter(unread_only=True)) == 2
