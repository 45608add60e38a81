"""The one translation of a filter value (model.ArticleFilter) into SQL.

The headline list's filters and the query language's `source:`/`from:`/`to:` are the
same value; `article_where` turns any number of them into WHERE clauses over
`articles a`, with the dates of all of them narrowed to one date range.

A `source:` name is compared with the whole source name, both normalised
(storage/functions.py `akhbar_source_key`): the library's few distinct names are read
off the source index one seek each (a recursive query), so the comparison runs once per
name, never once per article, and the articles are then found through the same index.
"""

from __future__ import annotations

from datetime import date

from desktop_app.model import ArticleFilter
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.functions import exact_spec, source_key

Where = tuple[str, list]

_FTS_ROWIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
# The distinct source names, one index seek each, kept when they pass {test}.
_SOURCE_NAMES = """WITH RECURSIVE names(name) AS (
        SELECT min(source) FROM articles
        UNION ALL
        SELECT (SELECT source FROM articles WHERE source > names.name ORDER BY source LIMIT 1)
        FROM names WHERE names.name IS NOT NULL)
    SELECT name FROM names WHERE name IS NOT NULL AND ({test})"""
# The query's words, with the hamza / diacritics typed, in the article's original text.
_EXACT = "akhbar_exact(a.title, a.lede, a.caption, a.body, ?) = 1"


def article_where(value: ArticleFilter | None, searched: ParsedQuery | None = None) -> Where:
    """(WHERE expression over `articles a`, its parameters) for a filter value.

    The value's `query` text is parsed here: its words must match and its filters
    narrow the value's. `searched` is the query a search matches in its own join
    (storage/articles.py), already parsed: only its filters and exclusions apply here.
    When a value asks for hamza or diacritics exactly, the words of both queries must be
    written so in the article's original text (checked on the rows left, last).
    """
    value = value or ArticleFilter()
    clauses: list[str] = []
    params: list = []
    filters = [value]
    listed: ParsedQuery | None = None
    if value.query:
        listed = parse_query(value.query)
        if listed.is_empty:  # typed, but nothing to look for: nothing matches
            return "0", []
        filters.append(listed.filters)
        _add_words(clauses, params, listed, with_match=True)
    if searched is not None:
        filters.append(searched.filters)
        _add_words(clauses, params, searched, with_match=False)
    for one in filters:
        _add_fields(clauses, params, one)
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


def _add_fields(clauses: list[str], params: list, value: ArticleFilter) -> None:
    """Every field of one value but the dates (article_where narrows those to one range)."""
    if value.source:
        clauses.append("a.source = ?")
        params.append(value.source)
    if value.source_prefix:
        escaped = value.source_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(a.source = ? OR a.source LIKE ? ESCAPE '\\')")
        params += [value.source_prefix, escaped + "%"]
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
        clauses.append("a.read = 0")


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


def _add_words(clauses: list[str], params: list, parsed: ParsedQuery, with_match: bool) -> None:
    """The words of a parsed query: all of them (`with_match`), or only an exclusion.

    A search matches the words in its own join with the index, but a query of
    exclusions alone (-word) has nothing to join on, so it is left out here.
    """
    match = parsed.match()
    if with_match and match:
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
