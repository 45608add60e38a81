"""The library repository: the only code that reads and writes the articles database.

Related headlines are linked to articles by a normalised title key at read time, so a
link appears the moment its target is imported, whichever of the two came first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote

from desktop_app.model import (
    Article,
    ArticleSummary,
    Bookmark,
    ChangeKind,
    Changes,
    ParsedArticle,
    RelatedHeadline,
    SearchHit,
)
from desktop_app.search.index import index_values
from desktop_app.search.match import text_matches
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.search.snippets import make_snippet
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import LibraryError, SearchCancelled
from desktop_app.storage.schema import migrate
from desktop_app.text.normalize import title_key

__all__ = ["Library", "LibraryError", "ListFilter", "SearchCancelled", "connect"]

BUSY_TIMEOUT_MS = 15000
# bm25 column weights: a word in the title says more than one in the lede or the body.
# The same for the exact columns (phrases) and the stem columns (words), in the order
# of articles_fts: title, lede, caption, body, then their stems.
_BM25_WEIGHTS = "10.0, 4.0, 2.0, 1.0, 10.0, 4.0, 2.0, 1.0"
_FTS_ROWIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
# A search matching more articles than this lists them newest first instead of ranking
# them: bm25 over every hit of في would take seconds in a large library.
RANKED_HITS_MAX = 20_000
_FTS_INSERT = """INSERT INTO articles_fts (rowid, title, lede, caption, body,
                     title_stem, lede_stem, caption_stem, body_stem)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


@dataclass(frozen=True)
class ListFilter:
    """What the headline list shows; every field narrows it, None means no limit."""

    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    dateline: str | None = None
    unread_only: bool = False
    query: str | None = None

    def where(self) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if self.source:
            clauses.append("a.source = ?")
            params.append(self.source)
        _add_date_range(clauses, params, self.date_from, self.date_to)
        if self.dateline:
            clauses.append("a.dateline = ?")
            params.append(self.dateline)
        if self.unread_only:
            clauses.append("a.read = 0")
        if self.query:
            parsed = parse_query(self.query)
            if parsed.is_empty:
                clauses.append("0")
            else:
                query_clauses, query_params = _query_where(parsed, with_match=True)
                clauses += query_clauses
                params += query_params
        return (" AND ".join(clauses) or "1"), params


def connect(path: str | Path, read_only: bool = False) -> Connection:
    if read_only:
        conn = _connect_read_only(Path(path))
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.isolation_level = None  # transactions are explicit: Connection.atomic()
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:  # a damaged file: let the caller rename it (Windows needs it closed)
        conn.close()
        raise
    return Connection(conn)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(path.as_posix(), safe='/:')}"
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        # A WAL library in a folder nobody may write to: its -shm cannot be created, so
        # read the file as immutable (nothing can change it there anyway).
        if getattr(error, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_CANTOPEN:
            raise
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
    return conn


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
        self.db = connect(self.path, read_only=read_only)
        hook = (lambda version: before_migration(self, version)) if before_migration else None
        try:
            if not read_only:
                migrate(self.db, before_migration=hook)
        except BaseException:
            self.db.close()
            raise

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
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing ------------------------------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return row[0] if row else None

    def add(self, article: ParsedArticle) -> tuple[int, bool]:
        """Store an article; returns (id, is_new). A duplicate returns the stored id."""
        existing = self.find_duplicate(article.content_hash)
        if existing is not None:
            return existing, False
        with self.db.atomic():
            published = article.published.isoformat() if article.published else None
            cursor = self.db.execute(
                """INSERT INTO articles (published, sort_date, title, lede, source, caption,
                       dateline, body, path, encoding, content_hash, title_key, imported, read)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                [
                    published,
                    published or "",
                    article.title,
                    article.lede,
                    article.source,
                    article.caption,
                    article.dateline,
                    "\n".join(article.paragraphs),
                    article.path,
                    article.encoding,
                    article.content_hash,
                    title_key(article.title),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ],
            )
            article_id = cursor.lastrowid
            assert article_id is not None
            self.db.conn.executemany(
                "INSERT INTO related (article_id, position, text, key) VALUES (?, ?, ?, ?)",
                [(article_id, i, text, title_key(text)) for i, text in enumerate(article.related)],
            )
            self.db.execute(
                _FTS_INSERT,
                [article_id, *_fts_values(article.title, article.lede, article.caption,
                                          article.paragraphs)],
            )  # fmt: skip
        self.record(Changes.of(ChangeKind.ARTICLES, [article_id]))
        return article_id, True

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE articles SET read = ? WHERE id = ?", [int(read), article_id])
        self.record(Changes.of(ChangeKind.READ, [article_id]))

    # -- reading ------------------------------------------------------------------------

    def data_version(self) -> int:
        """A counter that changes when *another* connection has committed (PRAGMA
        data_version): cheap, lock-free, unchanged by this connection's own writes."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def is_empty(self) -> bool:
        """Cheaper than count() == 0 on a big library: stops at the first row."""
        return self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def count(self, filters: ListFilter | None = None) -> int:
        where, params = (filters or ListFilter()).where()
        return self.db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[
            0
        ]

    def page(
        self, limit: int = 50, offset: int = 0, filters: ListFilter | None = None
    ) -> list[ArticleSummary]:
        """Newest first (articles without a date last)."""
        where, params = (filters or ListFilter()).where()
        rows = self.db.execute(
            f"""SELECT a.id, a.title, a.source, a.published, a.read FROM articles a
                WHERE {where} ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        return [_summary(row) for row in rows]

    def ids(self, filters: ListFilter | None = None) -> list[int]:
        """Every matching id, newest first: cheap enough for 300,000 rows."""
        where, params = (filters or ListFilter()).where()
        rows = self.db.execute(
            f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.sort_date DESC, a.id DESC",
            params,
        )
        return [row[0] for row in rows]

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for the given ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT id, title, source, published, read FROM articles WHERE id IN ({marks})",
            list(ids),
        ).fetchall()
        by_id = {row[0]: _summary(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def get(self, article_id: int) -> Article | None:
        row = self.db.execute(
            """SELECT id, title, lede, source, caption, dateline, body, published, path, read
               FROM articles WHERE id = ?""",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        return Article(
            id=row[0],
            title=row[1],
            lede=row[2],
            source=row[3],
            caption=row[4],
            dateline=row[5],
            paragraphs=tuple(row[6].split("\n")) if row[6] else (),
            related=tuple(self.related(article_id)),
            published=_date(row[7]),
            path=row[8],
            read=bool(row[9]),
        )

    def related(self, article_id: int) -> list[RelatedHeadline]:
        rows = self.db.execute(
            """SELECT r.position, r.text,
                   (SELECT t.id FROM articles t WHERE t.title_key = r.key AND t.id <> r.article_id
                    ORDER BY t.sort_date DESC, t.id DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM bookmarks b
                           WHERE b.article_id = r.article_id AND b.position = r.position)
               FROM related r WHERE r.article_id = ? ORDER BY r.position""",
            [article_id],
        ).fetchall()
        return [RelatedHeadline(row[0], row[1], row[2], bool(row[3])) for row in rows]

    def resolve_headline(self, headline: str, exclude_id: int | None = None) -> int | None:
        """The stored article a headline names, newest first if several share the title."""
        row = self.db.execute(
            """SELECT id FROM articles WHERE title_key = ? AND id IS NOT ?
               ORDER BY sort_date DESC, id DESC LIMIT 1""",
            [title_key(headline), exclude_id],
        ).fetchone()
        return row[0] if row else None

    def sources(self) -> list[tuple[str, int]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT source, count(*) FROM articles GROUP BY source ORDER BY count(*) DESC"
            )
        ]

    def datelines(self, limit: int = 200) -> list[tuple[str, int]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                """SELECT dateline, count(*) FROM articles WHERE dateline IS NOT NULL
                   GROUP BY dateline ORDER BY count(*) DESC LIMIT ?""",
                [limit],
            )
        ]

    # -- search -------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, filters: ListFilter | None = None
    ) -> list[SearchHit]:
        """Best matches first, each with a snippet of the original text.

        Hits holding every word as typed come before those found through stems, and hits
        with the words side by side before the others; then bm25 (title above lede above
        body), then newer first. A query matching more than RANKED_HITS_MAX articles is
        answered newest first. Raises SearchCancelled when another thread calls
        interrupt().
        """
        parsed = parse_query(query)
        if parsed.is_empty:
            return []
        where, params = (filters or ListFilter()).where()
        query_clauses, query_params = _query_where(parsed, with_match=False)
        where = " AND ".join([where, *query_clauses])
        match = parsed.match()
        columns = "a.id, a.title, a.source, a.published, a.lede, a.caption, a.body"
        with _cancellable():
            common = match is not None and self._matches_more_than(match, RANKED_HITS_MAX)
        if match is None or common:
            # Only exclusions and filters, or words in a great many articles (في، من):
            # ranking them all would take long and say little, so newest first.
            matching = (
                "EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                "AND articles_fts.rowid = a.id)"
            )
            sql = f"""SELECT {columns} FROM articles a
                      WHERE {where}{" AND " + matching if match else ""}
                      ORDER BY a.sort_date DESC, a.id DESC LIMIT ?"""
            args = [*params, *query_params, *([match] if match else []), limit]
        else:
            # Hits with every word as typed, then with the words side by side, come first:
            # a tier of 0-3, then bm25, then newer first.
            tiers = [
                (f"2 * (articles_fts.rowid IN ({_FTS_ROWIDS}))", parsed.adjacent_match()),
                (f"(articles_fts.rowid IN ({_FTS_ROWIDS}))", parsed.exact_match()),
            ]
            tier = " + ".join(clause for clause, expr in tiers if expr)
            sql = f"""SELECT {columns}
                      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                      WHERE articles_fts MATCH ? AND {where}
                      ORDER BY {tier + " DESC, " if tier else ""}
                               bm25(articles_fts, {_BM25_WEIGHTS}), a.sort_date DESC, a.id DESC
                      LIMIT ?"""
            args = [match, *params, *query_params, *(e for _, e in tiers if e), limit]
        with _cancellable():
            rows = self.db.execute(sql, args).fetchall()
        return [
            SearchHit(
                id=row[0],
                title=row[1],
                source=row[2],
                published=_date(row[3]),
                snippet=make_snippet([row[4], row[5] or "", *row[6].split("\n")], query),
            )
            for row in rows
        ]

    def _matches_more_than(self, match: str, count: int) -> bool:
        found = self.db.execute(
            f"SELECT count(*) FROM ({_FTS_ROWIDS} LIMIT ?)", [match, count + 1]
        ).fetchone()[0]
        return found > count

    def interrupt(self) -> None:
        """Stop the query running on this library's connection; safe from any thread.

        A search in progress raises SearchCancelled; other reads raise
        sqlite3.OperationalError("interrupted"). Does nothing when no query runs.
        """
        self.db.conn.interrupt()

    # -- bookmarks ----------------------------------------------------------------------

    def add_bookmark(self, article_id: int, position: int) -> Bookmark:
        row = self.db.execute(
            "SELECT text FROM related WHERE article_id = ? AND position = ?",
            [article_id, position],
        ).fetchone()
        if row is None:
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
                raise LibraryError(f"article {article_id} has no related headline {position}")
            raise LibraryError(f"no article with id {article_id}")
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO bookmarks (article_id, position, headline, key, created)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, position) DO NOTHING""",
                [article_id, position, row[0], title_key(row[0]),
                 datetime.now(UTC).isoformat(timespec="seconds")],
            )  # fmt: skip
        bookmark = self.bookmark_at(article_id, position)
        assert bookmark is not None
        self.record(Changes.of(ChangeKind.BOOKMARKS, [bookmark.id]))
        return bookmark

    def remove_bookmark(self, bookmark_id: int) -> bool:
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
        if cursor.rowcount > 0:
            self.record(Changes.of(ChangeKind.BOOKMARKS, [bookmark_id]))
        return cursor.rowcount > 0

    def bookmark_at(self, article_id: int, position: int) -> Bookmark | None:
        found = self._bookmarks("b.article_id = ? AND b.position = ?", [article_id, position])
        return found[0] if found else None

    def bookmarks(self, query: str | None = None) -> list[Bookmark]:
        """All bookmarks, newest first; `query` keeps those whose headline matches it.

        Matched as Library.search matches articles (normalised and stemmed words, phrases,
        OR, -word, word*); a query without any word keeps every bookmark.
        """
        found = self._bookmarks("1", [])
        parsed = parse_query(query)
        if parsed.groups or parsed.excluded:
            found = [b for b in found if text_matches(parsed, b.headline)]
        return found

    def _bookmarks(self, where: str, params: list) -> list[Bookmark]:
        rows = self.db.execute(
            f"""SELECT b.id, b.headline, b.article_id, b.position, b.created, a.title,
                   (SELECT t.id FROM articles t WHERE t.title_key = b.key AND t.id <> b.article_id
                    ORDER BY t.sort_date DESC, t.id DESC LIMIT 1)
                FROM bookmarks b JOIN articles a ON a.id = b.article_id
                WHERE {where} ORDER BY b.created DESC, b.id DESC""",
            params,
        ).fetchall()
        return [
            Bookmark(
                id=row[0],
                headline=row[1],
                article_id=row[2],
                position=row[3],
                created=row[4],
                article_title=row[5],
                target_article_id=row[6],
            )
            for row in rows
        ]


@contextmanager
def _cancellable() -> Iterator[None]:
    """Turn SQLite's "interrupted" into SearchCancelled."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error):
            raise SearchCancelled("search cancelled") from error
        raise


def _fts_values(title: str, lede: str, caption: str | None, paragraphs: Sequence[str]) -> list[str]:
    return index_values(title, lede, caption or "", "\n".join(paragraphs))


def _query_where(parsed: ParsedQuery, with_match: bool) -> tuple[list[str], list]:
    """SQL clauses over `articles a` for a parsed query's filters and exclusions.

    `with_match` adds the words themselves (the list); search() matches them in its join.
    """
    clauses: list[str] = []
    params: list = []
    match = parsed.match()
    if with_match and match:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    elif not match and parsed.excluded:
        clauses.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(parsed.exclusion())
    if parsed.source:
        escaped = parsed.source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(a.source = ? OR a.source LIKE ? ESCAPE '\\')")
        params += [parsed.source, escaped + "%"]
    _add_date_range(clauses, params, parsed.date_from, parsed.date_to)
    return clauses, params


def _add_date_range(
    clauses: list[str], params: list, date_from: date | None, date_to: date | None
) -> None:
    """Articles published within [date_from, date_to]; undated ones only when unbounded."""
    if date_from:
        clauses.append("a.sort_date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        clauses.append("a.sort_date <> '' AND a.sort_date <= ?")
        params.append(date_to.isoformat())


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _summary(row: Sequence) -> ArticleSummary:
    return ArticleSummary(
        id=row[0], title=row[1], source=row[2], published=_date(row[3]), read=bool(row[4])
    )
