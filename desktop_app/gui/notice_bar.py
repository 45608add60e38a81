"""A strip across the top of the window telling the user how the library was opened.

Used for what the user must know but need not answer: a damaged library set aside and a
new one started, a read-only library. Unlike a message box it never blocks the start
(nor a smoke test), and it stays until the user closes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton


class NoticeBar(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons are data
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []  # what the user can do about it, if anything
        self._layout = layout
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_notice(
        self,
        text: str,
        details: str = "",
        warning: bool = False,
        actions: Sequence[tuple[str, Callable[[], None]]] = (),
    ) -> None:
        """Show `text` (its `details` as the tooltip), with a button per action."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.insertWidget(
                self._layout.count() - 1, button, 0, Qt.AlignmentFlag.AlignTop
            )
            self.buttons.append(button)
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if warning
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(kind).pixmap(size, size))
        self.label.setText(text)
        self.label.setToolTip(details)
        self.show()

    def text(self) -> str:
        """The notice on show, "" when there is none."""
        return "" if self.isHidden() else self.label.text()
