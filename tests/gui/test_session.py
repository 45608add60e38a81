"""The library session and the features around it (issue 9).

The session announces what every write changed (`Changes`), everything after a commit by
another process or a reopen; each feature refreshes only its own part, turns its own
writing off on a read-only library, and offers its actions to the window's menus.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.gui import settings as S
from desktop_app.gui.feature import ARTICLE, FILE, HELP, VIEW
from desktop_app.gui.session import Session
from desktop_app.model import ChangeKind, Changes
from desktop_app.services.importer import import_paths
from desktop_app.storage.errors import LibraryError, LibraryReadOnly, StorageError
from desktop_app.storage.safety import open_library

from .conftest import write_many


@pytest.fixture
def session(qtbot, library_path):
    opened = Session(library_path)
    opened.watcher.timer.stop()  # the tests look themselves (watcher.check)
    yield opened
    opened.shutdown()
    opened.library.close()


def recorded(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args[0] if len(args) == 1 else args))
    return seen


# -- the session ---------------------------------------------------------------------------


def test_a_read_mark_announces_read_for_that_article_only(session):
    changes = recorded(session.changed)
    session.write(lambda library: library.set_read(2, True))
    assert changes == [Changes.of(ChangeKind.READ, [2])]
    assert not changes[0].touches(ChangeKind.ARTICLES, ChangeKind.BOOKMARKS)


def test_a_bookmark_announces_bookmarks(session):
    changes = recorded(session.changed)
    bookmark = session.write(lambda library: library.add_bookmark(1, 0))
    session.write(lambda library: library.remove_bookmark(bookmark.id))
    assert changes == [Changes.of(ChangeKind.BOOKMARKS, [bookmark.id])] * 2


def test_an_import_announces_the_articles_it_added(qtbot, session, tmp_path):
    changes = recorded(session.changed)
    with qtbot.waitSignal(session.import_done, timeout=20000) as done:
        assert session.start_import(write_many(tmp_path / "new", 4))
        assert session.importing()
        assert not session.start_import(write_many(tmp_path / "more", 1))  # one writer
    report = done.args[0]
    assert not session.importing()
    assert changes == [Changes.of(ChangeKind.ARTICLES, [o.article_id for o in report.imported])]
    assert len(report.imported) == 4
    assert not session.watcher.check()  # its own import is not news from elsewhere


def test_a_commit_by_another_process_is_everything(session, library_path, tmp_path):
    changes = recorded(session.changed)
    session.write(lambda library: library.set_read(1, True))
    assert not session.watcher.check()  # the session's own write is not
    import_paths(library_path, write_many(tmp_path / "elsewhere", 1))
    assert session.watcher.check()
    assert changes[-1] == Changes.everything() and changes[-1].everything_changed


def test_a_failed_write_is_a_storage_error_and_still_announces_what_landed(session):
    changes = recorded(session.changed)
    with pytest.raises(LibraryError):
        session.write(lambda library: library.add_bookmark(999, 0))

    def half_done(library):
        library.set_read(3, True)
        library.db.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(StorageError) as raised:
        session.write(half_done)
    assert "no_such_table" in str(raised.value)
    assert changes == [Changes.of(ChangeKind.READ, [3])]


def test_a_read_only_session_refuses_writes(qtbot, library_path):
    read_only = Session(library_path, open_library(library_path, read_only=True))
    try:
        access = recorded(read_only.access_changed)
        changes = recorded(read_only.changed)
        read_only.announce()
        assert access == [(True, read_only.reason)]
        with pytest.raises(LibraryReadOnly):
            read_only.write(lambda library: library.set_read(1, True))
        assert not read_only.start_import([library_path.parent / "articles"])
        assert changes == []
    finally:
        read_only.shutdown()
        read_only.library.close()


def test_reopen_tells_access_then_reopened_then_everything(session):
    order = []
    session.access_changed.connect(lambda *_a: order.append("access"))
    session.reopened.connect(lambda: order.append("reopened"))
    session.changed.connect(lambda c: order.append("everything" if c.everything_changed else c))
    session.closing.connect(lambda: order.append("closing"))
    old = session.library
    session.close()
    session.reopen()
    assert order == ["closing", "access", "reopened", "everything"]
    assert session.library is not old and session.library.count() == 3


# -- the features in the window -------------------------------------------------------------


def test_a_read_mark_repaints_its_row_and_reloads_nothing(qtbot, make_window, library_path):
    window = make_window(library_path, mark_read_delay=60000)
    headlines, reader = window.headlines, window.reader
    panel = window.bookmarks.panel  # built, to see that it is left alone too
    started: list = []
    real_run = window.session.run
    window.session.run = lambda *a, **k: started.append(a) or real_run(*a, **k)
    reloads: list = []
    panel.reload = lambda *a, **k: reloads.append(a)
    model = headlines.model
    resets = recorded(model.modelReset)
    inserted = recorded(model.rowsInserted)
    repainted: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): repainted.append((a.row(), b.row())))
    headlines.select_row(1)
    assert reader.current.id == 2 and not reader.current.read
    assert not model.summary_at(1).read

    reader.toggle_read()

    assert repainted == [(1, 1)]  # that row, and only it
    assert model.summary_at(1).read
    assert resets == [] and inserted == [] and started == [] and reloads == []
    assert reader.current.read and reader.read_action.text() == "Mark as unread"


def test_a_star_refreshes_the_article_and_the_bookmarks_not_the_list(
    qtbot, make_window, library_path
):
    window = make_window(library_path)
    window.headlines.select_row(0)
    panel = window.bookmarks.panel
    started: list = []
    real_run = window.session.run
    window.session.run = lambda *a, **k: started.append(a) or real_run(*a, **k)
    repainted = recorded(window.headlines.model.dataChanged)
    window.reader.toggle_bookmark(1)
    assert panel.tree.topLevelItemCount() == 1
    assert window.reader.current.related[1].bookmarked
    assert started == [] and repainted == []


def test_every_feature_turns_its_own_writing_off_when_read_only(make_window, library_path):
    window = make_window(library_path)
    writing = [
        window.importing.import_files_action,
        window.importing.import_folder_action,
        window.backup.restore_action,
        window.reader.read_action,
        window.reader.bookmark_action,
    ]
    assert all(action.isEnabled() for action in writing)
    panel = window.bookmarks.panel
    window.session.access_changed.emit(True, "the folder is locked")
    assert [a.text() for a in writing if a.isEnabled()] == []
    assert not window.acceptDrops() and not window.reader.view.can_bookmark
    assert panel.read_only and window.library_status.read_only_label.isVisible()
    assert "read-only" in window.library_status.notice_bar.text()
    assert window.backup.backup_action.isEnabled()  # reading is still fine
    window.session.access_changed.emit(False, "")
    assert all(action.isEnabled() for action in writing)
    assert window.acceptDrops() and window.reader.view.can_bookmark and not panel.read_only
    assert window.library_status.notice_bar.text() == ""


def test_the_menus_are_gathered_from_the_features(make_window, library_path):
    window = make_window(library_path)
    menus = dict(zip((FILE, ARTICLE, VIEW, HELP), window.menuBar().actions(), strict=True))
    for feature in window.features:
        for entry in feature.actions():
            assert entry.action in menus[entry.menu].menu().actions(), entry.action.text()
    texts = [a.text() for a in menus[FILE].menu().actions() if not a.isSeparator()]
    assert texts[0] == "Import files…" and texts[-1] == "Quit"


def test_the_bookmarks_panel_and_the_filters_are_built_on_first_use(
    qtbot, make_window, library_path
):
    window = make_window(library_path)
    assert window.bookmarks._panel is None and window.headlines._filters is None
    window.bookmarks.toggle_action.trigger()
    qtbot.waitUntil(lambda: window.bookmarks._panel is not None, timeout=2000)
    assert window.bookmarks.dock.widget() is window.bookmarks.panel
    window.headlines.filters_action.trigger()
    assert window.headlines.filter_box.isVisible()


def drop(window, paths) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.width() / 2, window.height() / 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_files_dropped_on_the_window_are_imported(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    files = write_many(tmp_path / "dropped", 3)
    with qtbot.waitSignal(window.importing.finished, timeout=20000) as finished:
        assert drop(window, files)
    assert len(finished.args[0].imported) == 3
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 6, timeout=5000)
    window.session.access_changed.emit(True, "")
    assert not drop(window, write_many(tmp_path / "refused", 1))
    assert not window.session.importing()


def test_the_language_is_chosen_for_the_next_start(make_window, library_path):
    window = make_window(library_path)
    window.comforts.language_actions["ar"].trigger()
    assert S.Settings().get(S.LANGUAGE) == "ar"
    assert window.comforts.language_actions["ar"].isChecked()
    assert "next start" in window.statusBar().currentMessage()
