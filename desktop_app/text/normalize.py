"""Arabic normalisation: the one place that decides which spellings count as the same.

Used for the search index, for queries and for matching related headlines to titles, so
that all three agree. Folding follows what Arabic readers treat as equivalent when they
type: diacritics and tatweel are optional, hamza seats on alef are often dropped, final
ة/ه and ى/ي are interchangeable in casual writing, and digits come in two scripts.
"""

from __future__ import annotations

import re
import unicodedata

TATWEEL = "\u0640"

# Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks.
_DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)

_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0622": "\u0627",  # آ
        "\u0671": "\u0627",  # ٱ
        "\u0672": "\u0627",
        "\u0673": "\u0627",
        "\u0629": "\u0647",  # ة → ه
        "\u0649": "\u064a",  # ى → ي
        "\u06cc": "\u064a",  # Persian yeh, common from Persian keyboards
        "\u06a9": "\u0643",  # Persian kaf
        TATWEEL: None,
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
    }
)

_NON_WORD = re.compile(r"[^\w]+|_")
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
# A word of original text, diacritics and tatweel included (Python's \w excludes them).
WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel, keep every letter as written."""
    return _DIACRITICS.sub("", text).replace(TATWEEL, "")


def normalize(text: str) -> str:
    """Fold spelling variants so that equivalent Arabic spellings compare equal.

    Keeps word boundaries and punctuation; Latin text is case-folded.
    """
    # NFKC maps presentation forms (from PDFs and old Windows text) to the base letters.
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    return text.translate(_FOLD).casefold()


def words(text: str) -> list[str]:
    """Normalised words of a text, punctuation dropped."""
    return [w for w in _NON_WORD.split(normalize(text)) if w]


def title_key(text: str) -> str:
    """A key under which a headline and the title it names compare equal.

    Punctuation, quotes («» "" ''), and spacing are ignored altogether.
    """
    return "".join(words(text))
