"""Importing from the window: File → Import files/folder, files dropped on the window, the
progress strip with Cancel in the status bar, and the summary afterwards.

The session runs the import worker (one writer at a time) and announces what arrived;
this feature only asks for paths and shows how the import goes. Reading goes on meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.gui.feature import FILE, Feature, FeatureAction
from desktop_app.gui.import_dialog import ImportProgress, ImportSummary
from desktop_app.model import ImportOutcome, ImportReport


class ImportingFeature(Feature):
    finished = Signal(object)  # ImportReport, or None when the import failed

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.read_only = False
        self.last_summary: ImportSummary | None = None
        self.progress = ImportProgress(window)
        self.progress.cancel_requested.connect(session.cancel_import)
        self.import_files_action = self.make_action(
            self.tr("Import files…"), self.import_files_dialog, QKeySequence.StandardKey.Open
        )
        self.import_folder_action = self.make_action(
            self.tr("Import folder…"), self.import_folder_dialog
        )
        window.setAcceptDrops(True)
        window.installEventFilter(self)  # files dropped anywhere on the window
        session.access_changed.connect(self._on_access)
        session.import_started.connect(self._on_started)
        session.import_progressed.connect(self._on_progress)
        session.import_done.connect(self._on_done)
        session.import_failed.connect(self._on_failed)

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(FILE, self.import_files_action),
            FeatureAction(FILE, self.import_folder_action),
        ]

    def status_widgets(self) -> list[tuple[QWidget, bool]]:
        return [(self.progress, True)]

    # -- starting -------------------------------------------------------------------------

    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import articles"),
            "",
            self.tr("Articles (*.txt);;All files (*)"),
        )
        if files:
            self.start_import(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import a folder of articles")
        )
        if folder:
            self.start_import([folder])

    def start_import(self, paths: Sequence[str | Path]) -> bool:
        if self.read_only:
            self.show_status(
                self.tr("This library is read-only: nothing can be imported into it."), 6000
            )
            return False
        if self.session.importing():
            self.show_status(self.tr("An import is already running."), 5000)
            return False
        return self.session.start_import(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
            if self.read_only:
                event.ignore()
            elif any(u.isLocalFile() for u in urls):
                event.acceptProposedAction()
            return True
        if watched is self.window and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            if paths and self.start_import(paths):
                event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    # -- how it goes ----------------------------------------------------------------------

    def _on_started(self) -> None:
        self._set_actions_enabled(False)
        self.progress.start()

    def _on_progress(self, done: int, total: int, _outcome: ImportOutcome) -> None:
        self.progress.update_progress(done, total)

    def _on_done(self, report: ImportReport) -> None:
        self._end()
        self.last_summary = ImportSummary(report, self.window)
        self.last_summary.show()
        self.finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._end()
        QMessageBox.warning(
            self.window,
            self.tr("Import"),
            self.tr("The import stopped: {reason}").format(reason=message),
        )
        self.finished.emit(None)

    def _end(self) -> None:
        self.progress.hide()
        self._set_actions_enabled(not self.read_only)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(enabled)

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        self._set_actions_enabled(not read_only and not self.session.importing())
        self.window.setAcceptDrops(not read_only)
