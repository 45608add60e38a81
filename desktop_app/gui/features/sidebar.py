"""The sidebar: All articles, Unread, Starred, the tags, the saved searches, Notes, Trash.

Each entry carries its count; a saved search also how many matches arrived since it was
last opened. Choosing an entry asks the session to list those articles
(`session.request_filter`, which the headline list answers); opening a saved search
marks it seen. Notes and Trash are panels of other features: the sidebar only emits
`notes_requested` / `trash_requested`, which the window connects.

The counts are one `Library.sidebar_counts()` (~90 ms on 310,000 articles), always read
off the GUI thread: the first time after the sidebar is first painted, then again
(debounced) whenever a write changes what they count.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
)

from desktop_app.gui.feature import ARTICLE, VIEW, Feature, FeatureAction
from desktop_app.gui.workers import LibraryJob
from desktop_app.model import ArticleFilter, ChangeKind, Changes, SidebarCounts
from desktop_app.storage.errors import StorageError
from desktop_app.text.bidi import isolated_field

log = logging.getLogger(__name__)

REFRESH_MS = 300  # writes come in bursts (an import, marking many read): count once after
FIRST_PAINT_FALLBACK_MS = 1500
KIND_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
COUNTED = (
    ChangeKind.ARTICLES,
    ChangeKind.READ,
    ChangeKind.TAGS,
    ChangeKind.STARS,
    ChangeKind.NOTES,
    ChangeKind.SAVED_SEARCHES,
    ChangeKind.TRASH,
)

# Entry kinds
ALL, UNREAD, STARRED, TAG, SAVED, NOTES, TRASH, GROUP = (
    "all", "unread", "starred", "tag", "saved", "notes", "trash", "group",
)  # fmt: skip


class SidebarFeature(Feature):
    notes_requested = Signal()
    trash_requested = Signal()

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.read_only = False
        self.counts: SidebarCounts | None = None
        self._job: LibraryJob | None = None
        self._painted = False
        # The headline list's search and filters (the window connects it).
        self.current_filter: Callable[[], ArticleFilter] = ArticleFilter
        self.tree = QTreeWidget(window)
        self.tree.setObjectName("sidebar")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("sidebar_dock")
        self.dock.setWidget(self.tree)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("Sidebar"))
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.save_action = self.make_action(
            self.tr("Save search…"), self.save_search, QKeySequence("Ctrl+Shift+S")
        )
        self._build_entries()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        # Counting waits for the first paint: its thread would compete with it.
        self.tree.viewport().installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._first_refresh)
        session.changed.connect(self._on_changed)
        session.access_changed.connect(self._on_access)
        session.closing.connect(self._stop)

    def actions(self) -> list[FeatureAction]:
        return [FeatureAction(ARTICLE, self.save_action), FeatureAction(VIEW, self.toggle_action)]

    def docks(self) -> list[tuple[Qt.DockWidgetArea, QDockWidget]]:
        # The leading side, beside the list: Qt does not mirror dock areas, so a
        # right-to-left window asks for the right one.
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        area = (
            Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
        )
        return [(area, self.dock)]

    # -- the entries ----------------------------------------------------------------------

    def _item(self, parent, kind: str, label: str, value: object = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, VALUE_ROLE, value)
        item.setData(0, Qt.ItemDataRole.UserRole + 2, label)
        item.setText(0, label)
        return item

    def _build_entries(self) -> None:
        t = self.tree
        self.all_item = self._item(t, ALL, self.tr("All articles"))
        self.unread_item = self._item(t, UNREAD, self.tr("Unread"))
        self.starred_item = self._item(t, STARRED, self.tr("Starred"))
        self.tags_item = self._item(t, GROUP, self.tr("Tags"))
        self.saved_item = self._item(t, GROUP, self.tr("Saved searches"))
        self.notes_item = self._item(t, NOTES, self.tr("Notes"))
        self.trash_item = self._item(t, TRASH, self.tr("Trash"))
        for group in (self.tags_item, self.saved_item):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
        self.tree.expandAll()

    def entry(self, kind: str, value: object = None) -> QTreeWidgetItem | None:
        """The entry of this kind (and tag or saved search name), if shown."""
        for item in self._items():
            if item.data(0, KIND_ROLE) == kind and (
                value is None or item.data(0, VALUE_ROLE) == value
            ):
                return item
        return None

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            found.append(top)
            found += [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        return found

    def _show_counts(self, counts: SidebarCounts) -> None:
        self._job = None
        self.counts = counts

        def label(item: QTreeWidgetItem, count: int, new: int = 0) -> None:
            text = f"{item.data(0, Qt.ItemDataRole.UserRole + 2)}  ({count})"
            if new:
                text += "  " + self.tr("+{new} new").format(new=new)
            item.setText(0, text)
            font = item.font(0)
            font.setBold(new > 0 or item.data(0, KIND_ROLE) == GROUP)
            item.setFont(0, font)

        label(self.all_item, counts.articles)
        label(self.unread_item, counts.unread)
        label(self.starred_item, counts.starred)
        label(self.notes_item, counts.notes)
        label(self.trash_item, counts.trash)
        for group, entries in (
            (self.tags_item, [(TAG, t.name, t.count, 0) for t in counts.tags]),
            (
                self.saved_item,
                [(SAVED, s.saved.name, s.count, s.new) for s in counts.saved_searches],
            ),
        ):
            group.takeChildren()
            for kind, name, count, new in entries:
                label(self._item(group, kind, isolated_field(name), name), count, new)
                last = group.child(group.childCount() - 1)
                if last is not None:
                    last.setToolTip(0, name)
            group.setHidden(not entries)
        self.tree.expandAll()

    def new_count(self, name: str) -> int | None:
        """The new matches of a saved search as last counted (None: not counted yet)."""
        for entry in self.counts.saved_searches if self.counts else ():
            if entry.saved.name == name:
                return entry.new
        return None

    # -- counting -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count again in the background (a count still running is dropped)."""
        self.refresh_timer.stop()
        if self._job is not None:
            self._job.cancel()
        self._job = self.session.run(
            lambda library: library.sidebar_counts(), self._show_counts, self._on_failed
        )

    def _on_failed(self, message: str) -> None:
        self._job = None
        log.warning("sidebar counts failed: %s", message)

    def _first_refresh(self) -> None:
        if not self._painted:
            self._painted = True
            self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            QTimer.singleShot(0, self, self._first_refresh)
        return super().eventFilter(watched, event)

    def _on_changed(self, changes: Changes) -> None:
        if self._painted and changes.touches(*COUNTED):
            self.refresh_timer.start()

    def _stop(self) -> None:
        self.refresh_timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def shutdown(self) -> None:
        self._stop()

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        self.save_action.setEnabled(not read_only)

    # -- choosing -------------------------------------------------------------------------

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.choose(item.data(0, KIND_ROLE), item.data(0, VALUE_ROLE))

    def choose(self, kind: str, value: object = None) -> None:
        """Show this entry: list its articles, or open its panel."""
        filters = {
            ALL: ArticleFilter(),
            UNREAD: ArticleFilter(unread_only=True),
            STARRED: ArticleFilter(starred=True),
        }
        if kind in filters:
            self.session.request_filter(filters[kind])
        elif kind == TAG:
            self.session.request_filter(ArticleFilter(tag=str(value)), str(value))
        elif kind == SAVED:
            self.open_saved(str(value))
        elif kind == NOTES:
            self.notes_requested.emit()
        elif kind == TRASH:
            self.trash_requested.emit()

    def open_saved(self, name: str) -> None:
        """List a saved search's matches and mark them seen (nothing is new any more)."""
        saved = self.session.library.saved_search(name)
        if saved is None:
            return
        self.session.request_filter(saved.filter, name)
        if not self.read_only:
            self._write(lambda library: library.open_saved_search(name))

    def save_search(self, name: str | None = None) -> None:
        """Save the list's search and filters under a name (asked for when not given)."""
        filters = self.current_filter()
        if name is None:
            name, ok = QInputDialog.getText(
                self.window,
                self.tr("Save search"),
                self.tr("Name of the saved search:"),
                QLineEdit.EchoMode.Normal,
                filters.query or "",
            )
            if not ok:
                return
        name = name.strip()
        if name:
            self._write(lambda library: library.add_saved_search(name, filters))

    # -- renaming and removing ------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or self.read_only:
            return
        kind, value = item.data(0, KIND_ROLE), item.data(0, VALUE_ROLE)
        menu = QMenu(self.tree)
        if kind == TAG:
            menu.addAction(self.tr("Rename tag…"), lambda: self.rename_tag(value))
            menu.addAction(self.tr("Remove tag"), lambda: self.delete_tag(value))
        elif kind == SAVED:
            menu.addAction(self.tr("Rename saved search…"), lambda: self.rename_saved(value))
            menu.addAction(self.tr("Remove saved search"), lambda: self.remove_saved(value))
        elif kind == TRASH:
            menu.addAction(self.tr("Show the trash"), self.trash_requested.emit)
        else:
            return
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _ask_name(self, title: str, old: str) -> str | None:
        new, ok = QInputDialog.getText(
            self.window, title, self.tr("New name:"), QLineEdit.EchoMode.Normal, old
        )
        new = new.strip()
        return new if ok and new and new != old else None

    def rename_tag(self, old: str, new: str | None = None) -> None:
        new = new or self._ask_name(self.tr("Rename tag"), old)
        if new:
            self._write(lambda library: library.rename_tag(old, new))

    def delete_tag(self, name: str, confirm: bool = True) -> None:
        if confirm and not self._confirm(
            self.tr("Remove the tag “{name}” from every article?").format(name=name)
        ):
            return
        self._write(lambda library: library.delete_tag(name))

    def rename_saved(self, old: str, new: str | None = None) -> None:
        new = new or self._ask_name(self.tr("Rename saved search"), old)
        if new:
            self._write(lambda library: library.rename_saved_search(old, new))

    def remove_saved(self, name: str) -> None:
        if self._confirm(self.tr("Remove the saved search “{name}”?").format(name=name)):
            self._write(lambda library: library.remove_saved_search(name))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Akhbar"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, work) -> None:
        try:
            self.session.write(work)
        except StorageError as error:
            self.show_status(str(error), 6000)
