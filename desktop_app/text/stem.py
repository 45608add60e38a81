"""A light Arabic stemmer: strips the clitics and endings readers add or leave out.

It works on normalised text (see normalize.py) and, like Larkey's "light10" family of
stemmers, removes only affixes: never infixes, never broken plurals (search/plurals.py
offers those to queries). The rules, in this order:

1. the conjunction و when at least three letters follow (ولد stays, وقال → قال);
2. one definite article with its proclitic: بال، كال، فال، ال، لل when at least two
   letters follow (بالرياض → رياض, للطلاب → طلاب), then rule 1 again for a و the
   article hid, so that الوزارة and وزارة meet (both زار);
3. one possessive or object pronoun: ها (two letters must stay); هم، هن، هما، كم (three
   must stay, and not after ا: تفاهم، مساهم are words; كم not after ح: يتحكم); نا (four
   must stay, not after ا، و، ي، م, which are mostly a tanween alef: مبيناً، فيينا،
   تزامناً). The ت of a ة before it becomes ة again (مبادرتهم → مبادرة) when three
   letters stay before it and it does not close a plural ات. كن is not stripped: in news
   it ends verbs (يتمكن) far more often than it is a pronoun;
4. one plural ending ات، ون، ين (two letters must stay), or else ة (ه once normalised)
   and the ا of اة (مباراة ~ مباريات). After ات, a word's own ة-less ending goes too
   where singular and plural share it: اتجاهات → اتجاه like اتجاه, مكونات → مكون like
   مكون. The dual ان is not stripped: in news it ends names and nouns (سلمان، بيان،
   إيران، مهرجان) far more often than a dual, and stripping it split بيان (بي) from
   بيانات (بيان);
5. the relative ي (نسبة), then rule 4 again, at most twice: السعوديين → سعودي → سعود,
   الإماراتية → إماراتي → إمارات → إمار like الإمارات.

A word and its sound plural, its feminine and its relative adjective share a stem
(tests/text/test_stem_word_lists.py holds the word lists). Hamza seats that writers confuse in the
middle of a word (مسؤول / مسئول) are folded to a bare hamza ء, in the stemmed form only.

A text is stemmed word by word through a cache, so the index of an article costs one
dictionary look-up per word once the library's vocabulary has been seen. `stem_text` is
used for the index and, word by word, for queries, so the two always agree.
"""

from __future__ import annotations

import re

from desktop_app.text.normalize import words

_ARTICLES = ("بال", "كال", "فال", "ال", "لل")
_PLURALS = ("ات", "ون", "ين")
# Pronoun → (letters that must stay, letters it may not follow).
_PRONOUNS = {
    "هما": (3, "ا"),
    "ها": (2, ""),
    "هم": (3, "ا"),
    "هن": (3, "ا"),
    "كم": (3, "اح"),
    "نا": (4, "اويم"),
}
_PRONOUN_ENDINGS = tuple(_PRONOUNS)
_NISBA_ROUNDS = 2

# A word of normalised text; the separators between words are kept as they are.
_WORDS = re.compile(r"([^\W_]+)")

# Stems of the first words seen: most words of an article have been seen before. A
# library's vocabulary runs to hundreds of thousands of words; the first 100,000 (about
# 18 MB) are the common ones and make stemming an article about 1.4 times faster than
# the regular-expression passes it replaces (measured on the SaudiNewsNet corpus).
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 100_000

# One-letter proclitics a reader may glue to a word without the article: بمصر، لمصر،
# كمصر، فمصر. Stripping them from every word would wreck بيت، لبنان، كتاب، فريق, so the
# index keeps them and a query looks for the word with and without them.
_PROCLITICS = "بلكف"
_MIN_AFTER_PROCLITIC = 3


def stem_text(normalised: str) -> str:
    """Stem every word of already-normalised text, keeping separators as they were."""
    parts = _WORDS.split(_fold_hamza_seats(normalised))
    get = _CACHE.get
    parts[1::2] = [get(w) or _stem_folded(w) for w in parts[1::2]]
    return "".join(parts)


def stem(word: str) -> str:
    """The stem of one normalised word (anything around it is kept, as in stem_text)."""
    return _CACHE.get(_fold_hamza_seats(word)) or stem_text(word)


def strip_prefixes(normalised: str) -> str:
    """Only the prefix rules (1 and 2) of `stem_text`, with hamza seats folded."""
    return _strip_prefixes(_fold_hamza_seats(normalised))


def strip_article(normalised: str) -> str:
    """The word without a definite article and its proclitic (rule 2), as written."""
    return _strip_article(normalised)[0]


def stem_variants(word: str) -> tuple[str, ...]:
    """Stems a query word may stand for, as the index holds them.

    `word` is normalised. Its own stem; without a one-letter proclitic it starts with
    (بمصر → مصر; the conjunction و may precede it: وبمصر); and, when its stem keeps
    three letters, the stems of the word glued to each of ب، ل، ك، ف (صورة → بصورة،
    لصورة، كصورة، فصورة), which the index keeps as written.
    """
    own = stem(word)
    stems = [own]
    bare = word[1:] if word.startswith("و") and len(word) > 4 else word
    if bare[:1] in _PROCLITICS and not bare.startswith("ال"):
        rest = bare[1:]
        if len(rest) >= _MIN_AFTER_PROCLITIC:
            stems.append(stem(rest))
    if len(own) >= _MIN_AFTER_PROCLITIC and not _strip_article(bare)[1]:
        stems.extend(stem(p + bare) for p in _PROCLITICS)
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


def _fold_hamza_seats(text: str) -> str:
    """ؤ and ئ → ء (str.replace: str.translate costs more than the whole stemming)."""
    return text.replace("\u0624", "\u0621").replace("\u0626", "\u0621")


# -- one word ------------------------------------------------------------------------------


def _stem_folded(word: str) -> str:
    """Stem a normalised word whose hamza seats are folded; remember the answer."""
    found = _endings(_pronoun(_strip_prefixes(word)))
    if len(_CACHE) < _CACHE_LIMIT:  # full: the words seen first are the common ones
        _CACHE[word] = found
    return found


def _strip_prefixes(word: str) -> str:
    """Rules 1 and 2: و, one article, and a و the article hid (الوزارة ~ وزارة)."""
    if _has_conjunction(word):
        word = word[1:]
    word = _strip_article(word)[0]
    return word[1:] if _has_conjunction(word) else word


def _has_conjunction(word: str) -> bool:
    return word.startswith("و") and len(word) >= 4


def _strip_article(word: str) -> tuple[str, bool]:
    if not word.startswith(_ARTICLES):
        return word, False
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :], True
    return word, False


def _pronoun(word: str) -> str:
    if not word.endswith(_PRONOUN_ENDINGS):
        return word
    for pronoun, (keep, not_after) in _PRONOUNS.items():
        if word.endswith(pronoun):
            rest = word[: -len(pronoun)]
            if len(rest) < keep or rest[-1] in not_after:
                return word
            if rest.endswith("ت") and len(rest) >= 4 and rest[-2] != "ا":
                return rest[:-1] + "ه"  # the ة of مبادرة, written ت before a pronoun
            return rest
    return word


def _endings(word: str, nisba: int = _NISBA_ROUNDS) -> str:
    """Rules 4 and 5: a plural ending or ة, then the relative ي and the same again."""
    if len(word) >= 4 and word[-2:] in _PLURALS:
        plural, word = word[-2:], word[:-2]
        if plural == "ات":
            if word.endswith("اه"):  # اتجاهات → اتجاه, then as اتجاه is stemmed
                word = _feminine(word)
            elif len(word) >= 4 and word[-2:] in ("ون", "ين"):  # مكونات ~ مكون
                word = word[:-2]
    elif len(word) >= 3 and word.endswith("ه"):
        word = _feminine(word)
    if nisba and len(word) >= 3 and word.endswith("ي"):
        return _endings(word[:-1], nisba - 1)
    return word


def _feminine(word: str) -> str:
    """Without its ة (ه once normalised), and the ا of اة: مباراة ~ مباريات, منشأة ~ منشآت."""
    word = word[:-1]
    if len(word) >= 4 and word.endswith("ا"):
        word = word[:-1]
    return word
