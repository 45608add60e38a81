"""Two processes at once: `akhbar import` in a terminal while the window is open.

The window notices the other process's commits (PRAGMA data_version, polled) and takes
the new articles into the list in place: the selection and the headlines in view stay.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop_app.gui.headline_model import ID_ROLE
from desktop_app.services.importer import import_paths

from .conftest import write_many

POLL_MS = 100  # the window polls every 2 s; the tests need not wait that long


def start_import(db: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def big_library(tmp_path) -> Path:
    """Sixty articles dated 2022: enough rows to scroll."""
    path = tmp_path / "library.db"
    assert len(import_paths(path, write_many(tmp_path / "old", 60, year=2022)).imported) == 60
    return path


def messages_of(window) -> list[str]:
    seen: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: seen.append(text) if text else None)
    return seen


def test_articles_imported_by_another_process_appear_in_place(
    qtbot, make_window, big_library, tmp_path, caplog
):
    window = make_window(big_library, mark_read_delay=0)
    window.session.watcher.timer.setInterval(POLL_MS)
    window.resize(900, 500)
    view = window.headlines.list_view
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 60, timeout=5000)
    # The reader is halfway down the list, reading the article in row 30.
    window.headlines.select_row(30)
    selected_id = window.reader.current.id
    bar = view.verticalScrollBar()
    row_height = view.verticalHeader().defaultSectionSize()
    bar.setValue(25 * row_height)
    top_id = window.headlines.model.id_at(view.rowAt(0))
    scroll_before = bar.value()
    shown = messages_of(window)

    # Writing from the window while the other process imports: read marks.
    writes = QTimer(window)
    writes.timeout.connect(
        lambda: window.reader.set_read(window.reader.current.id, not window.reader.current.read)
    )
    writes.start(20)
    folder = tmp_path / "newer"
    write_many(folder, 40, year=2024, tag="new")  # newer: they go above everything
    process = start_import(big_library, folder)
    with caplog.at_level(logging.WARNING):
        qtbot.waitUntil(
            lambda: process.poll() is not None and window.headlines.model.rowCount() == 100,
            timeout=60000,
        )
    writes.stop()
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert "40 imported" in out

    assert window.reader.current.id == selected_id  # the same article is open …
    current = view.currentIndex()
    assert current.data(ID_ROLE) == selected_id and current.row() == 70  # … and selected
    assert window.headlines.model.id_at(view.rowAt(0)) == top_id  # the same headlines in view
    assert bar.value() == scroll_before + 40 * row_height
    assert window.headlines.model.summary_at(0).title.startswith("نشرة new رقم 39")
    locked = [m for m in shown if "locked" in m.lower()]
    locked += [r.getMessage() for r in caplog.records if "locked" in r.getMessage().lower()]
    assert locked == [] and "locked" not in err


def test_at_the_top_new_articles_show_at_once(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    window.session.watcher.timer.setInterval(POLL_MS)
    window.headlines.select_row(0)
    first = window.reader.current.id
    process = start_import(library_path, Path(write_many(tmp_path / "n", 2, year=2025)[0]).parent)
    with qtbot.waitSignal(
        window.session.changed, timeout=30000, check_params_cb=lambda c: c.everything_changed
    ):
        pass
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 5, timeout=30000)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert window.headlines.list_view.verticalScrollBar().value() == 0
    assert window.headlines.model.id_at(0) not in (1, 2, 3)  # the newest is on top, in view
    assert window.reader.current.id == first
    assert window.headlines.source_combo.count() >= 2  # the filter choices were refreshed too


def test_the_windows_own_writes_do_not_count_as_changes(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.session.watcher.timer.stop()
    window.headlines.select_row(0)
    window.reader.toggle_read()
    window.reader.toggle_bookmark(0)
    assert not window.session.watcher.check()
    import_paths(library_path, write_many(library_path.parent / "more", 1, year=2026))
    assert window.session.watcher.check()
