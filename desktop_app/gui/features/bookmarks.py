"""Bookmarks: the dock listing every starred related headline, and exporting them.

The panel (gui/bookmarks.py) is built the first time the dock is shown or the panel is
asked for: most starts never open it, and building it costs a query and a few
milliseconds. Removing a bookmark is a write through the session; the panel reloads
when the session says bookmarks (or the articles they name) changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from desktop_app.gui.feature import FILE, VIEW, Feature, FeatureAction
from desktop_app.model import ChangeKind, Changes
from desktop_app.storage.errors import StorageError

if TYPE_CHECKING:
    from desktop_app.gui.bookmarks import BookmarksPanel


class BookmarksFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self._panel: BookmarksPanel | None = None
        self.read_only = False
        self.dock = QDockWidget(self.tr("Bookmarks"), window)
        self.dock.setObjectName("bookmarks_dock")
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_visibility)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("Bookmarks"))
        self.toggle_action.setShortcut(QKeySequence("Ctrl+B"))
        self.export_action = self.make_action(
            self.tr("Export bookmarks…"), lambda: self.panel.export()
        )
        session.changed.connect(self._on_changed)
        session.access_changed.connect(self._on_access)
        session.reopened.connect(self._on_reopened)

    @property
    def panel(self) -> BookmarksPanel:
        """The bookmarks panel, built on first use."""
        if self._panel is None:
            from desktop_app.gui.bookmarks import BookmarksPanel

            panel = BookmarksPanel(self.session.library, self.window)
            panel.open_article.connect(self.session.open_article)
            panel.remove_requested.connect(self.remove)
            panel.set_read_only(self.read_only)
            self.dock.setWidget(panel)
            self._panel = panel
        return self._panel

    def actions(self) -> list[FeatureAction]:
        return [FeatureAction(FILE, self.export_action), FeatureAction(VIEW, self.toggle_action)]

    def docks(self) -> list[tuple[Qt.DockWidgetArea, QDockWidget]]:
        return [(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)]

    def remove(self, bookmark_id: int) -> None:
        try:
            self.session.write(lambda library: library.remove_bookmark(bookmark_id))
        except StorageError as error:
            self.show_status(str(error), 6000)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.panel  # noqa: B018 - building it is the point

    def _on_changed(self, changes: Changes) -> None:
        # An article arriving may be the one a bookmark names ("in library: yes").
        if self._panel is not None and changes.touches(ChangeKind.BOOKMARKS, ChangeKind.ARTICLES):
            # After a commit elsewhere, rebuild only when something differs: rebuilding
            # every time would lose the panel's scroll.
            self._panel.reload(only_if_changed=changes.everything_changed)

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        if self._panel is not None:
            self._panel.set_read_only(read_only)

    def _on_reopened(self) -> None:
        if self._panel is not None:
            self._panel.library = self.session.library
