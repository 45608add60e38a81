"""The reading window: headline list with search and filters, article pane, bookmarks,
import, backup and restore, and the reading comforts. Wires the parts together; owns no SQL.

The library is opened through storage.safety.open_library: a damaged file is set aside
(and the user told so in the notice bar), a read-only one is opened read-only with every
way of writing turned off. A LibraryWatcher notices commits made by other processes and
the list takes the new articles in place, keeping the selection and what is in view.
"""

from __future__ import annotations

import logging
import sqlite3
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.gui import settings as S
from desktop_app.gui import theme
from desktop_app.gui.article_view import ArticleView, PaneLabels
from desktop_app.gui.display_text import window_title
from desktop_app.gui.headline_model import ID_ROLE, HeadlineDelegate, HeadlineModel
from desktop_app.gui.import_dialog import ImportProgress, ImportSummary
from desktop_app.gui.library_watch import LibraryWatcher
from desktop_app.gui.notice_bar import NoticeBar
from desktop_app.gui.workers import ImportWorker, JobRunner, list_ids
from desktop_app.model import Article, ImportOutcome, ImportReport
from desktop_app.storage.library import LibraryError, ListFilter
from desktop_app.storage.safety import OpenedLibrary, open_library
from desktop_app.text.bidi import field, isolated_field

if TYPE_CHECKING:
    from desktop_app.gui.bookmarks import BookmarksPanel

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 250
LIVE_REFRESH_MS = 400  # how often the list catches up while an import runs
NO_DATE = QDate(1900, 1, 1)
FIRST_PAGE = 100  # headlines read synchronously at start
FIRST_PAINT_FALLBACK_MS = 300  # when the window is never painted (tests, hidden start)
MINIMUM_SIZE = QSize(720, 480)


class MainWindow(QMainWindow):
    article_shown = Signal(int)
    list_updated = Signal()
    import_finished = Signal(object)  # ImportReport
    bookmarks_changed = Signal()
    choices_loaded = Signal()
    backup_finished = Signal(object)  # BackupResult, or None when it failed
    restore_finished = Signal(object)  # BackupResult, or None when nothing was restored
    library_changed_elsewhere = Signal()  # another process committed; a refresh started

    def __init__(
        self,
        library_path: Path,
        settings: S.Settings,
        parent=None,
        opened: OpenedLibrary | None = None,
    ) -> None:
        """`opened`: the library as create_window opened it; opened here when None."""
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.settings = settings
        opened = opened or open_library(self.library_path)
        self.library = opened.library
        self.read_only = opened.read_only
        self.jobs = JobRunner(self.library_path, self)
        self.jobs.result.connect(self._on_job_result)
        self.jobs.error.connect(self._on_job_error)
        self.import_worker: ImportWorker | None = None
        self.last_summary: ImportSummary | None = None
        self.current: Article | None = None
        self.theme_name = "light"
        self._pending_restore: int | None = None
        self._keep_view = False  # the list job running refreshes in place
        self._after_first_paint: list[Callable[[], None]] = []

        self.setWindowTitle(self.tr("Akhbar"))
        self.setAcceptDrops(True)
        self._build_list_panel()
        self.view = ArticleView(self)
        self.view.labels = PaneLabels(
            related=self.tr("Related headlines"),
            not_in_library=self.tr("not in the library yet"),
            bookmark=self.tr("Bookmark this headline"),
            unbookmark=self.tr("Remove the bookmark"),
        )
        self.view.open_article.connect(self.open_article)
        self.view.toggle_bookmark.connect(self.toggle_bookmark)
        self.view.navigate.connect(self.step)
        self.view.scrolled.connect(self._mark_current_read)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 900])
        self.notice_bar = NoticeBar(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.notice_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # The panel itself is built the first time it is shown (or asked for): most starts
        # never open it, and building it costs a query and a few milliseconds of start-up.
        self._bookmarks_panel: BookmarksPanel | None = None
        self._bookmarks_read_only = False
        self.bookmarks_dock = QDockWidget(self.tr("Bookmarks"), self)
        self.bookmarks_dock.setObjectName("bookmarks_dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.bookmarks_dock)
        self.bookmarks_dock.hide()
        self.bookmarks_dock.visibilityChanged.connect(self._on_bookmarks_visibility)

        self.import_progress = ImportProgress(self)
        self.import_progress.cancel_requested.connect(self.cancel_import)
        self.count_label = QLabel(self)
        # Absolute, so a count starting with digits still sits on the reading side.
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        self.count_label.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter
        )
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.read_only_label = QLabel(self.tr("Read-only"), self)
        self.read_only_label.setToolTip(
            self.tr("This library cannot be changed: importing and bookmarks are turned off.")
        )
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)

        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.timeout.connect(self._mark_current_read)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.reload_list)
        self.live_refresh = QTimer(self)
        self.live_refresh.setSingleShot(True)
        self.live_refresh.setInterval(LIVE_REFRESH_MS)
        self.live_refresh.timeout.connect(lambda: self.reload_list(keep_view=True))
        self.watcher = LibraryWatcher(parent=self)
        self.watcher.changed.connect(self._on_changed_elsewhere)

        self._build_actions()
        self._apply_reader_settings()
        self._restore_state()
        self._apply_access(opened)
        # Background reads (every id, the filter choices) wait for the first paint: their
        # threads would otherwise compete with it for the interpreter.
        self._after_first_paint.append(self._fill_filter_choices)
        self.view.viewport().installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run_after_first_paint)
        self._load_first_page()
        self._fix_minimum_size()
        self.watcher.watch(self.library)

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The bookmarks panel, built on first use."""
        if self._bookmarks_panel is None:
            from desktop_app.gui.bookmarks import BookmarksPanel

            panel = BookmarksPanel(self.library, self)
            panel.open_article.connect(self.open_article)
            panel.changed.connect(self._after_bookmark_change)
            panel.set_read_only(self._bookmarks_read_only)
            self.bookmarks_dock.setWidget(panel)
            self._bookmarks_panel = panel
        return self._bookmarks_panel

    def _on_bookmarks_visibility(self, visible: bool) -> None:
        if visible:
            self.bookmarks_panel  # noqa: B018 - building it is the point

    # -- building -----------------------------------------------------------------------

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

    def _build_list_panel(self) -> None:
        self.list_panel = QWidget(self)
        self.search_field = QLineEdit(self.list_panel)
        self.search_field.setPlaceholderText(self.tr("Search articles (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_field.returnPressed.connect(self.reload_list)
        self.search_field.installEventFilter(self)

        self.filter_button = QToolButton(self.list_panel)
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.toggled.connect(self._show_filters)

        # The filter widgets are built the first time the filters are shown: most starts
        # never show them, and building them costs ~12 ms before the first paint.
        self._filters: _FilterWidgets | None = None
        self._filter_choices: tuple[list, list] | None = None

        self.model = HeadlineModel(self.library, self)
        self.delegate = HeadlineDelegate(self)
        # A one-column table rather than a QListView: its row geometry is O(1) per row
        # (a fixed section size), where QListView lays out every one of 300,000 rows.
        self.list_view = QTableView(self.list_panel)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setCornerButtonEnabled(False)
        self.list_view.horizontalHeader().hide()
        self.list_view.horizontalHeader().setStretchLastSection(True)
        rows = self.list_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.delegate.row_height(self.list_view.font()))
        self.list_view.setMinimumWidth(260)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.filter_button)
        layout = QVBoxLayout(self.list_panel)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list_view, 1)

    def _filter_widgets(self) -> _FilterWidgets:
        if self._filters is not None:
            return self._filters
        source_combo = QComboBox(self.list_panel)
        dateline_combo = QComboBox(self.list_panel)
        for combo in (source_combo, dateline_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        unread_only = QCheckBox(self.tr("Unread only"), self.list_panel)
        unread_only.toggled.connect(lambda _c: self.reload_list())
        box = QWidget(self.list_panel)
        filters = _FilterWidgets(
            box, source_combo, dateline_combo, self._date_edit(), self._date_edit(), unread_only
        )
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Source"), source_combo)
        form.addRow(self.tr("Place"), dateline_combo)
        dates = QHBoxLayout()
        dates.addWidget(filters.date_from, 1)
        dates.addWidget(QLabel(self.tr("to"), box))
        dates.addWidget(filters.date_to, 1)
        form.addRow(self.tr("From"), dates)
        form.addRow("", unread_only)
        box.hide()
        layout = self.list_panel.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, box)
        self._filters = filters
        if self._filter_choices is not None:
            self._set_filter_choices(*self._filter_choices)
        return filters

    @property
    def filter_box(self) -> QWidget:
        return self._filter_widgets().box

    @property
    def source_combo(self) -> QComboBox:
        return self._filter_widgets().source

    @property
    def dateline_combo(self) -> QComboBox:
        return self._filter_widgets().dateline

    @property
    def date_from(self) -> QDateEdit:
        return self._filter_widgets().date_from

    @property
    def date_to(self) -> QDateEdit:
        return self._filter_widgets().date_to

    @property
    def unread_only(self) -> QCheckBox:
        return self._filter_widgets().unread

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self.list_panel)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _d: self.reload_list())
        return edit

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.import_files_action = file_menu.addAction(
            self.tr("Import files…"), self.import_files_dialog
        )
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_folder_action = file_menu.addAction(
            self.tr("Import folder…"), self.import_folder_dialog
        )
        file_menu.addSeparator()
        self.export_action = file_menu.addAction(
            self.tr("Export bookmarks…"), lambda: self.bookmarks_panel.export()
        )
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("Back up library…"), self.backup_dialog)
        self.restore_action = file_menu.addAction(
            self.tr("Restore from backup…"), self.restore_dialog
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        article_menu = menu.addMenu(self.tr("&Article"))
        self.next_action = article_menu.addAction(self.tr("Next article"), lambda: self.step(1))
        self.next_action.setShortcut(QKeySequence("J"))
        self.prev_action = article_menu.addAction(
            self.tr("Previous article"), lambda: self.step(-1)
        )
        self.prev_action.setShortcut(QKeySequence("K"))
        self.read_action = article_menu.addAction(self.tr("Mark as unread"), self.toggle_read)
        self.read_action.setShortcut(QKeySequence("Ctrl+U"))
        self.bookmark_action = article_menu.addAction(
            self.tr("Bookmark related headline"), self.bookmark_shortcut
        )
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        article_menu.addSeparator()
        self.find_action = article_menu.addAction(self.tr("Search"), self.focus_search)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)

        view_menu = menu.addMenu(self.tr("&View"))
        self.bookmarks_action = self.bookmarks_dock.toggleViewAction()
        self.bookmarks_action.setText(self.tr("Bookmarks"))
        self.bookmarks_action.setShortcut(QKeySequence("Ctrl+B"))
        view_menu.addAction(self.bookmarks_action)
        self.filters_action = view_menu.addAction(self.tr("Filters"))
        self.filters_action.setCheckable(True)
        self.filters_action.toggled.connect(self.filter_button.setChecked)
        self.filter_button.toggled.connect(self.filters_action.setChecked)
        view_menu.addSeparator()
        zoom_in = view_menu.addAction(self.tr("Zoom in"), lambda: self.zoom(1))
        zoom_in.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        zoom_out = view_menu.addAction(self.tr("Zoom out"), lambda: self.zoom(-1))
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_reset = view_menu.addAction(self.tr("Actual size"), lambda: self.zoom(0))
        zoom_reset.setShortcut(QKeySequence("Ctrl+0"))
        view_menu.addSeparator()
        self.digits_action = view_menu.addAction(self.tr("Arabic-Indic digits (٠١٢)"))
        self.digits_action.setCheckable(True)
        self.digits_action.setChecked(self.settings.get(S.ARABIC_DIGITS))
        self.digits_action.toggled.connect(self.set_arabic_digits)
        view_menu.addAction(self.tr("Article font…"), self.choose_reader_font)
        view_menu.addAction(self.tr("Interface font…"), self.choose_ui_font)
        theme_menu = view_menu.addMenu(self.tr("Theme"))
        group = QActionGroup(self)
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        current = self.settings.get(S.THEME)
        self.theme_actions: dict[str, QAction] = {}
        for key in theme.THEMES:
            action = theme_menu.addAction(names[key])
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            group.addAction(action)
            self.theme_actions[key] = action

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About Akhbar"), self.about)

        for keys, slot in (("Space", lambda: self.view.page(True)),
                           ("Shift+Space", lambda: self.view.page(False))):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self.list_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence("Escape"), self.search_field)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search_field.clear)

    # -- the list -----------------------------------------------------------------------

    def current_filter(self) -> ListFilter:
        query = self.search_field.text().strip() or None
        if self._filters is None:  # never shown: nothing chosen
            return ListFilter(query=query)
        return ListFilter(
            source=self.source_combo.currentData(),
            dateline=self.dateline_combo.currentData(),
            date_from=_date_or_none(self.date_from.date()),
            date_to=_date_or_none(self.date_to.date()),
            unread_only=self.unread_only.isChecked(),
            query=query,
        )

    def _load_first_page(self) -> None:
        """Show the newest page at once, then the full list from a background query.

        The first paint needs only a screenful of headlines; reading every id of a large
        library is left to a worker, and its answer extends the list without a reset.
        """
        filters = self.current_filter()
        first = self.library.page(limit=FIRST_PAGE, filters=filters)
        self.model.prime(first)
        self._after_list_change()
        wanted = self.settings.get(S.LAST_ARTICLE)
        row = self.model.row_of(wanted) if wanted else None
        if wanted and row is None and self.library.get(wanted) is not None:
            self._pending_restore = wanted  # further down: selected when the list arrives
        self.select_row(row if row is not None else 0)
        if len(first) == FIRST_PAGE:
            self._after_first_paint.append(self.reload_list)

    def _run_after_first_paint(self) -> None:
        actions, self._after_first_paint = self._after_first_paint, []
        for action in actions:
            action()

    def reload_list(self, keep_view: bool = False) -> None:
        """Query the list again in the background.

        `keep_view`: the same list with rows added (an import here or elsewhere), so keep
        the selection and the headlines in view where they are; otherwise a new list.
        """
        self.search_timer.stop()
        self._keep_view = keep_view
        self.jobs.start("list", list_ids(self.current_filter()))

    def _on_job_result(self, kind: str, result: object) -> None:
        if kind == "choices":
            assert isinstance(result, tuple)
            self._set_filter_choices(*result)
            self.choices_loaded.emit()
        if kind == "backup":
            self._on_backup_done(result)
        if kind == "list":
            assert isinstance(result, array)
            if self._keep_view:
                self._set_ids_keeping_view(result)
            else:
                self.model.set_ids(result)
            self._after_list_change()
            if self._pending_restore is not None:
                row = self.model.row_of(self._pending_restore)
                self._pending_restore = None
                if row is not None:
                    self.select_row(row)
            # Keep the open article selected if it is still listed.
            if self.current is not None:
                row = self.model.row_of(self.current.id)
                if row is not None:
                    self._select_silently(row)
            self._refresh_highlight()
            self.list_updated.emit()

    def _on_job_error(self, kind: str, message: str) -> None:
        if kind == "backup":
            self._on_backup_failed(message)
        elif kind == "list":
            self.statusBar().showMessage(
                self.tr("The list could not be loaded: {reason}").format(reason=message), 8000
            )
        else:
            log.warning("%s job failed: %s", kind, message)

    def _set_ids_keeping_view(self, ids: array) -> None:
        """New rows go in around the ones shown; the headlines in view stay in view.

        Rows inserted above the first visible one would push it down the viewport, so
        the scroll position moves by as many rows. At the very top it stays at the top,
        where the new headlines then appear.
        """
        bar = self.list_view.verticalScrollBar()
        top_row = self.list_view.rowAt(0)
        anchor = self.model.id_at(top_row) if bar.value() > 0 and top_row >= 0 else None
        self.model.set_ids(ids)
        new_row = self.model.row_of(anchor) if anchor is not None else None
        if new_row is not None and new_row != top_row:
            self.list_view.updateGeometries()  # the scroll range must include the new rows
            row_height = self.list_view.verticalHeader().defaultSectionSize()
            bar.setValue(bar.value() + (new_row - top_row) * row_height)

    def _refresh_highlight(self) -> None:
        """Mark the words of the current search in the open article."""
        query = self.search_field.text().strip() or None
        if self.current is not None and query != self.view.query:
            self.view.show_article(self.current, query)

    def _after_list_change(self) -> None:
        count = self.model.rowCount()
        if self.search_field.text().strip():
            text = self.tr("%n result(s)", "", count)
        else:
            text = self.tr("%n article(s)", "", count)
        self.count_label.setText(text)
        if count == 0 and self.current is None:
            self.view.setHtml("")

    def _fill_filter_choices(self) -> None:
        """Ask for the sources and places in the background (a scan of every row)."""
        self.jobs.start("choices", lambda library: (library.sources(), library.datelines()))

    def _set_filter_choices(self, sources: list, datelines: list) -> None:
        self._filter_choices = (sources, datelines)
        if self._filters is None:
            return  # filled when the filters are first shown
        for combo, items, everything in (
            (self.source_combo, sources, self.tr("All sources")),
            (self.dateline_combo, datelines, self.tr("All places")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for name, count in items:
                combo.addItem(f"{isolated_field(name)} ({count})", name)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)

    def _select_silently(self, row: int) -> None:
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)
        index = self.model.index(row)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.list_view.viewport().update()

    def step(self, delta: int) -> None:
        row = self.list_view.currentIndex().row()
        target = 0 if row < 0 else row + delta
        if 0 <= target < self.model.rowCount():
            self.select_row(target)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_article(current.data(ID_ROLE))

    # -- the article ----------------------------------------------------------------------

    def show_article(self, article_id: int) -> None:
        self._mark_current_read_if_due()
        article = self.library.get(article_id)
        self.current = article
        self.view.show_article(article, self.search_field.text().strip() or None)
        self.setWindowTitle(window_title(article.title if article else None, self.tr("Akhbar")))
        if article is None:
            return
        self.settings.set(S.LAST_ARTICLE, article.id)
        self.read_action.setText(
            self.tr("Mark as unread") if article.read else self.tr("Mark as read")
        )
        if not article.read and not self.read_only:
            self.read_timer.start(self.settings.get(S.MARK_READ_DELAY_MS))
        self.article_shown.emit(article.id)

    def open_article(self, article_id: int) -> None:
        """Open from a link or a bookmark: select it in the list when it is listed."""
        row = self.model.row_of(article_id)
        if row is not None:
            self.select_row(row)
        else:
            self.list_view.selectionModel().clearSelection()
            self.show_article(article_id)

    def _mark_current_read_if_due(self) -> None:
        self.read_timer.stop()

    def _mark_current_read(self) -> None:
        self.read_timer.stop()
        if self.current is not None and not self.current.read:
            self.set_read(self.current.id, True)

    def set_read(self, article_id: int, read: bool) -> None:
        if self.read_only:
            return
        try:
            self.library.set_read(article_id, read)
        except sqlite3.OperationalError as error:  # busy past the timeout: try next time
            log.warning("could not mark article %s read: %s", article_id, error)
            return
        self.model.set_read(article_id, read)
        if self.current is not None and self.current.id == article_id:
            self.current = self.library.get(article_id)
            self.read_action.setText(self.tr("Mark as unread") if read else self.tr("Mark as read"))

    def toggle_read(self) -> None:
        if self.current is not None:
            self.read_timer.stop()
            self.set_read(self.current.id, not self.current.read)

    # -- bookmarks ----------------------------------------------------------------------

    def toggle_bookmark(self, position: int) -> None:
        if self.current is None or self.read_only:
            return
        existing = self.library.bookmark_at(self.current.id, position)
        try:
            if existing is not None:
                self.library.remove_bookmark(existing.id)
            else:
                self.library.add_bookmark(self.current.id, position)
        except LibraryError as error:
            self.statusBar().showMessage(str(error), 6000)
            return
        except sqlite3.OperationalError as error:  # another process held the lock too long
            log.warning("bookmark not changed: %s", error)
            self.statusBar().showMessage(
                self.tr("The library is busy; the bookmark was not changed. Try again."), 6000
            )
            return
        self._after_bookmark_change()

    def bookmark_shortcut(self) -> None:
        """Ctrl+D: the related headline with keyboard focus, else the first one."""
        if self.current is None or not self.current.related:
            return
        position = self.view.focused_bookmark()
        self.toggle_bookmark(self.current.related[0].position if position is None else position)

    def _after_bookmark_change(self) -> None:
        if self.current is not None:
            self.current = self.library.get(self.current.id)
            self.view.article = self.current
            self.view.rerender()
        if self._bookmarks_panel is not None:
            self._bookmarks_panel.reload()
        self.bookmarks_changed.emit()

    # -- import ---------------------------------------------------------------------------

    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "", self.tr("Articles (*.txt);;All files (*)")
        )
        if files:
            self.start_import(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.start_import([folder])

    def importing(self) -> bool:
        return self.import_worker is not None

    def start_import(self, paths: Sequence[str | Path]) -> bool:
        if self.read_only:
            self.statusBar().showMessage(
                self.tr("This library is read-only: nothing can be imported into it."), 6000
            )
            return False
        if self.import_worker is not None:  # one writer at a time
            self.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return False
        worker = ImportWorker(self.library_path, paths, self)
        worker.progressed.connect(self._on_import_progress)
        worker.finished_report.connect(self._on_import_done)
        worker.failed.connect(self._on_import_failed)
        self.import_worker = worker
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(False)
        self.restore_action.setEnabled(False)
        self.import_progress.start()
        worker.start()
        return True

    def cancel_import(self) -> None:
        if self.import_worker is not None:
            self.import_worker.cancel()

    def _on_import_progress(self, done: int, total: int, outcome: ImportOutcome) -> None:
        self.import_progress.update_progress(done, total)
        if outcome.status == "imported" and not self.live_refresh.isActive():
            self.live_refresh.start()

    def _finish_import(self) -> None:
        worker = self.import_worker
        self.import_worker = None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.import_progress.hide()
        for action in (self.import_files_action, self.import_folder_action, self.restore_action):
            action.setEnabled(not self.read_only)
        self.live_refresh.stop()
        self._fill_filter_choices()
        self.reload_list(keep_view=True)
        self._after_bookmark_change()  # links and bookmarks may resolve to new articles

    def _on_import_done(self, report: ImportReport) -> None:
        self._finish_import()
        self.last_summary = ImportSummary(report, self)
        self.last_summary.show()
        self.import_finished.emit(report)

    def _on_import_failed(self, message: str) -> None:
        self._finish_import()
        QMessageBox.warning(
            self, self.tr("Import"), self.tr("The import stopped: {reason}").format(reason=message)
        )
        self.import_finished.emit(None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.read_only:
            event.ignore()
            return
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.start_import(paths):
            event.acceptProposedAction()

    # -- the library: how it was opened, changes made elsewhere, backup and restore -------

    def _apply_access(self, opened: OpenedLibrary) -> None:
        """Turn writing off for a read-only library and tell the user how it was opened."""
        self.read_only = opened.read_only
        writable = not opened.read_only
        for action in (
            self.import_files_action,
            self.import_folder_action,
            self.restore_action,
            self.bookmark_action,
            self.read_action,
        ):
            action.setEnabled(writable)
        self.setAcceptDrops(writable)
        self.view.can_bookmark = writable
        self._bookmarks_read_only = not writable
        if self._bookmarks_panel is not None:
            self._bookmarks_panel.set_read_only(not writable)
        self.read_only_label.setVisible(not writable)
        if opened.read_only:
            self.notice_bar.show_notice(
                self.tr(
                    "This library is read-only: its file or its folder cannot be written. "
                    "You can read and search; importing, bookmarks and read marks are off."
                ),
                details=opened.notice or "",
            )
        elif opened.set_aside is not None:
            self.notice_bar.show_notice(
                self.tr(
                    "The library could not be read and was set aside untouched as {name}; "
                    "a new, empty library was started."
                ).format(name=field(opened.set_aside.name)),
                details=opened.notice or "",
                warning=True,
            )
        elif opened.notice:
            self.notice_bar.show_notice(opened.notice)
        else:
            self.notice_bar.hide()

    def _on_changed_elsewhere(self) -> None:
        """Another process committed: take new articles in, leave the reader where they are."""
        if self.importing():
            return  # our own import's progress already refreshes the list
        self.reload_list(keep_view=True)
        self._fill_filter_choices()
        self.model.refresh_rows()  # read marks may have changed too
        panel = self._bookmarks_panel
        if panel is not None and self.library.bookmarks() != panel.bookmarks():
            panel.reload()  # (rebuilding it every time would lose its scroll)
        if self.current is not None:
            fresh = self.library.get(self.current.id)
            if fresh is not None and fresh != self.current:  # e.g. a related link resolved
                self.current = fresh
                self.view.article = fresh
                self.view.rerender()
        self.library_changed_elsewhere.emit()

    def backup_dialog(self) -> None:
        stamp = date.today().strftime("%Y%m%d")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up library"),
            str(Path.home() / f"akhbar-backup-{stamp}.db"),
            self.tr("Akhbar library (*.db);;All files (*)"),
        )
        if chosen:
            self.start_backup(Path(chosen))

    def start_backup(self, destination: Path) -> None:
        """Copy the library to `destination` on a worker (a snapshot; reading goes on).

        The file dialog has already asked before replacing an existing file.
        """
        from desktop_app.services.backup import backup_library

        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Backing up the library…"))
        self.jobs.start(
            "backup", lambda library: backup_library(library, destination, overwrite=True)
        )

    def _on_backup_done(self, result) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("Backed up %n article(s) to {path}", "", result.articles).format(
                path=result.path
            ),
            10000,
        )
        self.backup_finished.emit(result)

    def _on_backup_failed(self, message: str) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.warning(
            self,
            self.tr("Back up library"),
            self.tr("The backup was not made: {reason}").format(reason=message),
        )
        self.backup_finished.emit(None)

    def restore_dialog(self) -> None:
        if self.read_only:
            return
        if self.importing():
            self.statusBar().showMessage(
                self.tr("Wait for the import to finish (or cancel it) before restoring."), 6000
            )
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from backup"),
            str(Path.home()),
            self.tr("Akhbar library (*.db);;All files (*)"),
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> bool:
        """Check the backup, ask, close everything, restore, reopen; True if restored."""
        from desktop_app.services.backup import check_backup, restore_library

        title = self.tr("Restore from backup")
        try:
            articles = check_backup(backup)
        except (LibraryError, OSError) as error:
            QMessageBox.warning(
                self, title, self.tr("This file cannot be restored: {reason}").format(reason=error)
            )
            self.restore_finished.emit(None)
            return False
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Replace the library with this backup of %n article(s)?\n\n"
                "The library you have now is kept beside it, untouched, as a "
                "“before-restore” file.",
                "",
                articles,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.restore_finished.emit(None)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        result = None
        failure: Exception | None = None
        try:
            self._close_library()
            result = restore_library(self.library_path, backup)
        except (LibraryError, OSError, sqlite3.DatabaseError) as error:
            log.warning("restore from %s failed", backup, exc_info=True)
            failure = error
        finally:
            reopened = self._reopen_library()
            QApplication.restoreOverrideCursor()
        if failure is not None:
            QMessageBox.warning(
                self, title, self.tr("Nothing was restored: {reason}").format(reason=failure)
            )
        elif reopened and result is not None:
            self.statusBar().showMessage(
                self.tr("Restored %n article(s) from {path}", "", result.articles).format(
                    path=backup.name
                ),
                10000,
            )
        self.restore_finished.emit(result if failure is None else None)
        return failure is None

    def _close_library(self) -> None:
        """Stop all that uses the library and close the window's connection to it."""
        self._mark_current_read_if_due()
        self.watcher.stop()
        for timer in (self.live_refresh, self.search_timer):
            timer.stop()
        self.jobs.wait()
        self.jobs.forget()  # results still on their way describe the old file
        self.library.close()

    def _reopen_library(self) -> bool:
        """Open the library again (restored or not) and show it from the top."""
        try:
            opened = open_library(self.library_path)
        except (LibraryError, OSError, sqlite3.DatabaseError) as error:
            log.exception("cannot reopen %s", self.library_path)
            QMessageBox.critical(
                self,
                self.tr("Akhbar"),
                self.tr("The library cannot be opened: {reason}").format(reason=error),
            )
            self.close()
            return False
        self.library = opened.library
        self.model.set_library(self.library)
        if self._bookmarks_panel is not None:
            self._bookmarks_panel.library = self.library
        self.current = None
        self.view.show_article(None)
        self.setWindowTitle(self.tr("Akhbar"))
        self.backup_action.setEnabled(True)  # a backup cut short by the restore is forgotten
        self._apply_access(opened)
        if self._bookmarks_panel is not None:
            self._bookmarks_panel.reload()
        self._fill_filter_choices()
        self._load_first_page()
        self.watcher.watch(self.library)
        return True

    # -- search ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self._after_first_paint
            and watched is self.view.viewport()
        ):
            QTimer.singleShot(0, self, self._run_after_first_paint)
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.search_field
            and event.key() == Qt.Key.Key_Down
        ):
            self.list_view.setFocus()
            if not self.list_view.currentIndex().isValid():
                self.select_row(0)
            return True
        return super().eventFilter(watched, event)

    def _show_filters(self, shown: bool) -> None:
        if shown or self._filters is not None:
            self.filter_box.setVisible(shown)
        self.settings.set(S.SHOW_FILTERS, shown)

    # -- comforts -------------------------------------------------------------------------

    def reader_point_size(self) -> float:
        base = self.settings.get(S.READER_FONT_SIZE)
        return round(base * (1 + 0.1 * self.settings.get(S.READER_ZOOM)), 1)

    def zoom(self, step: int) -> None:
        low, high = S.ZOOM_RANGE
        value = 0 if step == 0 else min(max(self.settings.get(S.READER_ZOOM) + step, low), high)
        self.settings.set(S.READER_ZOOM, value)
        self._apply_reader_settings()

    def set_arabic_digits(self, on: bool) -> None:
        self.settings.set(S.ARABIC_DIGITS, on)
        self._apply_reader_settings()

    def choose_reader_font(self) -> None:
        current = self.view.document().defaultFont()
        ok, font = QFontDialog.getFont(current, self, self.tr("Article font"))
        if ok:
            self.settings.set(S.READER_FONT_FAMILY, font.family())
            self.settings.set(S.READER_FONT_SIZE, max(int(font.pointSizeF()), 6))
            self.settings.set(S.READER_ZOOM, 0)
            self._apply_reader_settings()

    def choose_ui_font(self) -> None:
        ok, font = QFontDialog.getFont(QApplication.font(), self, self.tr("Interface font"))
        if ok:
            self.settings.set(S.UI_FONT_FAMILY, font.family())
            self.settings.set(S.UI_FONT_SIZE, max(int(font.pointSizeF()), 6))
            QApplication.setFont(font)

    def _apply_reader_settings(self) -> None:
        digits = self.settings.get(S.ARABIC_DIGITS)
        self.view.arabic_digits = digits
        self.delegate.arabic_digits = digits
        self.view.set_reader_font(self.settings.get(S.READER_FONT_FAMILY), self.reader_point_size())
        self.list_view.viewport().update()

    def set_theme(self, name: str) -> None:
        self.settings.set(S.THEME, name)
        self.apply_theme()

    def apply_theme(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme_name = theme.apply(app, self.settings.get(S.THEME))
        self.view.set_colors(theme.pane_style_for(self.theme_name))
        action = self.theme_actions.get(self.settings.get(S.THEME))
        if action:
            action.setChecked(True)

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
        self.filter_button.setChecked(self.settings.get(S.SHOW_FILTERS))

    def save_state(self) -> None:
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        self.settings.set(S.WINDOW_STATE, self.saveState())
        self.settings.set(S.SPLITTER, self.splitter.saveState())
        if self.current is not None:
            self.settings.set(S.LAST_ARTICLE, self.current.id)
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop background work and close the connection (idempotent)."""
        if self.import_worker is not None:
            self.import_worker.cancel()
            self.import_worker.wait()
            self.import_worker = None
        self.watcher.stop()
        self.jobs.wait()
        self.read_timer.stop()
        self.live_refresh.stop()
        self.search_timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)


def _date_or_none(value: QDate) -> date | None:
    if not value.isValid() or value <= NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


@dataclass
class _FilterWidgets:
    box: QWidget
    source: QComboBox
    dateline: QComboBox
    date_from: QDateEdit
    date_to: QDateEdit
    unread: QCheckBox
