"""The window's search results (issue 16): best match first by default, a visible
choice of order, the exact hamza / diacritics options, and under each result a line of
context with the number of matched words."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.gui import settings as S
from desktop_app.gui.headline_model import HeadlineDelegate, HeadlineModel, snippet_runs
from desktop_app.model import SearchOrder
from desktop_app.services.importer import import_paths

from .conftest import write_article

# The newest article holds both words far apart; the oldest has them side by side in
# its title: newest first, the list would open on the weaker match.
NEWEST = "اجتماع في العاصمة"
MIDDLE = "أخبار الطقس"
OLDEST = "الاتفاق النووي يدخل حيز التنفيذ"


@pytest.fixture
def search_library(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    paths = [
        write_article(folder, "n.txt", NEWEST, ["جدة - تحدث الوزير عن الاتفاق ثم عن المفاعل "
                      "النووي في فقرة أخرى من كلمته."], published="2024-05-01"),
        write_article(folder, "m.txt", MIDDLE, ["جدة - الجو حار وقال الأمير إن الصيف طويل."],
                      published="2024-04-01"),
        write_article(folder, "o.txt", OLDEST, ["جدة - بدأ تطبيق الاتفاق النووي اليوم، "
                      "والاتفاق النووي يحدد نسب التخصيب."], published="2020-01-01"),
    ]  # fmt: skip
    path = tmp_path / "library.db"
    assert len(import_paths(path, paths).imported) == 3
    return path


def listed_titles(window) -> list[str]:
    model = window.headlines.model
    return [model.summary_at(row).title for row in range(model.rowCount())]


def search(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.headlines.list_updated, timeout=5000):
        window.headlines.search_field.setText(text)


def test_results_are_best_match_first_and_the_order_can_be_chosen(
    qtbot, make_window, search_library
):
    window = make_window(search_library)
    headlines = window.headlines
    assert listed_titles(window)[0] == NEWEST  # no search: newest first
    assert not headlines.order_combo.isEnabled()  # nothing to order yet
    search(qtbot, window, "الاتفاق النووي")
    assert listed_titles(window) == [OLDEST, NEWEST]
    assert headlines.order_combo.isEnabled()
    assert headlines.order_combo.currentData() == SearchOrder.RELEVANCE.value
    with qtbot.waitSignal(headlines.list_updated, timeout=5000):
        headlines.order_combo.setCurrentIndex(headlines.order_combo.findData("newest"))
    assert listed_titles(window) == [NEWEST, OLDEST]
    assert S.Settings().get(S.SEARCH_ORDER) == "newest"  # kept for the next start
    with qtbot.waitSignal(headlines.list_updated, timeout=5000):
        headlines.order_combo.setCurrentIndex(headlines.order_combo.findData("oldest"))
    assert listed_titles(window) == [OLDEST, NEWEST]
    search(qtbot, window, "")
    assert listed_titles(window) == [NEWEST, MIDDLE, OLDEST]  # the list itself: by date
    assert not headlines.order_combo.isEnabled()


def test_the_exact_options_narrow_the_results(qtbot, make_window, search_library):
    window = make_window(search_library)
    headlines = window.headlines
    search(qtbot, window, "الامير")
    assert listed_titles(window) == [MIDDLE]  # hamza ignored by default
    with qtbot.waitSignal(headlines.list_updated, timeout=5000):
        headlines.exact_hamza.setChecked(True)
    assert listed_titles(window) == []
    assert S.Settings().get(S.EXACT_HAMZA) is True
    search(qtbot, window, "الأمير")
    assert listed_titles(window) == [MIDDLE]
    search(qtbot, window, "الأَمير")
    with qtbot.waitSignal(headlines.list_updated, timeout=5000):
        headlines.exact_diacritics.setChecked(True)
    assert listed_titles(window) == []  # the text has no fatha on its alef


def test_each_result_has_a_line_of_context_and_its_number_of_matches(
    qtbot, make_window, search_library
):
    window = make_window(search_library)
    headlines = window.headlines
    plain_height = headlines.list_view.verticalHeader().defaultSectionSize()
    search(qtbot, window, "النووي")
    assert headlines.list_view.verticalHeader().defaultSectionSize() > plain_height
    model = headlines.model
    first = model.context_at(0)
    assert first is not None and first.matches == 3  # title and twice in the body
    assert "<b>النووي</b>" in first.snippet
    _title, meta = headlines.delegate.texts(model.summary_at(0), first)
    assert meta.endswith("3 match(es)")
    headlines.list_view.viewport().repaint()  # paints the context lines without a warning
    search(qtbot, window, "")
    assert model.context_at(0) is None
    assert headlines.list_view.verticalHeader().defaultSectionSize() == plain_height


def test_contexts_are_read_for_the_rows_shown_only(search_library, monkeypatch):
    from desktop_app.gui import headline_model
    from desktop_app.storage.library import Library

    monkeypatch.setattr(headline_model, "CONTEXT_BLOCK", 2)
    with Library(search_library) as library:
        asked: list[list[int]] = []
        real = library.hit_contexts
        monkeypatch.setattr(
            library, "hit_contexts", lambda q, ids: asked.append(list(ids)) or real(q, ids)
        )
        model = HeadlineModel(library)
        model.set_query("جدة")
        model.set_ids(library.search_ids("جدة"))
        assert asked == []
        assert model.context_at(2) is not None
        assert asked == [[model.id_at(2)]]  # the block of row 2: rows 2-3 (3 rows)
        assert model.context_at(2) is not None and len(asked) == 1
        model.set_query("-جدة")  # nothing to show around: no context
        assert model.context_at(0) is None and len(asked) == 1


def test_snippet_runs_give_plain_text_and_the_bold_words():
    text, runs = snippet_runs("… قال <b>الأمير</b> &amp; <b>النووي</b>\u202e x")
    assert text == "… قال الأمير & النووي x"
    assert [text[s : s + n] for s, n in runs] == ["الأمير", "النووي"]


def test_row_height_grows_by_one_line_for_search_results(qapp):
    delegate = HeadlineDelegate()
    font = qapp.font()
    assert delegate.row_height(font, True) > delegate.row_height(font)


def test_the_new_strings_are_translated(qtbot, make_window, search_library):
    window = make_window(search_library, lang="ar")
    headlines = window.headlines
    assert headlines.order_combo.itemText(0) == "الأنسب أولًا"
    assert headlines.exact_hamza.text() == "مطابقة الهمزات"
    assert headlines.exact_diacritics.text() == "مطابقة التشكيل"
    search(qtbot, window, "النووي")
    _title, meta = headlines.delegate.texts(
        headlines.model.summary_at(0), headlines.model.context_at(0)
    )
    assert meta.endswith("3 مواضع")
