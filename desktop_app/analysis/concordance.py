"""Keyword in context: every occurrence of a query's words, with the text around it.

The words are found by the matcher that highlights them in the reading pane
(`search.snippets.word_matcher`): every spelling the normaliser folds together and every
form the stemmer relates, so اسرائيل finds «الإسرائيلية» and «وإسرائيل».

`before` and `after` are in READING order: `before` is the text that precedes the match
in the article (in a right-to-left line it stands to the match's right), `after` the
text that follows it. `width` counts characters, trimmed to whole words, so the context
never starts or ends inside a word; context stays within its paragraph (the title, the
lede, the caption and each body paragraph are paragraphs), as a paragraph break would be
misread as running text. `match` is the word exactly as the article writes it. Bidi
controls are removed from all three (text is data): the viewer isolates them.

Articles are read in the full-text index's order (ascending id) and the lines come as a
stream, so the first screenful costs a few dozen articles; sorting by the word before or
after (`sort_lines`) sorts what has been read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal

from desktop_app.search.snippets import word_matcher
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.errors import SearchCancelled
from desktop_app.storage.library import ListFilter
from desktop_app.text.bidi import clean
from desktop_app.text.normalize import WORD, normalize

DEFAULT_WIDTH = 60  # characters each side: about eight Arabic words
# Where a paragraph sits in an article: 0 title, 1 lede, 2 caption, 3 … the body's.
TITLE, LEDE, CAPTION, FIRST_PARAGRAPH = 0, 1, 2, 3

SortKey = Literal["before", "after"]


@dataclass(frozen=True)
class KwicLine:
    """One occurrence. `part` and `start` locate the match in the stored article:
    `part` indexes [title, lede, caption, *paragraphs] and `start` is the character
    offset of the match in that text, so the reader can open the article there."""

    id: int
    before: str
    match: str
    after: str
    part: int
    start: int

    def json(self) -> dict:
        """`akhbar kwic --json`: {"id", "before", "match", "after"}."""
        return {"id": self.id, "before": self.before, "match": self.match, "after": self.after}


def concordance(
    repo: AnalysisRepository,
    query: str,
    width: int = DEFAULT_WIDTH,
    limit: int | None = None,
    filters: ListFilter | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[KwicLine]:
    """The occurrences of the query's words in the matching articles, as a stream.

    `filters` narrow the articles as the list's filters do (their own query is ANDed
    with `query`); `stop()` is asked between articles and raises SearchCancelled.
    """
    base = filters or ListFilter()
    combined = " ".join(q for q in (base.query, query) if q)
    matcher = word_matcher(query)
    if not matcher:
        return
    lines = _lines(repo.texts(replace(base, query=combined)), matcher, width, stop)
    yield from lines if limit is None else islice(lines, limit)


def _lines(
    articles: Iterable[tuple[int, str, str, str, str]],
    matches: Callable[[str], bool],
    width: int,
    stop: Callable[[], bool] | None,
) -> Iterator[KwicLine]:
    may_occur_in = getattr(matches, "may_occur_in", None)
    for article_id, title, lede, caption, body in articles:
        if stop is not None and stop():
            raise SearchCancelled("cancelled")
        parts = [title, lede, caption, *(body.split("\n") if body else ())]
        for part, text in enumerate(parts):
            if not text or (may_occur_in is not None and not may_occur_in(text)):
                continue
            yield from lines_in(article_id, part, text, matches, width)


def lines_in(
    article_id: int, part: int, text: str, matches: Callable[[str], bool], width: int
) -> Iterator[KwicLine]:
    """The concordance lines of one paragraph."""
    for found in WORD.finditer(text):
        if not matches(found.group()):
            continue
        start, end = found.span()
        yield KwicLine(
            id=article_id,
            before=clean(_before(text, start, width)),
            match=clean(found.group()),
            after=clean(_after(text, end, width)),
            part=part,
            start=start,
        )


def _before(text: str, start: int, width: int) -> str:
    """Up to `width` characters before `start`, beginning at a word's start."""
    cut = max(0, start - width)
    if cut > 0 and _inside_word(text, cut):
        cut = _word_end(text, cut)
    return text[cut:start].lstrip()


def _after(text: str, end: int, width: int) -> str:
    """Up to `width` characters after `end`, ending at a word's end."""
    cut = min(len(text), end + width)
    if cut < len(text) and _inside_word(text, cut):
        cut = _word_start(text, cut)
    return text[end:cut].rstrip()


def _inside_word(text: str, i: int) -> bool:
    return bool(WORD.match(text[i - 1])) and bool(WORD.match(text[i]))


def _word_end(text: str, i: int) -> int:
    found = WORD.match(text, i)
    return found.end() if found else i


def _word_start(text: str, i: int) -> int:
    while i > 0 and WORD.match(text[i - 1]):
        i -= 1
    return i


_NEIGHBOUR = re.compile(WORD.pattern)


def sort_key(line: KwicLine, by: SortKey) -> tuple[str, str, int, int]:
    """The word nearest the match on that side (normalised), then the match, then place."""
    side = line.before if by == "before" else line.after
    found = _NEIGHBOUR.findall(side)
    word = (found[-1] if by == "before" else found[0]) if found else ""
    return normalize(word), normalize(line.match), line.id, line.start


def sort_lines(lines: Iterable[KwicLine], by: SortKey) -> list[KwicLine]:
    """Lines sorted by the word just before the match, or just after it."""
    return sorted(lines, key=lambda line: sort_key(line, by))
