"""Anchoring a quoted passage (a highlight, a note) to an article's text: pure functions.

A passage is anchored by the field that holds it, as `akhbar show --json` names the
article's texts ("title", "lede", "caption", "paragraphs/N", 0-based), and character
offsets into that text, checked against the quoted passage. Offsets drift when the
stored text is rewritten (a migration that decodes HTML entities turns "&amp;" into
"&"); `reanchor` then finds the quote again: as stored, decoded, or spelled with other
diacritics, tatweel, hamza seats or spacing, preferring the occurrence nearest to where
it was. `highlight_spans` cuts a text into runs for drawing highlights.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from desktop_app.text.normalize import TATWEEL

# Marks a reader may type or leave out: harakat, tanween, shadda, sukun, superscript alef.
_OPTIONAL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed" + TATWEEL + "]")
_SPACE = re.compile(r"\s+")
_SAME_LETTER = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"}
)


@dataclass(frozen=True)
class Anchor:
    field: str
    start: int
    end: int


def article_fields(
    title: str, lede: str, caption: str | None, paragraphs: Sequence[str]
) -> dict[str, str]:
    """The texts a passage can be anchored in, by field name, in reading order."""
    fields = {"title": title, "lede": lede}
    if caption:
        fields["caption"] = caption
    for number, paragraph in enumerate(paragraphs):
        fields[f"paragraphs/{number}"] = paragraph
    return fields


def holds(fields: Mapping[str, str], anchor: Anchor, quote: str) -> bool:
    """Whether the anchor's offsets still hold exactly the quote."""
    text = fields.get(anchor.field)
    return text is not None and bool(quote) and text[anchor.start : anchor.end] == quote


def find_quote(fields: Mapping[str, str], quote: str, near: Anchor | None = None) -> Anchor | None:
    """Where the quote occurs exactly: nearest to `near` in its field, else the first
    occurrence in reading order. None when it occurs nowhere (or is empty)."""
    return _find(fields, quote, near, _exact_occurrences)


def find_loosely(
    fields: Mapping[str, str], quote: str, near: Anchor | None = None
) -> Anchor | None:
    """Where the quote occurs spelled with other diacritics, tatweel, hamza seats, ة/ه,
    ى/ي or spacing; the anchor covers the text as it stands in the field."""
    return _find(fields, quote, near, _loose_occurrences)


def reanchor(fields: Mapping[str, str], anchor: Anchor, quote: str) -> Anchor | None:
    """The anchor of a stored passage in the article's current text, None if it is gone.

    Unchanged when its offsets still hold the quote; else the quote as stored, then with
    HTML character references decoded (the text may have been decoded since), then
    loosely spelled, nearest to where it was.
    """
    if holds(fields, anchor, quote):
        return anchor
    decoded = html.unescape(quote)
    for finder in (find_quote, find_loosely):
        for wanted in dict.fromkeys((quote, decoded)):
            found = finder(fields, wanted, anchor)
            if found is not None:
                return found
    return None


def highlight_spans(
    text: str, spans: Iterable[tuple[int, int, int]]
) -> list[tuple[str, tuple[int, ...]]]:
    """`text` cut into runs, each with the ids of the (start, end, id) spans covering it.

    Overlapping spans are fine: a run is covered by every span that overlaps it. Spans
    outside the text are clipped to it.
    """
    spans = [(max(0, s), min(len(text), e), i) for s, e, i in spans]
    spans = [(s, e, i) for s, e, i in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    runs: list[tuple[str, tuple[int, ...]]] = []
    for start, end in pairwise(cuts):
        ids = tuple(i for s, e, i in spans if s <= start and end <= e)
        runs.append((text[start:end], ids))
    return runs


# -- finding ------------------------------------------------------------------------------


def _find(fields, quote, near, occurrences) -> Anchor | None:
    if not quote.strip():
        return None
    order = list(fields)
    if near is not None and near.field in fields:
        order.remove(near.field)
        order.insert(0, near.field)
    for name in order:
        found = occurrences(fields[name], quote)
        if found:
            target = near.start if near is not None and name == near.field else 0
            start, end = min(found, key=lambda span: abs(span[0] - target))
            return Anchor(name, start, end)
    return None


def _exact_occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found = []
    start = text.find(quote)
    while start >= 0:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def _loose_occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Occurrences of the folded quote in the folded text, mapped back to the text."""
    folded_text, where = _fold(text)
    folded_quote, _ = _fold(quote)
    folded_quote = folded_quote.strip()
    if not folded_quote:
        return []
    return [
        (where[start], where[start + len(folded_quote) - 1] + 1)
        for start, _end in _exact_occurrences(folded_text, folded_quote)
    ]


def _fold(text: str) -> tuple[str, list[int]]:
    """The text with optional marks dropped, letters folded and spacing collapsed, and
    for each folded character the offset of the character it came from."""
    folded: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text):
        if _OPTIONAL.match(char):
            continue
        if _SPACE.match(char):
            if folded and folded[-1] == " ":
                continue
            char = " "
        folded.append(char.translate(_SAME_LETTER).casefold()[:1] or char)
        where.append(offset)
    return "".join(folded), where
