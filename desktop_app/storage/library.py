"""The library: one open library file, the façade over its repositories.

`Library` owns the connection, transactions and the lifecycle (open, migrate, close),
and composes one repository per table: `articles` (storage/articles.py) and
`bookmarks_repo` (storage/bookmarks.py). Its reading and writing methods are thin
delegations to them, kept so that callers need only the library. Every write records
what it changed (`model.Changes`); `take_changes()` hands that to whoever announces it.
No sqlite3 error leaves it: they arrive as storage/errors.py's types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desktop_app.model import (
    Article,
    ArticleFilter,
    ArticleSummary,
    Bookmark,
    Changes,
    HitContext,
    ParsedArticle,
    RelatedHeadline,
    SearchHit,
    SearchOrder,
)
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.articles import ArticlesRepository
from desktop_app.storage.bookmarks import BookmarksRepository
from desktop_app.storage.connection import BUSY_TIMEOUT_MS, Connection, connect
from desktop_app.storage.copies import copy_database
from desktop_app.storage.errors import LibraryError, SearchCancelled, translating
from desktop_app.storage.schema import migrate

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
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self._changes = Changes.none()
        self.db: Connection = connect(self.path, read_only=read_only)
        hook = (lambda version: before_migration(self, version)) if before_migration else None
        try:
            with translating():
                if not read_only and migrate(self.db, before_migration=hook):
                    self.record(Changes.everything())  # every row may read differently
        except BaseException:
            self.db.close()
            raise
        self.articles = ArticlesRepository(self.db, self.record)
        self.bookmarks_repo = BookmarksRepository(self.db, self.record)

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
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

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

    def snapshot(self, destination: Path) -> None:
        """A consistent copy of this library in one file (storage/copies.py)."""
        copy_database(self.db, destination)

    # -- articles (storage/articles.py) -------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        return self.articles.find_duplicate(content_hash)

    def add(self, article: ParsedArticle) -> tuple[int, bool]:
        """Store an article; returns (id, is_new). A duplicate returns the stored id."""
        return self.articles.add(article)

    def set_read(self, article_id: int, read: bool = True) -> None:
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

    def resolve_headline(self, headline: str, exclude_id: int | None = None) -> int | None:
        """The stored article a headline names, newest first if several share the title."""
        return self.articles.resolve_headline(headline, exclude_id)

    def sources(self) -> list[tuple[str, int]]:
        return self.articles.sources()

    def datelines(self, limit: int = 200) -> list[tuple[str, int]]:
        return self.articles.datelines(limit)

    def search(
        self,
        query: str | ParsedQuery,
        limit: int = 20,
        filters: ArticleFilter | None = None,
        sort: SearchOrder = SearchOrder.RELEVANCE,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Best matches first (or by date), each with a snippet (ArticlesRepository.search).

        The query is parsed here, once, and the parsed form serves the SQL, the ranking
        and the snippets. Raises SearchCancelled when another thread calls interrupt().
        """
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        return self.articles.search(parsed, limit, filters, sort, offset)

    def search_ids(
        self,
        query: str | ParsedQuery,
        filters: ArticleFilter | None = None,
        sort: SearchOrder = SearchOrder.RELEVANCE,
    ) -> list[int]:
        """Every match's id in the order `search` lists them (the window's result list)."""
        return self.articles.search_ids(query, filters, sort)

    def search_count(self, query: str | ParsedQuery, filters: ArticleFilter | None = None) -> int:
        """How many articles `search` finds."""
        return self.articles.search_count(query, filters)

    def hit_contexts(self, query: str | ParsedQuery, ids: Sequence[int]) -> dict[int, HitContext]:
        """A line of context and the number of matched words for each listed result."""
        return self.articles.hit_contexts(query, ids)

    # -- bookmarks (storage/bookmarks.py) -----------------------------------------------

    def add_bookmark(self, article_id: int, position: int) -> Bookmark:
        return self.bookmarks_repo.add(article_id, position)

    def remove_bookmark(self, bookmark_id: int) -> bool:
        return self.bookmarks_repo.remove(bookmark_id)

    def bookmark_at(self, article_id: int, position: int) -> Bookmark | None:
        return self.bookmarks_repo.at(article_id, position)

    def bookmarks(self, query: str | ParsedQuery | None = None) -> list[Bookmark]:
        """All bookmarks, newest first; `query` keeps those whose headline matches it."""
        return self.bookmarks_repo.search(query)
