"""The open library as every part of the window shares it: one Session per window.

The session owns the library file's path, its `Library` (the window's own connection, the
only one the GUI thread writes through), whether it is read-only and why, the background
job runner, the import worker and the watcher that notices commits by other processes.
Features never keep their own connection or poll the file; they ask the session and
listen to it:

- `changed(Changes)`: after every write made through the session (`write()`, an import),
  with what that write changed (`Library.take_changes()`); `Changes.everything()` when
  another process committed, or the library was reopened (a restore). Each feature
  refreshes only its part.
- `reopened()`: the file was closed and opened again; features drop what they hold of the
  old `Library` before `changed(everything)` follows.
- `access_changed(read_only, reason)`: how the library can be used; features turn their
  own writing actions off.
- `damaged(reason)`: the library turned out damaged (a check, or any read or write that
  met a damaged page): nothing more is written to it (the session turns read-only) and
  the library status feature offers recovery.
- `article_requested(id)`: someone asked for an article to be shown (a link, a bookmark).
- `filter_requested(ArticleFilter, label)`: someone (the sidebar) asked the headline list
  to show these articles; its `query` goes in the search box.
- `library_switched(path)`: another library file is now the open one (`switch_library`).

A write that fails arrives as a storage error type (`desktop_app.storage.errors`), never a
sqlite3 one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.gui.workers import ImportWorker, JobRunner, LibraryJob, OnDone, OnError
from desktop_app.model import ArticleFilter, ChangeKind, Changes, ImportOutcome, ImportReport
from desktop_app.storage.errors import (
    LibraryDamaged,
    LibraryReadOnly,
    LibraryReplaced,
    StorageError,
)
from desktop_app.storage.library import Library
from desktop_app.storage.safety import OpenedLibrary, open_library

log = logging.getLogger(__name__)

T = TypeVar("T")


POLL_MS = 2000  # how often the watcher looks for commits by other processes


class LibraryWatcher(QObject):
    """Notices, cheaply and without the user asking, that another process committed.

    `akhbar import` in a terminal, a second window, a sync tool: any of them may commit
    while the window is open. `Library.data_version()` changes exactly when another
    connection has committed since the last look, costs no I/O beyond the shared-memory
    header in WAL mode and never takes a lock, so the window can ask every couple of
    seconds. The window's own writes do not change it.
    """

    changed = Signal()
    replaced = Signal()  # the file was replaced (a restore by another process)

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

    def resync(self) -> None:
        """Take the present state as seen (commits the window itself caused elsewhere)."""
        self._version = self._read()

    def check(self) -> bool:
        """Look now; True (and `changed` emitted) when someone else committed.

        When the file itself was replaced (another process restored a backup), `replaced`
        is emitted instead: the connection still reads the old file, kept aside.
        """
        if self.library is not None and self.library.replaced():
            self.replaced.emit()
            return True
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
        except StorageError:  # busy for a moment, or closed under us: look again later
            log.debug("data_version unavailable", exc_info=True)
            return None


class Session(QObject):
    """One open library and everything that works on it (see the module docstring)."""

    changed = Signal(object)  # Changes
    reopened = Signal()
    access_changed = Signal(bool, str)  # read_only, the reason (or "")
    closing = Signal()  # the library is about to close: stop timers, finish what is due
    damaged = Signal(str)  # the reason; the session is read-only from then on
    article_requested = Signal(int)
    filter_requested = Signal(object, str)  # ArticleFilter, what to call the list ("")
    library_switched = Signal(object)  # Path
    import_started = Signal()
    import_progressed = Signal(int, int, object)  # done, total, ImportOutcome
    import_done = Signal(object)  # ImportReport
    import_failed = Signal(str)

    def __init__(self, path: Path, opened: OpenedLibrary | None = None, parent=None) -> None:
        """`opened`: the library as create_window opened it; opened here when None."""
        super().__init__(parent)
        self.path = Path(path)
        self.jobs = JobRunner(self.path, self)
        self.jobs.damaged.connect(self.mark_damaged)
        self.damage: str = ""  # why the library is known to be damaged, "" when it is not
        self.watcher = LibraryWatcher(parent=self)
        self.watcher.changed.connect(self._on_changed_elsewhere)
        self.watcher.replaced.connect(self._on_replaced_elsewhere)
        self.import_worker: ImportWorker | None = None
        self._imported: set[int] = set()
        self.open(opened)

    # -- the file ---------------------------------------------------------------------------

    def open(self, opened: OpenedLibrary | None = None) -> None:
        """Open the library safely (storage.safety) and start watching it.

        Raises what open_library raises (a StorageError, OSError) when it cannot be used.
        """
        opened = opened or open_library(self.path)
        self.opened = opened
        self.library: Library = opened.library
        self.read_only = opened.read_only
        self.reason = opened.notice or ""
        self.damage = ""
        self.watcher.watch(self.library)

    def close(self) -> None:
        """Stop all that uses the library, then close the window's connection to it."""
        self.closing.emit()
        self.watcher.stop()
        self._stop_import()
        self.jobs.wait()
        self.jobs.forget()  # answers still on their way describe the old file
        self.library.close()

    def reopen(self) -> None:
        """Open the file again (after a restore, say) and tell every feature."""
        self.open()
        self.announce()
        self.reopened.emit()
        self.changed.emit(Changes.everything())

    def mark_damaged(self, reason: str) -> None:
        """The library is damaged: write nothing more to it, and say so (once)."""
        if self.damage:
            return
        log.warning("the library %s is damaged: %s", self.path, reason)
        self.damage = reason
        self.read_only = True
        self.cancel_import()
        self.damaged.emit(reason)
        self.access_changed.emit(True, reason)

    def switch_library(self, path: Path) -> None:
        """Make the library at `path` (created when new) the open one; every feature reloads.

        The new file is opened before the old one closes: when it cannot be used, the
        error (StorageError, OSError) leaves the old library open and untouched.
        """
        path = Path(path)
        opened = open_library(path)
        self.close()
        self.path = path
        self.jobs.library_path = path
        self.open(opened)
        self.announce()
        self.reopened.emit()
        self.changed.emit(Changes.everything())
        self.library_switched.emit(path)

    def announce(self) -> None:
        """Tell every feature how the library may be used (once all of them listen)."""
        self.access_changed.emit(self.read_only, self.reason)

    def shutdown(self) -> None:
        """Stop background work (idempotent); the connection stays open."""
        self._stop_import()
        self.watcher.stop()
        self.jobs.wait()

    # -- reading and writing ------------------------------------------------------------------

    def write(self, work: Callable[[Library], T]) -> T:
        """Run a quick write on the window's connection, then announce what it changed.

        Raises LibraryReadOnly on a read-only library, a StorageError when the write fails.
        """
        if self.read_only:
            raise LibraryReadOnly("the library is read-only")
        try:
            return work(self.library)
        except LibraryDamaged as error:
            self.mark_damaged(str(error))
            raise
        except LibraryReplaced:
            # Another process restored a backup: nothing was written to the old file.
            # Show the new one; the user asks again if the article is still there.
            QTimer.singleShot(0, self, self._on_replaced_elsewhere)
            raise
        finally:
            changes = self.library.take_changes()
            if changes:
                self.changed.emit(changes)

    def run(
        self,
        work: Callable[[Library], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
    ) -> LibraryJob:
        """Run `work(library)` on a pool thread, on a read-only connection of its own.

        `on_done(result)` or `on_error(message)` is called on the GUI thread, unless the
        returned job was cancelled first.
        """
        return self.jobs.start(work, on_done, on_error)

    def request_filter(self, filters: ArticleFilter, label: str = "") -> None:
        """Ask the headline list to show the articles `filters` picks."""
        self.filter_requested.emit(filters, label)

    def open_article(self, article_id: int) -> None:
        """Ask for an article to be shown (the headline list selects it where listed)."""
        self.article_requested.emit(article_id)

    # -- importing ----------------------------------------------------------------------------

    def importing(self) -> bool:
        return self.import_worker is not None

    def start_import(self, paths: Sequence[str | Path]) -> bool:
        """Import on the worker (its own connection); False when read-only or one runs."""
        if self.read_only or self.import_worker is not None:  # one writer at a time
            return False
        worker = ImportWorker(self.path, paths, self)
        worker.progressed.connect(self._on_import_progress)
        worker.damaged.connect(self.mark_damaged)
        worker.finished_report.connect(self._on_import_done)
        worker.failed.connect(self._on_import_failed)
        self.import_worker = worker
        self._imported = set()
        self.import_started.emit()
        worker.start()
        return True

    def cancel_import(self) -> None:
        if self.import_worker is not None:
            self.import_worker.cancel()

    def _on_import_progress(self, done: int, total: int, outcome: ImportOutcome) -> None:
        if outcome.status == "imported" and outcome.article_id is not None:
            self._imported.add(outcome.article_id)
        self.import_progressed.emit(done, total, outcome)

    def _end_import(self) -> None:
        self._stop_import()
        # The worker's commits came through another connection; they are not news from
        # elsewhere (the import's Changes say what they were).
        self.watcher.resync()

    def _stop_import(self) -> None:
        worker, self.import_worker = self.import_worker, None
        if worker is not None:
            worker.cancel()
            worker.wait()
            worker.deleteLater()

    def _on_import_done(self, report: ImportReport) -> None:
        self._end_import()
        if report.stopped and "damaged" in report.stopped:
            self.mark_damaged(report.stopped)
        imported = {o.article_id for o in report.imported if o.article_id is not None}
        if imported:
            self.changed.emit(Changes.of(ChangeKind.ARTICLES, imported))
        self.import_done.emit(report)

    def _on_import_failed(self, message: str) -> None:
        self._end_import()
        self.changed.emit(Changes.of(ChangeKind.ARTICLES))  # some batches may have landed
        self.import_failed.emit(message)

    def _on_replaced_elsewhere(self) -> None:
        """The library file was replaced under the window (a restore by another process):
        close the old file (now kept aside) and open the new one, as after our own restore."""
        if self.importing() or not self.library.replaced():
            return  # our import holds the lock, so no restore can have happened meanwhile
        log.info("the library %s was replaced by another process; reopening", self.path)
        self.close()
        self.open()
        told = "the library was restored from a backup by another Akhbar; the window shows it now"
        self.reason = f"{self.reason}; {told}" if self.reason else told
        self.announce()
        self.reopened.emit()
        self.changed.emit(Changes.everything())

    def _on_changed_elsewhere(self) -> None:
        if self.importing():
            return  # our own import's progress already refreshes what it adds
        self.changed.emit(Changes.everything())
