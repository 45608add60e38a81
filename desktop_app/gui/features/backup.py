"""Back up and restore from the File menu.

A backup is a snapshot copied on a worker while reading goes on. A restore checks the
backup, asks, has the session close the library (no worker, watcher or connection left
on the file), replaces it (services.backup keeps the old one beside it) and reopens it;
the session then tells every feature that everything changed.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.gui.feature import FILE, Feature, FeatureAction
from desktop_app.storage.errors import StorageError

log = logging.getLogger(__name__)


class BackupFeature(Feature):
    backup_finished = Signal(object)  # BackupResult, or None when it failed
    restore_finished = Signal(object)  # BackupResult, or None when nothing was restored

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.read_only = False
        self.backup_action = self.make_action(self.tr("Back up library…"), self.backup_dialog)
        self.restore_action = self.make_action(self.tr("Restore from backup…"), self.restore_dialog)
        session.access_changed.connect(self._on_access)
        session.import_started.connect(self._update_restore)
        session.import_done.connect(self._update_restore)
        session.import_failed.connect(self._update_restore)
        # A backup cut short by a restore is forgotten.
        session.reopened.connect(lambda: self.backup_action.setEnabled(True))

    def actions(self) -> list[FeatureAction]:
        return [FeatureAction(FILE, self.backup_action), FeatureAction(FILE, self.restore_action)]

    # -- back up --------------------------------------------------------------------------

    def backup_dialog(self) -> None:
        stamp = date.today().strftime("%Y%m%d")
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up library"),
            str(Path.home() / f"akhbar-backup-{stamp}.db"),
            self.tr("Akhbar library (*.db);;All files (*)"),
        )
        if chosen:
            self.start_backup(Path(chosen))

    def start_backup(self, destination: Path) -> None:
        """Copy the library to `destination` on a worker (a snapshot; reading goes on).

        The file dialog has already asked before replacing an existing file.
        """
        from desktop_app.services.backup import backup_library

        self.backup_action.setEnabled(False)
        self.show_status(self.tr("Backing up the library…"))
        self.session.run(
            lambda library: backup_library(library, destination, overwrite=True),
            self._on_backup_done,
            self._on_backup_failed,
        )

    def _on_backup_done(self, result) -> None:
        self.backup_action.setEnabled(True)
        self.show_status(
            self.tr("Backed up %n article(s) to {path}", "", result.articles).format(
                path=result.path
            ),
            10000,
        )
        self.backup_finished.emit(result)

    def _on_backup_failed(self, message: str) -> None:
        self.backup_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        QMessageBox.warning(
            self.window,
            self.tr("Back up library"),
            self.tr("The backup was not made: {reason}").format(reason=message),
        )
        self.backup_finished.emit(None)

    # -- restore --------------------------------------------------------------------------

    def restore_dialog(self) -> None:
        if self.read_only:
            return
        if self.session.importing():
            self.show_status(
                self.tr("Wait for the import to finish (or cancel it) before restoring."), 6000
            )
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(Path.home()),
            self.tr("Akhbar library (*.db);;All files (*)"),
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> bool:
        """Check the backup, ask, close everything, restore, reopen; True if restored."""
        from desktop_app.services.backup import check_backup, restore_library

        title = self.tr("Restore from backup")
        try:
            articles = check_backup(backup)
        except (StorageError, OSError) as error:
            QMessageBox.warning(
                self.window,
                title,
                self.tr("This file cannot be restored: {reason}").format(reason=error),
            )
            self.restore_finished.emit(None)
            return False
        answer = QMessageBox.question(
            self.window,
            title,
            self.tr(
                "Replace the library with this backup of %n article(s)?\n\n"
                "The library you have now is kept beside it, untouched, as a "
                "“before-restore” file.",
                "",
                articles,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.restore_finished.emit(None)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        result = None
        failure: Exception | None = None
        try:
            self.session.close()
            result = restore_library(self.session.path, backup)
        except (StorageError, OSError) as error:
            log.warning("restore from %s failed", backup, exc_info=True)
            failure = error
        finally:
            reopened = self.reopen_or_close()
            QApplication.restoreOverrideCursor()
        if failure is not None:
            QMessageBox.warning(
                self.window, title, self.tr("Nothing was restored: {reason}").format(reason=failure)
            )
        elif reopened and result is not None:
            self.show_status(
                self.tr("Restored %n article(s) from {path}", "", result.articles).format(
                    path=backup.name
                ),
                10000,
            )
        self.restore_finished.emit(result if failure is None else None)
        return failure is None

    # -- access ---------------------------------------------------------------------------

    def _on_access(self, read_only: bool, _reason: str) -> None:
        # A damaged library is read-only for writing, but a backup may replace it.
        self.read_only = read_only and not self.session.damage
        self._update_restore()

    def _update_restore(self, *_args: object) -> None:
        self.restore_action.setEnabled(not self.read_only and not self.session.importing())
