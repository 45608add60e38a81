"""Direction detection and FSI/PDI isolation (no Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.bidi import (
    FSI,
    PDI,
    arabic_indic_digits,
    embedded_runs,
    first_strong_direction,
    isolate,
    paragraph_direction,
    strip_isolates,
    western_digits,
)


def test_first_strong_character_decides():
    assert first_strong_direction("«مرحبا» world") == "rtl"
    assert first_strong_direction("2024: NASA تعلن") == "ltr"
    assert first_strong_direction("123 - ...") is None
    assert paragraph_direction("123 - ...") == "rtl"
    assert paragraph_direction("", default="ltr") == "ltr"


def test_latin_names_numbers_and_urls_are_isolated_in_arabic():
    text = "قال مدير BBC News إن 25% من 1,200 زائر دخلوا https://example.com/a?b=1."
    assert isolate(text) == (
        f"قال مدير {FSI}BBC News{PDI} إن {FSI}25%{PDI} من {FSI}1,200{PDI} زائر دخلوا "
        f"{FSI}https://example.com/a?b=1{PDI}."
    )


def test_punctuation_around_a_run_stays_outside():
    assert isolate("أعلنت (NASA) أمس.") == f"أعلنت ({FSI}NASA{PDI}) أمس."
    assert isolate("في 2024-01-18، قال") == f"في {FSI}2024-01-18{PDI}، قال"


def test_arabic_runs_are_isolated_in_english():
    assert isolate("The word سلام means peace") == f"The word {FSI}سلام{PDI} means peace"


def test_plain_arabic_is_untouched():
    text = "هطلت الأمطار على المدن الجنوبية."
    assert isolate(text) == text
    assert embedded_runs(text, "rtl") == []


def test_digits_convert_one_for_one():
    assert arabic_indic_digits("عام 2024") == "عام ٢٠٢٤"
    assert western_digits("عام ٢٠٢٤ و۱۲") == "عام 2024 و12"


@given(st.text(alphabet="abc XYZ 0123456789 .,-/%() سلامعليكم،", max_size=60))
def test_isolating_never_changes_the_text(text):
    isolated = isolate(text)
    assert strip_isolates(isolated) == text
    assert isolated.count(FSI) == isolated.count(PDI)
