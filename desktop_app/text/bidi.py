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

Which way a piece of text runs is `text_direction`: Arabic when Arabic letters are a real
share of its letters, not whatever its first strong letter is ("Galaxy A8 من سامسونج" is
an Arabic headline). Text laid out justified by Qt isolates its Latin runs with
`isolation_marks` / `isolate_justified`, which keep Qt from piling a whole line's slack
into the spaces beside Latin words (see there).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

FSI = "\u2068"
PDI = "\u2069"
LRI = "\u2066"
RLI = "\u2067"
LRM = "\u200e"
ALM = "\u061c"  # ARABIC LETTER MARK: invisible, strong right-to-left, and Arabic script

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
    """Direction to lay out a paragraph in: its first strong character decides.

    The Unicode default, kept for comparison; what readers expect is `text_direction`.
    """
    return first_strong_direction(text) or default


# Arabic is written without its short vowels, so an Arabic word has fewer letters than
# the Latin name beside it ("شركة Microsoft" is two words, 4 against 9 letters): the share
# of Arabic letters understates how much of the sentence is Arabic. In this corpus a text
# below a quarter of Arabic letters is a Latin caption, an address or a film list with an
# Arabic word in it; Arabic headlines around product names sit at 40-45% («ZTE» تطلق هاتف
# «Axon Pro»), Latin-first Arabic sentences higher still (Micro-Flip .. كابل قابل للإدخال).
RTL_SHARE = 0.25
# Addresses say nothing about the language of the sentence around them.
_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def text_direction(text: str, default: Direction = "rtl") -> Direction:
    """The direction an Arabic reader expects `text` in: "rtl" when Arabic (or other
    right-to-left) letters make up at least RTL_SHARE of its letters, "ltr" otherwise.

    Letters of URLs and e-mail addresses are not counted; text with no letters left
    (numbers, punctuation, an empty string, a bare address) takes `default`.
    """
    rtl = ltr = 0
    for char in _LINK.sub(" ", text):
        if not unicodedata.category(char).startswith("L"):
            continue  # digits, marks and format characters (LRM, RLM, ALM) say nothing
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            rtl += 1
        elif kind == "L":
            ltr += 1
    if rtl + ltr == 0:
        return default
    return "rtl" if rtl >= RTL_SHARE * (rtl + ltr) else "ltr"


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


class Mark(NamedTuple):
    """Invisible characters to insert at `offset` of a text; `closes` ends an isolate
    (put it before anything that opens at the same offset)."""

    offset: int
    text: str
    closes: bool


_SPACES = re.compile(r"[ \u00a0]+")


def isolation_marks(text: str, base: Direction) -> list[Mark]:
    """Where to put the marks that isolate the runs against `base`, for justified text.

    Why not FSI … PDI alone: Qt justifies a line by widening only its spaces of the
    highest justification class. A space takes the script of the letter before it, and
    a space in an Arabic script item is of a lower class ("Arabic space") than any other
    space. So in a line holding one Latin word, the space after that word (or between
    "Galaxy" and "A8") is the only one of the top class and receives the whole slack of
    the line: `microUSB ␣␣␣␣ المُستخدم`. The isolation marks are not the cause (the gap is
    there without them) and cannot help: FSI, PDI, LRM and RLM have no script.

    The fix gives those spaces an Arabic letter before them, one that is invisible:
    ARABIC LETTER MARK. Each Latin run in a right-to-left paragraph becomes
    LRI run PDI ALM, and each space inside the run becomes ALM space LRM. Order stays
    right: the run is a left-to-right isolate (LRI, not FSI: a run may start with digits,
    and the ALM inside would then decide an FSI's direction); the ALM after PDI is outside
    it among Arabic letters; inside it, ALM and its space are an invisible right-to-left
    fragment between two left-to-right words, and the LRM after the space keeps a number
    that follows ("iPhone 6") from being read as an Arabic number after the ALM (rule W2),
    which would move it before the space.

    In a left-to-right paragraph the Arabic runs are isolated with RLI … PDI; there the
    Latin spaces take the slack, as in any Latin paragraph, and the Arabic phrase keeps
    its natural spacing.
    """
    marks: list[Mark] = []
    if base == "ltr":
        for start, end in embedded_runs(text, "ltr"):
            marks += [Mark(start, RLI, False), Mark(end, PDI, True)]
        return marks
    for start, end in embedded_runs(text, "rtl"):
        marks.append(Mark(start, LRI, False))
        for space in _SPACES.finditer(text, start, end):
            marks += [Mark(space.start(), ALM, False), Mark(space.end(), LRM, False)]
        marks.append(Mark(end, PDI + ALM, True))
    return marks


def insert_marks(text: str, marks: list[Mark]) -> str:
    """`text` with `marks` inserted (closing marks first where two share an offset)."""
    out: list[str] = []
    cursor = 0
    for mark in sorted(marks, key=lambda m: (m.offset, not m.closes)):
        out += [text[cursor : mark.offset], mark.text]
        cursor = mark.offset
    out.append(text[cursor:])
    return "".join(out)


def isolate_justified(text: str, base: Direction | None = None) -> str:
    """`text` with its runs against `base` isolated as `isolation_marks` says: for text
    that Qt lays out justified (article paragraphs). `base` defaults to `text_direction`."""
    return insert_marks(text, isolation_marks(text, base or text_direction(text)))


_OUR_MARKS = dict.fromkeys(map(ord, (FSI, PDI, LRI, RLI, ALM, LRM)))


def strip_isolates(text: str) -> str:
    """Remove the isolation marks again (for copying or comparing): FSI, LRI, RLI, PDI,
    and the ALM and LRM that `isolation_marks` adds."""
    return text.translate(_OUR_MARKS)


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


def directed_field(text: str) -> str:
    """`text` cleaned, its inner runs isolated, and wrapped in RLI or LRI … PDI as
    `text_direction` decides: for a headline, title or facet value shown inline (a
    combo box item, the window title), so that "Galaxy A8 من سامسونج" runs right to left
    where FSI would follow its first letter and run left to right."""
    cleaned = clean(text)
    base = text_direction(cleaned)
    return f"{RLI if base == 'rtl' else LRI}{isolate(cleaned, base)}{PDI}"
