"""The bookmarks panel: every starred related headline, where it came from, and whether
the article it names is in the library now; open, remove, export as CSV or JSON.

The export writers are plain functions over Bookmark objects (no Qt), tested alone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.model import Bookmark
from desktop_app.services.exports import write_bookmarks
from desktop_app.storage.library import Library
from desktop_app.text.bidi import clean, isolated_field

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarksPanel(QWidget):
    """Lists bookmarks from the library; asks (by signal) to open an article or remove a
    bookmark, and gets reloaded when the library says bookmarks changed."""

    open_article = Signal(int)
    remove_requested = Signal(int)  # a bookmark's id

    def __init__(self, library: Library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.read_only = False
        self._bookmarks: list[Bookmark] = []

        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(self.tr("Search the bookmarked headlines"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _text: self.reload())

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Headline"), self.tr("From"), self.tr("In library")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(
            self.tr("No bookmarks yet. Star a related headline (☆) under an article."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self.export)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_field)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.reload()

    def bookmarks(self) -> list[Bookmark]:
        return list(self._bookmarks)

    def reload(self, only_if_changed: bool = False) -> None:
        """Read the bookmarks again; `only_if_changed` keeps the list (and its scroll) when
        they are the same."""
        selected = self.selected()
        query = self.search_field.text().strip() or None
        # The same normaliser and stemmer as article search: اسرائيل finds «إسرائيل».
        found = self.library.bookmarks(query)
        if only_if_changed and found == self._bookmarks:
            return
        self._bookmarks = found
        self.tree.clear()
        items = []
        for bookmark in self._bookmarks:
            status = self.tr("Yes") if bookmark.target_article_id else self.tr("Not yet")
            item = QTreeWidgetItem(
                [_cell(bookmark.headline), _cell(bookmark.article_title), status]
            )
            item.setData(0, ID_ROLE, bookmark.id)
            item.setToolTip(0, clean(bookmark.headline))
            item.setToolTip(1, clean(bookmark.article_title))
            if bookmark.target_article_id is None:
                item.setForeground(2, self.palette().placeholderText())
            items.append(item)
        self.tree.addTopLevelItems(items)
        if selected:
            for item in items:
                if item.data(0, ID_ROLE) == selected.id:
                    self.tree.setCurrentItem(item)
        has_any = bool(self._bookmarks)
        self.tree.setVisible(has_any)
        self.empty_label.setText(
            self.tr("No bookmarked headline matches.")
            if query
            else self.tr("No bookmarks yet. Star a related headline (☆) under an article.")
        )
        self.empty_label.setVisible(not has_any)
        self.export_button.setEnabled(has_any)
        self._update_buttons()

    def selected(self) -> Bookmark | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        bookmark_id = item.data(0, ID_ROLE)
        return next((b for b in self._bookmarks if b.id == bookmark_id), None)

    def select(self, bookmark_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == bookmark_id:
                self.tree.setCurrentItem(item)
                return

    def set_read_only(self, read_only: bool) -> None:
        """A read-only library: bookmarks can be opened and exported, not removed."""
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        bookmark = self.selected()
        self.remove_button.setEnabled(bookmark is not None and not self.read_only)
        self.open_button.setEnabled(bookmark is not None and bookmark.target_article_id is not None)

    def _on_activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.open_selected()

    def open_selected(self) -> None:
        bookmark = self.selected()
        if bookmark is not None and bookmark.target_article_id is not None:
            self.open_article.emit(bookmark.target_article_id)

    def remove_selected(self) -> None:
        bookmark = self.selected()
        if bookmark is not None and not self.read_only:
            self.remove_requested.emit(bookmark.id)

    def export(self, path: str | Path | None = None) -> Path | None:
        """Ask for a file (unless given) and write every bookmark to it."""
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export bookmarks"),
                "bookmarks.csv",
                self.tr("CSV (*.csv);;JSON (*.json)"),
            )
            if not chosen:
                return None
            if _filter.startswith("JSON") and not chosen.lower().endswith(".json"):
                chosen += ".json"
            path = chosen
        target = Path(path)
        try:
            write_bookmarks(target, self._bookmarks)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export bookmarks"),
                self.tr("Could not write {path}: {reason}").format(
                    path=target, reason=error.strerror or error
                ),
            )
            return None
        return target


def _cell(text: str) -> str:
    """Article text for a cell: no bidi controls, Latin runs and the whole field isolated."""
    return isolated_field(text)
