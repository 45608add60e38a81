"""The saved_searches table: a query and list filters kept under a name (smart folders),
stored in the library, and how many matches arrived since each was last opened.

"New" is told by article id, not by clock: ids only grow as articles are imported, and a
saved search keeps `seen_id`, the highest article id when it was made or last opened;
its new matches are those with a higher id. Emptying the trash can free the highest ids
for reuse, so it lowers every `seen_id` above the highest id left (storage/trash.py).
Counting new matches pushes the id bound into the full-text lookup, which FTS5 answers
by seeking, so it costs what the new articles cost, not the whole library.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from desktop_app.model import ArticleFilter, ChangeKind, Changes, SavedSearch
from desktop_app.storage.connection import Connection, Row
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.filters import article_where
from desktop_app.storage.trash import now

Record = Callable[[Changes], None]
_COLUMNS = "id, name, query, filters, seen_id, created, opened"


def saved_search_name(name: str) -> str:
    """A saved search's name as stored: spacing trimmed and collapsed; not empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise LibraryError("a saved search needs a name")
    return cleaned


class SavedSearchesRepository:
    """Saved searches on one connection; SAVED_SEARCHES changes carry their ids."""

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def add(self, name: str, value: ArticleFilter) -> SavedSearch:
        """Save a search (its query is `value.query`); nothing in it is new yet.

        Raises LibraryError when the name is empty or taken.
        """
        name = saved_search_name(name)
        if self.get(name) is not None:
            raise LibraryError(f"a saved search named {name!r} already exists")
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO saved_searches (name, query, filters, seen_id, created)
                   VALUES (?, ?, ?, (SELECT coalesce(max(id), 0) FROM articles), ?)""",
                [name, value.query or "", _filters_json(value), now()],
            )
        assert cursor.lastrowid is not None
        self._record(Changes.of(ChangeKind.SAVED_SEARCHES, [cursor.lastrowid]))
        return self.require(name)

    def update(self, name: str, value: ArticleFilter) -> SavedSearch:
        """Change what a saved search looks for (its seen mark stays)."""
        saved = self.require(name)
        with self.db.atomic():
            self.db.execute(
                "UPDATE saved_searches SET query = ?, filters = ? WHERE id = ?",
                [value.query or "", _filters_json(value), saved.id],
            )
        self._record(Changes.of(ChangeKind.SAVED_SEARCHES, [saved.id]))
        return self.require(saved.name)

    def rename(self, old: str, new: str) -> SavedSearch:
        saved = self.require(old)
        new = saved_search_name(new)
        other = self.get(new)
        if other is not None and other.id != saved.id:
            raise LibraryError(f"a saved search named {new!r} already exists")
        with self.db.atomic():
            self.db.execute("UPDATE saved_searches SET name = ? WHERE id = ?", [new, saved.id])
        self._record(Changes.of(ChangeKind.SAVED_SEARCHES, [saved.id]))
        return self.require(new)

    def remove(self, name: str) -> SavedSearch:
        """Forget a saved search; returns it. LibraryError if there is none by that name."""
        saved = self.require(name)
        with self.db.atomic():
            self.db.execute("DELETE FROM saved_searches WHERE id = ?", [saved.id])
        self._record(Changes.of(ChangeKind.SAVED_SEARCHES, [saved.id]))
        return saved

    def mark_seen(self, name: str) -> SavedSearch:
        """Opened: every match so far is seen (its new count becomes 0)."""
        saved = self.require(name)
        with self.db.atomic():
            self.db.execute(
                """UPDATE saved_searches
                   SET seen_id = (SELECT coalesce(max(id), 0) FROM articles), opened = ?
                   WHERE id = ?""",
                [now(), saved.id],
            )
        self._record(Changes.of(ChangeKind.SAVED_SEARCHES, [saved.id]))
        return self.require(saved.name)

    def get(self, name: str) -> SavedSearch | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM saved_searches WHERE name = ?", [" ".join(name.split())]
        ).fetchone()
        return _saved(row) if row is not None else None

    def require(self, name: str) -> SavedSearch:
        saved = self.get(name)
        if saved is None:
            raise LibraryError(f"no saved search named {name!r}")
        return saved

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM saved_searches ORDER BY name").fetchall()
        return [_saved(row) for row in rows]

    def new_count(self, saved: SavedSearch) -> int:
        """How many of its matches arrived since it was last opened."""
        where, params = article_where(saved.filter, after_id=saved.seen_id)
        return self.db.scalar(f"SELECT count(*) FROM articles a WHERE {where}", params)


def _filters_json(value: ArticleFilter) -> str:
    return json.dumps(replace(value, query=None).to_json(), ensure_ascii=False)


def _saved(row: Row) -> SavedSearch:
    try:
        filters = ArticleFilter.from_json(json.loads(row["filters"] or "{}"))
    except ValueError:  # written by hand or damaged: the query alone still works
        filters = ArticleFilter()
    return SavedSearch(
        id=row["id"],
        name=row["name"],
        filter=replace(filters, query=row["query"] or None),
        seen_id=row["seen_id"],
        created=row["created"],
        opened=row["opened"],
    )
