"""Broken plurals: the singulars and plurals a query word may stand for.

Arabic forms most plurals of nouns by changing the vowels inside the word (مدرسة →
مدارس, سوق → أسواق), which a light stemmer (text/stem.py) cannot undo. For a query word,
`plural_forms` writes the word in each of the common singular ↔ plural patterns it fits
(pure; most of what it writes is not a word), and `plural_stems` keeps the stems of the
forms that the library's own index holds as written words, so that a query for مدرسة
also finds an article that only says المدارس. The index is never changed: this is
query-side only.

Patterns number the root letters (1, 2, 3, 4) over normalised text (hamza on alef
folded to ا, ة written ه) whose hamza seats ؤ ئ are folded to ء as the stemmer folds
them (فعائل is written 12اء3). A form is kept only when the library holds that very word
(with or without ال, any hamza seat): a stem alone would let through forms that are no
word, whose stem is some other word's (اكبره → اكبر).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from enum import Enum
from functools import lru_cache

from desktop_app.text.stem import stem, stem_variants, strip_article


class Way(Enum):
    """Which way a pattern is tried: some shapes are too often other words one way."""

    BOTH = "both"
    TO_SINGULAR = "to singular"  # only a word in the plural pattern is tried
    TO_PLURAL = "to plural"  # only a word in the singular pattern is tried


# (singular, plural, way). Shapes of five letters or more, or with a mark of their
# own (م، و، ء): a word of another pattern seldom has them.
PATTERNS: tuple[tuple[str, str, Way], ...] = (
    ("12ي3", "123اء", Way.BOTH),  # فعيل ↔ فعلاء: وزير وزراء، رئيس رؤساء
    ("12ي3", "ا123اء", Way.BOTH),  # فعيل ↔ أفعلاء: صديق أصدقاء
    ("12ي3ه", "12اء3", Way.BOTH),  # فعيلة ↔ فعائل: وثيقة وثائق، قبيلة قبائل
    ("12ا3ه", "12اء3", Way.BOTH),  # فعالة ↔ فعائل: رسالة رسائل
    ("12يه", "12ايا", Way.BOTH),  # فعيّة ↔ فعايا: قضية قضايا، هدية هدايا
    ("12ا3", "ا123ه", Way.BOTH),  # فعال ↔ أفعلة: سلاح أسلحة، جهاز أجهزة
    ("1ا23", "1وا23", Way.BOTH),  # فاعل ↔ فواعل: شارع شوارع، جانب جوانب
    ("1ا23ه", "1وا23", Way.BOTH),  # فاعلة ↔ فواعل: قاعدة قواعد، عاصمة عواصم
    ("م123", "م1ا23", Way.BOTH),  # مفعل ↔ مفاعل: مسجد مساجد، مركز مراكز
    ("م123ه", "م1ا23", Way.BOTH),  # مفعلة ↔ مفاعل: مدرسة مدارس، منطقة مناطق
    ("م12و3", "م1ا2ي3", Way.BOTH),  # مفعول ↔ مفاعيل: مشروع مشاريع
    ("م12ا3", "م1ا2ي3", Way.BOTH),  # مفعال ↔ مفاعيل: مفتاح مفاتيح
    ("123و4", "12ا3ي4", Way.BOTH),  # فعلول ↔ فعاليل: صندوق صناديق، أسبوع أسابيع
    ("123ا4", "12ا3ي4", Way.BOTH),  # فعلال ↔ فعاليل: عنوان عناوين
    ("123ي4", "12ا3ي4", Way.BOTH),  # فعليل ↔ فعاليل: تقرير تقارير
    ("1ا2و3", "1وا2ي3", Way.BOTH),  # فاعول ↔ فواعيل: قانون قوانين، صاروخ صواريخ
    ("1ا2ي3", "1وا2ي3", Way.BOTH),  # فاعيل ↔ فواعيل: تاريخ تواريخ
)

# Three- and four-letter shapes: the commonest plurals (أسواق، دروس، أموال، كبار، مدن،
# طلاب), but every short word fits them, and the library holds many of what they
# write as other words (اقبال → قبل، خلال → خليل، بعد → أبعاد). Off unless asked for:
# on words picked at random from titles they bring in more wrong articles than right
# ones (see benchmarks/search_recall_bench.py --plurals).
SHORT_PATTERNS: tuple[tuple[str, str, Way], ...] = (
    ("123", "ا12ا3", Way.BOTH),  # فعل ↔ أفعال: سوق أسواق، طفل أطفال
    ("123", "12و3", Way.BOTH),  # فعل ↔ فعول: درس دروس، بيت بيوت
    ("1ا3", "ا1وا3", Way.BOTH),  # فال ↔ أفوال: مال أموال، باب أبواب
    ("12ي3", "12ا3", Way.BOTH),  # فعيل ↔ فِعال: كبير كبار
    ("12ي3ه", "123", Way.TO_SINGULAR),  # فعيلة ← فُعُل: مدن مدينة، صحف صحيفة
    ("1ا23", "12ا3", Way.TO_PLURAL),  # فاعل → فُعّال: طالب طلاب، تاجر تجار
)

# In how many articles the library holds each term: a mapping, or a function that
# takes the terms and returns the mapping (storage asks FTS5's fts5vocab).
Counts = Mapping[str, int] | Callable[[Collection[str]], Mapping[str, int]]

# A form must be written in this share of the articles that hold its stem, and in this
# many articles: tuned on the tuning pairs of tests/data/broken_plurals.tsv against
# the SaudiNewsNet corpus (benchmarks/search_recall_bench.py --plurals).
MIN_SHARE = 0.35
MIN_ARTICLES = 2
# A plural written far more often than the singular typed is some other word's (أرجاء
# for the name أريج).
MAX_PLURAL_RATIO = 10

# A root letter: any letter but ا, which stands for a hamza (أمير) only first, and
# ه, which ends a word as its ة far more often than as a root letter.
_FIRST_ROOT_LETTER = "[\u0621-\u0647\u0648-\u064a]"
_ROOT_LETTER = "[\u0621\u0623-\u0626\u0628-\u0647\u0648-\u064a]"
_HAMZAS = "ءئؤ"
_MIN_STEM = 3


def _compile(template: str) -> re.Pattern[str]:
    """A template as a regular expression whose groups are named by the root letters."""
    parts = []
    for i, c in enumerate(template):
        if not c.isdigit():
            parts.append(c)
            continue
        letter = _FIRST_ROOT_LETTER if i == 0 else _ROOT_LETTER
        if i == len(template) - 1:
            letter = letter.replace("\u0647", "\u0646")  # not ه (ن is already in)
        parts.append(f"(?P<r{c}>{letter})")
    return re.compile("".join(parts) + "$")


def _rules(patterns: tuple[tuple[str, str, Way], ...]) -> tuple[_Rule, ...]:
    return tuple(
        (_compile(source), target, target == plural)
        for singular, plural, way in patterns
        for source, target in ((plural, singular), (singular, plural))
        if way is Way.BOTH or (way is Way.TO_SINGULAR) == (source == plural)
    )


_Rule = tuple[re.Pattern[str], str, bool]  # word pattern, form template, form is plural
_RULES = _rules(PATTERNS)
_ALL_RULES = _RULES + _rules(SHORT_PATTERNS)


def plural_forms(word: str, short: bool = False) -> tuple[str, ...]:
    """Forms of a normalised word in the broken-plural patterns it fits, both ways.

    The word's article (and a conjunction و before it) is set aside first (والمدارس →
    مدارس → مدرسه); a و that starts the word is read as its own letter (وزير، وثيقة):
    readers do not type a conjunction into a search box. Forms come without the
    article, hamza seats folded, and are not checked: most are not Arabic words.
    `short` adds SHORT_PATTERNS to PATTERNS.
    """
    return tuple(dict.fromkeys(form for form, _ in _pairs(word, short)))


def plural_stems(word: str, words: Counts, stems: Counts, short: bool = False) -> tuple[str, ...]:
    """Stems of the word's broken-plural forms that the library holds, pattern order.

    `words` tells in how many articles the index holds each normalised word as written
    (exact columns; words it lacks may be left out), `stems` the same for stems (stem
    columns). A form counts when:
    - the library writes it, bare or with ال and in any hamza seat, in at least
      `MIN_ARTICLES` articles and in at least `MIN_SHARE` of the articles that hold its
      stem: otherwise its stem is mostly some other word's (سفار is rare, سفارة is not);
    - the plural of the pair takes no sound plural ون / ين in the library: مواطن،
      مشارك، محافظ look like مفاعل but are participles (مواطنون), not plurals of موطن،
      مشرك، محفظة;
    - a plural form is written in at most `MAX_PLURAL_RATIO` times the articles that
      write the word typed;
    - its stem keeps three letters (a يه form aside: قضايا → قضية → قض) and is none the
      word already searches for.
    """
    own = set(stem_variants(word))
    kept: list[tuple[str, str, str]] = []  # (form, the pair's plural, the form's stem)
    for form, plural in _pairs(word, short):
        found = stem(form)
        if found not in own and (len(found) >= _MIN_STEM or form.endswith("يه")):
            kept.append((form, plural, found))
    if not kept:
        return ()
    spellings = {s: found for form, _, found in kept for s in _spellings(form)}
    sound = {
        s: plural for _, plural, _ in kept for e in ("ون", "ين") for s in _spellings(plural + e)
    }
    written = _counts([*spellings, *sound], words)
    participles = {plural for s, plural in sound.items() if written.get(s, 0)}
    counted = [(form, plural, found, sum(written.get(s, 0) for s in _spellings(form)))
               for form, plural, found in kept]  # fmt: skip
    # The word typed is counted only when a plural is written often enough for the ratio
    # to matter: a word in many articles costs a long read of the index's vocabulary.
    most = MAX_PLURAL_RATIO * MIN_ARTICLES
    if any(form == plural and count > most for form, plural, _, count in counted):
        typed = list(_spellings(_reading(word)))
        most = MAX_PLURAL_RATIO * max(MIN_ARTICLES, sum(_counts(typed, words).values()))
    by_stem: dict[str, int] = {}
    for form, plural, found, count in counted:
        if plural not in participles and not (form == plural and count > most):
            by_stem[found] = by_stem.get(found, 0) + count
    candidates = [s for s, n in by_stem.items() if n >= MIN_ARTICLES]
    if not candidates:
        return ()
    held = _counts(candidates, stems)
    return tuple(s for s in candidates if by_stem[s] >= MIN_SHARE * held.get(s, 0))


@lru_cache(maxsize=4096)
def _pairs(word: str, short: bool) -> tuple[tuple[str, str], ...]:
    """(form, the plural of the pair) for each pattern the word fits."""
    bare = _reading(word)
    pairs = []
    for pattern, target, to_plural in _ALL_RULES if short else _RULES:
        found = pattern.match(bare)
        if found:
            form = "".join(found[f"r{c}"] if c.isdigit() else c for c in target)
            if form != bare:
                pairs.append((form, form if to_plural else bare))
    return tuple(pairs)


def _reading(word: str) -> str:
    """The word without its article (and a و before the article), hamza seats folded."""
    bare = strip_article(word[1:] if word.startswith("وال") else word)
    return bare.replace("ؤ", "ء").replace("ئ", "ء")


def _spellings(form: str) -> Iterable[str]:
    """How the index may hold a form: bare or with ال, with each seat of its hamzas."""
    seated = [form]
    for i, letter in enumerate(form):
        if letter in _HAMZAS:
            seated = [s[:i] + h + s[i + 1 :] for s in seated for h in _HAMZAS]
    for spelling in seated:
        yield spelling
        yield "ال" + spelling


def _counts(terms: list[str], counts: Counts) -> Mapping[str, int]:
    return counts(terms) if callable(counts) else counts
