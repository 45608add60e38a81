"""The organising layer in the window (issue 11): sidebar, saved searches, tags, stars,
highlights and notes, trash, export, print to PDF, several libraries."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_app.gui.article_view import locate_passage, note_marks, pane_key
from desktop_app.gui.features import sidebar as SB
from desktop_app.model import Article, Note
from desktop_app.storage.library import Library
from desktop_app.text.bidi import FSI, PDI, strip_isolates

from .conftest import TITLE_BRIDGE, TITLE_MARKET, TITLE_RAIN, write_many


def counted(qtbot, window):
    """Wait for the sidebar's counts (read in the background after the first paint)."""
    qtbot.waitUntil(lambda: window.sidebar.counts is not None, timeout=5000)
    return window.sidebar.counts


def listed_titles(window) -> list[str]:
    model = window.headlines.model
    return [model.summary_at(row).title for row in range(model.rowCount())]


def select_text(view, text: str, last: str | None = None) -> None:
    """Select `text` in the pane (through `last`, when the passage holds isolates)."""
    cursor = view.document().find(text)
    assert cursor.hasSelection(), f"{text!r} is not in the pane"
    if last is not None:
        end = view.document().find(last, cursor.selectionEnd())
        assert end.hasSelection(), f"{last!r} is not in the pane"
        cursor.setPosition(cursor.selectionStart())
        cursor.setPosition(end.selectionEnd(), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def highlighted_runs(view) -> list[str]:
    """The texts drawn with the note background in the pane, one per run of fragments."""
    colour = view.style_.note.lower()
    runs, current = [], ""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name().lower() == colour:
                current += fragment.text()
            elif current:
                runs.append(strip_isolates(current))
                current = ""
            it += 1
        if current:
            runs.append(strip_isolates(current))
            current = ""
        block = block.next()
    return runs


# -- pure parts ---------------------------------------------------------------------------


def test_locate_passage_maps_the_pane_back_to_the_stored_text():
    stored = "قال\u200b المهندس إن النسبة بلغت 45 في المئة"
    shown = f"قال المهندس إن {FSI}النسبة{PDI} بلغت ٤٥ في المئة"
    start = shown.index("بلغت")
    found = locate_passage(stored, shown, start, start + len("بلغت ٤٥"))
    assert found is not None
    assert stored[found[0] : found[1]] == "بلغت 45"
    assert locate_passage(stored, shown, 0, 0) is None
    assert locate_passage(stored, "نص آخر", 0, 3) is None
    # The occurrence nearest to where it was shown, not the first.
    twice = "ماء ثم ماء"
    assert locate_passage(twice, twice, 7, 10) == (7, 10)


def test_note_marks_follow_the_cleaned_text():
    # The stored title holds an invisible mark the pane leaves out: one offset less.
    article = Article(1, "عنوان\u200bقصير", "", "", None, None, (), (), None, "a.txt")
    note = Note(1, 1, "title", 6, 10, "قصير", "", "2024-01-01T00:00:00")
    gone = Note(2, 1, "title", 0, 3, "شيء", "", "2024-01-01T00:00:00", anchored=False)
    assert note_marks(article, [note, gone]) == {"title": [(5, 9, 1)]}
    assert pane_key(f"{FSI}٤٥{PDI}\u00a0x ") == "45 x"


# -- the sidebar and saved searches -------------------------------------------------------


def test_sidebar_counts_arrive_after_the_first_paint(qtbot, make_window, library_path):
    window = make_window(library_path, mark_read_delay=60000)
    counts = counted(qtbot, window)
    assert (counts.articles, counts.unread, counts.starred, counts.trash) == (3, 3, 0, 0)
    assert "(3)" in window.sidebar.all_item.text(0)
    assert window.sidebar.tags_item.isHidden() and window.sidebar.saved_item.isHidden()


def test_saved_search_new_count_rises_with_a_background_import(
    qtbot, make_window, library_path, tmp_path, monkeypatch
):
    window = make_window(library_path)
    counted(qtbot, window)
    window.headlines.search_field.setText("نشرة")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("نشرات الطقس", True))
    window.sidebar.save_search()
    qtbot.waitUntil(lambda: window.sidebar.new_count("نشرات الطقس") == 0, timeout=5000)
    with qtbot.waitSignal(window.session.import_done, timeout=30000):
        assert window.session.start_import(write_many(tmp_path / "new", 3))
    qtbot.waitUntil(lambda: window.sidebar.new_count("نشرات الطقس") == 3, timeout=5000)
    entry = window.sidebar.entry(SB.SAVED, "نشرات الطقس")
    assert entry is not None and "+3" in entry.text(0)
    # Opening it lists the matches and marks them seen.
    window.headlines.search_field.clear()
    window.sidebar.choose(SB.SAVED, "نشرات الطقس")
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 3, timeout=5000)
    assert window.headlines.query() == "نشرة"
    qtbot.waitUntil(lambda: window.sidebar.new_count("نشرات الطقس") == 0, timeout=5000)


def test_choosing_sidebar_entries_filters_the_list(qtbot, make_window, library_path):
    window = make_window(library_path, mark_read_delay=60000)
    window.session.write(lambda library: library.set_read(3, True))
    window.session.write(lambda library: library.set_starred([2]))
    window.sidebar.choose(SB.STARRED)
    qtbot.waitUntil(lambda: listed_titles(window) == [TITLE_MARKET], timeout=5000)
    window.headlines.select_row(0)
    window.tags.toggle_star()  # unstarred while the Starred view is shown: it leaves
    qtbot.waitUntil(lambda: listed_titles(window) == [], timeout=5000)
    window.sidebar.choose(SB.UNREAD)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 2, timeout=5000)
    window.sidebar.choose(SB.ALL)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 3, timeout=5000)


# -- tags and stars -----------------------------------------------------------------------


def test_tag_several_selected_articles_then_filter_rename_and_delete(
    qtbot, make_window, library_path, monkeypatch
):
    window = make_window(library_path)
    view = window.headlines.list_view
    view.selectAll()
    view.selectionModel().select(
        window.headlines.model.index(1),
        view.selectionModel().SelectionFlag.Deselect,
    )
    assert sorted(window.headlines.selected_ids()) == [1, 3]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("مياه", True))
    window.tags.ask_tag()
    library = window.session.library
    assert [(t.name, t.count) for t in library.tags()] == [("مياه", 2)]
    assert library.get(1).tags == ("مياه",) and library.get(2).tags == ()
    qtbot.waitUntil(lambda: window.sidebar.entry(SB.TAG, "مياه") is not None, timeout=5000)
    assert "(2)" in window.sidebar.entry(SB.TAG, "مياه").text(0)
    window.sidebar.choose(SB.TAG, "مياه")
    qtbot.waitUntil(lambda: listed_titles(window) == [TITLE_RAIN, TITLE_BRIDGE], timeout=5000)
    window.sidebar.rename_tag("مياه", "سدود")
    assert [t.name for t in library.tags()] == ["سدود"]
    window.sidebar.delete_tag("سدود", confirm=False)
    assert library.tags() == []


def test_star_toggles_on_the_selection(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(1)
    window.tags.star_action.trigger()
    assert window.session.library.get(2).starred
    window.tags.star_action.trigger()
    assert not window.session.library.get(2).starred
    assert window.tags.star_action.shortcut().toString() == "Ctrl+Shift+D"


def test_the_pane_shows_the_star_and_tags_as_they_change(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(0)
    assert "★" not in pane_text(window)
    window.tags.toggle_star()
    window.tags.tag("<b>مياه</b>")  # a tag is data: shown as typed, never as markup
    assert "★" in pane_text(window) and "<b>مياه</b>" in pane_text(window)


def pane_text(window) -> str:
    return strip_isolates(window.reader.view.toPlainText())


# -- highlights and notes -----------------------------------------------------------------


def test_highlight_is_drawn_again_at_another_zoom(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(0)  # rain: its first paragraph has a dateline set apart
    view = window.reader.view
    select_text(view, "غزيرة طوال الليل")
    note = window.notes.highlight()
    assert note is not None
    assert (note.field, note.quote) == ("paragraphs/0", "غزيرة طوال الليل")
    stored = window.session.library.get(1).paragraphs[0]
    assert stored[note.start : note.end] == "غزيرة طوال الليل"
    assert highlighted_runs(view) == ["غزيرة طوال الليل"]
    # Another article, another zoom, then back: the same words.
    window.headlines.select_row(1)
    assert highlighted_runs(view) == []
    window.comforts.zoom(3)
    window.headlines.select_row(0)
    assert window.reader.view.document().defaultFont().pointSizeF() > 16
    assert highlighted_runs(view) == ["غزيرة طوال الليل"]
    window.comforts.zoom(-5)
    assert highlighted_runs(view) == ["غزيرة طوال الليل"]


def test_a_note_with_arabic_digits_shown(qtbot, make_window, library_path, monkeypatch):
    window = make_window(library_path)
    window.comforts.set_arabic_digits(True)
    window.headlines.select_row(0)
    view = window.reader.view
    select_text(view, "بلغت", "٤٥")
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("رقم يستحق التحقق", True)
    )
    note = window.notes.add_note()
    assert note is not None and note.quote == "بلغت 45" and note.text == "رقم يستحق التحقق"
    assert [pane_key(run) for run in highlighted_runs(view)] == ["بلغت 45"]


def test_notes_panel_lists_searches_and_opens_the_article_at_the_note(
    qtbot, make_window, library_path
):
    window = make_window(library_path)
    library = window.session.library
    window.session.write(lambda lib: lib.add_note(3, "جسراً جديداً", "عن الجسر"))
    window.session.write(lambda lib: lib.add_note(2, "روايات قديمة"))
    window.sidebar.choose(SB.NOTES)
    panel = window.notes.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    panel.search.setText("جسر")  # matched with the Arabic matcher, not as a substring
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    item = panel.tree.topLevelItem(0)
    assert TITLE_BRIDGE in strip_isolates(item.text(1))
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000) as shown:
        panel.chosen.emit(item.data(0, Qt_user_role()))
    assert shown.args == [3]
    assert highlighted_runs(window.reader.view) == ["جسراً جديداً"]
    assert len(library.notes()) == 2


def Qt_user_role():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole


# -- trash ----------------------------------------------------------------------------------


def test_trash_and_restore(qtbot, make_window, library_path, monkeypatch):
    window = make_window(library_path)
    window.headlines.list_view.selectAll()
    window.headlines.list_view.selectionModel().select(
        window.headlines.model.index(0),
        window.headlines.list_view.selectionModel().SelectionFlag.Deselect,
    )
    window.trash.delete_action.trigger()
    qtbot.waitUntil(lambda: listed_titles(window) == [TITLE_RAIN], timeout=5000)
    window.sidebar.choose(SB.TRASH)
    trash_list = window.trash.list
    qtbot.waitUntil(lambda: trash_list.count() == 2, timeout=5000)
    trash_list.item(0).setSelected(True)
    restored = trash_list.item(0).data(Qt_user_role())
    window.trash.restore_button.click()
    qtbot.waitUntil(lambda: trash_list.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 2, timeout=5000)
    assert window.session.library.get(restored) is not None
    # Emptying asks first: No keeps the trash, Yes empties it.
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    window.trash.empty_button.click()
    assert window.session.library.trashed() != []
    window.trash.empty_button.click()
    assert window.session.library.trashed() == []
    qtbot.waitUntil(lambda: trash_list.count() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.sidebar.counts.trash == 0, timeout=5000)


# -- export, print, PDF -----------------------------------------------------------------------


def test_export_the_selection_as_csl_json(qtbot, make_window, library_path, tmp_path):
    from desktop_app.gui.features.export import SetChoice

    window = make_window(library_path)
    chosen = SetChoice("selection", [1, 3]).resolve(window.session.library)
    out = tmp_path / "out.json"
    window.export.export(chosen, "csljson", out)
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=5000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [item["title"] for item in data] == [TITLE_RAIN, TITLE_BRIDGE]
    assert {item["type"] for item in data} == {"article-newspaper"}


def test_pdf_of_an_article_with_its_highlights(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    window.session.write(lambda lib: lib.add_note(1, "غزيرة طوال الليل"))
    window.headlines.select_row(0)
    document = window.export.document(window.session.library.get(1))
    assert "غزيرة طوال الليل" in strip_isolates(document.toPlainText())
    path = window.export.write_pdf(window.session.library.get(1), tmp_path / "rain.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 1


# -- several libraries -------------------------------------------------------------------------


def test_switch_to_a_new_library_and_back(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    other = tmp_path / "project" / "second.db"
    other.parent.mkdir()
    with Library(other) as library:
        assert library.count() == 0
    assert window.libraries.switch(other)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 0, timeout=5000)
    assert window.session.path == other
    qtbot.waitUntil(
        lambda: window.sidebar.counts is not None and window.sidebar.counts.articles == 0,
        timeout=5000,
    )
    assert window.libraries.recent()[:2] == [other.absolute(), library_path.absolute()]
    assert window.libraries.switch(library_path)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 3, timeout=5000)


def test_a_library_that_cannot_open_leaves_the_old_one(
    qtbot, make_window, library_path, tmp_path, monkeypatch
):
    window = make_window(library_path)
    folder = tmp_path / "a-folder.db"  # a folder, not a file: it cannot be opened
    folder.mkdir()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    assert not window.libraries.switch(folder)
    assert warned and window.session.path == library_path
    assert window.session.library.count() == 3
    window.headlines.select_row(1)
    assert window.reader.current is not None and window.reader.current.id == 2


def test_the_new_strings_are_in_arabic(qtbot, make_window, library_path):
    window = make_window(library_path, lang="ar")
    assert window.sidebar.all_item.text(0).startswith("كل المقالات")
    assert window.sidebar.trash_item.text(0).startswith("سلة المحذوفات")
    assert window.notes.highlight_action.text() == "تظليل"
    assert window.trash.delete_action.text() == "نقل إلى سلة المحذوفات"
    assert window.export.export_action.text() == "تصدير…"
    assert window.libraries.open_action.text() == "فتح مكتبة…"
    assert window.tags.tag_action.text() == "وسم المقالات المحددة…"


def test_export_dialog_offers_a_tag_in_bibtex_named_after_the_tag(
    qtbot, make_window, library_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog

    window = make_window(library_path)
    window.session.write(lambda lib: lib.tag("مياه", [1, 3]))
    offered = {}

    def choose(dialog):
        sets, formats = dialog.findChildren(QComboBox)
        offered["sets"] = [sets.itemText(i) for i in range(sets.count())]
        sets.setCurrentIndex(sets.findText("Tag: مياه"))
        formats.setCurrentIndex(formats.findData("bibtex"))
        return QDialog.DialogCode.Accepted

    def save_as(_parent, _title, proposed, _filter):
        offered["name"] = Path(proposed).name
        return str(tmp_path / offered["name"]), ""

    monkeypatch.setattr(QDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.export.ask_export()
    assert "The list as shown" in offered["sets"] and "Tag: مياه" in offered["sets"]
    assert offered["name"] == "مياه.bib"
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=5000)
    assert window.export.last_result.articles == 2
    text = (tmp_path / "مياه.bib").read_text(encoding="utf-8")
    assert text.count("@article") == 2 and TITLE_BRIDGE in text


def test_a_read_only_library_turns_the_organising_actions_off(make_window, library_path):
    window = make_window(library_path)
    writing = [
        window.sidebar.save_action,
        window.tags.tag_action,
        window.tags.star_action,
        window.notes.highlight_action,
        window.notes.note_action,
        window.trash.delete_action,
    ]
    assert all(action.isEnabled() for action in writing)
    window.session.access_changed.emit(True, "the folder is locked")
    assert [a.text() for a in writing if a.isEnabled()] == []
    window.session.access_changed.emit(False, "")
    assert all(action.isEnabled() for action in writing)
