"""The SQL behind the archive analyses: counts per period, the texts of a set, vocabulary.

A repository over the library's `Connection`; it only reads. Which articles a query
matches is decided exactly as the headline list and `Library.search` decide it: the
filters by `storage.filters.article_where` and the words by the query language's FTS5 MATCH
(`search/query.py`), so a timeline, a concordance and the list always agree.

Periods are taken from `sort_date` (`YYYY-MM-DD`, or '' when undated) by substrings, so
the grouping runs on the `articles_newest` index without reading any article row when
there is no query; undated articles have no period and are left out of period counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from desktop_app.model import ArticleFilter as ListFilter
from desktop_app.search.query import STEM_COLUMNS, parse_query
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import SearchCancelled
from desktop_app.storage.filters import article_where

__all__ = ["DAY", "MONTH", "AnalysisRepository", "ArticleText"]

DAY = 10  # characters of sort_date that name a day: YYYY-MM-DD
MONTH = 7  # YYYY-MM
_BATCH = 500
# The FTS5 "averages" record (rowid 1 of the %_data table): the number of rows, then
# the number of tokens in each column, as SQLite varints. bm25 reads it; so do we, for
# the size of the whole library in tokens without reading the index.
_AVERAGES_ROWID = 1
_VOCAB = "temp.akhbar_vocab"

# (id, title, lede, caption or '', body): what the concordance and the term counts read.
ArticleText = tuple[int, str, str, str, str]


class AnalysisRepository:
    """Read-only queries for the timeline, concordance, top terms and source tables."""

    def __init__(self, db: Connection) -> None:
        self.db = db
        self._vocab_ready = False

    # -- which articles --------------------------------------------------------------

    def count_matching(self, filters: ListFilter) -> int:
        where, params = article_where(filters)
        with _cancellable():
            row = self.db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params)
            return int((row.fetchone() or [0])[0])

    def matching_ids(self, filters: ListFilter, limit: int | None = None) -> list[int]:
        """Ids of the matching articles in the index's order (ascending id)."""
        sql, params = self._matching_sql("a.id", filters)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with _cancellable():
            return [row[0] for row in self.db.execute(sql, params)]

    def texts(self, filters: ListFilter) -> Iterator[ArticleText]:
        """The matching articles' texts, streamed in the index's order.

        With words to match, the full-text index drives the query, so the first rows
        arrive before the index has found every match: a caller may stop early.
        """
        sql, params = self._matching_sql(
            "a.id, a.title, a.lede, coalesce(a.caption, ''), a.body", filters
        )
        with _cancellable():
            cursor = self.db.execute(sql, params)
            try:
                while batch := cursor.fetchmany(50):
                    yield from (_text(row) for row in batch)
            finally:  # a reader that stops early must not keep the read snapshot open
                cursor.close()

    def texts_of(self, ids: Sequence[int]) -> Iterator[list[ArticleText]]:
        """The texts of the given articles, in batches (order within a batch not kept)."""
        for start in range(0, len(ids), _BATCH):
            chunk = list(ids[start : start + _BATCH])
            marks = ",".join("?" * len(chunk))
            with _cancellable():
                rows = self.db.execute(
                    f"""SELECT id, title, lede, coalesce(caption, ''), body
                        FROM articles WHERE id IN ({marks})""",
                    chunk,
                ).fetchall()
            yield [_text(row) for row in rows]

    def _matching_sql(self, columns: str, filters: ListFilter) -> tuple[str, list]:
        parsed = parse_query(filters.query)
        match = parsed.match()
        if parsed.is_empty and filters.query:
            return f"SELECT {columns} FROM articles a WHERE 0", []
        where, params = article_where(replace(filters, query=None), searched=parsed)
        query_params: list = []

        if match is None:
            return (
                f"SELECT {columns} FROM articles a WHERE {where} ORDER BY a.id",
                [*params, *query_params],
            )
        return (
            f"""SELECT {columns} FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? AND {where} ORDER BY articles_fts.rowid""",
            [match, *params, *query_params],
        )

    # -- periods -----------------------------------------------------------------------

    def period_counts(
        self, filters: ListFilter, length: int = DAY, by_source: bool = False
    ) -> dict[tuple[str, str], int]:
        """{(source or '', first `length` characters of the date): articles}; dated only.

        `length` is DAY or MONTH (weeks and Hijri months are made from days by the
        caller). Without a query the count runs on the date index alone.
        """
        parsed = parse_query(filters.query)
        if parsed.is_empty and filters.query:
            return {}
        group = "a.source" if by_source else "''"
        period = f"substr(a.sort_date, 1, {int(length)})"
        match = parsed.match()
        where, params = article_where(replace(filters, query=None), searched=parsed)
        query_params: list = []
        where = f"{where} AND a.sort_date <> ''"
        if match is None:
            sql = f"""SELECT {group}, {period}, count(*) FROM articles a
                      WHERE {where} GROUP BY 1, 2"""
            args = [*params, *query_params]
        else:
            # The index finds the ids; each is looked up once for its date (and source).
            sql = f"""SELECT {group}, {period}, count(*)
                      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                      WHERE articles_fts MATCH ? AND {where} GROUP BY 1, 2"""
            args = [match, *params, *query_params]
        with _cancellable():
            return {(row[0], row[1]): row[2] for row in self.db.execute(sql, args)}

    def source_table(self) -> list[tuple[str, int, str | None, str | None]]:
        """(source, articles, first date, last date) for every source, largest first."""
        rows = self.db.execute(
            """SELECT source, count(*), min(nullif(sort_date, '')), max(nullif(sort_date, ''))
               FROM articles GROUP BY source ORDER BY count(*) DESC, source"""
        )
        return [(row[0], row[1], row[2], row[3]) for row in rows]

    # -- vocabulary ----------------------------------------------------------------------

    def library_tokens(self) -> int:
        """Tokens in the stem columns of the whole library, from the index's own totals."""
        row = self.db.execute(
            "SELECT block FROM articles_fts_data WHERE id = ?", [_AVERAGES_ROWID]
        ).fetchone()
        if row is None:
            return 0
        values = _varints(bytes(row[0]))
        columns = self._fts_columns()
        # values[0] is the number of rows; then one total per column, in order.
        return sum(
            values[1 + columns.index(name)]
            for name in STEM_COLUMNS
            if 1 + columns.index(name) < len(values)
        )

    def stem_counts(
        self, stems: Iterable[str], stop: Callable[[], bool] | None = None
    ) -> dict[str, int]:
        """How often each stem occurs in the whole library (stem columns), from the index.

        One fts5vocab look-up per stem: each reads only that stem's entries.
        """
        self._ensure_vocab()
        columns = ",".join(f"'{c}'" for c in STEM_COLUMNS)
        sql = f"SELECT sum(cnt) FROM {_VOCAB} WHERE term = ? AND col IN ({columns})"
        counts: dict[str, int] = {}
        with _cancellable():
            for stem in stems:
                if stop is not None and stop():
                    raise SearchCancelled("cancelled")
                counts[stem] = (self.db.execute(sql, [stem]).fetchone() or [0])[0] or 0
        return counts

    def top_stems(self, limit: int) -> list[tuple[str, int]]:
        """The most frequent stems of the whole library, from the index (reads all of it)."""
        self._ensure_vocab()
        columns = ",".join(f"'{c}'" for c in STEM_COLUMNS)
        with _cancellable():
            rows = self.db.execute(
                f"""SELECT term, sum(cnt) FROM {_VOCAB} WHERE col IN ({columns})
                    GROUP BY term ORDER BY 2 DESC LIMIT ?""",
                [limit],
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def _ensure_vocab(self) -> None:
        # In the temp schema: it works on a library opened read-only, and leaves no trace.
        if not self._vocab_ready:
            self.db.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} "
                "USING fts5vocab(main, articles_fts, col)"
            )
            self._vocab_ready = True

    def _fts_columns(self) -> list[str]:
        return [row[1] for row in self.db.execute("PRAGMA table_info(articles_fts)")]

    def interrupt(self) -> None:
        """Stop the running query from another thread (it raises SearchCancelled)."""
        self.db.conn.interrupt()


def _varints(data: bytes) -> list[int]:
    """Decode a run of SQLite varints (big-endian, 7 bits a byte, a 9th byte of 8 bits)."""
    values: list[int] = []
    i = 0
    while i < len(data):
        value = 0
        for n in range(9):
            byte = data[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return values


@contextmanager
def _cancellable() -> Iterator[None]:
    """SQLite's "interrupted" (from `interrupt()`) becomes SearchCancelled."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error):
            raise SearchCancelled("cancelled") from error
        raise


def _text(row) -> ArticleText:
    return (row[0], row[1], row[2], row[3], row[4])
