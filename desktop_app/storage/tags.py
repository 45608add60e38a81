"""The tags and article_tags tables: any number of tags per article.

A tag is a name (spacing trimmed and collapsed; Latin letters compared without case). It
exists from the moment it is first given until it is deleted, even with no articles
left. Counts leave out the articles in the trash (storage/trash.py), which keep their
tags for when they are restored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.model import ChangeKind, Changes, TagCount
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.trash import check_live, not_trashed, now

Record = Callable[[Changes], None]


def tag_name(name: str) -> str:
    """A tag's name as stored: spacing trimmed and collapsed. LibraryError if empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise LibraryError("a tag needs a name")
    return cleaned


class TagsRepository:
    """Tags on one connection; every write reports what it changed via `record`.

    TAGS changes carry the ids of the articles whose tags changed.
    """

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def add(self, name: str, article_ids: Sequence[int]) -> list[int]:
        """Tag articles (the tag is made if new); returns the ids, each once.

        Raises LibraryError naming the first id that is no article or is in the trash,
        changing nothing.
        """
        name = tag_name(name)
        ids = list(dict.fromkeys(article_ids))
        check_live(self.db, ids)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO tags (name, created) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                [name, now()],
            )
            tag_id = self._id(name)
            self.db.executemany(
                "INSERT INTO article_tags (tag_id, article_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                [(tag_id, i) for i in ids],
            )
        self._record(Changes.of(ChangeKind.TAGS, ids))
        return ids

    def remove(self, name: str, article_ids: Sequence[int]) -> list[int]:
        """Take a tag off articles (those without it are fine); returns the ids.

        Raises LibraryError for a tag that does not exist or an id that is no article.
        """
        tag_id = self._existing_id(name)
        ids = list(dict.fromkeys(article_ids))
        for article_id in ids:
            if self.db.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]) is None:
                raise LibraryError(f"no article with id {article_id}")
        with self.db.atomic():
            self.db.executemany(
                "DELETE FROM article_tags WHERE tag_id = ? AND article_id = ?",
                [(tag_id, i) for i in ids],
            )
        self._record(Changes.of(ChangeKind.TAGS, ids))
        return ids

    def rename(self, old: str, new: str) -> None:
        """Rename a tag; into an existing tag's name, the two become one (merged)."""
        old_id = self._existing_id(old)
        new = tag_name(new)
        ids = self._article_ids(old_id)
        with self.db.atomic():
            target = self.db.scalar("SELECT id FROM tags WHERE name = ?", [new])
            if target is None or target == old_id:
                self.db.execute("UPDATE tags SET name = ? WHERE id = ?", [new, old_id])
            else:
                self.db.execute(
                    """INSERT INTO article_tags (tag_id, article_id)
                       SELECT ?, article_id FROM article_tags WHERE tag_id = ?
                       ON CONFLICT DO NOTHING""",
                    [target, old_id],
                )
                self.db.execute("DELETE FROM tags WHERE id = ?", [old_id])
        self._record(Changes.of(ChangeKind.TAGS, ids))

    def delete(self, name: str) -> list[int]:
        """Delete a tag from every article; returns the ids of the articles it was on."""
        tag_id = self._existing_id(name)
        ids = self._article_ids(tag_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        self._record(Changes.of(ChangeKind.TAGS, ids))
        return ids

    def counts(self) -> list[TagCount]:
        """Every tag and how many articles (not in the trash) have it, by name."""
        rows = self.db.execute(
            f"""SELECT t.name,
                   (SELECT count(*) FROM article_tags x
                    WHERE x.tag_id = t.id AND {not_trashed("x.article_id")})
                   AS articles
                FROM tags t ORDER BY t.name"""
        ).fetchall()
        return [TagCount(row["name"], row["articles"]) for row in rows]

    def of_article(self, article_id: int) -> list[str]:
        """The names of an article's tags, sorted."""
        return self.db.column(
            """SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
               WHERE x.article_id = ? ORDER BY t.name""",
            [article_id],
        )

    def exists(self, name: str) -> bool:
        return self.db.scalar("SELECT 1 FROM tags WHERE name = ?", [" ".join(name.split())]) == 1

    def _id(self, name: str) -> int:
        return self.db.scalar("SELECT id FROM tags WHERE name = ?", [name])

    def _existing_id(self, name: str) -> int:
        tag_id = self.db.scalar("SELECT id FROM tags WHERE name = ?", [" ".join(name.split())])
        if tag_id is None:
            raise LibraryError(f"no tag named {name!r}")
        return tag_id

    def _article_ids(self, tag_id: int) -> list[int]:
        return self.db.column("SELECT article_id FROM article_tags WHERE tag_id = ?", [tag_id])
