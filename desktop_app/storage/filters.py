"""The one translation of a filter value (model.ArticleFilter) into SQL.

The headline list's filters and the query language's `source:`/`from:`/`to:` are the
same value; `article_where` turns any number of them into WHERE clauses over
`articles a`, with the dates of all of them narrowed to one date range. Articles in the
trash are always left out (storage/trash.py's `not_trashed`).

A `source:` name is compared with the whole source name, both normalised
(storage/functions.py `akhbar_source_key`): the library's few distinct names are read
off the source index one seek each (a recursive query), so the comparison runs once per
name, never once per article, and the articles are then found through the same index.
"""

from __future__ import annotations

import re
from datetime import date

from desktop_app.model import ArticleFilter
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.functions import exact_spec, source_key
from desktop_app.storage.trash import not_trashed

Where = tuple[str, list]

_FTS_ROWIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
_ASCII_LETTER = re.compile("[A-Za-z]")
# The distinct source names, one index seek each, kept when they pass {test}.
_SOURCE_NAMES = """WITH RECURSIVE names(name) AS (
        SELECT min(source) FROM articles
        UNION ALL
        SELECT (SELECT source FROM articles WHERE source > names.name ORDER BY source LIMIT 1)
        FROM names WHERE names.name IS NOT NULL)
    SELECT name FROM names WHERE name IS NOT NULL AND ({test})"""
# The query's words, with the hamza / diacritics typed, in the article's original text.
_EXACT = "akhbar_exact(a.title, a.lede, a.caption, a.body, ?) = 1"


def article_where(
    value: ArticleFilter | None,
    searched: ParsedQuery | None = None,
    after_id: int | None = None,
) -> Where:
    """(WHERE expression over `articles a`, its parameters) for a filter value.

    The value's `query` text is parsed here: its words must match and its filters
    narrow the value's. `searched` is the query a search matches in its own join
    (storage/articles.py), already parsed: only its filters and exclusions apply here.
    `after_id` keeps only the articles with a higher id (a saved search's new matches);
    the bound is also given to the full-text lookup, which FTS5 answers by seeking.
    When a value asks for hamza or diacritics exactly, the words of both queries must be
    written so in the article's original text (checked on the rows left, last).
    """
    value = value or ArticleFilter()
    # A tag's or the stars' articles are few: they drive, and the words and the read
    # mark are checked for each of them (not looked up for the whole library first).
    few = bool(value.tag or value.starred)
    clauses: list[str] = [not_trashed("a.id")]
    params: list = []
    if after_id is not None:
        clauses.append("a.id > ?")
        params.append(after_id)
    filters = [value]
    listed: ParsedQuery | None = None
    if value.query:
        listed = parse_query(value.query)
        if listed.is_empty:  # typed, but nothing to look for: nothing matches
            return "0", []
        filters.append(listed.filters)
        _add_words(clauses, params, listed, with_match=True, after_id=after_id, per_row=few)
    if searched is not None:
        filters.append(searched.filters)
        _add_words(clauses, params, searched, with_match=False)
    for one in filters:
        _add_fields(clauses, params, one, few)
    _add_date_range(
        clauses,
        params,
        max((f.date_from for f in filters if f.date_from), default=None),
        min((f.date_to for f in filters if f.date_to), default=None),
    )
    # Last: the cheap tests above leave fewer articles for this one to read.
    hamza = any(f.exact_hamza for f in filters)
    diacritics = any(f.exact_diacritics for f in filters)
    for parsed in (listed, searched):
        spec = parsed and exact_spec(
            [[t.typed for t in group] for group in parsed.groups], hamza, diacritics
        )
        if spec:
            clauses.append(_EXACT)
            params.append(spec)
    return (" AND ".join(clauses) or "1"), params


def _add_fields(clauses: list[str], params: list, value: ArticleFilter, few: bool) -> None:
    """Every field of one value but the dates (article_where narrows those to one range).

    `few`: a small set of articles drives the query, so the read mark is not looked up
    through its index (`+a.read`), which would visit every unread article.
    """
    if value.source:
        clauses.append("a.source = ?")
        params.append(value.source)
    if value.source_prefix:
        prefix = value.source_prefix
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(a.source = ? OR a.source LIKE ? ESCAPE '\\')")
        params += [prefix, escaped + "%"]
        if not _ASCII_LETTER.search(prefix):
            # The same names as a range the source index can seek (LIKE folds only ASCII
            # case, so without ASCII letters the two agree); else every row is read.
            clauses.append("a.source >= ? AND a.source < ?")
            params += [prefix, prefix + "\U0010ffff"]
    for names, test in ((value.sources, "IN"), (value.excluded_sources, "NOT IN")):
        if names:
            where, found = _names_matching(names)
            clauses.append(f"a.source {test} ({_SOURCE_NAMES.format(test=where)})")
            params += found
    if value.not_from:
        clauses.append("a.sort_date < ?")  # undated articles ('') stay
        params.append(value.not_from.isoformat())
    if value.not_to:
        clauses.append("(a.sort_date = '' OR a.sort_date > ?)")
        params.append(value.not_to.isoformat())
    if value.dateline:
        clauses.append("a.dateline = ?")
        params.append(value.dateline)
    if value.unread_only:
        clauses.append("+a.read = 0" if few else "a.read = 0")
    if value.starred:
        clauses.append("a.id IN (SELECT article_id FROM stars)")
    if value.tag:
        clauses.append(
            "a.id IN (SELECT x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id "
            "WHERE t.name = ?)"
        )
        params.append(" ".join(value.tag.split()))


def _names_matching(names: tuple[str, ...]) -> Where:
    """A test of `name` for source: values: the whole normalised name, or NAME* its start."""
    tests: list[str] = []
    params: list = []
    for typed in names:
        key = source_key(typed)
        if typed.rstrip().endswith("*"):
            tests.append("substr(akhbar_source_key(name), 1, ?) = ?")
            params += [len(key), key]
        else:
            tests.append("akhbar_source_key(name) = ?")
            params.append(key)
    return " OR ".join(tests), params


def _add_words(
    clauses: list[str],
    params: list,
    parsed: ParsedQuery,
    with_match: bool,
    after_id: int | None = None,
    per_row: bool = False,
) -> None:
    """The words of a parsed query: all of them (`with_match`), or only an exclusion.

    A search matches the words in its own join with the index, but a query of
    exclusions alone (-word) has nothing to join on, so it is left out here. `per_row`
    asks the index about each article (FTS5 seeks by rowid) instead of listing every
    match first.
    """
    match = parsed.match()
    if with_match and match and per_row:
        clauses.append(
            "EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
            "AND articles_fts.rowid = a.id)"
        )
        params.append(match)
    elif with_match and match and after_id is not None:
        clauses.append(f"a.id IN ({_FTS_ROWIDS} AND rowid > ?)")
        params += [match, after_id]
    elif with_match and match:
        clauses.append(f"a.id IN ({_FTS_ROWIDS})")
        params.append(match)
    elif not match and parsed.excluded:
        clauses.append(f"a.id NOT IN ({_FTS_ROWIDS})")
        params.append(parsed.exclusion())


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
