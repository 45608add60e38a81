"""Noticing that another process changed the library, cheaply, without the user asking.

`akhbar import` in a terminal, a second window, a sync tool: any of them may commit to the
library while the window is open. SQLite's `PRAGMA data_version` on the window's own
connection changes exactly when another connection has committed since the last look,
costs no I/O beyond the shared-memory header in WAL mode, and never takes a lock, so the
window can ask every couple of seconds. The window's own writes do not change it.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.storage.library import Library

log = logging.getLogger(__name__)

POLL_MS = 2000


class LibraryWatcher(QObject):
    """Polls a library's data_version; emits `changed` when another connection committed."""

    changed = Signal()

    def __init__(self, interval_ms: int = POLL_MS, parent=None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self._version: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def watch(self, library: Library | None) -> None:
        """Start watching `library` from its present state (None: stop watching)."""
        self.library = library
        self._version = self._read()
        if library is None:
            self.timer.stop()
        else:
            self.timer.start()

    def stop(self) -> None:
        self.watch(None)

    def check(self) -> bool:
        """Look now; True (and `changed` emitted) when someone else committed."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def _read(self) -> int | None:
        if self.library is None:
            return None
        try:
            return self.library.data_version()
        except sqlite3.Error:  # busy for a moment, or closed under us: look again later
            log.debug("data_version unavailable", exc_info=True)
            return None
