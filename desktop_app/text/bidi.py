"""Bidirectional text helpers: paragraph direction and isolation of embedded runs.

Arabic paragraphs often hold Latin names, numbers and URLs. Left to the Unicode bidi
algorithm, neutral characters next to them (spaces, dashes, brackets, full stops) take
the wrong side and the fragment appears to jump or overprint its neighbours. Wrapping
each such run in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE lays it out on its own,
so it sits where the writer put it. No Qt here: the window and any exporter share it.

Text from articles is data from strangers: a RIGHT-TO-LEFT OVERRIDE (U+202E) or a stray
POP DIRECTIONAL ISOLATE inside a headline would reorder whatever is shown after it.
`clean` removes explicit embeddings, overrides, isolates and invisible characters (LRM,
RLM, ALM and the ZWJ/ZWNJ joiners stay: inside an isolate they cannot move anything
outside it), and `field` wraps the result in our own FSI … PDI to sit inline beside
interface text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

FSI = "\u2068"
PDI = "\u2069"
LRI = "\u2066"
RLI = "\u2067"

Direction = Literal["rtl", "ltr"]

_STRONG_RTL = {"R", "AL"}

# Characters that start or continue a left-to-right run inside Arabic text: Latin letters
# (with their accented forms) and digits in both scripts.
_LTR_CHARS = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\u0660-\u0669\u06f0-\u06f9"
_URL = r"(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?،؛)\]]"
# A token: LTR characters, joined by inner punctuation only when more follow
# ("U.S.", "1,200.5", "2024-01-18", "O'Neil"), with a trailing percent sign.
_TOKEN = rf"[{_LTR_CHARS}](?:[{_LTR_CHARS}]|[.,:/'’&@+_\-](?=[{_LTR_CHARS}]))*[%٪]?"
# Several tokens separated by spaces form one run ("New York Times", "BBC 24").
_LTR_RUN = re.compile(rf"{_URL}|{_TOKEN}(?:[ \u00a0]+{_TOKEN})*")

_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_WORD = rf"[{_ARABIC_CHARS}]+"
_RTL_RUN = re.compile(rf"{_ARABIC_WORD}(?:[ \u00a0]+{_ARABIC_WORD})*")


def first_strong_direction(text: str) -> Direction | None:
    """The direction of the first strong character (rule P2), None if there is none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in _STRONG_RTL:
            return "rtl"
    return None


def paragraph_direction(text: str, default: Direction = "rtl") -> Direction:
    """Direction to lay out a paragraph in: its first strong character decides."""
    return first_strong_direction(text) or default


def embedded_runs(text: str, base: Direction) -> list[tuple[int, int]]:
    """Spans of the runs in `text` that go against `base` and should be isolated.

    In a right-to-left paragraph these are Latin words, numbers and URLs; in a
    left-to-right one, Arabic words.
    """
    pattern = _LTR_RUN if base == "rtl" else _RTL_RUN
    return [m.span() for m in pattern.finditer(text)]


def isolate(text: str, base: Direction | None = None) -> str:
    """`text` with every run against the paragraph direction wrapped in FSI … PDI."""
    base = base or paragraph_direction(text)
    out: list[str] = []
    cursor = 0
    for start, end in embedded_runs(text, base):
        out += [text[cursor:start], FSI, text[start:end], PDI]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def strip_isolates(text: str) -> str:
    """Remove the isolation marks again (for copying or comparing)."""
    return text.translate({ord(c): None for c in (FSI, PDI, LRI, RLI)})


_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def arabic_indic_digits(text: str) -> str:
    """0-9 → ٠-٩ (one character for one, so spans into the text stay valid)."""
    return text.translate(_TO_ARABIC_INDIC)


def western_digits(text: str) -> str:
    """٠-٩ and ۰-۹ → 0-9 (one character for one)."""
    return text.translate(_TO_WESTERN)


# LRE RLE PDF LRO RLO, LRI RLI FSI PDI: they open or close a directional context.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero width space, word joiner, a BOM inside text, and the deprecated format controls
# (symmetric swapping, digit shapes): invisible, with nothing to show for them.
INVISIBLE = "\u200b\u2060\ufeff\u206a\u206b\u206c\u206d\u206e\u206f"
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS + INVISIBLE))


def clean(text: str) -> str:
    """`text` without bidi embedding/override/isolate controls or invisible characters."""
    return text.translate(_REMOVE)


def field(text: str) -> str:
    """`text` cleaned and isolated, to sit inline beside interface text."""
    return f"{FSI}{clean(text)}{PDI}"


def isolated_field(text: str) -> str:
    """As `field`, and the runs against the text's own direction isolated inside it too."""
    return f"{FSI}{isolate(clean(text))}{PDI}"
