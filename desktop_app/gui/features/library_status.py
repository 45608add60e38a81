"""How the library was opened, and whether it is sound, told without blocking the start:
the notice bar across the top (a damaged library set aside, a read-only one, damage found
inside, a restore by another process) and the "Read-only" mark in the status bar.
Follows the session's `access_changed`, so a reopened library is told afresh.

It also looks after the library's health in the background (storage/health.py): when the
library has not been checked for a while, an integrity check runs on a worker at start;
damage found there, or met by any read or write (the session's `damaged`), turns writing
off and the notice offers the two ways out: restore a backup (the backup feature's
dialog, asked for through `restore_requested`) or rebuild the library from what can still
be read (services/recovery.py). Once the library is known sound, the day's automatic
backup is made on a worker (services/backup.daily_backup).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop_app.gui.feature import Feature
from desktop_app.gui.notice_bar import NoticeBar
from desktop_app.storage.errors import StorageError
from desktop_app.text.bidi import field

log = logging.getLogger(__name__)


class LibraryStatusFeature(Feature):
    restore_requested = Signal()  # the user chose "Restore a backup…" on the damage notice
    health_checked = Signal(object)  # list[str]: the check's complaints ([] when sound)
    recovered = Signal(object)  # RecoveryResult, or None when nothing was recovered
    backed_up = Signal(object)  # the day's automatic backup (a Path), or None

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.notice_bar = NoticeBar(window)
        self.read_only_label = QLabel(self.tr("Read-only"), window)
        self.read_only_label.setToolTip(
            self.tr("This library cannot be changed: importing and bookmarks are turned off.")
        )
        self.read_only_label.hide()
        session.access_changed.connect(self._on_access)
        session.reopened.connect(self._start_health_check)
        QTimer.singleShot(0, self, self._start_health_check)  # once the window is up

    def status_widgets(self) -> list[tuple[QWidget, bool]]:
        return [(self.read_only_label, True)]

    def _on_access(self, read_only: bool, reason: str) -> None:
        self.read_only_label.setVisible(read_only)
        set_aside = self.session.opened.set_aside
        if self.session.damage:
            self._show_damage(self.session.damage)
        elif read_only:
            self.notice_bar.show_notice(
                self.tr(
                    "This library is read-only: its file or its folder cannot be written. "
                    "You can read and search; importing, bookmarks and read marks are off."
                ),
                details=reason,
            )
        elif set_aside is not None:
            self.notice_bar.show_notice(
                self.tr(
                    "The library could not be read and was set aside untouched as {name}; "
                    "a new, empty library was started."
                ).format(name=field(set_aside.name)),
                details=reason,
                warning=True,
            )
        elif reason:
            self.notice_bar.show_notice(reason)
        else:
            self.notice_bar.hide()

    def _show_damage(self, reason: str) -> None:
        self.notice_bar.show_notice(
            self.tr(
                "This library is damaged: some of it can no longer be read. Nothing more "
                "is written to it. Restore a backup, or rebuild the library from "
                "everything that can still be read (the damaged file is kept)."
            ),
            details=reason,
            warning=True,
            actions=[
                (self.tr("Restore a backup…"), self.restore_requested.emit),
                (self.tr("Rebuild the library"), self._recover_now),
            ],
        )

    # -- health --------------------------------------------------------------------------

    def _start_health_check(self) -> None:
        """Check the library in the background when it is due; then the day's backup."""
        from desktop_app.storage.health import check_due, quick_check

        if self.session.damage:
            return

        def check(library):
            return quick_check(library) if check_due(library) else None

        self.session.run(check, self._on_checked, self._on_check_failed)

    def _on_checked(self, problems: list[str] | None) -> None:
        if problems:
            self.session.mark_damaged(problems[0])
            self.health_checked.emit(problems)
            return
        if problems is not None and not self.session.read_only:
            from desktop_app.storage.health import record_check

            try:
                self.session.write(record_check)
            except StorageError:
                log.warning("could not record the library check", exc_info=True)
        self.health_checked.emit([])
        self._start_daily_backup()

    def _on_check_failed(self, message: str) -> None:
        log.warning("the library check did not run: %s", message)  # damage: session.damaged
        self.health_checked.emit([message] if self.session.damage else [])

    def _start_daily_backup(self) -> None:
        if self.session.read_only:
            return
        from desktop_app.services.backup import daily_backup

        self.session.run(
            daily_backup, self.backed_up.emit, lambda _message: self.backed_up.emit(None)
        )

    # -- recovery ------------------------------------------------------------------------

    def _recover_now(self) -> None:
        self.recover()

    def recover(self) -> bool:
        """Rebuild the library from what can still be read, and show it; True if done."""
        from desktop_app.services.recovery import recover_library

        if self.session.importing():
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        result = failure = None
        try:
            self.session.close()
            result = recover_library(self.session.path)
        except (StorageError, OSError) as error:
            log.warning("recovery of %s failed", self.session.path, exc_info=True)
            failure = error
        finally:
            reopened = self.reopen_or_close()
            QApplication.restoreOverrideCursor()
        if failure is not None:
            QMessageBox.warning(
                self.window,
                self.tr("Rebuild the library"),
                self.tr("The library could not be rebuilt: {reason}").format(reason=failure),
            )
        elif reopened and result is not None:
            self.notice_bar.show_notice(
                self.tr(
                    "The library was rebuilt: {articles} article(s) and {bookmarks} "
                    "bookmark(s) could be read, {lost} could not. The damaged library is "
                    "kept as {name}."
                ).format(
                    articles=result.articles,
                    bookmarks=result.bookmarks,
                    lost=result.lost,
                    name=field(result.damaged.name if result.damaged else ""),
                ),
            )
        self.recovered.emit(result if failure is None else None)
        return failure is None
