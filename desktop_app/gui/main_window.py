"""The reading window: a shell that assembles the features around one library session.

Behaviour lives in gui/features/ (one module per feature) and the open library in
gui/session.py. This module only builds the layout, adds the features' docks and status
widgets, gathers their menu actions into the menus, connects the few signals one
feature offers another, and keeps the window's geometry and state between runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from desktop_app import __version__
from desktop_app.gui import settings as S
from desktop_app.gui.feature import ARTICLE, FILE, HELP, VIEW, Feature
from desktop_app.gui.features.backup import BackupFeature
from desktop_app.gui.features.bookmarks import BookmarksFeature
from desktop_app.gui.features.comforts import ComfortsFeature
from desktop_app.gui.features.export import ExportFeature
from desktop_app.gui.features.headlines import HeadlinesFeature
from desktop_app.gui.features.importing import ImportingFeature
from desktop_app.gui.features.libraries import LibrariesFeature
from desktop_app.gui.features.library_status import LibraryStatusFeature
from desktop_app.gui.features.notes import NotesFeature
from desktop_app.gui.features.reader import ReaderFeature
from desktop_app.gui.features.sidebar import SidebarFeature
from desktop_app.gui.features.tags import TagsFeature
from desktop_app.gui.features.trash import TrashFeature
from desktop_app.gui.session import Session
from desktop_app.storage.safety import OpenedLibrary

MINIMUM_SIZE = QSize(720, 480)


class MainWindow(QMainWindow):
    def __init__(
        self,
        library_path: Path,
        settings: S.Settings,
        parent=None,
        opened: OpenedLibrary | None = None,
    ) -> None:
        """`opened`: the library as create_window opened it; opened here when None."""
        super().__init__(parent)
        self.settings = settings
        self.session = Session(library_path, opened, self)
        self.setWindowTitle(self.tr("Akhbar"))
        parts = (self.session, self, settings)
        # In this order their actions fill the menus and their widgets the status bar.
        self.libraries = LibrariesFeature(*parts)
        self.importing = ImportingFeature(*parts)
        self.export = ExportFeature(*parts)
        self.bookmarks = BookmarksFeature(*parts)
        self.backup = BackupFeature(*parts)
        self.headlines = HeadlinesFeature(*parts)
        self.reader = ReaderFeature(*parts)
        self.comforts = ComfortsFeature(*parts)
        self.library_status = LibraryStatusFeature(*parts)
        self.sidebar = SidebarFeature(*parts)
        self.tags = TagsFeature(*parts)
        self.notes = NotesFeature(*parts)
        self.trash = TrashFeature(*parts)
        self.features: list[Feature] = [
            self.importing,
            self.export,
            self.bookmarks,
            self.backup,
            self.libraries,
            self.headlines,
            self.reader,
            self.comforts,
            self.library_status,
            self.sidebar,
            self.tags,
            self.notes,
            self.trash,
        ]
        self._connect_features()
        self._build_layout()
        self._build_menus()
        self._restore_state()
        self.session.announce()  # every feature hears how the library may be used
        self.comforts.announce()  # the pane's font and colours, before the first article
        self.headlines.load_first_page()
        self._fix_minimum_size()

    def _connect_features(self) -> None:
        """What one feature offers another, connected here: features never import each other."""
        headlines, reader = self.headlines, self.reader
        headlines.article_chosen.connect(reader.show_article)
        headlines.query_changed.connect(reader.set_query)
        headlines.page_requested.connect(reader.view.page)
        reader.view.navigate.connect(headlines.step)
        self.comforts.look_changed.connect(reader.apply_look)
        self.comforts.look_changed.connect(headlines.apply_look)
        self.library_status.restore_requested.connect(self.backup.restore_dialog)
        # Organising: the list's selection and filter, the pane's selection, the panels.
        for feature in (self.tags, self.trash, self.export):
            feature.selection = headlines.selected_ids
        self.sidebar.current_filter = self.export.current_filter = headlines.current_filter
        headlines.context_actions += self.tags.list_actions() + self.trash.list_actions()
        self.notes.attach(reader.view)
        self.notes.note_opened.connect(reader.view.scroll_to_note)
        self.sidebar.notes_requested.connect(self.notes.show_panel)
        self.sidebar.trash_requested.connect(self.trash.show_panel)
        reader.article_shown.connect(self.export.set_article)

    # -- assembling -----------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.headlines.panel)
        self.splitter.addWidget(self.reader.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 900])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.library_status.notice_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        for feature in self.features:
            for area, dock in feature.docks():
                self.addDockWidget(area, dock)
            for widget, permanent in feature.status_widgets():
                if permanent:
                    self.statusBar().addPermanentWidget(widget)
                else:
                    self.statusBar().addWidget(widget, 1)

    def _build_menus(self) -> None:
        """Each menu holds the actions features offer for it, a separator between features."""
        bar = self.menuBar()
        menus = {
            FILE: bar.addMenu(self.tr("&File")),
            ARTICLE: bar.addMenu(self.tr("&Article")),
            VIEW: bar.addMenu(self.tr("&View")),
            HELP: bar.addMenu(self.tr("&Help")),
        }
        last: dict[str, Feature] = {}
        for feature in self.features:
            for entry in feature.actions():
                menu = menus[entry.menu]
                if last.get(entry.menu, feature) is not feature:
                    menu.addSeparator()
                last[entry.menu] = feature
                menu.addAction(entry.action)
        menus[FILE].addSeparator()
        quit_action = menus[FILE].addAction(self.tr("Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menus[HELP].addAction(self.tr("About Akhbar"), self.about)

    def _fix_minimum_size(self) -> None:
        """Settle the window's minimum size once, before the window exists on screen.

        Left to the layout, the minimum is worked out when the window is first shown and
        again whenever a part appears (the import strip, the notice, the bookmarks); each
        change is pushed to the window system, which the offscreen platform answers with
        "This plugin does not support propagateSizeHints()". An explicit minimum, set
        before show(), is never changed by the layout afterwards.
        """
        layout = self.layout()
        assert layout is not None  # QMainWindow always has its own
        layout.activate()
        self.setMinimumSize(self.minimumSize().expandedTo(MINIMUM_SIZE))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Akhbar"),
            self.tr("Akhbar {version}: an offline reader for Arabic news archives.").format(
                version=__version__
            ),
        )

    # -- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.get(S.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(S.SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        self.settings.set(S.WINDOW_STATE, self.saveState())
        self.settings.set(S.SPLITTER, self.splitter.saveState())
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop background work and every feature's timers (idempotent)."""
        self.session.shutdown()
        for feature in self.features:
            feature.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)
