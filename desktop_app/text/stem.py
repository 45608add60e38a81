"""A light Arabic stemmer: strips the clitics and endings readers add or leave out.

It works on normalised text (see normalize.py) and, like Larkey's "light10" family of
stemmers, removes only affixes: never infixes, never broken plurals. The rules, applied
in this order, each at most once per word:

1. the conjunction و when at least three letters follow (ولد stays, وقال → قال);
2. one definite article with its proclitic: بال، كال، فال، ال، لل when at least two
   letters follow (بالرياض → رياض, للطلاب → طلاب), then rule 1 again for a و the
   article hid, so that الوزارة and وزارة meet (both زار);
3. the pronoun ها, then one of the plural/dual endings ات، ان، ون، ين, then يه (ية),
   then ه (ة), then ي, each only when at least two letters stay
   (سياراتها → سيار, مدرسه → مدرس, السعوديين → سعود).

Hamza seats that writers confuse in the middle of a word (مسؤول / مسئول) are folded to
a bare hamza ء, in the stemmed form only.

The whole text is stemmed by a few regular-expression passes, so the index of a long
article costs no Python work per word. `stem_text` is used for the index and, word by
word, for queries, so the two always agree.
"""

from __future__ import annotations

import re

from desktop_app.text.normalize import words

# A letter or digit of a word (normalised text holds no diacritics or tatweel).
_W = r"[^\W_]"

# Passes over the whole text, in order. Each pattern starts with its literal affix so
# that the regex engine can skip ahead to it; the word-boundary and length checks come
# after it as lookarounds.
_WA = rf"و(?={_W}{{3}})(?<!{_W}و)"
_ARTICLE = "|".join(rf"{a}(?<!{_W}{a})" for a in ("بال", "كال", "فال", "ال", "لل"))


def _suffix(*endings: str) -> str:
    alternatives = "|".join(endings)
    width = "." * len(endings[0])
    return rf"(?:{alternatives})(?!{_W})(?<={_W}{_W}{width})"


_PASSES: list[re.Pattern[str]] = [
    re.compile(_WA),  # 1. the conjunction و
    re.compile(rf"(?:{_ARTICLE})(?={_W}{{2}})"),  # 2. one definite article
    re.compile(_WA),  # 1 again, for a word the article hid: الوزارة ~ وزارة
    re.compile(_suffix("ها")),  # 3. suffixes, each at most once
    re.compile(_suffix("ات", "ان", "ون", "ين")),
    re.compile(_suffix("يه")),
    re.compile(_suffix("ه")),
    re.compile(_suffix("ي")),
]
_PREFIX_PASSES = 3

_HAMZA_SEATS = str.maketrans({"\u0624": "\u0621", "\u0626": "\u0621"})  # ؤ ئ → ء

# One-letter proclitics a reader may glue to a word without the article: بمصر، لمصر،
# كمصر، فمصر. Stripping them from every word would wreck بيت، لبنان، كتاب، فريق, so the
# index keeps them and a query word that starts with one also looks for the rest.
_PROCLITICS = "بلكف"
_MIN_AFTER_PROCLITIC = 3


def stem_text(normalised: str) -> str:
    """Stem every word of already-normalised text, keeping separators as they were."""
    text = normalised.translate(_HAMZA_SEATS)
    for pattern in _PASSES:
        text = pattern.sub("", text)
    return text


def strip_prefixes(normalised: str) -> str:
    """Only the prefix rules (1 and 2) of `stem_text`, with hamza seats folded."""
    text = normalised.translate(_HAMZA_SEATS)
    for pattern in _PASSES[:_PREFIX_PASSES]:
        text = pattern.sub("", text)
    return text


def stem(word: str) -> str:
    """The stem of one normalised word."""
    return stem_text(word)


def stem_variants(word: str) -> tuple[str, ...]:
    """Stems a query word may stand for: its own, and without a one-letter proclitic.

    `word` is normalised. The conjunction و may precede the proclitic (وبمصر).
    """
    stems = [stem(word)]
    bare = word[1:] if word.startswith("و") and len(word) > 4 else word
    if bare[:1] in _PROCLITICS and not bare.startswith("ال"):
        rest = bare[1:]
        if len(rest) >= _MIN_AFTER_PROCLITIC:
            stems.append(stem(rest))
    return tuple(dict.fromkeys(stems))


def stem_prefixes(word: str) -> tuple[str, ...]:
    """What the stem of a word typed as a prefix (word*) may start with.

    The word without its prefixes, and its full stem when that keeps three letters:
    مدرسات* must find المدرسات (stem مدرس) as well as مدرساتنا.
    """
    forms = [strip_prefixes(word)]
    full = stem(word)
    if len(full) >= 3:
        forms.append(full)
    return tuple(dict.fromkeys(forms))


def stems(text: str) -> list[str]:
    """Stems of the words of a raw text (normalised first)."""
    return [stem(w) for w in words(text)]
