"""Matching hamza and diacritics exactly, as Shamela's "مطابقة الهمزات / التشكيل" do.

Search ignores hamza seats and diacritics by default: the index holds normalised text
(normalize.py), so أمير، إمير and امير are one word there. A reader may opt in to "match
hamza exactly" or "match diacritics exactly"; the index cannot answer that, so the
search runs as usual and this module then checks each candidate article's original text.
Only the words the query typed are checked, letter against letter:

- hamza: أ إ آ ء ؤ ئ and ا must be the very letters typed (ى/ي and ة/ه stay alike);
- diacritics: every mark typed on a letter must be on that letter in the text; letters
  typed bare match with or without marks, so a bare query asks nothing more.

A text word is compared where the query word sits in it: the whole word typed when the
text holds it (لأمير holds أمير), else the query word's stem (أمراء is not أمير exactly,
الأميرة is). Pure: no storage, no Qt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.text.normalize import TATWEEL, WORD, normalize
from desktop_app.text.stem import stem

_MARKS = frozenset(
    chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE))
)
# Letters told apart when hamza must match; everything else folds as normalize() does.
_LOOSE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء"})
_ALWAYS = str.maketrans({"ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})


@dataclass(frozen=True)
class Letter:
    """A letter as written (hamza kept, ة/ى folded) and the marks written on it."""

    exact: str
    marks: frozenset[str]

    @property
    def loose(self) -> str:
        return self.exact.translate(_LOOSE)


def letters(word: str) -> list[Letter]:
    """The letters of one word, each with its diacritics; tatweel dropped."""
    out: list[Letter] = []
    for char in unicodedata.normalize("NFKC", word):
        if char in _MARKS:
            if out:
                out[-1] = Letter(out[-1].exact, out[-1].marks | {char})
        elif char != TATWEEL:
            folded = char.translate(_ALWAYS)
            lower = folded.casefold()
            out.append(Letter(lower if len(lower) == 1 else folded, frozenset()))
    return out


class ExactWord:
    """One query word, to be found in text with its hamza and/or diacritics as typed."""

    def __init__(self, typed: str, *, hamza: bool, diacritics: bool) -> None:
        self.hamza = hamza
        self.diacritics = diacritics
        self.typed = letters(typed)
        self.loose = "".join(letter.loose for letter in self.typed)
        core = stem(normalize(typed))
        start = self.loose.find(core)
        # The stem as typed: where to compare when the text holds only the stem.
        self.core = self.typed[start : start + len(core)] if core and start >= 0 else self.typed

    @property
    def asks_anything(self) -> bool:
        """False when the word has nothing to check (no hamza rule, no mark typed)."""
        return self.hamza or (self.diacritics and any(letter.marks for letter in self.typed))

    def matches(self, text_word: str) -> bool:
        """Whether `text_word` holds the typed word (or its stem) exactly enough."""
        found = letters(text_word)
        loose = "".join(letter.loose for letter in found)
        for wanted in (self.typed, self.core):
            piece = "".join(letter.loose for letter in wanted)
            start = loose.find(piece) if piece else -1
            while start >= 0:
                if self._same(wanted, found[start : start + len(wanted)]):
                    return True
                start = loose.find(piece, start + 1)
        return False

    def _same(self, wanted: Sequence[Letter], written: Sequence[Letter]) -> bool:
        for want, have in zip(wanted, written, strict=True):
            if self.hamza and want.exact != have.exact:
                return False
            if self.diacritics and not want.marks <= have.marks:
                return False
        return True


# One pass that folds a word of original text as `Letter.loose` does, marks dropped.
_QUICK = str.maketrans({**dict.fromkeys(map(ord, _MARKS)), ord(TATWEEL): None, **_LOOSE, **_ALWAYS})


def text_holds(text: str, word: ExactWord) -> bool:
    """Whether some word of `text` (original, with its marks) holds `word` exactly."""
    if not word.asks_anything:
        return True
    core = "".join(letter.loose for letter in word.core)
    if core not in text.translate(_QUICK).casefold():
        return False
    for match in WORD.finditer(text):
        candidate = match.group()
        if core in candidate.translate(_QUICK).casefold() and word.matches(candidate):
            return True
    return False
