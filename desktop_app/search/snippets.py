"""Snippets of the original text with the words a query matched marked.

Matching is done word by word on normalised forms, so a query typed without hamza or
diacritics marks the word as the article spells it. The snippet is an HTML fragment:
the text is escaped and matches are wrapped in <b>…</b>.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from desktop_app.search.query import query_terms
from desktop_app.text.normalize import WORD as _WORD
from desktop_app.text.normalize import normalize

WINDOW_WORDS = 24


def word_matcher(query: str) -> Callable[[str], bool]:
    """A predicate telling whether one original word is matched by the query."""
    terms = query_terms(query)
    exact = {w for w, prefix in terms if not prefix}
    prefixes = tuple(w for w, prefix in terms if prefix)

    def matches(word: str) -> bool:
        norm = normalize(word)
        return norm in exact or (bool(prefixes) and norm.startswith(prefixes))

    return matches


def match_spans(text: str, matches: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Character spans of the matched words in `text`."""
    return [m.span() for m in _WORD.finditer(text) if matches(m.group())]


def make_snippet(texts: Sequence[str], query: str, window: int = WINDOW_WORDS) -> str:
    """A short excerpt around the first match in `texts` (or their start)."""
    matches = word_matcher(query)
    for text in texts:
        spans = match_spans(text, matches)
        if spans:
            return _excerpt(text, spans, window)
    first = next((t for t in texts if t), "")
    return _excerpt(first, [], window)


def _excerpt(text: str, spans: list[tuple[int, int]], window: int) -> str:
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return html.escape(text[:200])
    centre = 0
    if spans:
        centre = next(i for i, t in enumerate(tokens) if t.start() == spans[0][0])
    first = max(0, centre - window // 3)
    last = min(len(tokens) - 1, first + window - 1)
    start = 0 if first == 0 else tokens[first].start()
    end = len(text) if last == len(tokens) - 1 else tokens[last].end()
    marked = set(spans)
    out: list[str] = ["… " if start > 0 else ""]
    cursor = start
    for token in tokens[first : last + 1]:
        out.append(html.escape(text[cursor : token.start()]))
        piece = html.escape(token.group())
        out.append(f"<b>{piece}</b>" if token.span() in marked else piece)
        cursor = token.end()
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out)
