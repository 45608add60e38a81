"""Snippets of the original text with the words a query matched marked.

Matching is done word by word on normalised and stemmed forms (search/match.py), so a
query typed without hamza, diacritics or the article ال marks the word as the article
spells it: اسرائيل marks «الإسرائيلية». The snippet is an HTML fragment:
the text is escaped and matches are wrapped in <b>…</b>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from desktop_app.search.match import word_matcher
from desktop_app.search.query import ParsedQuery
from desktop_app.text.normalize import WORD as _WORD

__all__ = [
    "CONTEXT_WORDS",
    "WINDOW_WORDS",
    "count_matches",
    "make_context",
    "make_snippet",
    "match_spans",
    "word_matcher",
]

WINDOW_WORDS = 24
# The line of context under a result in the window: a few words, the match near its start.
CONTEXT_WORDS = 12
CONTEXT_BEFORE = 3


def match_spans(text: str, matches: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Character spans of the matched words in `text`."""
    return [m.span() for m in _WORD.finditer(text) if matches(m.group())]


def make_snippet(
    texts: Sequence[str],
    query: ParsedQuery | str,
    window: int = WINDOW_WORDS,
    before: int | None = None,
) -> str:
    """A short excerpt around the first match in `texts` (or their start).

    `query` is the search's ParsedQuery (parsed once for all its hits). The excerpt
    holds `window` words, `before` of them (a third by default) before the match.
    """
    matches = word_matcher(query)
    before = window // 3 if before is None else before
    for text in texts:
        if not matches.may_occur_in(text):
            continue
        tokens = list(_WORD.finditer(text))
        first = next((i for i, t in enumerate(tokens) if matches(t.group())), None)
        if first is not None:
            return _excerpt(text, tokens, first, matches, window, before)
    text = next((t for t in texts if t), "")
    return _excerpt(text, list(_WORD.finditer(text)), None, matches, window, before)


def count_matches(texts: Sequence[str], query: ParsedQuery | str) -> int:
    """How many words of `texts` the query matches (each occurrence counts)."""
    return word_matcher(query).count_in("\n".join(texts))


def make_context(
    texts: Sequence[str], query: ParsedQuery | str, window: int = CONTEXT_WORDS
) -> tuple[str, int]:
    """(a short snippet beginning just before the first match in texts[1:], the number
    of matched words in all of `texts`): texts[0] is the title, counted, never shown."""
    return make_snippet(texts[1:], query, window, CONTEXT_BEFORE), count_matches(texts, query)


def _excerpt(
    text: str,
    tokens: list[re.Match[str]],
    centre: int | None,
    matches: Callable[[str], bool],
    window: int,
    before: int,
) -> str:
    if not tokens:
        return html.escape(text[:200])
    first = 0 if centre is None else max(0, centre - before)
    last = min(len(tokens) - 1, first + window - 1)
    start = 0 if first == 0 else tokens[first].start()
    end = len(text) if last == len(tokens) - 1 else tokens[last].end()
    out: list[str] = ["… " if start > 0 else ""]
    cursor = start
    for token in tokens[first : last + 1]:
        out.append(html.escape(text[cursor : token.start()]))
        piece = html.escape(token.group())
        marked = centre is not None and matches(token.group())
        out.append(f"<b>{piece}</b>" if marked else piece)
        cursor = token.end()
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out)
