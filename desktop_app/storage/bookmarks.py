"""The bookmarks table: related headlines a reader kept, each linked to the article it
names (by normalised title key, at read time, like related headlines). An article in
the trash is no bookmark's target, and the bookmarks made on it are hidden with it.

Rows are read by column name (sqlite3.Row), never by position.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from desktop_app.model import Bookmark, ChangeKind, Changes
from desktop_app.search.match import text_matches
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.connection import Connection, Row
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.trash import check_live, not_trashed
from desktop_app.text.normalize import title_key

Record = Callable[[Changes], None]
# The columns a Bookmark is read from (by name, so their order here does not matter).
_BOOKMARK_COLUMNS = f"""b.id, b.headline, b.article_id, b.position, b.created,
    a.title AS article_title,
    (SELECT t.id FROM articles t WHERE t.title_key = b.key AND t.id <> b.article_id
     AND {not_trashed("t.id")}
     ORDER BY t.sort_date DESC, t.id DESC LIMIT 1) AS target_article_id"""


class BookmarksRepository:
    """Bookmarks on one connection; every write reports what it changed via `record`."""

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def add(self, article_id: int, position: int) -> Bookmark:
        """Bookmark related headline `position` of an article (again: the same bookmark).

        Raises LibraryError naming what is missing: the article or its headline, or
        that the article is in the trash.
        """
        check_live(self.db, [article_id])
        headline = self.db.scalar(
            "SELECT text FROM related WHERE article_id = ? AND position = ?",
            [article_id, position],
        )
        if headline is None:
            if self.db.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]):
                raise LibraryError(f"article {article_id} has no related headline {position}")
            raise LibraryError(f"no article with id {article_id}")
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO bookmarks (article_id, position, headline, key, created)
                   VALUES (:article_id, :position, :headline, :key, :created)
                   ON CONFLICT (article_id, position) DO NOTHING""",
                {
                    "article_id": article_id,
                    "position": position,
                    "headline": headline,
                    "key": title_key(headline),
                    "created": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
        bookmark = self.at(article_id, position)
        assert bookmark is not None
        if cursor.rowcount > 0:
            self._record(Changes.of(ChangeKind.BOOKMARKS, [bookmark.id]))
        return bookmark

    def remove(self, bookmark_id: int) -> bool:
        """Forget a bookmark; False when there was none with this id."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
        if cursor.rowcount > 0:
            self._record(Changes.of(ChangeKind.BOOKMARKS, [bookmark_id]))
        return cursor.rowcount > 0

    def at(self, article_id: int, position: int) -> Bookmark | None:
        found = self._select("b.article_id = ? AND b.position = ?", [article_id, position])
        return found[0] if found else None

    def search(self, query: ParsedQuery | str | None = None) -> list[Bookmark]:
        """All bookmarks, newest first; `query` keeps those whose headline matches it.

        Matched as a search matches articles (normalised and stemmed words, phrases,
        OR, -word, word*); a query without any word keeps every bookmark.
        """
        found = self._select("1", [])
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if parsed.groups or parsed.excluded:
            found = [b for b in found if text_matches(parsed, b.headline)]
        return found

    def _select(self, where: str, params: list) -> list[Bookmark]:
        rows = self.db.execute(
            f"""SELECT {_BOOKMARK_COLUMNS}
                FROM bookmarks b JOIN articles a ON a.id = b.article_id
                WHERE {where} AND {not_trashed("b.article_id")}
                ORDER BY b.created DESC, b.id DESC""",
            params,
        ).fetchall()
        return [_bookmark(row) for row in rows]


def _bookmark(row: Row) -> Bookmark:
    return Bookmark(
        id=row["id"],
        headline=row["headline"],
        article_id=row["article_id"],
        position=row["position"],
        created=row["created"],
        article_title=row["article_title"],
        target_article_id=row["target_article_id"],
    )
