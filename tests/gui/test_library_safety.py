"""The window's side of issue 6: a damaged or read-only library, File → Back up… / Restore….

Dialogs are patched out: file dialogs answer with a path, message boxes are recorded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.services.backup import backup_library, check_backup
from desktop_app.services.importer import import_paths
from desktop_app.storage.library import Library
from tests.reliability.support import unwritable

from .conftest import TITLE_RAIN, write_article, write_many


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def anchors(view) -> set[str]:
    hrefs = set()
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                hrefs.add(href)
            it += 1
        block = block.next()
    return hrefs


@pytest.fixture
def boxes(monkeypatch):
    """Every QMessageBox the window opens, recorded as (kind, text); answers `question`."""
    shown: list[tuple[str, str]] = []
    answers: list[QMessageBox.StandardButton] = []

    def record(kind):
        def box(_parent, _title, text, *args, **kwargs):
            shown.append((kind, text))
            if kind == "question":
                return answers.pop(0) if answers else QMessageBox.StandardButton.Cancel
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    shown_and_answers = (shown, answers)
    return shown_and_answers


def choose_file(monkeypatch, method: str, path: Path | None) -> None:
    answer = (str(path) if path else "", "")
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *a, **k: answer))


# -- opening -----------------------------------------------------------------------------


def test_damaged_library_is_set_aside_and_the_window_says_so(
    make_window, tmp_path, boxes, monkeypatch
):
    path = tmp_path / "library.db"
    # Not recognisably a library: set aside only where Akhbar keeps its own (issue 15).
    monkeypatch.setenv("AKHBAR_DB", str(path))
    path.write_bytes(b"this was a library once, before the disk went bad\n" * 200)
    before = digest(path)
    window = make_window(path)
    aside = sorted(tmp_path.glob("library.db.damaged-*"))
    assert len(aside) == 1 and digest(aside[0]) == before  # kept, untouched
    notice = window.library_status.notice_bar.text()
    assert aside[0].name in notice and "new, empty library" in notice
    assert "not an SQLite database" in window.library_status.notice_bar.label.toolTip()
    assert not window.session.read_only and window.importing.import_files_action.isEnabled()
    assert window.headlines.model.rowCount() == 0  # a fresh library, no samples dropped into it
    assert boxes[0] == []  # told in the window, not in a dialog that blocks the start
    window.library_status.notice_bar.close_button.click()
    assert window.library_status.notice_bar.text() == ""


@pytest.fixture
def locked_shelf(tmp_path, library_path):
    """The basic library in a folder this process cannot write (root included)."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    path = shelf / "library.db"
    with Library(library_path) as library:  # a closed copy: no -wal or -shm beside it
        backup_library(library, path)
    with unwritable(shelf):
        yield path


def test_read_only_library_opens_read_only_with_writing_turned_off(
    qtbot, make_window, locked_shelf
):
    before = digest(locked_shelf)
    window = make_window(locked_shelf, mark_read_delay=0)
    assert window.session.read_only
    assert "read-only" in window.library_status.notice_bar.text()
    assert window.library_status.read_only_label.isVisible()
    assert window.headlines.model.rowCount() == 3
    for action in (
        window.importing.import_files_action,
        window.importing.import_folder_action,
        window.backup.restore_action,
        window.reader.bookmark_action,
    ):
        assert not action.isEnabled(), action.text()
    assert window.backup.backup_action.isEnabled()  # reading it is fine
    assert not window.acceptDrops()
    assert not window.importing.start_import([locked_shelf.parent])
    assert "read-only" in window.statusBar().currentMessage()

    window.headlines.select_row(0)
    assert window.reader.current.title == TITLE_RAIN
    hrefs = anchors(window.reader.view)
    assert hrefs == {"akhbar://article/2"}  # the related link, and no stars to click
    window.reader.toggle_bookmark(0)
    assert not window.bookmarks.panel.remove_button.isEnabled()
    assert not window.reader.read_timer.isActive()  # nothing marked read either
    assert window.session.library.bookmarks() == []
    assert not window.reader.current.read
    assert digest(locked_shelf) == before


# -- back up -----------------------------------------------------------------------------


def test_back_up_through_the_file_menu(qtbot, make_window, library_path, tmp_path, monkeypatch):
    window = make_window(library_path)
    target = tmp_path / "copies" / "akhbar.db"
    target.parent.mkdir()
    choose_file(monkeypatch, "getSaveFileName", target)
    with qtbot.waitSignal(window.backup.backup_finished, timeout=10000) as done:
        window.backup.backup_action.trigger()
    result = done.args[0]
    assert result is not None and result.path == target and result.articles == 3
    assert check_backup(target) == 3
    assert "3 article" in window.statusBar().currentMessage()
    assert window.backup.backup_action.isEnabled()


def test_back_up_onto_the_library_itself_is_refused(
    qtbot, make_window, library_path, monkeypatch, boxes
):
    window = make_window(library_path)
    choose_file(monkeypatch, "getSaveFileName", library_path)
    with qtbot.waitSignal(window.backup.backup_finished, timeout=10000) as done:
        window.backup.backup_action.trigger()
    assert done.args[0] is None
    shown, _answers = boxes
    assert len(shown) == 1 and shown[0][0] == "warning" and "onto itself" in shown[0][1]
    assert window.session.library.count() == 3


def test_cancelled_save_dialog_backs_nothing_up(make_window, library_path, monkeypatch):
    window = make_window(library_path)
    choose_file(monkeypatch, "getSaveFileName", None)
    window.backup.backup_action.trigger()
    assert window.backup.backup_action.isEnabled()  # disabled only while a backup runs
    assert "Backing up" not in window.statusBar().currentMessage()


# -- restore -----------------------------------------------------------------------------


@pytest.fixture
def backed_up(library_path, tmp_path):
    """A backup of the three basic articles; then a fourth article added to the library."""
    backup = tmp_path / "backup.db"
    with Library(library_path) as library:
        backup_library(library, backup)
    extra = write_article(
        tmp_path / "extra", "late.txt", "خبر متأخر عن عودة القطار", ["وهران - عاد القطار."]
    )
    assert len(import_paths(library_path, [extra]).imported) == 1
    return backup


def test_restore_closes_everything_first_then_reopens_and_reloads(
    qtbot, make_window, library_path, backed_up, monkeypatch, boxes
):
    import desktop_app.services.backup as backup_module

    window = make_window(library_path)
    assert window.headlines.model.rowCount() == 4
    old_library = window.session.library
    real_restore = backup_module.restore_library
    seen: dict = {}

    def watching_restore(path, backup, **kwargs):
        # At the moment the file is replaced, the window holds it open nowhere.
        seen["workers_idle"] = (
            window.session.jobs.pool.activeThreadCount() == 0
            and not window.session.jobs.busy()
            and not window.session.importing()
        )
        seen["watching"] = window.session.watcher.timer.isActive()
        try:
            old_library.db.execute("SELECT 1")
            seen["connection_closed"] = False
        except Exception:
            seen["connection_closed"] = True
        return real_restore(path, backup, **kwargs)

    monkeypatch.setattr(backup_module, "restore_library", watching_restore)
    choose_file(monkeypatch, "getOpenFileName", backed_up)
    shown, answers = boxes
    answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.backup.restore_finished, timeout=10000) as done:
        window.backup.restore_action.trigger()
    result = done.args[0]
    assert seen == {"workers_idle": True, "watching": False, "connection_closed": True}
    assert [kind for kind, _text in shown] == ["question"]
    assert "3 article" in shown[0][1]
    assert result is not None and result.articles == 3
    assert result.previous is not None and result.previous.exists()
    with Library(result.previous) as kept:
        assert kept.count() == 4  # the library replaced is kept beside it

    assert window.session.library is not old_library
    assert window.headlines.model.rowCount() == 3
    assert window.session.watcher.timer.isActive()
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000):
        window.headlines.select_row(1)
    window.reader.toggle_bookmark(0)  # writing works on the new connection
    with Library(library_path) as check:
        assert check.count() == 3 and len(check.bookmarks()) == 1


def test_restore_not_confirmed_changes_nothing(
    qtbot, make_window, library_path, backed_up, monkeypatch, boxes
):
    window = make_window(library_path)
    library = window.session.library
    choose_file(monkeypatch, "getOpenFileName", backed_up)
    shown, answers = boxes
    answers.append(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.backup.restore_finished, timeout=5000) as done:
        window.backup.restore_action.trigger()
    assert done.args[0] is None
    assert [kind for kind, _text in shown] == ["question"]
    assert window.session.library is library and library.count() == 4
    assert window.headlines.model.rowCount() == 4


def test_restore_refuses_a_file_that_is_no_backup(
    qtbot, make_window, library_path, tmp_path, monkeypatch, boxes
):
    window = make_window(library_path)
    bogus = tmp_path / "holiday.db"
    bogus.write_bytes(b"not a database at all" * 100)
    before = digest(library_path)
    choose_file(monkeypatch, "getOpenFileName", bogus)
    with qtbot.waitSignal(window.backup.restore_finished, timeout=5000) as done:
        window.backup.restore_action.trigger()
    assert done.args[0] is None
    shown, _answers = boxes
    assert [kind for kind, _text in shown] == ["warning"]  # refused before asking
    assert "cannot be restored" in shown[0][1]
    assert window.headlines.model.rowCount() == 3
    assert digest(library_path) == before
    assert not list(tmp_path.glob("library.db.before-restore-*"))


def test_restore_waits_for_a_running_import(
    qtbot, make_window, library_path, tmp_path, monkeypatch
):
    window = make_window(library_path)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append("x"))
    )
    with qtbot.waitSignal(window.importing.finished, timeout=30000):
        assert window.importing.start_import(write_many(tmp_path / "many", 300))
        assert not window.backup.restore_action.isEnabled()
        window.backup.restore_dialog()  # as if the shortcut or a stale menu got through
        assert asked == [] and "import" in window.statusBar().currentMessage()
        window.session.cancel_import()
    assert window.backup.restore_action.isEnabled()


def test_a_library_that_cannot_be_used_at_all_is_one_message(tmp_path, capsys, boxes, monkeypatch):
    from desktop_app.cli import main

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    path = shelf / "library.db"
    monkeypatch.setenv("AKHBAR_DB", str(path))  # the default place: a damaged library
    path.write_bytes(b"garbage, and in a folder nobody may write to" * 50)
    with unwritable(shelf):
        code = main(["--db", str(path), "--lang", "en"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0] and "read-only" in err[0]
    shown, _answers = boxes
    assert [kind for kind, _text in shown] == ["critical"]
    assert [p.name for p in shelf.iterdir()] == ["library.db"]  # nothing moved
