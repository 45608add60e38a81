"""The light stemmer, rule by rule, on hand-written Arabic words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem, stem_prefixes, stem_text, stem_variants, stems


def s(word: str) -> str:
    return stem(normalize(word))


# -- rule 1: the conjunction و -------------------------------------------------------


def test_conjunction_waw_is_stripped_when_three_letters_stay():
    assert s("وقال") == "قال"
    assert s("وأعلن") == s("أعلن") == "اعلن"


def test_short_words_keep_their_waw():
    assert s("وجد") == "وجد"  # only two letters would stay
    assert s("ولد") == "ولد"


def test_waw_hidden_by_the_article_is_stripped_too():
    # Otherwise الوزارة (stem وزار) and وزارة (stem زار) would never meet.
    assert s("الوزارة") == s("وزارة") == s("والوزارة") == s("وزارات")


# -- rule 2: one definite article ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الرياض", "رياض"),
        ("بالرياض", "رياض"),
        ("والرياض", "رياض"),
        ("كالعادة", "عاد"),
        ("فالحكومة", "حكوم"),
        ("للطلاب", "طلاب"),
        ("وللطلاب", "طلاب"),
    ],
)
def test_article_and_its_proclitics_are_stripped(word, expected):
    assert s(word) == expected


def test_article_is_kept_when_fewer_than_two_letters_would_stay():
    assert s("الم") == "الم"
    assert s("والد") == "الد"  # و goes (three letters stay), ال stays (one would)


def test_only_one_article_is_stripped():
    assert s("الالتزام") == "التزام"


# -- rule 3: endings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("كتابها", "كتاب"),  # ها
        ("معلمات", "معلم"),  # ات
        ("معلمون", "معلم"),  # ون
        ("معلمين", "معلم"),  # ين
        ("عربية", "عرب"),  # ية (يه once normalised)
        ("مدرسة", "مدرس"),  # ة (ه once normalised)
        ("كتابه", "كتاب"),  # ه
        ("سعودي", "سعود"),  # ي
    ],
)
def test_each_ending_is_stripped(word, expected):
    assert s(word) == expected


def test_endings_stack_in_order_each_once():
    assert s("سياراتها") == "سيار"  # ها, then ات
    assert s("السعوديين") == "سعود"  # ال, then ين, then ي
    assert s("والمعلمات") == "معلم"


def test_endings_leave_at_least_two_letters():
    assert s("فيه") == "في"  # ه goes; ي would leave one letter
    assert s("ابن") == "ابن"
    assert s("هات") == "هات"


def test_singular_plural_and_feminine_forms_meet():
    assert s("مدرسة") == s("المدرسات") == s("مدرسه")
    assert s("سعودي") == s("السعودية") == s("سعوديون") == s("السعوديين")
    assert s("إسرائيل") == s("الإسرائيلية") == s("اسرائيليون")


# -- hamza seats, Latin, digits ----------------------------------------------------------


def test_hamza_seats_inside_a_word_meet():
    assert s("مسؤول") == s("مسئول") == "مسءول"


def test_latin_and_digits_are_left_alone():
    assert stem_text("nasa 2015") == "nasa 2015"


# -- whole texts ----------------------------------------------------------------------------


def test_stem_text_keeps_separators():
    text = normalize("قال الوزير، في الرياض: «المدارس مفتوحة»")
    assert stem_text(text) == "قال زير، في رياض: «مدارس مفتوح»"


arabic_words = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويةىءؤئأإ", min_size=1, max_size=9)


@given(st.lists(arabic_words, min_size=1, max_size=8), st.sampled_from([" ", "، ", "\n", " - "]))
def test_a_text_stems_as_its_words_do(word_list, separator):
    text = normalize(separator.join(word_list))
    assert stem_text(text).split(separator.strip() or None) == [
        stem(w) for w in text.split(separator.strip() or None)
    ]


def test_stems_of_raw_text():
    assert stems("وقالت الوزارةُ") == ["قالت", "زار"]


# -- what queries add ----------------------------------------------------------------------


def test_a_one_letter_proclitic_is_also_tried_without():
    assert stem_variants(normalize("بمصر"))[:2] == ("بمصر", "مصر")
    assert stem_variants(normalize("وبمصر"))[:2] == ("بمصر", "مصر")
    assert stem_variants(normalize("لسوريا"))[:2] == ("لسوريا", "سوريا")
    assert "يت" not in stem_variants(normalize("بيت"))  # too short to lose a letter
    assert stem_variants(normalize("بالرياض")) == ("رياض",)


def test_prefix_forms():
    assert stem_prefixes(normalize("المدرسات")) == ("مدرسات", "مدرس")
    assert stem_prefixes(normalize("مد")) == ("مد",)
