"""The stars table: articles the reader starred (bookmarks of related headlines are
another thing and stay). Counts leave out the articles in the trash."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.model import ChangeKind, Changes
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.trash import check_live, not_trashed, now

Record = Callable[[Changes], None]


class StarsRepository:
    """Stars on one connection; STARS changes carry the article ids."""

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def set(self, article_ids: Sequence[int], starred: bool = True) -> list[int]:
        """Star (or unstar) articles; returns the ids, each once.

        Raises LibraryError naming the first id that is no article (or, to star, is in
        the trash), changing nothing.
        """
        ids = list(dict.fromkeys(article_ids))
        if starred:
            check_live(self.db, ids)
        else:
            for article_id in ids:
                if self.db.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]) is None:
                    raise LibraryError(f"no article with id {article_id}")
        with self.db.atomic():
            if starred:
                self.db.executemany(
                    "INSERT INTO stars (article_id, created) VALUES (?, ?) "
                    "ON CONFLICT (article_id) DO NOTHING",
                    [(i, now()) for i in ids],
                )
            else:
                self.db.executemany("DELETE FROM stars WHERE article_id = ?", [(i,) for i in ids])
        self._record(Changes.of(ChangeKind.STARS, ids))
        return ids

    def is_starred(self, article_id: int) -> bool:
        return self.db.scalar("SELECT 1 FROM stars WHERE article_id = ?", [article_id]) == 1

    def count(self) -> int:
        return self.db.scalar(f"SELECT count(*) FROM stars s WHERE {not_trashed('s.article_id')}")
