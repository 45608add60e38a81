"""What a feature of the window is: the shape every module in gui/features/ follows.

A feature is built with the session (the open library), the window (for parenting,
docking and the status bar) and the settings. It owns its widgets and its menu actions,
listens to the session itself (`changed`, `access_changed`, `reopened`, `closing`) and
turns its own writing actions off on a read-only library. Features never import one
another: what one needs from another goes through the session, or through a signal the
window connects. The window only gathers what the features offer: `actions()` (by menu),
`docks()` and `status_widgets()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from desktop_app.storage.errors import StorageError

if TYPE_CHECKING:
    from desktop_app.gui.session import Session
    from desktop_app.gui.settings import Settings

log = logging.getLogger(__name__)

# The window's menus, in order; a feature names the one each of its actions goes in.
FILE = "file"
ARTICLE = "article"
VIEW = "view"
HELP = "help"


@dataclass(frozen=True)
class FeatureAction:
    """One entry of a menu: `action` (a separator action, or a submenu's menuAction)."""

    menu: str
    action: QAction


class Feature(QObject):
    """The base of every feature: the session, the window, the settings, and helpers."""

    def __init__(self, session: Session, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.settings = settings

    # -- what the window gathers ------------------------------------------------------------

    def actions(self) -> list[FeatureAction]:
        """This feature's menu entries, in order (the window separates features)."""
        return []

    def docks(self) -> list[tuple[Qt.DockWidgetArea, QDockWidget]]:
        return []

    def status_widgets(self) -> list[tuple[QWidget, bool]]:
        """Widgets for the status bar: (widget, permanent)."""
        return []

    def shutdown(self) -> None:
        """Stop this feature's timers and work (the window is closing)."""

    # -- helpers ----------------------------------------------------------------------------

    def make_action(
        self,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def reopen_or_close(self) -> bool:
        """Open the library file again after it was replaced (a restore, a recovery).

        When it cannot be opened the window has nothing to show: say why and close it.
        """
        try:
            self.session.reopen()
        except (StorageError, OSError) as error:
            log.exception("cannot reopen %s", self.session.path)
            QMessageBox.critical(
                self.window,
                self.tr("Akhbar"),
                self.tr("The library cannot be opened: {reason}").format(reason=error),
            )
            self.window.close()
            return False
        return True

    def separator(self) -> QAction:
        action = QAction(self.window)
        action.setSeparator(True)
        return action

    def show_status(self, message: str, msecs: int = 0) -> None:
        self.window.statusBar().showMessage(message, msecs)
