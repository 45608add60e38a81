"""The library: one open library file, the façade over its repositories.

`Library` owns the connection, transactions and the lifecycle (open, migrate, close),
and composes one repository per table: `articles` (storage/articles.py),
`bookmarks_repo` (bookmarks.py), `tags_repo` (tags.py), `stars_repo` (stars.py),
`notes_repo` (notes.py), `saved_repo` (saved_searches.py) and `trash_repo` (trash.py).
Its reading and writing methods are thin delegations to them, kept so that callers need
only the library. Every write records
what it changed (`model.Changes`); `take_changes()` hands that to whoever announces it.
No sqlite3 error leaves it: they arrive as storage/errors.py's types.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from desktop_app.model import (
    Article,
    ArticleFilter,
    ArticleSummary,
    Bookmark,
    Changes,
    HitContext,
    Note,
    ParsedArticle,
    RelatedHeadline,
    SavedSearch,
    SavedSearchCount,
    SearchHit,
    SearchOrder,
    SidebarCounts,
    TagCount,
    TrashedArticle,
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
from desktop_app.storage.notes import NotesRepository
from desktop_app.storage.saved_searches import SavedSearchesRepository
from desktop_app.storage.schema import APPLICATION_ID, migrate, newer_library
from desktop_app.storage.stars import StarsRepository
from desktop_app.storage.tags import TagsRepository
from desktop_app.storage.trash import TrashRepository

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
        self.tags_repo = TagsRepository(self.db, self.record)
        self.stars_repo = StarsRepository(self.db, self.record)
        self.notes_repo = NotesRepository(self.db, self.record)
        self.saved_repo = SavedSearchesRepository(self.db, self.record)
        self.trash_repo = TrashRepository(self.db, self.record)

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

    def max_article_id(self) -> int:
        """The highest article id ever stored here and still present (0 when empty)."""
        return int(self.db.scalar("SELECT coalesce(max(id), 0) FROM articles") or 0)

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

    def set_read_many(self, article_ids: Sequence[int], read: bool = True) -> list[int]:
        """Mark articles read or unread; LibraryError naming an id that is no article or
        is in the trash (nothing changed then)."""
        return self.articles.set_read_many(article_ids, read)

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

    def get(self, article_id: int, include_trashed: bool = False) -> Article | None:
        """The article with its tags and star; None if there is none or it is in the
        trash (unless `include_trashed`)."""
        return self.articles.get(article_id, include_trashed)

    def exists(self, article_id: int) -> bool:
        """Whether the id is a stored article not in the trash."""
        return self.articles.exists(article_id)

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

    # -- tags (storage/tags.py) ---------------------------------------------------------

    def tag(self, name: str, article_ids: Sequence[int]) -> list[int]:
        """Give articles a tag (made if new); LibraryError naming an unknown or trashed id."""
        return self.tags_repo.add(name, article_ids)

    def untag(self, name: str, article_ids: Sequence[int]) -> list[int]:
        """Take a tag off articles; LibraryError for an unknown tag or id."""
        return self.tags_repo.remove(name, article_ids)

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag (into an existing name: the two tags merge)."""
        self.tags_repo.rename(old, new)

    def delete_tag(self, name: str) -> list[int]:
        """Delete a tag from every article; returns the articles it was on."""
        return self.tags_repo.delete(name)

    def tags(self) -> list[TagCount]:
        """Every tag with its number of articles (trash left out), by name."""
        return self.tags_repo.counts()

    def tag_exists(self, name: str) -> bool:
        return self.tags_repo.exists(name)

    # -- stars (storage/stars.py) -------------------------------------------------------

    def set_starred(self, article_ids: Sequence[int], starred: bool = True) -> list[int]:
        """Star or unstar articles; LibraryError naming an unknown (or, to star, trashed) id."""
        return self.stars_repo.set(article_ids, starred)

    # -- notes and highlights (storage/notes.py) ----------------------------------------

    def add_note(
        self,
        article_id: int,
        quote: str,
        text: str = "",
        field: str | None = None,
        start: int | None = None,
    ) -> Note:
        """Highlight a passage (with a note, or none: `text` empty). See NotesRepository.add."""
        return self.notes_repo.add(article_id, quote, text, field, start)

    def set_note_text(self, note_id: int, text: str) -> Note:
        return self.notes_repo.set_text(note_id, text)

    def remove_note(self, note_id: int) -> bool:
        return self.notes_repo.remove(note_id)

    def note(self, note_id: int) -> Note | None:
        return self.notes_repo.get(note_id)

    def notes(
        self, article_id: int | None = None, query: str | ParsedQuery | None = None
    ) -> list[Note]:
        """Notes (trash left out): of one article in reading order, or all newest first;
        `query` keeps those whose quote and note match it (Arabic matching)."""
        return self.notes_repo.search(article_id, query)

    def reanchor_notes(self) -> int:
        """Write back the anchors of notes whose stored text moved; returns how many."""
        return self.notes_repo.reanchor_all()

    # -- saved searches (storage/saved_searches.py) -------------------------------------

    def add_saved_search(self, name: str, filters: ArticleFilter) -> SavedSearch:
        """Save a search under a name (its query is `filters.query`); nothing is new yet."""
        return self.saved_repo.add(name, filters)

    def update_saved_search(self, name: str, filters: ArticleFilter) -> SavedSearch:
        return self.saved_repo.update(name, filters)

    def rename_saved_search(self, old: str, new: str) -> SavedSearch:
        return self.saved_repo.rename(old, new)

    def remove_saved_search(self, name: str) -> SavedSearch:
        return self.saved_repo.remove(name)

    def saved_search(self, name: str) -> SavedSearch | None:
        return self.saved_repo.get(name)

    def saved_searches(self) -> list[SavedSearch]:
        return self.saved_repo.all()

    def saved_search_count(self, saved: SavedSearch) -> SavedSearchCount:
        """Its matches and its new matches (arrived since it was last opened)."""
        return SavedSearchCount(
            saved, self.articles.count(saved.filter), self.saved_repo.new_count(saved)
        )

    def open_saved_search(self, name: str) -> SavedSearch:
        """Mark a saved search as seen (its new count becomes 0); returns it."""
        return self.saved_repo.mark_seen(name)

    def search_saved(self, saved: SavedSearch, limit: int = 20) -> list[SearchHit]:
        """Its matches in the shape of a search (best first, with snippets)."""
        return self.search(saved.query, limit, replace(saved.filter, query=None))

    # -- trash (storage/trash.py) -------------------------------------------------------

    def move_to_trash(self, article_ids: Sequence[int]) -> list[int]:
        """Delete articles to the trash; LibraryError naming an unknown id."""
        return self.trash_repo.move(article_ids)

    def restore_from_trash(self, article_ids: Sequence[int]) -> list[int]:
        """Bring articles back; LibraryError naming an id that is not in the trash."""
        return self.trash_repo.restore(article_ids)

    def empty_trash(self) -> list[int]:
        """Delete the articles in the trash for good (index rows too); returns their ids."""
        return self.trash_repo.empty()

    def trashed(self) -> list[TrashedArticle]:
        """The articles in the trash, the most recently deleted first."""
        return self.trash_repo.list()

    def in_trash(self, article_id: int) -> bool:
        return self.trash_repo.contains(article_id)

    # -- the sidebar ----------------------------------------------------------------------

    def sidebar_counts(self) -> SidebarCounts:
        """Every number of the window's sidebar (each a query of a few ms, see
        benchmarks/organise_bench.py)."""
        return SidebarCounts(
            articles=self.count(),
            unread=self.count(ArticleFilter(unread_only=True)),
            starred=self.stars_repo.count(),
            tags=tuple(self.tags()),
            saved_searches=tuple(self.saved_search_count(s) for s in self.saved_searches()),
            notes=self.notes_repo.count(),
            trash=self.trash_repo.count(),
        )
