"""The trash: deleting articles (Delete), and the trash panel with Restore and Empty trash.

Deleting moves the selected articles to the trash (they leave every list, count and
search); the panel lists them, most recently deleted first, and restores them or empties
the trash for good after asking. The panel is built the first time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.feature import ARTICLE, VIEW, Feature, FeatureAction
from desktop_app.model import ChangeKind, Changes, TrashedArticle
from desktop_app.storage.errors import StorageError
from desktop_app.text.bidi import isolated_field

ID_ROLE = Qt.ItemDataRole.UserRole


class TrashFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.selection: Callable[[], list[int]] = list  # the window connects the list's
        self.read_only = False
        self._panel: QWidget | None = None
        self.list: QListWidget | None = None
        self.dock = QDockWidget(self.tr("Trash"), window)
        self.dock.setObjectName("trash_dock")
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_visibility)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("Trash"))
        self.delete_action = self.make_action(
            self.tr("Move to trash"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        session.changed.connect(self._on_changed)
        session.access_changed.connect(self._on_access)

    def actions(self) -> list[FeatureAction]:
        return [FeatureAction(ARTICLE, self.delete_action), FeatureAction(VIEW, self.toggle_action)]

    def docks(self) -> list[tuple[Qt.DockWidgetArea, QDockWidget]]:
        return [(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)]

    def list_actions(self) -> list:
        return [self.delete_action]

    def delete_selected(self, ids: list[int] | None = None) -> None:
        ids = self.selection() if ids is None else ids
        if ids and not self.read_only:
            self._write(lambda library: library.move_to_trash(ids))
            self.show_status(self.tr("Moved %n article(s) to the trash", "", len(ids)), 4000)

    # -- the panel ------------------------------------------------------------------------

    @property
    def panel(self) -> QWidget:
        if self._panel is None:
            panel = QWidget(self.window)
            self.list = QListWidget(panel)
            self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.restore_button = QPushButton(self.tr("Restore"), panel)
            self.restore_button.clicked.connect(lambda: self.restore())
            self.empty_button = QPushButton(self.tr("Empty trash…"), panel)
            self.empty_button.clicked.connect(lambda: self.empty())
            buttons = QHBoxLayout()
            buttons.addWidget(self.restore_button)
            buttons.addWidget(self.empty_button)
            buttons.addStretch(1)
            layout = QVBoxLayout(panel)
            layout.setContentsMargins(4, 4, 4, 4)
            layout.addWidget(self.list, 1)
            layout.addLayout(buttons)
            self.dock.setWidget(panel)
            self._panel = panel
            self._set_buttons()
            self.reload()
        return self._panel

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel  # noqa: B018 - building it is the point

    def reload(self) -> None:
        if self._panel is not None:
            self.session.run(lambda library: library.trashed(), self._show)

    def _show(self, trashed: list[TrashedArticle]) -> None:
        if self.list is None:
            return
        self.list.clear()
        for entry in trashed:
            summary = entry.summary
            when = entry.deleted[:16].replace("T", " ")
            deleted = self.tr("deleted {when}").format(when=when)
            item = QListWidgetItem(
                f"{isolated_field(summary.title)}  —  {isolated_field(summary.source)}  ({deleted})"
            )
            item.setData(ID_ROLE, summary.id)
            self.list.addItem(item)
        self._set_buttons()

    def _set_buttons(self) -> None:
        if self.list is not None:
            has = self.list.count() > 0
            self.restore_button.setEnabled(has and not self.read_only)
            self.empty_button.setEnabled(has and not self.read_only)

    def restore(self, ids: list[int] | None = None) -> None:
        """Restore the given articles, or those selected in the panel (else all)."""
        if ids is None:
            assert self.list is not None
            items = self.list.selectedItems() or [
                self.list.item(i) for i in range(self.list.count())
            ]
            ids = [item.data(ID_ROLE) for item in items]
        if ids:
            self._write(lambda library: library.restore_from_trash(ids))

    def empty(self) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Empty trash"),
            self.tr("Empty the trash? Its articles are removed for good; this cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda library: library.empty_trash())

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.panel  # noqa: B018 - building it is the point

    def _on_changed(self, changes: Changes) -> None:
        if self._panel is not None and changes.touches(ChangeKind.TRASH, ChangeKind.ARTICLES):
            self.reload()

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        self.delete_action.setEnabled(not read_only)
        self._set_buttons()

    def _write(self, work) -> None:
        try:
            self.session.write(work)
        except StorageError as error:
            self.show_status(str(error), 6000)
