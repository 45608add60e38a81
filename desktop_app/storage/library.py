"""The library: one open library file, the façade over its repositories.

`Library` owns the connection, transactions and the lifecycle (open, migrate, close),
and composes one repository per table: `articles` (storage/articles.py) and
`bookmarks_repo` (storage/bookmarks.py). Its reading and writing methods are thin
delegations to them, kept so that callers need only the library. Every write records
what it changed (`model.Changes`); `take_changes()` hands that to whoever announces it.
No sqlite3 error leaves it: they arrive as storage/errors.py's types.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desktop_app.model import (
    Article,
    ArticleFilter,
    ArticleSummary,
    Bookmark,
    Changes,
    ParsedArticle,
    RelatedHeadline,
    SearchHit,
)
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage import schema
from desktop_app.storage.articles import ArticlesRepository
from desktop_app.storage.bookmarks import BookmarksRepository
from desktop_app.storage.connection import BUSY_TIMEOUT_MS, Connection, connect
from desktop_app.storage.copies import copy_database
from desktop_app.storage.errors import (
    LibraryError,
    LibraryReplaced,
    NotALibrary,
    SearchCancelled,
    translating,
)
from desktop_app.storage.identity import Kind, identify
from desktop_app.storage.locks import library_lock
from desktop_app.storage.schema import APPLICATION_ID, migrate, newer_library

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Library",
    "LibraryError",
    "ListFilter",
    "SearchCancelled",
    "connect",
]

# The headline list's filter: the one filter value of model.py, under its old name.
ListFilter = ArticleFilter

# How long an opener waits for another process creating or upgrading the schema (an
# upgrade of a large library takes a while) before it gives up with LibraryBusy.
SETUP_WAIT_SECONDS = 600.0
# How long a write waits for a restore or an upgrade by another process to finish.
WRITE_WAIT_SECONDS = 10.0


class Library:
    """An open library file. One instance per thread."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        before_migration: Callable[[Library, int], None] | None = None,
    ) -> None:
        """Open (and migrate) a library; storage.safety.open_library adds the safety net.

        `before_migration(library, current_version)` runs before an older schema is
        upgraded (safety uses it to back the file up first).
        """
        self.path = Path(path)
        self.read_only = read_only
        self._changes = Changes.none()
        self._file_id: tuple[int, int] | None = None
        if read_only:
            self.db: Connection = connect(self.path, read_only=True)
        else:
            self.db = self._open_for_writing(before_migration)
        self._file_id = self._current_file_id()
        self.articles = ArticlesRepository(self.db, self.record)
        self.bookmarks_repo = BookmarksRepository(self.db, self.record)

    def _open_for_writing(
        self, before_migration: Callable[[Library, int], None] | None
    ) -> Connection:
        """Connect, creating or migrating the schema under the library's lock.

        Never writes to a file that is not an Akhbar library (storage/identity.py), nor
        to one from a newer Akhbar. Creating and migrating hold the lock file exclusively,
        so any number of processes may open a new or old library at once: one does the
        work (and the backup), the others wait and then find it done.
        """
        found = identify(self.path)
        if not found.is_ours:
            raise NotALibrary(
                f"{self.path} is not an Akhbar library ({found.reason}); it was left as it was"
            )
        if found.is_newer:
            raise newer_library(found.schema_version)
        if found.kind is Kind.MISSING:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if found.kind in (Kind.MISSING, Kind.EMPTY):
            with self._setup_lock():  # nobody else creates the schema meanwhile
                db = connect(self.path)
                return self._migrate(db, before_migration)
        db = connect(self.path)
        try:
            current = (
                db.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
                and db.scalar("PRAGMA application_id") == APPLICATION_ID
            )
        except BaseException:
            db.close()
            raise
        if current:
            return db
        with self._setup_lock():
            return self._migrate(db, before_migration)

    def _setup_lock(self):
        return library_lock(
            self.path, exclusive=True, wait=SETUP_WAIT_SECONDS, doing="open the library"
        )

    def _migrate(
        self, db: Connection, before_migration: Callable[[Library, int], None] | None
    ) -> Connection:
        self.db = db
        hook = (lambda version: before_migration(self, version)) if before_migration else None
        try:
            with translating():
                if migrate(db, before_migration=hook):
                    self.record(Changes.everything())  # every row may read differently
        except BaseException:
            db.close()
            raise
        return db

    def _current_file_id(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.path)
        except OSError:
            return None
        return (found.st_dev, found.st_ino)

    def replaced(self) -> bool:
        """Has the file at `path` been replaced (a restore) since this connection opened?

        The connection still reads the old file, now kept aside under another name: every
        process that notices this reopens (the window) or was excluded by the lock (an
        import), so that nothing is written to, or read from, a library set aside.
        """
        return self._file_id is not None and self._current_file_id() != self._file_id

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around every write: the library's lock held shared (a restore waits for the
        write, the write waits for a restore) and LibraryReplaced if a restore has put
        another file in this one's place since it was opened."""
        with library_lock(
            self.path, exclusive=False, wait=WRITE_WAIT_SECONDS, doing="change the library"
        ):
            if self.replaced():
                raise LibraryReplaced(
                    f"the library {self.path} was replaced (restored from a backup) since it "
                    "was opened; nothing was changed: open it again"
                )
            yield

    def fact(self, key: str) -> str | None:
        """What the library keeps about itself (`library_facts`), or None."""
        return self.db.scalar("SELECT value FROM library_facts WHERE key = ?", [key])

    def set_fact(self, key: str, value: str) -> None:
        with self.writing(), self.db.atomic():
            self.db.execute(
                "INSERT INTO library_facts (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def close(self) -> None:
        self.db.close()

    def record(self, changes: Changes) -> None:
        """Note what a write changed; `take_changes()` hands it to whoever announces it."""
        self._changes = self._changes | changes

    def take_changes(self) -> Changes:
        """What this connection's writes changed since the last call (then forgets it)."""
        changes, self._changes = self._changes, Changes.none()
        return changes

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred BEGIN reads first and upgrades to a write later; if another connection
        (the window marking an article read) committed in between, SQLite refuses the
        upgrade at once with "database is locked", busy timeout or not
        (tests/reliability/test_concurrent_access.py). Asking for the lock first makes
        SQLite wait instead. Nested calls become savepoints.
        """
        if self.db.in_transaction:
            with self.db.atomic():
                yield
            return
        with self.writing():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")  # may fail too (a full disk): then roll back
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def data_version(self) -> int:
        """A counter that changes when *another* connection has committed (PRAGMA
        data_version): cheap, lock-free, unchanged by this connection's own writes."""
        return int(self.db.scalar("PRAGMA data_version"))

    def interrupt(self) -> None:
        """Stop the query running on this library's connection; safe from any thread.

        The query in progress (a search, a count, a list of ids) raises SearchCancelled.
        Does nothing when no query runs.
        """
        self.db.interrupt()

    def snapshot(self, destination: Path, overwrite: bool = True) -> None:
        """A consistent copy of this library in one file (storage/copies.py); without
        `overwrite`, FileExistsError if `destination` exists."""
        copy_database(self.db, destination, overwrite)

    # -- articles (storage/articles.py) -------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        return self.articles.find_duplicate(content_hash)

    def add(self, article: ParsedArticle, index_row: list[str] | None = None) -> tuple[int, bool]:
        """Store an article; returns (id, is_new). A duplicate returns the stored id.

        `index_row`: its search/index.py index_values, when the caller made them before
        taking the write lock (the importer does; they take longer than the insert).
        """
        with self.writing():
            return self.articles.add(article, index_row)

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self.writing():
            self.articles.set_read(article_id, read)

    def is_empty(self) -> bool:
        return self.articles.is_empty()

    def count(self, filters: ArticleFilter | None = None) -> int:
        return self.articles.count(filters)

    def page(
        self, limit: int = 50, offset: int = 0, filters: ArticleFilter | None = None
    ) -> list[ArticleSummary]:
        """Newest first (articles without a date last)."""
        return self.articles.page(limit, offset, filters)

    def ids(self, filters: ArticleFilter | None = None) -> list[int]:
        """Every matching id, newest first: cheap enough for 300,000 rows."""
        return self.articles.ids(filters)

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for the given ids, in the order given (missing ids are skipped)."""
        return self.articles.summaries(ids)

    def get(self, article_id: int) -> Article | None:
        return self.articles.get(article_id)

    def related(self, article_id: int) -> list[RelatedHeadline]:
        return self.articles.related(article_id)

    def file_path(self, article_id: int) -> str | None:
        """The article's file, as open() takes it (even when its name is not UTF-8)."""
        return self.articles.file_path(article_id)

    def resolve_headline(self, headline: str, exclude_id: int | None = None) -> int | None:
        """The stored article a headline names, newest first if several share the title."""
        return self.articles.resolve_headline(headline, exclude_id)

    def sources(self) -> list[tuple[str, int]]:
        return self.articles.sources()

    def datelines(self, limit: int = 200) -> list[tuple[str, int]]:
        return self.articles.datelines(limit)

    def search(
        self, query: str | ParsedQuery, limit: int = 20, filters: ArticleFilter | None = None
    ) -> list[SearchHit]:
        """Best matches first, each with a snippet (see ArticlesRepository.search).

        The query is parsed here, once, and the parsed form serves the SQL, the ranking
        and the snippets. Raises SearchCancelled when another thread calls interrupt().
        """
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        return self.articles.search(parsed, limit, filters)

    # -- bookmarks (storage/bookmarks.py) -----------------------------------------------

    def add_bookmark(self, article_id: int, position: int) -> Bookmark:
        with self.writing():
            return self.bookmarks_repo.add(article_id, position)

    def remove_bookmark(self, bookmark_id: int) -> bool:
        with self.writing():
            return self.bookmarks_repo.remove(bookmark_id)

    def bookmark_at(self, article_id: int, position: int) -> Bookmark | None:
        return self.bookmarks_repo.at(article_id, position)

    def bookmarks(self, query: str | ParsedQuery | None = None) -> list[Bookmark]:
        """All bookmarks, newest first; `query` keeps those whose headline matches it."""
        return self.bookmarks_repo.search(query)
