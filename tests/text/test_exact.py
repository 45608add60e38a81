"""Hamza- and diacritics-exact matching of query words against original text."""

import pytest

from desktop_app.text.exact import ExactWord, letters, text_holds


def hamza(word: str) -> ExactWord:
    return ExactWord(word, hamza=True, diacritics=False)


def marks(word: str) -> ExactWord:
    return ExactWord(word, hamza=False, diacritics=True)


def test_letters_keep_hamza_and_marks_and_drop_tatweel():
    found = letters("أَمـير")
    assert [x.exact for x in found] == ["أ", "م", "ي", "ر"]
    assert found[0].marks == {"\u064e"}
    assert [x.loose for x in letters("مسؤول")] == ["م", "س", "ء", "و", "ل"]


@pytest.mark.parametrize(
    ("typed", "text_word", "expected"),
    [
        ("أمير", "أمير", True),
        ("أمير", "الأمير", True),
        ("أمير", "لأمير", True),
        ("أمير", "الأميرة", True),  # through the stem
        ("أمير", "امير", False),
        ("أمير", "الامير", False),
        ("أمير", "إمير", False),
        ("امير", "أمير", False),  # a bare alef asks for a bare alef
        ("مسؤول", "المسؤولين", True),
        ("مسؤول", "المسئولين", False),
        ("إسرائيل", "الإسرائيلية", True),
        ("إسرائيل", "الاسرائيلية", False),
        ("مدرسة", "المدرسه", True),  # ة and ه are no hamza
        ("على", "علي", True),
    ],
)
def test_hamza_must_be_the_letter_typed(typed, text_word, expected):
    assert hamza(typed).matches(text_word) is expected


@pytest.mark.parametrize(
    ("typed", "text_word", "expected"),
    [
        ("عِلْم", "عِلْم", True),
        ("عِلْم", "العِلْمُ", True),  # more marks in the text are fine
        ("عِلْم", "عَلَم", False),
        ("عِلْم", "علم", False),  # an unvocalised text lacks the kasra
        ("علم", "عَلَم", True),  # a bare query asks nothing
        ("مُدَرِّس", "المُدَرِّسون", True),
        ("مُدَرِّس", "المُدَرَّسة", False),  # shadda is there, kasra is not
        ("مُدَرِّس", "المُدْرِسون", False),
    ],
)
def test_diacritics_typed_must_be_written(typed, text_word, expected):
    assert marks(typed).matches(text_word) is expected


def test_both_at_once():
    word = ExactWord("أَمِير", hamza=True, diacritics=True)
    assert word.matches("الأَمِير")
    assert not word.matches("الاَمِير")
    assert not word.matches("الأمير")


def test_a_word_with_nothing_to_check_holds_in_any_text():
    assert not marks("علم").asks_anything
    assert text_holds("نص لا يذكره", marks("علم"))
    assert hamza("علم").asks_anything


def test_text_holds_looks_at_every_word_of_the_original_text():
    text = "قال الامير إن الأمير سلمان، حفظه الله، زار المدينة."
    assert text_holds(text, hamza("أمير"))
    assert not text_holds("قال الامير كلمته", hamza("أمير"))
    assert text_holds("في العِلْمِ نور", marks("عِلْم"))
    assert not text_holds("في العلم نور", marks("عِلْم"))


def test_odd_input_never_raises():
    for typed in ("", "ـ", "\u064e", "a", "2015"):
        word = ExactWord(typed, hamza=True, diacritics=True)
        assert isinstance(word.matches("أمير"), bool)
        assert isinstance(text_holds("أمير عِلْم", word), bool)
