"""The trash table: articles deleted by the reader, until the trash is emptied.

An article in the trash keeps its row (and its tags, star, notes and bookmarks) but
vanishes from every read of the library: lists, counts, search, related headlines and
bookmark targets. They all leave it out through `not_trashed()`, the one clause that
says which articles are live. Restoring brings it all back; emptying the trash deletes
the articles for good, with their index rows and everything that hangs on them.

Re-importing a file whose article is in the trash stores nothing (the content hash is
the same): the import reports it as a duplicate of the trashed article, with a warning
saying so; the article stays in the trash until the reader restores it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime

from desktop_app.model import ArticleSummary, ChangeKind, Changes, TrashedArticle
from desktop_app.search.index import index_values
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.schema import FTS_DELETE

Record = Callable[[Changes], None]
_BATCH = 500  # ids per statement (SQLite allows 32,766 variables; keep statements short)


def not_trashed(article_id: str = "a.id") -> str:
    """The SQL condition that the article whose id is the column `article_id` is not in
    the trash: every read of the library uses it."""
    return f"{article_id} NOT IN (SELECT article_id FROM trash)"


def check_live(db: Connection, ids: Iterable[int]) -> None:
    """LibraryError naming the first id that is no article, or one in the trash."""
    for article_id in ids:
        row = db.execute(
            """SELECT EXISTS (SELECT 1 FROM trash WHERE article_id = a.id) AS trashed
               FROM articles a WHERE a.id = ?""",
            [article_id],
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        if row["trashed"]:
            raise LibraryError(f"article {article_id} is in the trash")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class TrashRepository:
    """The trash on one connection; every write reports what it changed via `record`."""

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def move(self, article_ids: Sequence[int]) -> list[int]:
        """Move articles to the trash (those already there stay); returns the ids.

        Raises LibraryError naming the first id that is no article, changing nothing.
        """
        ids = _unique(article_ids)
        self._check_exist(ids)
        with self.db.atomic():
            self.db.executemany(
                "INSERT INTO trash (article_id, deleted) VALUES (?, ?) "
                "ON CONFLICT (article_id) DO NOTHING",
                [(i, now()) for i in ids],
            )
        self._record(Changes.of(ChangeKind.TRASH, ids) | Changes.of(ChangeKind.ARTICLES, ids))
        return ids

    def restore(self, article_ids: Sequence[int]) -> list[int]:
        """Bring articles back from the trash; LibraryError naming an id not in it."""
        ids = _unique(article_ids)
        for article_id in ids:
            if not self.contains(article_id):
                if self.db.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]):
                    raise LibraryError(f"article {article_id} is not in the trash")
                raise LibraryError(f"no article with id {article_id}")
        with self.db.atomic():
            self.db.executemany("DELETE FROM trash WHERE article_id = ?", [(i,) for i in ids])
        self._record(Changes.of(ChangeKind.TRASH, ids) | Changes.of(ChangeKind.ARTICLES, ids))
        return ids

    def empty(self) -> list[int]:
        """Delete every article in the trash for good; returns their ids.

        Their full-text rows go first (a contentless index forgets a row only when told
        the values it indexed, computed again from the stored text), then the articles,
        whose related headlines, bookmarks, tags, star, notes and trash row go with them
        (foreign keys, ON DELETE CASCADE). Saved searches' seen marks are lowered to the
        highest id left, so that an article stored later under a freed id counts as new.
        """
        ids = self.db.column("SELECT article_id FROM trash ORDER BY article_id")
        if not ids:
            return []
        with self.db.atomic():
            for start in range(0, len(ids), _BATCH):
                batch = ids[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                rows = self.db.execute(
                    f"SELECT id, title, lede, caption, body FROM articles WHERE id IN ({marks})",
                    batch,
                ).fetchall()
                self.db.executemany(
                    FTS_DELETE,
                    [
                        (row["id"], *index_values(
                            row["title"], row["lede"], row["caption"] or "", row["body"]))
                        for row in rows
                    ],
                )  # fmt: skip
                self.db.execute(f"DELETE FROM articles WHERE id IN ({marks})", batch)
            highest = self.db.scalar("SELECT coalesce(max(id), 0) FROM articles")
            self.db.execute(
                "UPDATE saved_searches SET seen_id = ? WHERE seen_id > ?", [highest, highest]
            )
        self._record(Changes.of(ChangeKind.TRASH, ids) | Changes.of(ChangeKind.ARTICLES, ids))
        return ids

    def contains(self, article_id: int) -> bool:
        return self.db.scalar("SELECT 1 FROM trash WHERE article_id = ?", [article_id]) is not None

    def count(self) -> int:
        return self.db.scalar("SELECT count(*) FROM trash")

    def list(self) -> list[TrashedArticle]:
        """The articles in the trash, the most recently deleted first."""
        rows = self.db.execute(
            """SELECT a.id, a.title, a.source, a.published, a.read, t.deleted
               FROM trash t JOIN articles a ON a.id = t.article_id
               ORDER BY t.deleted DESC, a.id DESC"""
        ).fetchall()
        return [
            TrashedArticle(
                ArticleSummary(
                    id=row["id"],
                    title=row["title"],
                    source=row["source"],
                    published=_date(row["published"]),
                    read=bool(row["read"]),
                ),
                deleted=row["deleted"],
            )
            for row in rows
        ]

    def _check_exist(self, ids: Iterable[int]) -> None:
        for article_id in ids:
            if self.db.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]) is None:
                raise LibraryError(f"no article with id {article_id}")


def _unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(ids))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
