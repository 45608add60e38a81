"""Word-level comparison of two versions, on Arabic text."""

from desktop_app.stories.compare import Change, compare, similarity, tokens

A = "أعلنت الوزارة أمس افتتاح السوق الجديد في بريدة.\n\nوقال المدير إن الموسم جيد."
B = "اعلنت الوزارة اليوم افتتاح السوق الجديد في مدينة بريدة.\n\nوقال المدير إن الموسم جيد."


def test_changes_rebuild_both_texts_exactly():
    changes = compare(A, B)
    assert "".join(c.a for c in changes) == A
    assert "".join(c.b for c in changes) == B


def test_a_replaced_word_and_an_inserted_word():
    changes = [c for c in compare(A, B) if c.op != "equal"]
    assert Change("replace", "أمس ", "اليوم ") in changes
    assert Change("insert", "", "مدينة ") in changes


def test_words_compare_after_normalisation_but_keep_their_spelling():
    first = compare(A, B)[0]
    assert first.op == "equal"
    assert first.a.startswith("أعلنت") and first.b.startswith("اعلنت")


def test_diacritics_and_punctuation_attached_to_words_do_not_count():
    changes = compare("قال المديرُ، إن الموسمَ جيدٌ.", "قال المدير إن الموسم جيد")
    assert [c.op for c in changes] == ["equal"]


def test_deleted_sentence():
    changes = compare("الخبر الأول. والخبر الثاني.", "الخبر الأول.")
    assert changes[-1] == Change("delete", "والخبر الثاني.", "")


def test_similarity_counts_unchanged_words_of_both_sides():
    assert similarity(compare(A, A)) == 1.0
    assert similarity(compare("واحد اثنان", "ثلاثة أربعة")) == 0.0
    # 12 of the 13 words of a and 12 of the 14 of b are unchanged.
    assert abs(similarity(compare(A, B)) - 24 / 27) < 1e-9


def test_empty_texts():
    assert compare("", "") == []
    assert compare("", "خبر") == [Change("insert", "", "خبر")]
    assert similarity([]) == 1.0


def test_tokens_keep_leading_space_and_line_breaks():
    assert tokens("  خبر\nعاجل ") == ["  خبر\n", "عاجل "]
    assert tokens("   ") == ["   "]
