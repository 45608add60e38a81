"""The lede shown once: body_without_lede on paragraphs written for these tests (no Qt)."""

from __future__ import annotations

from desktop_app.text.lede import body_without_lede, repeats_lede

LEDE = "افتتح أمير المنطقة مساء أمس مهرجان التمور السنوي في بريدة بمشاركة مئة مزارع"
REST = "من مختلف المحافظات، وتستمر فعالياته عشرة أيام."
SECOND = "وقال رئيس اللجنة المنظمة إن المهرجان يستقبل الزوار من العصر حتى منتصف الليل."


def test_first_paragraph_beginning_with_the_lede_keeps_only_the_rest():
    body = (f"{LEDE} {REST}", SECOND)
    assert body_without_lede(LEDE, body) == (REST, SECOND)
    assert repeats_lede(LEDE, body)


def test_a_first_paragraph_that_is_only_the_lede_is_left_out():
    assert body_without_lede(LEDE, (LEDE, SECOND)) == (SECOND,)
    assert body_without_lede(LEDE + ".", (LEDE + ". ", SECOND)) == (SECOND,)
    assert body_without_lede(LEDE, (LEDE,)) == ()


def test_the_lede_ending_in_punctuation_takes_it_along():
    lede = "أعلنت الهيئة موعد بدء التسجيل في البرنامج الصيفي."
    body = (f"{lede} ويبدأ التسجيل يوم الأحد المقبل.", SECOND)
    assert body_without_lede(lede, body) == ("ويبدأ التسجيل يوم الأحد المقبل.", SECOND)
    lede = "حذر الدفاع المدني من السيول (في المناطق المنخفضة)"
    body = (f"{lede}، ودعا السكان إلى الابتعاد عن الأودية.",)
    assert body_without_lede(lede, body) == ("، ودعا السكان إلى الابتعاد عن الأودية.",)


def test_the_dateline_before_the_repeated_words_stays():
    body = (f"بريدة - {LEDE} {REST}", SECOND)
    assert body_without_lede(LEDE, body, "بريدة") == (f"بريدة - {REST}", SECOND)
    # without the parser's dateline, a "PLACE: " or "AGENCY - PLACE: " prefix is found too
    body = (f"واس - بريدة: {LEDE} {REST}",)
    assert body_without_lede(LEDE, body) == (f"واس - بريدة: {REST}",)


def test_spacing_punctuation_diacritics_and_references_may_differ():
    lede = "قال الوزير: «المشروع يكتمل في العام المقبل»، وأضاف أن العمل يسير وفق الخطة"
    body = (
        "قال  الوزيرُ &quot;المشروع يكتمـــل في العام\u00a0المقبل&quot; ، وأضاف أنّ العمل "
        "يسير وفق الخطة الزمنية المعتمدة.",
    )
    assert body_without_lede(lede, body) == ("الزمنية المعتمدة.",)
    assert body_without_lede("&quot;تمور&quot; القصيم", ('"تمور" القصيم تصل الأسواق.',)) == (
        "تصل الأسواق.",
    )


def test_paragraphs_that_do_not_repeat_the_lede_are_unchanged():
    body = (SECOND, f"{LEDE} {REST}")
    assert body_without_lede(LEDE, body) == body  # only the first paragraph counts
    body = (f"{LEDE[:-5]} أخرى {REST}",)  # the same start, then other words
    assert body_without_lede(LEDE, body) == body
    assert not repeats_lede(LEDE, body)
    # the lede's words inside the paragraph, not at its start
    body = (f"وفي سياق آخر {LEDE}",)
    assert body_without_lede(LEDE, body) == body


def test_no_lede_or_no_body():
    assert body_without_lede("", (SECOND,)) == (SECOND,)
    assert body_without_lede("  …  ", (SECOND,)) == (SECOND,)
    assert body_without_lede(LEDE, ()) == ()


def test_a_word_is_never_cut():
    lede = "بدأت أعمال الصيانة في طريق الملك"
    body = ("بدأت أعمال الصيانة في طريق الملكة نورة صباح اليوم.",)
    assert body_without_lede(lede, body) == body
