"""Anchoring a highlight to the article's text, and finding it again when the text moved."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.anchors import (
    Anchor,
    article_fields,
    find_loosely,
    find_quote,
    highlight_spans,
    holds,
    reanchor,
)

FIELDS = article_fields(
    "وزير الطاقة يزور المصفاة",
    "زيارة تفقدية لمصفاة رأس تنورة.",
    None,
    [
        "الظهران - زار وزير الطاقة اليوم المصفاة &amp; اطلع على سير العمل.",
        "وقال الوزير إن المصفاة تعمل بكامل طاقتها، وإن المصفاة ستتوسع.",
    ],
)


def test_fields_are_named_as_show_json_names_them():
    assert list(FIELDS) == ["title", "lede", "paragraphs/0", "paragraphs/1"]
    with_caption = article_fields("ع", "م", "صورة الوزير", ["ف"])
    assert list(with_caption) == ["title", "lede", "caption", "paragraphs/0"]


def test_a_quote_is_found_in_reading_order_and_checked():
    found = find_quote(FIELDS, "المصفاة")
    assert found == Anchor("title", 17, 24)
    assert holds(FIELDS, found, "المصفاة")
    assert not holds(FIELDS, Anchor("title", 0, 7), "المصفاة")
    assert find_quote(FIELDS, "كلمة غائبة") is None
    assert find_quote(FIELDS, "   ") is None


def test_the_occurrence_nearest_to_where_it_was_wins():
    text = FIELDS["paragraphs/1"]
    second = text.rindex("المصفاة")
    near = Anchor("paragraphs/1", second + 3, second + 10)  # drifted by three characters
    assert reanchor(FIELDS, near, "المصفاة") == Anchor("paragraphs/1", second, second + 7)
    first = text.index("المصفاة")
    assert first != second
    assert reanchor(FIELDS, Anchor("paragraphs/1", first + 1, first + 8), "المصفاة") == Anchor(
        "paragraphs/1", first, first + 7
    )


def test_offsets_that_still_hold_are_kept():
    anchor = find_quote(FIELDS, "سير العمل")
    assert anchor is not None
    assert reanchor(FIELDS, anchor, "سير العمل") is anchor


def test_a_highlight_survives_a_migration_that_decodes_entities():
    quote = "المصفاة &amp; اطلع"
    before = find_quote(FIELDS, quote)
    assert before is not None and before.field == "paragraphs/0"
    # The migration of the display issue rewrites "&amp;" as "&": later offsets shift by 4.
    decoded = {name: html.unescape(text) for name, text in FIELDS.items()}
    assert not holds(decoded, before, quote)
    after = reanchor(decoded, before, quote)
    assert after is not None
    assert decoded[after.field][after.start : after.end] == "المصفاة & اطلع"
    # A highlight after the entity only moved: found at its new place.
    later = find_quote(FIELDS, "سير العمل")
    assert later is not None
    moved = reanchor(decoded, later, "سير العمل")
    assert moved == Anchor(later.field, later.start - 4, later.end - 4)


def test_loose_matching_ignores_diacritics_hamza_seats_and_spacing():
    fields = article_fields("أعلنت الوزارةُ إطلاقَ  المبادرة", "", None, [])
    found = find_loosely(fields, "اعلنت الوزارة اطلاق المبادره")
    assert found == Anchor("title", 0, len(fields["title"]))
    assert find_loosely(fields, "اطلاق المبادرة") == Anchor("title", 15, len(fields["title"]))
    assert find_loosely(fields, "المبادرات") is None


def test_a_passage_that_is_gone_has_no_anchor():
    assert reanchor(FIELDS, Anchor("paragraphs/0", 0, 5), "نص حذف من الخبر") is None
    assert reanchor(FIELDS, Anchor("paragraphs/9", 0, 5), "سير العمل") == find_quote(
        FIELDS, "سير العمل"
    )


def test_highlight_spans_cut_overlaps_into_runs():
    text = "abcdefghij"
    runs = highlight_spans(text, [(2, 6, 1), (4, 8, 2), (20, 30, 3)])
    assert "".join(run for run, _ in runs) == text
    assert runs == [("ab", ()), ("cd", (1,)), ("ef", (1, 2)), ("gh", (2,)), ("ij", ())]
    assert highlight_spans("", []) == []
    assert highlight_spans("abc", []) == [("abc", ())]


ARABIC_TEXT = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىءؤئ َُِّْـ&;.،\n", max_size=60)


@given(ARABIC_TEXT, ARABIC_TEXT, st.data())
def test_any_passage_is_anchored_where_it_stands(first, second, data):
    fields = article_fields("عنوان", "", None, [first, second])
    text = data.draw(st.sampled_from([first, second]))
    start = data.draw(st.integers(0, len(text)))
    quote = text[start : data.draw(st.integers(start, len(text)))]
    found = find_quote(fields, quote)
    if not quote.strip():
        assert found is None
        return
    assert found is not None and holds(fields, found, quote)
    # Moved by a rewrite that adds text in front, it is found again, and still holds.
    moved = {name: "مقدمة " + value for name, value in fields.items()}
    again = reanchor(moved, found, quote)
    assert again is not None and holds(moved, again, quote)
