"""Work done off the GUI thread: importing files and running library queries.

Workers only compute and report by signal; the GUI thread alone touches widgets. Each
worker opens its own connection to the library (one connection per thread), and only
the import worker writes, so there is one writer at a time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

from desktop_app.model import ImportOutcome
from desktop_app.storage.errors import LibraryDamaged
from desktop_app.storage.library import Library

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[str], None]


class ImportWorker(QThread):
    """Runs services.importer.import_paths on its own connection."""

    progressed = Signal(int, int, object)  # done, total, ImportOutcome
    finished_report = Signal(object)  # ImportReport
    failed = Signal(str)
    damaged = Signal(str)  # the library turned out damaged (the reason)

    def __init__(self, library_path: Path, paths: Sequence[str | Path], parent=None) -> None:
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.paths = [Path(p) for p in paths]
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from desktop_app.services.importer import import_paths  # the parsers load lazily

        try:
            report = import_paths(
                self.library_path,
                self.paths,
                progress=self._report_progress,
                should_cancel=self._cancel.is_set,
            )
        except Exception as error:
            log.exception("import failed")
            if isinstance(error, LibraryDamaged):
                self.damaged.emit(str(error))
            self.failed.emit(str(error))
            return
        self.finished_report.emit(report)

    def _report_progress(self, done: int, total: int, outcome: ImportOutcome) -> None:
        self.progressed.emit(done, total, outcome)


class _JobSignals(QObject):
    done = Signal(int, object)  # ticket, result
    failed = Signal(int, str)
    damaged = Signal(str)  # the job met a damaged library (the reason)


class LibraryJob(QRunnable):
    """Runs `work(library)` on a pool thread with a read-only connection of its own.

    `cancel()` (from any thread) stops it: before it starts, or mid-query through
    sqlite3's interrupt, so a search for a word in most articles never holds up the
    next keystroke's search.
    """

    def __init__(self, library_path: Path, ticket: int, work: Callable[[Library], Any]) -> None:
        super().__init__()
        self.library_path = library_path
        self.ticket = ticket
        self.work = work
        self.signals = _JobSignals()
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._library: Library | None = None

    def cancel(self) -> None:
        """Stop it and drop its answer (safe from any thread, and after it finished)."""
        self._cancelled.set()
        with self._lock:
            if self._library is not None:
                self._library.interrupt()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            if self._cancelled.is_set():
                raise _Cancelled
            with Library(self.library_path, read_only=True) as library:
                with self._lock:
                    self._library = library
                try:
                    if self._cancelled.is_set():
                        raise _Cancelled
                    result = self.work(library)
                finally:
                    with self._lock:
                        self._library = None
        except Exception as error:
            if isinstance(error, LibraryDamaged):
                self.signals.damaged.emit(str(error))
            if not self._cancelled.is_set():
                log.exception("library query failed")
            # Always answer, so the runner forgets the job; a stale answer is dropped.
            self.signals.failed.emit(self.ticket, "cancelled" if self._cancelled.is_set()
                                     else str(error))  # fmt: skip
            return
        self.signals.done.emit(self.ticket, result)


class _Cancelled(Exception):
    pass


class JobRunner(QObject):
    """Starts LibraryJobs on a small pool and hands each answer to that job's own callbacks.

    `start(work, on_done, on_error)` returns the job; `job.cancel()` stops it (mid-query
    too) and drops its answer, so a search typed quickly only ever shows its last query:
    whoever starts a newer one cancels the older. Answers come back on the GUI thread.
    """

    damaged = Signal(str)  # a job met a damaged library (the reason)

    def __init__(self, library_path: Path, parent=None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._tickets = 0
        self._running: dict[int, tuple[LibraryJob, OnDone | None, OnError | None]] = {}

    def start(
        self,
        work: Callable[[Library], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
    ) -> LibraryJob:
        self._tickets += 1
        job = LibraryJob(self.library_path, self._tickets, work)
        job.setAutoDelete(False)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        job.signals.damaged.connect(self.damaged)
        self._running[job.ticket] = (job, on_done, on_error)
        self.pool.start(job)
        return job

    def busy(self) -> bool:
        return bool(self._running)

    def forget(self) -> None:
        """Drop the answers of every job started so far (the library is being replaced)."""
        for job, _done, _error in self._running.values():
            job.cancel()
        self._running.clear()

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    def _on_done(self, ticket: int, result: object) -> None:
        job, on_done, _on_error = self._running.pop(ticket, (None, None, None))
        if job is not None and not job.cancelled and on_done is not None:
            on_done(result)

    def _on_failed(self, ticket: int, message: str) -> None:
        job, _on_done, on_error = self._running.pop(ticket, (None, None, None))
        if job is not None and not job.cancelled:
            if on_error is not None:
                on_error(message)
            else:
                log.warning("background job failed: %s", message)
