"""Organising the library (issue 11): tags, stars, notes, saved searches, the trash, and
the migration that adds their tables. Each write records what it changed."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.model import ArticleFilter, ChangeKind, Changes
from desktop_app.storage import schema
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.library import Library
from tests.helpers import stored

PARAGRAPHS = [
    "الرياض - أعلنت وزارة الطاقة خطة لخفض إنتاج النفط خلال العام المقبل.",
    "وقال المتحدث إن القرار يأتي بعد مشاورات مع الدول المنتجة.",
]


@pytest.fixture
def three(library):
    """Three articles: oil (linking to the satellite story), a satellite, a book fair."""
    oil = stored(
        library, "خفض إنتاج النفط", PARAGRAPHS, date="2024-01-10", source="عكاظ",
        related=("إطلاق قمر صناعي",), name="1.txt",
    )  # fmt: skip
    moon = stored(
        library, "إطلاق قمر صناعي", ["جدة - أطلقت الوكالة قمرا للاتصالات والنفط."],
        date="2024-02-10", source="الحياة", name="2.txt",
    )  # fmt: skip
    fair = stored(library, "معرض الكتاب", date="2024-03-10", source="عكاظ", name="3.txt")
    library.take_changes()
    return library, oil, moon, fair


def changed(library: Library) -> Changes:
    return library.take_changes()


# -- tags ---------------------------------------------------------------------------------


def test_tags_many_per_article_counts_rename_and_delete(three):
    library, oil, moon, fair = three
    assert library.tag("  طاقة  ", [oil, moon, oil]) == [oil, moon]
    assert changed(library).ids(ChangeKind.TAGS) == {oil, moon}
    library.tag("اقتصاد", [oil])
    assert library.get(oil).tags == ("اقتصاد", "طاقة")
    assert [(t.name, t.count) for t in library.tags()] == [("اقتصاد", 1), ("طاقة", 2)]
    assert library.ids(ArticleFilter(tag="طاقة")) == [moon, oil]

    library.untag("طاقة", [moon, fair])  # fair never had it: fine
    assert library.ids(ArticleFilter(tag="طاقة")) == [oil]
    library.take_changes()
    library.rename_tag("طاقة", "نفط")
    assert changed(library).ids(ChangeKind.TAGS) == {oil}
    assert [(t.name, t.count) for t in library.tags()] == [("اقتصاد", 1), ("نفط", 1)]
    library.tag("نفط", [moon])
    library.rename_tag("اقتصاد", "نفط")  # into an existing tag: merged
    assert [(t.name, t.count) for t in library.tags()] == [("نفط", 2)]
    assert sorted(library.delete_tag("نفط")) == sorted([oil, moon])
    assert library.tags() == [] and library.get(oil).tags == ()


def test_tag_errors_name_the_problem_and_change_nothing(three):
    library, oil, _moon, _fair = three
    with pytest.raises(LibraryError, match="no article with id 999"):
        library.tag("طاقة", [oil, 999])
    assert library.tags() == [] and not changed(library)
    with pytest.raises(LibraryError, match="no tag named"):
        library.untag("غائب", [oil])
    with pytest.raises(LibraryError, match="needs a name"):
        library.tag("   ", [oil])
    library.tag("Oil", [oil])
    library.tag("oil", [oil])  # Latin tags compare without case: the same tag
    assert [(t.name, t.count) for t in library.tags()] == [("Oil", 1)]


# -- stars and read marks -----------------------------------------------------------------


def test_stars_and_read_marks_of_many_articles(three):
    library, oil, moon, fair = three
    assert library.set_starred([oil, fair]) == [oil, fair]
    assert changed(library).ids(ChangeKind.STARS) == {oil, fair}
    assert library.get(oil).starred and not library.get(moon).starred
    assert library.ids(ArticleFilter(starred=True)) == [fair, oil]
    library.set_starred([fair], False)
    assert library.sidebar_counts().starred == 1
    assert library.set_read_many([oil, moon]) == [oil, moon]
    assert changed(library).ids(ChangeKind.READ) == {oil, moon}
    assert library.ids(ArticleFilter(unread_only=True)) == [fair]
    assert library.count(ArticleFilter(unread_only=True)) == 1
    library.set_read_many([moon], False)
    assert library.count(ArticleFilter(unread_only=True)) == 2
    with pytest.raises(LibraryError, match="no article with id 77"):
        library.set_read_many([oil, 77])
    with pytest.raises(LibraryError, match="no article with id 77"):
        library.set_starred([77])


# -- notes --------------------------------------------------------------------------------


def test_a_note_is_anchored_to_the_field_and_offsets_of_its_quote(three):
    library, oil, _moon, _fair = three
    note = library.add_note(oil, "خفض إنتاج النفط", "قارن بالعام الماضي")
    assert (note.field, note.start, note.end) == ("title", 0, len("خفض إنتاج النفط"))
    assert changed(library).ids(ChangeKind.NOTES) == {oil}
    body = library.add_note(oil, "مشاورات مع الدول")
    paragraph = library.get(oil).paragraphs[1]
    assert body.field == "paragraphs/1"
    assert paragraph[body.start : body.end] == "مشاورات مع الدول"
    assert body.text == ""  # a highlight without a note
    assert [n.id for n in library.notes(oil)] == [note.id, body.id]  # reading order
    assert [n.id for n in library.notes()] == [body.id, note.id]  # newest first
    assert note.article_title == "خفض إنتاج النفط" and note.article_source == "عكاظ"


def test_a_note_quote_spelled_loosely_quotes_the_article(three):
    library, oil, _moon, _fair = three
    note = library.add_note(oil, "اعلنت وزارة الطاقه")
    assert note.quote == "أعلنت وزارة الطاقة"


def test_a_quote_the_article_does_not_hold_is_refused(three):
    library, oil, _moon, _fair = three
    with pytest.raises(LibraryError, match=f"does not occur in article {oil}"):
        library.add_note(oil, "كلام لم يرد في الخبر")
    with pytest.raises(LibraryError, match="needs a quote"):
        library.add_note(oil, "  ")
    with pytest.raises(LibraryError, match="no article with id 404"):
        library.add_note(404, "النفط")
    with pytest.raises(LibraryError, match="is not at title 3"):
        library.add_note(oil, "النفط", field="title", start=3)
    assert library.add_note(oil, "إنتاج", field="title", start=4).start == 4
    assert library.notes_repo.count() == 1


def test_notes_are_searched_with_the_arabic_matcher(three):
    library, oil, moon, _fair = three
    library.add_note(oil, "خفض إنتاج النفط", "قرار الأوبك")
    library.add_note(moon, "قمرا للاتصالات")
    assert [n.article_id for n in library.notes(query="اوبك")] == [oil]  # hamza folded
    assert [n.article_id for n in library.notes(query="الاتصالات")] == [moon]  # stemmed
    assert [n.article_id for n in library.notes(query="-النفط")] == [moon]
    assert library.notes(query="مدرسة") == []


def test_notes_follow_their_text_when_it_is_rewritten(three):
    library, oil, _moon, _fair = three
    note = library.add_note(oil, "بعد مشاورات")
    # A migration rewrites the stored text (here: two words inserted before the quote).
    library.db.execute(
        "UPDATE articles SET body = replace(body, 'القرار يأتي', 'القرار الجديد يأتي') "
        "WHERE id = ?",
        [oil],
    )
    moved = library.note(note.id)
    assert moved.anchored and moved.start == note.start + len(" الجديد")
    assert library.reanchor_notes() == 1
    stored_start = library.db.scalar("SELECT anchor_start FROM notes WHERE id = ?", [note.id])
    assert stored_start == moved.start
    assert library.reanchor_notes() == 0
    library.db.execute("UPDATE articles SET body = 'نص آخر تماما' WHERE id = ?", [oil])
    lost = library.note(note.id)
    assert not lost.anchored and lost.quote == "بعد مشاورات"


def test_note_text_changes_and_removal(three):
    library, oil, _moon, _fair = three
    note = library.add_note(oil, "النفط")
    assert library.set_note_text(note.id, " مهم ").text == "مهم"
    assert library.remove_note(note.id) and not library.remove_note(note.id)
    assert changed(library).ids(ChangeKind.NOTES) == {oil}
    with pytest.raises(LibraryError, match="no note with id 5"):
        library.set_note_text(5, "x")


# -- saved searches -----------------------------------------------------------------------


def test_a_saved_search_counts_matches_and_the_new_ones_since_opened(library):
    first = stored(library, "ارتفاع أسعار النفط", name="1.txt", date="2024-01-01")
    saved = library.add_saved_search("نفط", ArticleFilter(query="النفط"))
    assert saved.query == "النفط" and saved.filter == ArticleFilter(query="النفط")
    assert changed(library).ids(ChangeKind.SAVED_SEARCHES) == {saved.id}
    counted = library.saved_search_count(saved)
    assert (counted.count, counted.new) == (1, 0)

    second = stored(library, "النفط يتراجع", name="2.txt", date="2023-01-01")  # older date
    stored(library, "معرض الكتاب", name="3.txt")  # no match
    counted = library.saved_search_count(library.saved_search("نفط"))
    assert (counted.count, counted.new) == (2, 1)  # new by import order, not by date
    hits = library.search_saved(library.saved_search("نفط"))
    assert {h.id for h in hits} == {first, second}
    library.open_saved_search("نفط")
    assert library.saved_search_count(library.saved_search("نفط")).new == 0


def test_a_saved_search_keeps_its_list_filters(library):
    oil = stored(library, "النفط في عكاظ", source="عكاظ", name="1.txt")
    stored(library, "النفط في الحياة", source="الحياة", name="2.txt")
    library.set_starred([oil])
    value = ArticleFilter(query="النفط", source="عكاظ", starred=True, unread_only=True)
    library.add_saved_search("نفط عكاظ", value)
    saved = library.saved_search("نفط عكاظ")
    assert saved.filter == value
    assert library.saved_search_count(saved).count == 1
    assert [h.id for h in library.search_saved(saved)] == [oil]
    library.set_read(oil)
    assert library.saved_search_count(saved).count == 0


def test_saved_search_names_are_unique_and_errors_name_them(library):
    library.add_saved_search("نفط", ArticleFilter(query="النفط"))
    with pytest.raises(LibraryError, match="already exists"):
        library.add_saved_search(" نفط ", ArticleFilter(query="غاز"))
    with pytest.raises(LibraryError, match="no saved search named 'غاز'"):
        library.open_saved_search("غاز")
    library.rename_saved_search("نفط", "طاقة")
    library.update_saved_search("طاقة", ArticleFilter(query="الغاز", source="عكاظ"))
    assert library.saved_search("طاقة").filter == ArticleFilter(query="الغاز", source="عكاظ")
    assert library.remove_saved_search("طاقة").name == "طاقة"
    assert library.saved_searches() == []


def test_emptying_the_trash_never_hides_a_new_article_under_a_reused_id(library):
    stored(library, "خبر أول عن النفط", name="1.txt")
    last = stored(library, "خبر ثان عن النفط", name="2.txt")
    library.add_saved_search("نفط", ArticleFilter(query="النفط"))  # seen up to `last`
    library.move_to_trash([last])
    library.empty_trash()
    again = stored(library, "خبر ثالث عن النفط", name="3.txt")
    assert again == last  # SQLite gave the freed id out again
    assert library.saved_search_count(library.saved_search("نفط")).new == 1


# -- the trash ----------------------------------------------------------------------------


def test_trashed_articles_vanish_from_every_read(three):
    library, oil, moon, fair = three
    library.add_bookmark(oil, 0)  # "إطلاق قمر صناعي" → moon
    assert library.bookmarks()[0].target_article_id == moon
    library.tag("علوم", [moon])
    library.set_starred([moon])
    library.add_note(moon, "قمرا للاتصالات")
    library.add_saved_search("نفط", ArticleFilter(query="النفط"))

    assert library.move_to_trash([moon]) == [moon]
    assert changed(library).ids(ChangeKind.TRASH) == {moon}
    assert moon not in library.ids() and library.count() == 2
    assert moon not in [s.id for s in library.page()]
    assert library.summaries([moon, fair])[0].id == fair and len(library.summaries([moon])) == 0
    assert library.get(moon) is None and library.get(moon, include_trashed=True) is not None
    assert library.search("قمر") == []
    assert library.related(oil)[0].article_id is None  # the headline is unresolved again
    assert library.bookmarks()[0].target_article_id is None
    assert library.resolve_headline("إطلاق قمر صناعي") is None
    assert dict(library.sources()) == {"عكاظ": 2}
    assert library.tags()[0].count == 0
    counts = library.sidebar_counts()
    assert (counts.articles, counts.starred, counts.notes, counts.trash) == (2, 0, 0, 1)
    assert counts.saved_searches[0].count == 1  # oil only; the satellite's «النفط» is gone
    assert [t.summary.id for t in library.trashed()] == [moon]

    library.restore_from_trash([moon])
    assert library.get(moon).tags == ("علوم",) and library.get(moon).starred
    assert library.related(oil)[0].article_id == moon
    assert len(library.notes(moon)) == 1 and library.search("قمر")[0].id == moon


def test_bookmarks_made_on_a_trashed_article_hide_with_it(three):
    library, oil, _moon, _fair = three
    library.add_bookmark(oil, 0)
    library.move_to_trash([oil])
    assert library.bookmarks() == []
    with pytest.raises(LibraryError, match=f"article {oil} is in the trash"):
        library.add_bookmark(oil, 0)
    library.restore_from_trash([oil])
    assert len(library.bookmarks()) == 1


def test_emptying_the_trash_removes_the_articles_and_their_index_rows(three):
    library, oil, moon, fair = three
    library.tag("علوم", [moon])
    library.add_note(moon, "قمرا")
    library.move_to_trash([moon, fair])
    assert library.empty_trash() == [moon, fair]
    assert changed(library).ids(ChangeKind.TRASH) == {moon, fair}
    for table, column in [("articles", "id"), ("related", "article_id"), ("notes", "article_id"),
                          ("article_tags", "article_id"), ("trash", "article_id"),
                          ("articles_fts_docsize", "id")]:  # fmt: skip
        assert library.db.scalar(f"SELECT count(*) FROM {table} WHERE {column} IN (?, ?)",
                                 [moon, fair]) == 0, table  # fmt: skip
    # The index forgot their words: a raw MATCH finds only the article left.
    assert library.db.column("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'النفط'") == [
        oil
    ]
    assert (
        library.db.scalar("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        is None
    )
    assert library.empty_trash() == []
    assert library.count() == 1 and library.get(oil) is not None


def test_trash_errors_name_the_id(three):
    library, oil, _moon, _fair = three
    with pytest.raises(LibraryError, match="no article with id 31"):
        library.move_to_trash([oil, 31])
    assert library.trashed() == []
    with pytest.raises(LibraryError, match=f"article {oil} is not in the trash"):
        library.restore_from_trash([oil])
    with pytest.raises(LibraryError, match="no article with id 31"):
        library.restore_from_trash([31])
    library.move_to_trash([oil])
    with pytest.raises(LibraryError, match=f"article {oil} is in the trash"):
        library.tag("x", [oil])


# -- the migration ------------------------------------------------------------------------


def test_a_library_of_the_previous_schema_gains_the_tables_and_keeps_its_articles(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    from sqlite_utils import Database

    db = Database(conn)
    for number, step in enumerate(schema.MIGRATIONS[:-1], start=1):
        step(db)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.commit()
    conn.close()
    with Library(path) as library:  # migrates
        oil = stored(library, "خفض إنتاج النفط", PARAGRAPHS)
        assert schema.schema_version(library.db) == schema.SCHEMA_VERSION
        library.tag("طاقة", [oil])
        library.add_note(oil, "النفط")
        plan = " ".join(
            str(tuple(row))
            for row in library.db.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM articles WHERE read = 0"
            )
        )
        assert "articles_unread" in plan  # unread counts read the index, not every row


# -- the filters that saved searches keep -------------------------------------------------


def test_the_new_filter_fields_survive_json():
    value = ArticleFilter(query="النفط", tag="طاقة", starred=True, unread_only=True)
    assert ArticleFilter.from_json(value.to_json()) == value
    assert value.to_json() == {
        "query": "النفط", "tag": "طاقة", "unread_only": True, "starred": True
    }  # fmt: skip
    with pytest.raises(ValueError):
        ArticleFilter.from_json({"starred": "yes"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (ArticleFilter(query="النفط"), {"oil", "moon", "okaz"}),
        (ArticleFilter(query="النفط -قمر"), {"oil", "okaz"}),
        (ArticleFilter(query='"إنتاج النفط"'), {"oil"}),
        (ArticleFilter(query="النفط", unread_only=True), {"moon", "okaz"}),
        (ArticleFilter(query="النفط", tag="طاقة"), {"oil", "moon"}),
        (ArticleFilter(query="النفط", tag="طاقة", unread_only=True), {"moon"}),
        (ArticleFilter(query="النفط", starred=True), {"moon"}),
        (ArticleFilter(unread_only=True, starred=True), {"moon"}),
        (ArticleFilter(query="source:عك*"), {"oil"}),  # a prefix needs its *
        (ArticleFilter(query="source:Ok*"), {"okaz"}),
        (ArticleFilter(query="source:ok*"), {"okaz"}),  # names compare case-folded
        (ArticleFilter(source_prefix="الح"), {"moon"}),
    ],
)
def test_every_way_of_counting_agrees_with_the_list(three, value, expected):
    """count() takes shortcuts (words only: the index alone; a tag drives; a source
    prefix as a range): each must count what ids() lists, and both the right articles."""
    library, oil, moon, fair = three
    okaz = stored(library, "خبر النفط في Okaz", source="Okaz Daily", name="4.txt")
    library.tag("طاقة", [oil, moon])
    library.set_starred([moon])
    library.set_read(oil)
    library.move_to_trash([fair])
    names = {oil: "oil", moon: "moon", fair: "fair", okaz: "okaz"}
    assert {names[i] for i in library.ids(value)} == expected
    assert library.count(value) == len(expected)


def test_counts_by_the_index_alone_leave_the_trash_out(three):
    library, oil, moon, _fair = three
    assert library.count(ArticleFilter(query="النفط")) == 2
    library.move_to_trash([moon])
    assert library.count(ArticleFilter(query="النفط")) == 1
    assert library.ids(ArticleFilter(query="النفط")) == [oil]
