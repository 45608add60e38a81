"""Library composes one repository per table; rows are read by name; every write says
what it changed (model.Changes)."""

from __future__ import annotations

import pytest

from desktop_app.model import ChangeKind, Changes
from desktop_app.storage import articles, bookmarks, schema
from desktop_app.storage.articles import ArticlesRepository
from desktop_app.storage.bookmarks import BookmarksRepository
from desktop_app.storage.library import Library, connect
from tests.helpers import parsed, stored


def _reversed_columns(columns: str) -> str:
    """The same select list, last column first (subqueries kept whole)."""
    parts, depth, current = [], 0, ""
    for char in columns:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return ", ".join(reversed(parts))


def _filled(library: Library) -> tuple[int, int]:
    source = stored(
        library,
        "المصدر",
        ["جدة - نص المقال الأول.", "فقرة ثانية."],
        caption="صورة",
        related=("الهدف المنشور", "عنوان آخر"),
    )
    target = stored(library, "الهدف المنشور", date="2024-04-01")
    library.add_bookmark(source, 0)
    library.set_read(target)
    return source, target


def _everything_read(library: Library, source: int) -> tuple:
    return (
        library.get(source),
        library.page(),
        library.summaries(library.ids()),
        library.bookmarks(),
        library.search("نص"),
    )


def test_library_composes_one_repository_per_table(library):
    assert isinstance(library.articles, ArticlesRepository)
    assert isinstance(library.bookmarks_repo, BookmarksRepository)
    source, _ = _filled(library)
    assert library.articles.get(source) == library.get(source)
    assert library.bookmarks_repo.search() == library.bookmarks()


def test_rows_are_read_by_column_name_not_position(library, monkeypatch):
    source, target = _filled(library)
    before = _everything_read(library, source)
    assert before[0].related[0].article_id == target and before[0].related[0].bookmarked
    assert before[3][0].target_article_id == target
    for module, name in [
        (articles, "_SUMMARY_COLUMNS"),
        (articles, "_ARTICLE_COLUMNS"),
        (articles, "_HIT_COLUMNS"),
        (bookmarks, "_BOOKMARK_COLUMNS"),
    ]:
        monkeypatch.setattr(module, name, _reversed_columns(getattr(module, name)))
    assert _everything_read(library, source) == before


def test_rows_carry_their_column_names(library):
    article_id = stored(library, "عنوان")
    row = library.db.execute("SELECT id, title FROM articles").fetchone()
    assert (row["id"], row["title"]) == (article_id, "عنوان")


# -- Changes ------------------------------------------------------------------------------


def test_each_write_reports_what_it_changed(library):
    assert library.take_changes() == Changes.none()  # a new library: nothing yet

    article_id, _ = library.add(parsed("مصدر", related=("أول",)))
    assert library.take_changes() == Changes.of(ChangeKind.ARTICLES, [article_id])
    assert library.take_changes() == Changes.none()  # taken: forgotten

    library.add(parsed("مصدر", related=("أول",), name="again.txt"))  # a duplicate
    assert library.take_changes() == Changes.none()

    library.set_read(article_id)
    assert library.take_changes() == Changes.of(ChangeKind.READ, [article_id])

    bookmark = library.add_bookmark(article_id, 0)
    assert library.take_changes() == Changes.of(ChangeKind.BOOKMARKS, [bookmark.id])
    library.add_bookmark(article_id, 0)  # already there: nothing changes
    assert library.take_changes() == Changes.none()

    assert library.remove_bookmark(bookmark.id)
    assert library.take_changes() == Changes.of(ChangeKind.BOOKMARKS, [bookmark.id])
    assert not library.remove_bookmark(bookmark.id)
    assert library.take_changes() == Changes.none()


def test_writes_between_takes_are_combined(library):
    first = stored(library, "أول", related=("عنوان",))
    second = stored(library, "ثان")
    library.set_read(first)
    changes = library.take_changes()
    assert changes.ids(ChangeKind.ARTICLES) == {first, second}
    assert changes.ids(ChangeKind.READ) == {first}
    assert not changes.touches(ChangeKind.BOOKMARKS)


def test_reads_report_no_change(library):
    article_id = stored(library, "مصدر", related=("أول",))
    library.take_changes()
    library.get(article_id), library.page(), library.search("مصدر"), library.bookmarks()
    assert library.take_changes() == Changes.none()


def test_a_migrated_library_reports_that_everything_may_have_changed(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    schema.MIGRATIONS[0](db.as_sqlite_utils())
    db.execute("PRAGMA user_version = 1")
    db.close()
    with Library(path) as migrated:
        assert migrated.take_changes() == Changes.everything()
    with Library(path) as current:
        assert current.take_changes() == Changes.none()


@pytest.mark.parametrize("kind", list(ChangeKind))
def test_everything_touches_every_kind(kind):
    assert Changes.everything().touches(kind)
    assert Changes.everything().ids(kind) is None
