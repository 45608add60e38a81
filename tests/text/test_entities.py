"""HTML character references decoded, markup and look-alikes left as text (no Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.entities import decode_references


def test_named_references():
    assert decode_references("&quot;الشعيبي&quot; لـ&quot;سبق&quot;") == '"الشعيبي" لـ"سبق"'
    assert decode_references("وزارة الصحة &amp; الهلال الأحمر") == "وزارة الصحة & الهلال الأحمر"
    assert decode_references("قال إن &lt;الحل&gt; قريب") == "قال إن <الحل> قريب"
    assert decode_references("انتظروا&hellip; البقية") == "انتظروا… البقية"
    assert decode_references("&laquo;عكاظ&raquo;") == "«عكاظ»"
    assert decode_references("&rlm;نص") == "\u200fنص"


def test_numeric_references_decimal_and_hex():
    assert decode_references("مسلسل &#8220;سيلفي&#8221;") == "مسلسل “سيلفي”"
    assert decode_references("مسلسل &#x201C;سيلفي&#X201D;") == "مسلسل “سيلفي”"
    assert decode_references("شمال &#39;سيناء&#39;") == "شمال 'سيناء'"
    assert decode_references("الطائف &#8211; الباحة") == "الطائف – الباحة"
    assert decode_references("&#1575;&#1604;&#1585;&#1610;&#1575;&#1590;") == "الرياض"


def test_windows_1252_numbers_read_as_browsers_read_them():
    assert decode_references("جدة &#150; مكة") == "جدة – مكة"
    assert decode_references("&#147;خبر&#148;") == "“خبر”"
    assert decode_references("&#129;") == "&#129;"  # no character there in windows-1252


def test_nbsp_becomes_a_plain_space():
    assert decode_references("الملك&nbsp;سلمان") == "الملك سلمان"
    assert decode_references("الملك&#160;سلمان&#xa0;اليوم") == "الملك سلمان اليوم"
    assert "\u00a0" not in decode_references("أ&nbsp;ب&NonBreakingSpace;ج")


def test_markup_stays_literal():
    text = '<b>عاجل</b> <img src="x.png"> <a href="http://example.com">رابط</a>'
    assert decode_references(text) == text
    assert decode_references("&lt;b&gt;عاجل&lt;/b&gt;") == "<b>عاجل</b>"  # text, not markup


def test_only_references_with_their_semicolon():
    for text in (
        "اندماج «AT&T» مع «DirecTv»",
        "مؤشر S&P500 ومؤشر S&P 500",
        "حقوق &copy2015 محفوظة",
        "R&D و &amp و Q&A",
        "& وحدها، و&; و&#; و&#x; و&unknownname;",
    ):
        assert decode_references(text) == text, text


def test_decoded_once():
    assert decode_references("&amp;quot;") == "&quot;"
    assert decode_references("&amp;#8220;") == "&#8220;"


def test_scrambled_on_screen_form_is_not_a_reference():
    # `quot&;` is how `&quot;` looks in a right-to-left line; files never hold it.
    assert decode_references("كلمة quot&; أخرى") == "كلمة quot&; أخرى"


def test_control_characters_and_impossible_code_points_stay_written():
    for text in (
        "&#0;",
        "&#27;",
        "&#x1B;",
        "&#10;",
        "&#127;",
        "&#xD800;",
        "&#x110000;",
        "&#99999999;",
    ):
        assert decode_references(text) == text, text
    assert decode_references("&#9;") == "&#9;"


@given(st.text(alphabet="ab &;#x0123456789qutamplgnbsp<>", max_size=40))
def test_text_without_ampersand_is_untouched_and_decoding_is_total(text):
    decoded = decode_references(text)
    if "&" not in text:
        assert decoded == text
    assert len(decoded) <= len(text)
