"""The search query language, and its translation into safe FTS5 MATCH expressions.

What a reader may type:

- plain words: every one must match, in any spelling the normaliser folds together and
  with any clitic or ending the stemmer strips (اطلاق finds «والإطلاقات»);
- "an exact phrase" (also «…» or “…”): the words in this order, as spelled (normalised);
- a OR b: either. Only OR in capitals is the operator (or, Or and أو are words to look
  for); it binds the one word, phrase or prefix on either side of it: نفط OR غاز أسعار
  is (نفط or غاز) and أسعار. There is no grouping: parentheses are read as spaces;
- -word or -"phrase": leave out articles that have it;
- word*: words starting with it;
- source:NAME (or source:"TWO WORDS"): articles of the source whose whole name is NAME
  once both are normalised (source:الرياض is not الرياضي); source:NAME* for the sources
  whose name starts with it. Several source: filters are alternatives (an OR between
  them changes nothing);
- from:YYYY-MM-DD, to:YYYY-MM-DD: published on or after, on or before (several of one
  kind are alternatives too: the widest one holds);
- -source:NAME, -from:DATE, -to:DATE: leave out what the filter would keep (-from:
  2015-07-22 keeps the articles before that day, and the undated ones).

Filters always apply, whatever stands beside them: an OR between a word and a filter
is dropped. Nothing a reader types can raise: a lone quote, a dangling OR or -, a date
that is not a date, or FTS5 syntax (NEAR, ^, :, parentheses) are read as plain words,
and every word reaches FTS5 inside a quoted string so it is only ever searched for.

The index (its columns listed once in search/index.py) holds each text field twice:
normalised (the "exact" columns) and normalised + stemmed (the "stem" columns). Plain
words match the stem columns; a second expression over the exact columns tells which
hits used the very words typed, so that they can be ranked first. Storage may add to a
plain word the stems of its broken plurals or singulars that the library holds
(search/plurals.py finds them, `ParsedQuery.with_plurals` adds them); `direct_match`
then tells the hits found without them, which rank above those found only through them.

The filters become a model.ArticleFilter (`ParsedQuery.filters`), the same value the
headline list's filters are, so storage turns both into SQL in one place. A query is
parsed once; ranking (storage), snippets and highlighting (search/snippets.py,
search/match.py) all take the ParsedQuery. Each Term keeps its words as typed
(`Term.typed`) for the "match hamza / diacritics exactly" options (text/exact.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from desktop_app.model import ArticleFilter
from desktop_app.search.index import EXACT_COLUMNS, STEM_COLUMNS
from desktop_app.text.normalize import WORD, words
from desktop_app.text.stem import stem, stem_prefixes, stem_variants

_EXACT = "{" + " ".join(EXACT_COLUMNS) + "}"
_STEM = "{" + " ".join(STEM_COLUMNS) + "}"

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
# One token of a query: an optional -, then a quoted phrase, a field:value or a word.
_TOKEN = re.compile(
    r"""(?P<neg>-)?
        (?: "(?P<phrase>[^"]*)"
          | (?P<field>source|from|to):(?:"(?P<quoted>[^"]*)"(?P<star>\*)?|(?P<value>[^\s"]+))
          | (?P<word>[^\s"]+) )""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Term:
    """One searchable unit: a word, or several words that must follow one another."""

    words: tuple[str, ...]  # normalised
    exact: bool = False  # a quoted phrase: the exact (normalised) spelling only
    prefix: bool = False  # the last word is a prefix
    # Stems of the word's broken plurals (or singulars) the library holds, added by
    # storage through search/plurals.py; a plain one-word term only.
    plurals: tuple[str, ...] = ()
    # The words as typed, hamza and diacritics kept (for the exact options).
    typed: tuple[str, ...] = field(default=(), compare=False)

    def stem_expression(self, proclitics: bool = True, plurals: bool = True) -> str:
        """FTS5 for this term over the stem columns (or the exact ones for a phrase).

        With `proclitics`, a word that may start with ب، ل، ك or ف also matches without;
        with `plurals`, the term's broken-plural stems match too.
        """
        if self.exact:
            return self.exact_expression()
        if self.prefix and len(self.words) == 1:
            (word,) = self.words
            stems = " OR ".join(f"{_quote(p)}*" for p in stem_prefixes(word))
            return f"({_EXACT} : {_quote(word)}* OR {_STEM} : ({stems}))"
        if len(self.words) == 1:
            word = self.words[0]
            found = stem_variants(word) if proclitics else (stem(word),)
            if plurals:
                found = tuple(dict.fromkeys((*found, *self.plurals)))
            variants = " OR ".join(_quote(s) for s in found)
            return f"{_STEM} : ({variants})"
        phrase = _quote(" ".join(stem(w) for w in self.words))
        return f"{_STEM} : {phrase}" + ("*" if self.prefix else "")

    def exact_expression(self) -> str:
        """FTS5 for this term over the exact columns: the words as typed."""
        return f"{_EXACT} : {_quote(' '.join(self.words))}" + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A query read into its parts; `groups` must all match, any term of a group will."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    # source:, from:, to: as the one filter value (source: is a name or its beginning).
    filters: ArticleFilter = field(default_factory=ArticleFilter)
    # Every word the query asks for, for highlighting: (normalised word, is_prefix).
    terms: tuple[tuple[str, bool], ...] = field(default=(), compare=False)

    @property
    def source(self) -> str | None:
        """The first source: asked for (each of `filters.sources` is an alternative)."""
        return self.filters.sources[0] if self.filters.sources else None

    @property
    def date_from(self) -> date | None:
        return self.filters.date_from

    @property
    def date_to(self) -> date | None:
        return self.filters.date_to

    @property
    def is_empty(self) -> bool:
        """True when the query neither searches nor filters anything."""
        return not (self.groups or self.excluded or self.has_filters)

    @property
    def has_filters(self) -> bool:
        return not self.filters.is_unfiltered()

    def match(self) -> str | None:
        """FTS5 MATCH for the articles to show; None when no word is required."""
        if not self.groups:
            return None
        expression = " AND ".join(_group(g, Term.stem_expression) for g in self.groups)
        if self.excluded:
            expression = f"({expression}) NOT ({self.exclusion()})"
        return expression

    def direct_match(self) -> str | None:
        """FTS5 MATCH for the hits found without any broken plural; None if none was added."""
        if not self.has_plurals:
            return None
        return " AND ".join(
            _group(g, lambda t: t.stem_expression(plurals=False)) for g in self.groups
        )

    @property
    def has_plurals(self) -> bool:
        return any(t.plurals for g in self.groups for t in g)

    def plural_candidates(self) -> list[str]:
        """The words storage may look broken plurals up for: plain one-word terms."""
        return [
            t.words[0]
            for g in self.groups
            for t in g
            if len(t.words) == 1 and not t.exact and not t.prefix
        ]

    def with_plurals(self, found: dict[str, tuple[str, ...]]) -> ParsedQuery:
        """This query with each candidate word's broken-plural stems (word → stems)."""
        if not any(found.values()):
            return self
        groups = tuple(
            tuple(
                replace(t, plurals=found.get(t.words[0], ()))
                if len(t.words) == 1 and not t.exact and not t.prefix
                else t
                for t in g
            )
            for g in self.groups
        )
        return replace(self, groups=groups)

    def exact_match(self) -> str | None:
        """FTS5 MATCH for the hits that hold every word as typed; None if same as match()."""
        if not self.groups or all(t.exact for g in self.groups for t in g):
            return None
        return " AND ".join(_group(g, Term.exact_expression) for g in self.groups)

    def adjacent_match(self) -> str | None:
        """FTS5 MATCH for the hits whose stems follow one another as the words typed do.

        Only for queries of two or more plain words: a reader who types الاتفاق النووي
        means the phrase more than the two words anywhere.
        """
        if len(self.groups) < 2 or any(
            len(g) != 1 or g[0].exact or g[0].prefix or len(g[0].words) != 1 for g in self.groups
        ):
            return None
        stems = " ".join(stem(g[0].words[0]) for g in self.groups)
        return f"{_STEM} : {_quote(stems)}"

    def exclusion(self) -> str | None:
        """FTS5 MATCH for the articles the query leaves out."""
        if not self.excluded:
            return None
        return " OR ".join(f"({t.stem_expression(proclitics=False)})" for t in self.excluded)


def parse_query(query: str | None) -> ParsedQuery:
    """Read a query typed by a reader; never raises."""
    text = (query or "").translate(_QUOTES)
    if text.count('"') % 2:  # an unbalanced quote is only a stray character
        last = text.rindex('"')
        text = text[:last] + " " + text[last + 1 :]
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    filters = _Filters()
    pending_or = False
    after_filter = False  # the token before was a filter: an OR after it joins nothing
    for m in _TOKEN.finditer(text):
        if m["field"] and filters.take(m):
            pending_or = False  # an OR before a filter joins nothing either
            after_filter = True
            continue
        if m["word"] == "OR" and not m["neg"]:
            if after_filter:
                continue
            if groups and not pending_or:
                pending_or = True
                continue
        after_filter = False
        term = _term(m)
        if term is None:
            continue
        if m["neg"]:
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if pending_or:  # a dangling OR was a word after all
        groups.append([Term(("or",), typed=("OR",))])
    terms = [(w, t.prefix and i == len(t.words) - 1) for g in groups for t in g
             for i, w in enumerate(t.words)]  # fmt: skip
    return ParsedQuery(
        groups=tuple(tuple(g) for g in groups),
        excluded=tuple(excluded),
        filters=filters.value(),
        terms=tuple(dict.fromkeys(terms)),
    )


def query_terms(query: str) -> list[tuple[str, bool]]:
    """(normalised word, is_prefix) for each word the query asks for."""
    return list(parse_query(query).terms)


def build_match(query: str | None) -> str | None:
    """The FTS5 MATCH of a query; None when the query holds no word to look for."""
    return parse_query(query).match()


def _term(m: re.Match[str]) -> Term | None:
    if m["phrase"] is not None:
        found = tuple(words(m["phrase"]))
        if not found:
            return None
        return Term(
            found, exact=True, prefix=m["phrase"].rstrip().endswith("*"), typed=_typed(m["phrase"])
        )
    raw = m["word"] if m["word"] is not None else m.group(0).lstrip("-")
    found = tuple(words(raw))
    return Term(found, prefix=raw.endswith("*"), typed=_typed(raw)) if found else None


def _typed(raw: str) -> tuple[str, ...]:
    """The words of `raw` as typed: hamza, diacritics and tatweel kept."""
    return tuple(w.group() for w in WORD.finditer(raw))


class _Filters:
    """The field:value filters of one query, gathered as they are read."""

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.excluded_sources: list[str] = []
        self.dates: dict[str, date] = {}

    def take(self, m: re.Match[str]) -> bool:
        """Record a field:value filter; False when it is malformed (then it is words)."""
        name = m["field"].lower()
        value = m["quoted"] if m["quoted"] is not None else m["value"]
        if not value or not value.strip():
            return False
        if name == "source":
            name_typed = value.strip() + ("*" if m["star"] else "")
            if not words(name_typed):  # source:* or source:"،": no name to compare
                return False
            (self.excluded_sources if m["neg"] else self.sources).append(name_typed)
            return True
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return False
        # Several values of one kind are alternatives: the widest holds (the earliest
        # from:, the latest to:); exclusions add up the same way (-from: the earliest
        # day left out onwards, -to: the latest).
        key = f"not_{name}" if m["neg"] else f"date_{name}"
        earliest = name == "from"
        held = self.dates.get(key)
        if held is None or (day < held if earliest else day > held):
            self.dates[key] = day
        return True

    def value(self) -> ArticleFilter:
        return ArticleFilter(
            sources=tuple(dict.fromkeys(self.sources)),
            excluded_sources=tuple(dict.fromkeys(self.excluded_sources)),
            date_from=self.dates.get("date_from"),
            date_to=self.dates.get("date_to"),
            not_from=self.dates.get("not_from"),
            not_to=self.dates.get("not_to"),
        )


def _group(terms: tuple[Term, ...], expression) -> str:
    if len(terms) == 1:
        return f"({expression(terms[0])})"
    return "(" + " OR ".join(f"({expression(t)})" for t in terms) + ")"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
