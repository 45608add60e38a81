"""Direction detection and FSI/PDI isolation (no Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.bidi import (
    ALM,
    FSI,
    LRI,
    LRM,
    PDI,
    RLI,
    RTL_SHARE,
    arabic_indic_digits,
    directed_field,
    embedded_runs,
    first_strong_direction,
    isolate,
    isolate_justified,
    isolation_marks,
    paragraph_direction,
    strip_isolates,
    text_direction,
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


# -- text_direction: what an Arabic reader expects, not the first strong letter ----------


def test_latin_first_arabic_runs_right_to_left():
    for text in (
        "Micro-Flip .. كابل قابل للإدخال",
        "Galaxy A8 من سامسونج",
        "«ZTE» تطلق هاتف «Axon Pro»",  # 44% Arabic letters: a real headline
        "iPhone 6 Plus يصل إلى الأسواق",
        "BBC: انتخابات مبكرة في الربيع",
    ):
        assert first_strong_direction(text) == "ltr", text
        assert text_direction(text) == "rtl", text


def test_english_with_an_arabic_word_runs_left_to_right():
    assert text_direction("The word سلام means peace") == "ltr"
    assert text_direction("A vendor in Riyadh sells dates before رمضان begins") == "ltr"
    assert text_direction("Saudi Press Agency") == "ltr"


def test_no_letters_takes_the_default():
    for text in ("", "   ", "2024", "١٤٤٦", "45% - 1,200", "«»..!"):
        assert text_direction(text) == "rtl", text
        assert text_direction(text, default="ltr") == "ltr", text


def test_addresses_do_not_count_as_latin():
    assert text_direction("للتواصل: a.writer.name@example-news.com") == "rtl"
    assert text_direction("التفاصيل على https://www.example.org/news/2015/details.html") == "rtl"
    assert text_direction("www.example.com") == "rtl"  # nothing left: the default
    assert text_direction("www.example.com", default="ltr") == "ltr"


def test_the_threshold_is_a_share_of_the_letters():
    # 1 Arabic letter in 4 is the boundary; marks and invisible characters are not letters.
    assert RTL_SHARE == 0.25
    assert text_direction("ب abc") == "rtl"
    assert text_direction("ب abcd") == "ltr"
    assert text_direction("\u200f\u061c\u064e abc") == "ltr"  # RLM, ALM, a fatha
    assert text_direction("\u200e\u200e\u200e كتب") == "rtl"


def test_directed_field_follows_text_direction():
    assert directed_field("Galaxy A8 من سامسونج") == f"{RLI}{FSI}Galaxy A8{PDI} من سامسونج{PDI}"
    assert directed_field("Saudi Press Agency") == f"{LRI}Saudi Press Agency{PDI}"
    assert directed_field("\u202eعنوان\u200b") == f"{RLI}عنوان{PDI}"


# -- isolation for justified text ---------------------------------------------------------


def test_justified_isolation_marks_spaces_around_and_inside_latin_runs():
    text = "يعمل مع هاتف Galaxy A8 من سامسونج"
    assert isolate_justified(text) == (
        f"يعمل مع هاتف {LRI}Galaxy{ALM} {LRM}A8{PDI}{ALM} من سامسونج"
    )
    assert isolate_justified("Micro-Flip .. كابل") == f"{LRI}Micro-Flip{PDI}{ALM} .. كابل"
    assert isolate_justified("إلى 480 ميغابت") == f"إلى {LRI}480{PDI}{ALM} ميغابت"


def test_justified_isolation_in_a_left_to_right_paragraph():
    text = "The word سلام عليكم means peace"
    assert isolate_justified(text, "ltr") == f"The word {RLI}سلام عليكم{PDI} means peace"
    assert isolation_marks("plain English", "ltr") == []


def test_marks_close_before_they_open_at_the_same_offset():
    marks = isolation_marks("كلمة A8 كلمة", "rtl")
    assert [(m.offset, m.text, m.closes) for m in marks] == [
        (5, LRI, False),
        (7, PDI + ALM, True),
    ]


@given(st.text(alphabet="abc XYZ 0123456789 .,-/%() سلامعليكم،\u00a0", max_size=60))
def test_justified_isolation_never_changes_the_text(text):
    marked = isolate_justified(text)
    assert strip_isolates(marked) == text
    assert marked.count(LRI) + marked.count(RLI) == marked.count(PDI)
