"""The articles table (with its related headlines and full-text index row): reading,
writing and searching articles.

Related headlines are linked to articles by a normalised title key at read time, so a
link appears the moment its target is imported, whichever of the two came first.
Articles in the trash are left out of every read (storage/trash.py's `not_trashed`),
except `find_duplicate` (an import must not store a trashed article again) and
`get(..., include_trashed=True)`. Rows are read by column name (sqlite3.Row), never by
position.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from desktop_app.model import (
    Article,
    ArticleFilter,
    ArticleSummary,
    ChangeKind,
    Changes,
    HitContext,
    ParsedArticle,
    RelatedHeadline,
    SearchHit,
    SearchOrder,
)
from desktop_app.search.index import BM25_WEIGHTS, EXACT_COLUMNS, STEM_COLUMNS, index_values
from desktop_app.search.plurals import plural_stems
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.search.snippets import CONTEXT_WORDS, make_context, make_snippet
from desktop_app.storage.connection import Connection, Row
from desktop_app.storage.filters import article_where
from desktop_app.storage.schema import FTS_INSERT, ID_DATE_INDEX
from desktop_app.storage.trash import check_live, not_trashed
from desktop_app.text.normalize import title_key
from desktop_app.text.terminal import path_bytes, readable_path

Record = Callable[[Changes], None]

# bm25() column weights, in the index's column order (search/index.py).
_BM25_WEIGHTS = ", ".join(str(weight) for weight in BM25_WEIGHTS)
_FTS_ROWIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
# A search matching more articles than this lists them newest first instead of ranking
# them: bm25 over every hit of في would take seconds in a large library.
RANKED_HITS_MAX = 20_000
# The columns each row type reads (by name, so their order here does not matter).
_SUMMARY_COLUMNS = "a.id, a.title, a.source, a.published, a.read"
_ARTICLE_COLUMNS = (
    "a.id, a.title, a.lede, a.source, a.caption, a.dateline, a.body, a.published, a.path, a.read"
)
_HIT_COLUMNS = "a.id, a.title, a.source, a.published, a.lede, a.caption, a.body"
_NEWEST_FIRST = "a.sort_date DESC, a.id DESC"
_OLDEST_FIRST = "a.sort_date = '', a.sort_date, a.id"  # undated articles last
_ID_DATE_INDEX = f"INDEXED BY {ID_DATE_INDEX}"
_PLURALS_CACHED = 4096  # query words whose broken plurals are remembered


class ArticlesRepository:
    """Articles, their related headlines and their index rows, on one connection.

    Every write reports what it changed through `record` (Library.record).
    """

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record
        # Broken-plural stems of query words, for as long as the library is unchanged.
        self._plurals: dict[str, tuple[str, ...]] = {}
        self._plurals_version: tuple[int, int] | None = None
        self._id_date_index: bool | None = None

    # -- writing ------------------------------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        return self.db.scalar("SELECT id FROM articles WHERE content_hash = ?", [content_hash])

    def add(self, article: ParsedArticle, index_row: list[str] | None = None) -> tuple[int, bool]:
        """Store an article; returns (id, is_new). A duplicate returns the stored id.

        `index_row`: the article's index_values, if the caller has made them already.
        """
        existing = self.find_duplicate(article.content_hash)
        if existing is not None:
            return existing, False
        published = article.published.isoformat() if article.published else None
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO articles (published, sort_date, title, lede, source, caption,
                       dateline, body, path, encoding, content_hash, title_key, imported, read)
                   VALUES (:published, :sort_date, :title, :lede, :source, :caption,
                       :dateline, :body, :path, :encoding, :content_hash, :title_key,
                       :imported, 0)""",
                {
                    "published": published,
                    "sort_date": published or "",
                    "title": article.title,
                    "lede": article.lede,
                    "source": article.source,
                    "caption": article.caption,
                    "dateline": article.dateline,
                    "body": "\n".join(article.paragraphs),
                    "path": readable_path(article.path),
                    "encoding": article.encoding,
                    "content_hash": article.content_hash,
                    "title_key": title_key(article.title),
                    "imported": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
            article_id = cursor.lastrowid
            assert article_id is not None
            raw = path_bytes(article.path)
            if raw is not None:  # a name that is not UTF-8: its bytes, to open it again
                self.db.execute(
                    "INSERT INTO article_files (article_id, raw_path) VALUES (?, ?)",
                    [article_id, raw],
                )
            self.db.executemany(
                "INSERT INTO related (article_id, position, text, key) VALUES (?, ?, ?, ?)",
                [(article_id, i, text, title_key(text)) for i, text in enumerate(article.related)],
            )
            if index_row is None:
                index_row = index_values(
                    article.title,
                    article.lede,
                    article.caption or "",
                    "\n".join(article.paragraphs),
                )
            self.db.execute(FTS_INSERT, [article_id, *index_row])
        self._record(Changes.of(ChangeKind.ARTICLES, [article_id]))
        return article_id, True

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE articles SET read = ? WHERE id = ?", [int(read), article_id])
        self._record(Changes.of(ChangeKind.READ, [article_id]))

    def set_read_many(self, article_ids: Sequence[int], read: bool = True) -> list[int]:
        """Mark articles read (or unread); returns the ids, each once.

        Raises LibraryError naming the first id that is no article or is in the trash,
        changing nothing.
        """
        ids = list(dict.fromkeys(article_ids))
        check_live(self.db, ids)
        with self.db.atomic():
            self.db.executemany(
                "UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in ids]
            )
        self._record(Changes.of(ChangeKind.READ, ids))
        return ids

    # -- reading ------------------------------------------------------------------------

    def exists(self, article_id: int) -> bool:
        """Whether the id is a stored article not in the trash."""
        return (
            self.db.scalar(
                f"SELECT 1 FROM articles a WHERE a.id = ? AND {not_trashed()}", [article_id]
            )
            is not None
        )

    def is_empty(self) -> bool:
        """Cheaper than count() == 0 on a big library: stops at the first row."""
        return self.db.scalar(f"SELECT 1 FROM articles a WHERE {not_trashed()} LIMIT 1") is None

    def count(self, filters: ArticleFilter | None = None) -> int:
        if filters is None or filters.is_unfiltered():
            # Every article: the total less the trash, without a lookup per row.
            return self.db.scalar(
                "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM trash)"
            )
        words = _words_only(filters)
        if words is not None:
            # Only words: the index has one row per article, so count there and skip
            # looking each match up in `articles` (82,000 matches: 7 ms instead of 180).
            return self.db.scalar(
                f"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? "
                f"AND {not_trashed('rowid')}",
                [words],
            )
        where, params = article_where(filters)
        return self.db.scalar(f"SELECT count(*) FROM articles a WHERE {where}", params)

    def page(
        self, limit: int = 50, offset: int = 0, filters: ArticleFilter | None = None
    ) -> list[ArticleSummary]:
        """Newest first (articles without a date last)."""
        where, params = article_where(filters)
        rows = self.db.execute(
            f"""SELECT {_SUMMARY_COLUMNS} FROM articles a
                WHERE {where} ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        return [_summary(row) for row in rows]

    def ids(self, filters: ArticleFilter | None = None) -> list[int]:
        """Every matching id, newest first: cheap enough for 300,000 rows."""
        where, params = article_where(filters)
        return self.db.column(
            f"SELECT a.id FROM articles a WHERE {where} ORDER BY {_NEWEST_FIRST}", params
        )

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for the given ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE a.id IN ({marks}) "
            f"AND {not_trashed()}",
            list(ids),
        ).fetchall()
        by_id = {row["id"]: _summary(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def get(self, article_id: int, include_trashed: bool = False) -> Article | None:
        """The article, None when there is none (or it is in the trash, unless
        `include_trashed`)."""
        live = "1" if include_trashed else not_trashed()
        row = self.db.execute(
            f"""SELECT {_ARTICLE_COLUMNS},
                   EXISTS (SELECT 1 FROM stars s WHERE s.article_id = a.id) AS starred
                FROM articles a WHERE a.id = ? AND {live}""",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        tags = self.db.column(
            """SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
               WHERE x.article_id = ? ORDER BY t.name""",
            [article_id],
        )
        return Article(
            id=row["id"],
            title=row["title"],
            lede=row["lede"],
            source=row["source"],
            caption=row["caption"],
            dateline=row["dateline"],
            paragraphs=tuple(row["body"].split("\n")) if row["body"] else (),
            related=tuple(self.related(article_id)),
            published=_date(row["published"]),
            path=row["path"],
            read=bool(row["read"]),
            starred=bool(row["starred"]),
            tags=tuple(tags),
        )

    def file_path(self, article_id: int) -> str | None:
        """The article's file name as the operating system knows it (a name that is not
        valid UTF-8 comes back as its own bytes, os.fsdecode'd), None for no article."""
        raw = self.db.scalar(
            "SELECT raw_path FROM article_files WHERE article_id = ?", [article_id]
        )
        if raw is not None:
            return os.fsdecode(bytes(raw))
        return self.db.scalar("SELECT path FROM articles WHERE id = ?", [article_id])

    def related(self, article_id: int) -> list[RelatedHeadline]:
        rows = self.db.execute(
            f"""SELECT r.position, r.text,
                   (SELECT t.id FROM articles t WHERE t.title_key = r.key AND t.id <> r.article_id
                    AND {not_trashed("t.id")}
                    ORDER BY t.sort_date DESC, t.id DESC LIMIT 1) AS target_id,
                   EXISTS (SELECT 1 FROM bookmarks b
                           WHERE b.article_id = r.article_id AND b.position = r.position)
                       AS bookmarked
               FROM related r WHERE r.article_id = ? ORDER BY r.position""",
            [article_id],
        ).fetchall()
        return [
            RelatedHeadline(
                position=row["position"],
                text=row["text"],
                article_id=row["target_id"],
                bookmarked=bool(row["bookmarked"]),
            )
            for row in rows
        ]

    def related_text(self, article_id: int, position: int) -> str | None:
        """The text of one related headline, None when there is no such headline."""
        return self.db.scalar(
            "SELECT text FROM related WHERE article_id = ? AND position = ?",
            [article_id, position],
        )

    def resolve_headline(self, headline: str, exclude_id: int | None = None) -> int | None:
        """The stored article a headline names, newest first if several share the title."""
        return self.db.scalar(
            f"""SELECT a.id FROM articles a WHERE a.title_key = ? AND a.id IS NOT ?
               AND {not_trashed()} ORDER BY a.sort_date DESC, a.id DESC LIMIT 1""",
            [title_key(headline), exclude_id],
        )

    def sources(self) -> list[tuple[str, int]]:
        """Every source and how many articles it has, the largest first."""
        rows = self.db.execute(
            f"""SELECT a.source, count(*) AS articles FROM articles a WHERE {not_trashed()}
               GROUP BY a.source ORDER BY count(*) DESC"""
        )
        return [(row["source"], row["articles"]) for row in rows]

    def datelines(self, limit: int = 200) -> list[tuple[str, int]]:
        """The most frequent datelines and how many articles have each."""
        rows = self.db.execute(
            f"""SELECT a.dateline, count(*) AS articles FROM articles a
               WHERE a.dateline IS NOT NULL AND {not_trashed()}
               GROUP BY a.dateline ORDER BY count(*) DESC LIMIT ?""",
            [limit],
        )
        return [(row["dateline"], row["articles"]) for row in rows]

    # -- search -------------------------------------------------------------------------

    def search(
        self,
        query: ParsedQuery | str,
        limit: int = 20,
        filters: ArticleFilter | None = None,
        sort: SearchOrder = SearchOrder.RELEVANCE,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Best matches first (or by date: `sort`), each with a snippet of the original text.

        The query is parsed once (or given parsed); the same ParsedQuery makes the SQL,
        the ranking and every hit's snippet. Best first means: hits found without a
        broken plural before those found only through one (search/plurals.py), hits
        holding every word as typed before those found through stems, and hits with the
        words side by side before the others; then bm25 (title above lede above body),
        then newer first. A query matching more than RANKED_HITS_MAX articles is
        answered newest first. Raises SearchCancelled when another thread calls
        Library.interrupt().
        """
        parsed = self.with_plurals(parse_query(query) if isinstance(query, str) else query)
        if parsed.is_empty:
            return []
        sql, args = self._hits_sql(parsed, filters, sort, _HIT_COLUMNS, page=(limit, offset))
        rows = self.db.execute(sql, args).fetchall()
        return [
            SearchHit(
                id=row["id"],
                title=row["title"],
                source=row["source"],
                published=_date(row["published"]),
                snippet=make_snippet(_texts(row), parsed),
            )
            for row in rows
        ]

    def search_ids(
        self,
        query: ParsedQuery | str,
        filters: ArticleFilter | None = None,
        sort: SearchOrder = SearchOrder.RELEVANCE,
    ) -> list[int]:
        """Every match's id, in the order `search` lists them (the window's list)."""
        parsed = self.with_plurals(parse_query(query) if isinstance(query, str) else query)
        if parsed.is_empty:
            return []
        sql, args = self._hits_sql(parsed, filters, sort, "a.id", page=None)
        return self.db.column(sql, args)

    def search_count(self, query: ParsedQuery | str, filters: ArticleFilter | None = None) -> int:
        """How many articles `search` finds, however many it lists."""
        parsed = self.with_plurals(parse_query(query) if isinstance(query, str) else query)
        if parsed.is_empty:
            return 0
        where, params = article_where(filters, searched=parsed)
        match = parsed.match()
        if match is None:
            return self.db.scalar(f"SELECT count(*) FROM articles a WHERE {where}", params)
        return self.db.scalar(
            f"""SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? AND {where}""",
            [match, *params],
        )

    def hit_contexts(
        self, query: ParsedQuery | str, ids: Sequence[int], words: int = CONTEXT_WORDS
    ) -> dict[int, HitContext]:
        """For each listed id, a line of context around its first match and its number
        of matched words (for the rows a window shows; missing ids are skipped)."""
        if not ids:
            return {}
        parsed = self.with_plurals(parse_query(query) if isinstance(query, str) else query)
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_HIT_COLUMNS} FROM articles a WHERE a.id IN ({marks})", list(ids)
        ).fetchall()
        found = {}
        for row in rows:
            snippet, count = make_context([row["title"], *_texts(row)], parsed, words)
            found[row["id"]] = HitContext(snippet, count)
        return found

    # -- broken plurals ---------------------------------------------------------------------

    def with_plurals(self, parsed: ParsedQuery) -> ParsedQuery:
        """The query with its plain words' broken-plural stems that this library holds."""
        candidates = parsed.plural_candidates()
        if not candidates:
            return parsed
        version = (self.db.scalar("PRAGMA data_version"), self.db.total_changes)
        if version != self._plurals_version:
            self._plurals.clear()
            self._plurals_version = version
        found = {}
        for word in candidates:
            if word not in self._plurals:
                if len(self._plurals) >= _PLURALS_CACHED:
                    self._plurals.clear()
                self._plurals[word] = plural_stems(word, self.word_counts, self.stem_counts)
            found[word] = self._plurals[word]
        return parsed.with_plurals(found)

    def word_counts(self, terms: Collection[str]) -> dict[str, int]:
        """In how many articles the index holds each word as written (exact columns)."""
        return self._vocabulary(terms, EXACT_COLUMNS)

    def stem_counts(self, terms: Collection[str]) -> dict[str, int]:
        """In how many articles the index holds each stem (stem columns)."""
        return self._vocabulary(terms, STEM_COLUMNS)

    def _vocabulary(self, terms: Collection[str], columns: Sequence[str]) -> dict[str, int]:
        """Article counts from FTS5's own vocabulary (a fts5vocab table, TEMP: nothing is
        written to the library), summed over `columns`: a word in the title and in the
        body of one article counts twice, as search/plurals.py was tuned."""
        if not terms:
            return {}
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab "
            "USING fts5vocab(main, articles_fts, col)"
        )
        terms = list(dict.fromkeys(terms))
        rows = self.db.execute(
            f"""SELECT term, sum(doc) AS articles FROM temp.articles_vocab
                WHERE term IN ({",".join("?" * len(terms))})
                  AND col IN ({",".join("?" * len(columns))})
                GROUP BY term""",
            [*terms, *columns],
        )
        return {row["term"]: row["articles"] for row in rows}

    # -- the SQL of a search ----------------------------------------------------------------

    def _hits_sql(
        self,
        parsed: ParsedQuery,
        filters: ArticleFilter | None,
        sort: SearchOrder,
        columns: str,
        page: tuple[int, int] | None,
    ) -> tuple[str, list]:
        """(SELECT of the matching articles in the order asked for, its arguments).

        `page` is (limit, offset), or None for every match. With a page, a query
        matching a great many articles may walk the date index and stop early instead
        of reading every match.
        """
        where, params = article_where(filters, searched=parsed)
        match = parsed.match()
        by_date = _OLDEST_FIRST if sort == SearchOrder.OLDEST else _NEWEST_FIRST
        limit = " LIMIT ? OFFSET ?" if page else ""
        paging = list(page) if page else []
        if match is None:  # only exclusions and filters
            sql = f"SELECT {columns} FROM articles a WHERE {where} ORDER BY {by_date}{limit}"
            return sql, [*params, *paging]
        many = self._matches_more_than(match, RANKED_HITS_MAX)
        if sort == SearchOrder.RELEVANCE and not many:
            return self._ranked_sql(parsed, match, where, params, columns, page)
        if many and page and sort != SearchOrder.OLDEST:
            # Words in a great many articles (في، من): ranking them all would take long
            # and say little, so newest first, walking the date index until enough.
            matching = (
                "EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                "AND articles_fts.rowid = a.id)"
            )
            sql = f"""SELECT {columns} FROM articles a
                      WHERE {matching} AND {where} ORDER BY {_NEWEST_FIRST}{limit}"""
            return sql, [match, *params, *paging]
        sql = f"""SELECT {columns} FROM articles a
                  WHERE a.id IN ({_FTS_ROWIDS}) AND {where} ORDER BY {by_date}{limit}"""
        return sql, [match, *params, *paging]

    def _ranked_sql(
        self,
        parsed: ParsedQuery,
        match: str,
        where: str,
        params: list,
        columns: str,
        page: tuple[int, int] | None,
    ) -> tuple[str, list]:
        """Best first: hits with every word as typed, then with the words side by side,
        come first (a tier of 0-3), then bm25, then newer first.

        With broken plurals, the hits found without them are ranked so first, exactly as
        if no plural had been added (their bm25 over the query as typed), and the hits
        found only through a plural follow, ranked by bm25 among themselves.

        The ranking reads only ids, dates and scores (from the index on (id, sort_date)
        when no filter needs the rows: ~40% faster at 310,000 articles than reading
        each hit's row); the page found is then joined to the articles for `columns`.
        """
        tiers = [
            (f"2 * (articles_fts.rowid IN ({_FTS_ROWIDS}))", parsed.adjacent_match()),
            (f"(articles_fts.rowid IN ({_FTS_ROWIDS}))", parsed.exact_match()),
        ]
        tier = " + ".join(clause for clause, expr in tiers if expr) or "0"
        tier_args = [expr for _, expr in tiers if expr]
        covering = _ID_DATE_INDEX if where == "1" and self._has_id_date_index() else ""
        band = f"""SELECT a.id AS id, a.sort_date AS sort_date, {{band}} AS band,
                       {{tier}} AS tier, bm25(articles_fts, {_BM25_WEIGHTS}) AS score
                   FROM articles_fts JOIN articles a {covering} ON a.id = articles_fts.rowid
                   WHERE articles_fts MATCH ? AND {where}"""
        direct = parsed.direct_match()
        if direct is None:
            ranked = band.format(band=0, tier=tier)
            args = [*tier_args, match, *params]
        else:
            ranked = f"{band.format(band=0, tier=tier)} UNION ALL {band.format(band=1, tier=0)}"
            args = [*tier_args, direct, *params, f"({match}) NOT ({direct})", *params]
        order = "band, tier DESC, score, sort_date DESC, id DESC"
        limit = " LIMIT ? OFFSET ?" if page else ""
        ordered = f"SELECT id, band, tier, score, sort_date FROM ({ranked}) ORDER BY {order}{limit}"
        args += list(page) if page else []
        if columns == "a.id":
            return f"SELECT id FROM ({ordered}) ORDER BY {order}", args
        sql = f"""SELECT {columns} FROM ({ordered}) r JOIN articles a ON a.id = r.id
                  ORDER BY r.band, r.tier DESC, r.score, r.sort_date DESC, r.id DESC"""
        return sql, args

    def _has_id_date_index(self) -> bool:
        """Whether the library has the index on (id, sort_date) (a read-only library of
        an older schema may not)."""
        if self._id_date_index is None:
            self._id_date_index = bool(
                self.db.scalar(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                    [ID_DATE_INDEX],
                )
            )
        return self._id_date_index

    def _matches_more_than(self, match: str, count: int) -> bool:
        found = self.db.scalar(f"SELECT count(*) FROM ({_FTS_ROWIDS} LIMIT ?)", [match, count + 1])
        return found > count


def _words_only(filters: ArticleFilter) -> str | None:
    """The MATCH of a filter that is nothing but a query of words; None otherwise."""
    if filters.query is None or replace(filters, query=None) != ArticleFilter():
        return None
    parsed = parse_query(filters.query)
    return parsed.match() if not parsed.has_filters else None


def _texts(row: Row) -> list[str]:
    """The texts a snippet is taken from, in order: lede, caption, paragraphs."""
    return [row["lede"], row["caption"] or "", *row["body"].split("\n")]


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:  # a damaged page rebuilt by recover, or a hand-edited row
        return None


def _summary(row: Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        published=_date(row["published"]),
        read=bool(row["read"]),
    )
