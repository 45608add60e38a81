"""Broken plurals on the query side: the patterns, and the filter by the library's words."""

from collections import Counter
from pathlib import Path

import pytest

from desktop_app.search.plurals import plural_forms, plural_stems
from desktop_app.text.normalize import normalize, words
from desktop_app.text.stem import stem, stem_text

PAIRS_FILE = Path(__file__).resolve().parent.parent / "data" / "broken_plurals.tsv"


def read_pairs() -> list[tuple[str, str, bool]]:
    pairs = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            singular, plural, *mark = text.split("\t")
            pairs.append((singular, plural, mark == ["held-out"]))
    return pairs


PAIRS = read_pairs()
TUNING = [(s, p) for s, p, held in PAIRS if not held]
# Tuning pairs the patterns leave out on purpose, and why.
NOT_BY_DEFAULT = {
    ("شهر", "أشهر"),  # أفعُل is mostly أكبر، أحمد، أعلن
    ("مدينة", "مدن"),  # فُعُل is every three-letter word (short patterns, one way)
    ("صحيفة", "صحف"),
    ("طالب", "طلاب"),  # فُعّال is every فعال word (short patterns, one way)
    ("تاجر", "تجار"),
    ("فندق", "فنادق"),  # فعالل is every five-letter word with ا third (يخاطب)
}


def partner_stems(word: str, short: bool = False) -> set[str]:
    return {stem(f) for f in plural_forms(normalize(word), short)}


def test_the_pair_list_has_sixty_pairs_and_twenty_held_out():
    assert len(PAIRS) >= 60
    assert sum(held for *_, held in PAIRS) >= 20
    assert len({(s, p) for s, p, _ in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize(("singular", "plural"), TUNING)
def test_each_tuning_pair_is_written_by_a_pattern(singular, plural):
    s, p = normalize(singular), normalize(plural)
    if (singular, plural) in NOT_BY_DEFAULT:
        assert stem(p) not in partner_stems(s) or stem(s) not in partner_stems(p)
        return
    short = stem(p) not in partner_stems(s)  # then a short pattern writes it
    assert stem(p) in partner_stems(s, short)
    assert stem(s) in partner_stems(p, short)


def test_short_patterns_are_off_unless_asked_for():
    assert stem("اسواق") not in partner_stems("سوق")
    assert stem("اسواق") in partner_stems("سوق", short=True)
    assert stem("مدينه") in partner_stems("مدن", short=True)
    assert stem("مدن") not in partner_stems("مدينة", short=True)  # one way only


def test_forms_ignore_the_article_and_a_conjunction_before_it():
    assert "مدارس" in plural_forms(normalize("والمدرسة"))
    assert "مدرسه" in plural_forms(normalize("بالمدارس"))


def test_a_leading_waw_is_the_words_own():
    assert "وزراء" in plural_forms(normalize("الوزير"))
    assert "وثاءق" in plural_forms(normalize("وثيقة"))


def test_forms_leave_out_the_word_itself_and_never_raise():
    assert normalize("مدارس") not in plural_forms(normalize("مدارس"))
    for odd in ("", "a", "و", "ال", "2015", "ءءء"):
        assert isinstance(plural_forms(odd), tuple)


# -- the filter by the library's own words -------------------------------------------------


class Library:
    """Counts of words and stems over a few articles, as fts5vocab gives them."""

    def __init__(self, *articles: str) -> None:
        self.words: Counter[str] = Counter()
        self.stems: Counter[str] = Counter()
        for text in articles:
            norm = words(text)
            self.words.update(set(norm))
            self.stems.update(set(stem_text(" ".join(norm)).split()))
        self.asked = 0

    def word_counts(self, terms):
        self.asked += 1
        return {t: self.words[t] for t in terms if t in self.words}

    def stem_counts(self, terms):
        self.asked += 1
        return {t: self.stems[t] for t in terms if t in self.stems}

    def plurals(self, word: str, short: bool = False) -> tuple[str, ...]:
        return plural_stems(normalize(word), self.word_counts, self.stem_counts, short)


SCHOOLS = [
    "افتتاح المدارس في الرياض",
    "المدارس الأهلية تستقبل الطلاب",
    "وزارة التعليم تغلق المدارس",
]


def test_a_plural_the_library_holds_is_found_from_the_singular_and_back():
    library = Library(*SCHOOLS, "مدرسة جديدة في جدة", "المدرسة الأولى")
    assert library.plurals("مدرسة") == (stem(normalize("مدارس")),)
    assert library.plurals("المدارس") == (stem(normalize("مدرسة")),)


def test_forms_the_library_does_not_hold_are_dropped():
    library = Library("مدرسة جديدة في جدة", "المدرسة الأولى")
    assert library.plurals("مدرسة") == ()


def test_a_form_written_in_only_one_article_is_dropped():
    library = Library("افتتاح المدارس في الرياض", "مدرسة جديدة", "المدرسة")
    assert library.plurals("مدرسة") == ()


def test_any_hamza_seat_and_the_article_count():
    library = Library("اجتماع الرؤساء", "قمة الرؤساء العرب", "رئيس الوزراء")
    assert library.plurals("رئيس") == (stem(normalize("رؤساء")),)


def test_a_participle_that_looks_like_a_plural_is_left_alone():
    # مواطن takes مواطنون: it is no plural of موطن.
    library = Library(
        "المواطن في موطنه", "المواطن والمقيم", "المواطنين في الخارج", "موطن الطيور", "موطن"
    )
    assert library.plurals("موطن") == ()
    assert library.plurals("مواطن") == ()


def test_a_form_whose_stem_is_mostly_another_words_is_dropped():
    # سفار (فعيل ↔ فعال) is written twice; its stem is mostly السفارة's.
    embassy = [f"السفارة في العاصمة {i}" for i in range(8)]
    library = Library("السفار", "السفار", "السفير", "السفير الجديد", *embassy)
    assert stem(normalize("سفار")) not in library.plurals("سفير", short=True)


def test_a_plural_far_commoner_than_the_word_typed_is_dropped():
    everywhere = [f"في أرجاء المملكة {i}" for i in range(25)]
    library = Library("أريج", "أريج الورد", *everywhere)
    assert library.plurals("أريج") == ()


def test_the_library_is_asked_twice_at_most():
    library = Library(*SCHOOLS, "مدرسة جديدة في جدة", "المدرسة الأولى")
    library.plurals("مدرسة")
    assert library.asked == 2


def test_mappings_answer_as_functions_do():
    library = Library(*SCHOOLS, "مدرسة جديدة في جدة", "المدرسة الأولى")
    as_maps = plural_stems(normalize("مدرسة"), dict(library.words), dict(library.stems))
    assert as_maps == library.plurals("مدرسة")


def test_a_word_fitting_no_pattern_asks_nothing():
    library = Library(*SCHOOLS)
    assert library.plurals("في") == ()
    assert library.asked == 0
