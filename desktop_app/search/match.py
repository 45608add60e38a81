"""Matching a parsed query against a short text in Python, the way the index matches it.

Used where the text is at hand and small: highlighting the words of an article that a
query matched, and searching bookmarked headlines. A word matches when its normalised
form is one the query typed, or its stem is one of the query's stems, exactly as the
exact and stem columns of the full-text index decide (see search/query.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from desktop_app.search.query import ParsedQuery, Term, parse_query
from desktop_app.text.normalize import normalize, words
from desktop_app.text.stem import stem, stem_prefixes, stem_variants

_WORD_FROM = re.compile(r"[^\W_]*")  # the rest of a word of normalised text


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, str]:
    """(normalised, stem) of one word of original text."""
    norm = normalize(word)
    return norm, stem(norm)


class QueryWords:
    """The words, stems and prefixes a query looks for, to test one word at a time."""

    def __init__(self, parsed: ParsedQuery) -> None:
        exact: set[str] = set()
        stems: set[str] = set()
        prefixes: list[str] = []
        stem_starts: list[str] = []
        for group in parsed.groups:
            for term in group:
                stems.update(term.plurals)  # broken plurals storage found (search/query.py)
                last = len(term.words) - 1
                for i, word in enumerate(term.words):
                    if term.prefix and i == last:
                        prefixes.append(word)
                        if not term.exact:
                            stem_starts.extend(stem_prefixes(word))
                    else:
                        exact.add(word)
                        if not term.exact:
                            stems.update(stem_variants(word) if last == 0 else (stem(word),))
        self.exact = frozenset(exact)
        self.stems = frozenset(stems)
        self.prefixes = tuple(prefixes)
        self.stem_starts = tuple(stem_starts)
        # A word's stem is a piece of its normalised form (a hamza seat aside), so a text
        # in which none of these pieces occurs cannot hold a match.
        pieces = sorted(exact | stems | set(self.prefixes) | set(self.stem_starts))
        alternatives = "|".join(re.escape(p).replace("ء", "[ءؤئ]") for p in pieces) or "(?!)"
        self._pieces = re.compile(alternatives)

    def may_occur_in(self, text: str) -> bool:
        """False when no word of `text` can match: a quick test before word by word."""
        return self._pieces.search(normalize(text)) is not None

    def count_in(self, text: str) -> int:
        """How many words of `text` match: the text normalised once, and only the words
        holding a piece of what the query looks for tested."""
        norm = normalize(text)
        count = 0
        word_end = -1
        for piece in self._pieces.finditer(norm):
            if piece.start() < word_end:
                continue  # a second piece in a word already tested
            start = piece.start()
            while start > 0 and norm[start - 1].isalnum():
                start -= 1
            word = _WORD_FROM.match(norm, start)
            assert word is not None
            word_end = word.end()
            count += self.matches_normalised(word.group())
        return count

    def __bool__(self) -> bool:
        return bool(self.exact or self.stems or self.prefixes)

    def matches_normalised(self, norm: str) -> bool:
        """As calling the matcher, for a word already normalised."""
        stemmed = stem(norm)
        return (
            norm in self.exact
            or stemmed in self.stems
            or (bool(self.prefixes) and norm.startswith(self.prefixes))
            or (bool(self.stem_starts) and stemmed.startswith(self.stem_starts))
        )

    def __call__(self, word: str) -> bool:
        norm, stemmed = word_forms(word)
        return (
            norm in self.exact
            or stemmed in self.stems
            or (bool(self.prefixes) and norm.startswith(self.prefixes))
            or (bool(self.stem_starts) and stemmed.startswith(self.stem_starts))
        )


@lru_cache(maxsize=64)
def word_matcher(query: ParsedQuery | str) -> QueryWords:
    """A predicate telling whether one original word is matched by the query.

    Takes the parsed query (a str is parsed, for callers holding only the text). Cached,
    so the snippets of one search's hits share one matcher and its regular expression.
    """
    return QueryWords(parse_query(query) if isinstance(query, str) else query)


def text_matches(parsed: ParsedQuery, text: str) -> bool:
    """Whether `text` satisfies the words of the query (its filters are not checked)."""
    norms = words(text)
    stems = [stem(w) for w in norms]

    def has(term: Term) -> bool:
        return _has_term(term, norms, stems)

    return all(any(has(t) for t in group) for group in parsed.groups) and not any(
        has(t) for t in parsed.excluded
    )


def _has_term(term: Term, norms: Sequence[str], stems: Sequence[str]) -> bool:
    n = len(term.words)
    if term.exact:
        wanted, seen = list(term.words), norms
    else:
        wanted, seen = [stem(w) for w in term.words], stems
    if n == 1 and not term.exact and not term.prefix:
        return not {*stem_variants(term.words[0]), *term.plurals}.isdisjoint(stems)
    for start in range(len(seen) - n + 1):
        if term.prefix:
            end = start + n - 1
            if list(seen[start:end]) == wanted[:-1] and _prefix_ok(term, norms[end], stems[end]):
                return True
        elif list(seen[start : start + n]) == wanted:
            return True
    return False


def _prefix_ok(term: Term, norm: str, stemmed: str) -> bool:
    last = term.words[-1]
    if norm.startswith(last):
        return True
    return not term.exact and stemmed.startswith(stem_prefixes(last))
