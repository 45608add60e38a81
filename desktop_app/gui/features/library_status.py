"""How the library was opened, told without blocking the start: the notice bar across the
top (a damaged library set aside, a read-only one) and the "Read-only" mark in the status
bar. Follows the session's `access_changed`, so a reopened library is told afresh.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.gui.feature import Feature
from desktop_app.gui.notice_bar import NoticeBar
from desktop_app.text.bidi import field


class LibraryStatusFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.notice_bar = NoticeBar(window)
        self.read_only_label = QLabel(self.tr("Read-only"), window)
        self.read_only_label.setToolTip(
            self.tr("This library cannot be changed: importing and bookmarks are turned off.")
        )
        self.read_only_label.hide()
        session.access_changed.connect(self._on_access)

    def status_widgets(self) -> list[tuple[QWidget, bool]]:
        return [(self.read_only_label, True)]

    def _on_access(self, read_only: bool, reason: str) -> None:
        self.read_only_label.setVisible(read_only)
        set_aside = self.session.opened.set_aside
        if read_only:
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
