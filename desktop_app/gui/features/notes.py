"""Highlights and notes: from a passage selected in the article pane, and their panel.

"Highlight" and "Add note…" (the pane's context menu, the Article menu, shortcuts) store
the selected passage as the field that holds it and offsets into the stored text
(`ArticleView.selected_passage`), so it is drawn again wherever and at whatever size the
article is shown. The notes panel lists every note and highlight with its article, date
and source, searchable with the Arabic matcher (`Library.notes(query=…)`, off the GUI
thread); choosing one opens its article at the passage. The panel is built the first
time it is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.article_view import ArticleView
from desktop_app.gui.feature import ARTICLE, VIEW, Feature, FeatureAction
from desktop_app.gui.workers import LibraryJob
from desktop_app.model import ChangeKind, Changes, Note
from desktop_app.storage.errors import StorageError
from desktop_app.text.bidi import isolated_field

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 250
NOTE_ROLE = Qt.ItemDataRole.UserRole


class NotesPanel(QWidget):
    """The list of notes and highlights, with a search field."""

    chosen = Signal(object)  # Note
    search_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(lambda item, _c: self.chosen.emit(item.data(0, NOTE_ROLE)))
        self.tree.itemDoubleClicked.connect(
            lambda item, _c: self.chosen.emit(item.data(0, NOTE_ROLE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self.timer.start())

    def set_labels(self, placeholder: str, headers: list[str]) -> None:
        self.search.setPlaceholderText(placeholder)
        self.tree.setHeaderLabels(headers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column < 2
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)

    def show_notes(self, notes: list[Note], highlight_label: str) -> None:
        self.tree.clear()
        for note in notes:
            passage = f"«{note.quote}»"
            if note.text:
                passage += f" — {note.text}"
            item = QTreeWidgetItem(
                [
                    isolated_field(passage if note.text else f"{passage}  ({highlight_label})"),
                    isolated_field(note.article_title),
                    note.article_published.isoformat() if note.article_published else "",
                    isolated_field(note.article_source),
                    note.created[:10],
                ]
            )
            item.setData(0, NOTE_ROLE, note)
            item.setToolTip(0, passage)
            self.tree.addTopLevelItem(item)


class NotesFeature(Feature):
    note_opened = Signal(int)  # note id: the window scrolls the pane to it

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.read_only = False
        self.view: ArticleView | None = None
        self._panel: NotesPanel | None = None
        self._job: LibraryJob | None = None
        self.notes: list[Note] = []
        self.dock = QDockWidget(self.tr("Notes"), window)
        self.dock.setObjectName("notes_dock")
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_visibility)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("Notes and highlights"))
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.highlight_action = self.make_action(
            self.tr("Highlight"), self.highlight, QKeySequence("Ctrl+Shift+H")
        )
        self.note_action = self.make_action(
            self.tr("Add note…"), self.add_note, QKeySequence("Ctrl+Shift+N")
        )
        session.changed.connect(self._on_changed)
        session.access_changed.connect(self._on_access)

    def attach(self, view: ArticleView) -> None:
        """The article pane whose selection is highlighted (the window connects it)."""
        self.view = view
        view.menu_actions += [self.highlight_action, self.note_action]

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(ARTICLE, self.highlight_action),
            FeatureAction(ARTICLE, self.note_action),
            FeatureAction(VIEW, self.toggle_action),
        ]

    def docks(self) -> list[tuple[Qt.DockWidgetArea, QDockWidget]]:
        return [(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)]

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        for action in (self.highlight_action, self.note_action):
            action.setEnabled(not read_only)

    # -- highlighting ---------------------------------------------------------------------

    def highlight(self, text: str = "") -> Note | None:
        """Store the passage selected in the pane (with `text` as its note)."""
        view = self.view
        passage = view.selected_passage() if view is not None else None
        if view is None or view.article is None or passage is None:
            self.show_status(self.tr("First select a passage of the article."), 4000)
            return None
        anchor, quote = passage
        article_id = view.article.id
        try:
            return self.session.write(
                lambda library: library.add_note(
                    article_id, quote, text, field=anchor.field, start=anchor.start
                )
            )
        except StorageError as error:
            self.show_status(str(error), 6000)
            return None

    def add_note(self) -> Note | None:
        if self.view is None or self.view.selected_passage() is None:
            self.show_status(self.tr("First select a passage of the article."), 4000)
            return None
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Add note"), self.tr("Note on the selected passage:")
        )
        return self.highlight(text.strip()) if ok else None

    # -- the panel ------------------------------------------------------------------------

    @property
    def panel(self) -> NotesPanel:
        if self._panel is None:
            panel = NotesPanel(self.window)
            panel.set_labels(
                self.tr("Search notes and highlights"),
                [
                    self.tr("Passage and note"),
                    self.tr("Article"),
                    self.tr("Date"),
                    self.tr("Source"),
                    self.tr("Added"),
                ],
            )
            panel.search_changed.connect(lambda _q: self.reload())
            panel.chosen.connect(self.open_note)
            self.dock.setWidget(panel)
            self._panel = panel
            self.reload()
        return self._panel

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel  # noqa: B018 - building it is the point

    def reload(self) -> None:
        """Read the notes (matching the search) off the GUI thread."""
        if self._panel is None:
            return
        if self._job is not None:
            self._job.cancel()
        query = self._panel.search.text().strip() or None
        self._job = self.session.run(
            lambda library: library.notes(query=query), self._show, self._failed
        )

    def _show(self, notes: list[Note]) -> None:
        self._job = None
        self.notes = notes
        if self._panel is not None:
            self._panel.show_notes(notes, self.tr("highlight"))

    def _failed(self, message: str) -> None:
        self._job = None
        self.show_status(self.tr("The notes could not be read: {reason}").format(reason=message))

    def open_note(self, note: Note) -> None:
        self.session.open_article(note.article_id)
        self.note_opened.emit(note.id)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.panel  # noqa: B018 - building it is the point

    def _on_changed(self, changes: Changes) -> None:
        if self._panel is not None and changes.touches(
            ChangeKind.NOTES, ChangeKind.TRASH, ChangeKind.ARTICLES
        ):
            self.reload()

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.cancel()
