"""The headline list: search, filters, the count, moving through the list.

The first screenful is read at once; every matching id is read off the GUI thread after
the window's first paint, and again whenever the search or a filter changes (a newer
query cancels the older). Articles that arrive (an import here or elsewhere) go in
around the rows shown, keeping the selection and the headlines in view. A read mark
repaints its row only. Choosing a row emits `article_chosen`; the window hands it to
the reader.

Search results are listed best match first by default, or newest / oldest first (the
order box under the search field, enabled while searching); two check boxes ask for
the hamza and the diacritics as typed. Each result shows a line of context around its
match and how many words matched (headline_model.py).
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import settings as S
from desktop_app.gui.feature import ARTICLE, VIEW, Feature, FeatureAction
from desktop_app.gui.headline_model import ID_ROLE, HeadlineDelegate, HeadlineModel
from desktop_app.gui.theme import Look
from desktop_app.gui.workers import LibraryJob
from desktop_app.model import ArticleFilter, ChangeKind, Changes, ImportOutcome, SearchOrder
from desktop_app.storage.errors import LibraryDamaged
from desktop_app.storage.library import Library, ListFilter
from desktop_app.text.bidi import isolated_field

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 250
LIVE_REFRESH_MS = 400  # how often the list catches up while an import runs
NO_DATE = QDate(1900, 1, 1)
FIRST_PAGE = 100  # headlines read synchronously at start
FIRST_PAINT_FALLBACK_MS = 300  # when the window is never painted (tests, hidden start)


def list_ids(
    filters: ListFilter, order: SearchOrder = SearchOrder.RELEVANCE
) -> Callable[[Library], array]:
    """The work of a list query: every matching id as a compact array; newest first, or
    in `order` for a search (the query typed, `filters.query`)."""

    def work(library: Library) -> array:
        if filters.query:
            return array(
                "q", library.search_ids(filters.query, replace(filters, query=None), order)
            )
        return array("q", library.ids(filters))

    return work


class HeadlinesFeature(Feature):
    article_chosen = Signal(int)  # a row was selected, or an unlisted article asked for
    list_updated = Signal()
    query_changed = Signal(object)  # the search words the list now shows (str or None)
    page_requested = Signal(bool)  # Space / Shift+Space on the list: page the article

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.current_id: int | None = None  # the article last chosen
        self._pending_restore: int | None = None
        self._keep_view = False  # the list job running refreshes in place
        self._list_job: LibraryJob | None = None
        self._choices_job: LibraryJob | None = None
        self._query: str | None = None
        self._reopened = False
        self._after_first_paint: list[Callable[[], None]] = [self._fill_filter_choices]
        self._filters: _FilterWidgets | None = None
        self._filter_choices: tuple[list, list] | None = None
        self._base = ArticleFilter()  # what the sidebar chose (its query is in the box)
        # Actions other features offer on the selected rows (the window adds them).
        self.context_actions: list[QAction] = []

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.reload_list)
        self.live_refresh = QTimer(self)
        self.live_refresh.setSingleShot(True)
        self.live_refresh.setInterval(LIVE_REFRESH_MS)
        self.live_refresh.timeout.connect(lambda: self.reload_list(keep_view=True))
        self._build_panel()
        self._build_actions()

        session.changed.connect(self._on_changed)
        session.reopened.connect(self._on_reopened)
        session.closing.connect(self._stop_timers)
        session.article_requested.connect(self.open_article)
        session.filter_requested.connect(self.show_filter)
        session.import_progressed.connect(self._on_import_progress)

    # -- building -----------------------------------------------------------------------

    def _build_panel(self) -> None:
        self.panel = QWidget(self.window)
        self.search_field = QLineEdit(self.panel)
        self.search_field.setPlaceholderText(self.tr("Search articles (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_field.returnPressed.connect(self.reload_list)
        self.search_field.installEventFilter(self)

        self.order_combo = QComboBox(self.panel)
        for label, order in (
            (self.tr("Best match first"), SearchOrder.RELEVANCE),
            (self.tr("Newest first"), SearchOrder.NEWEST),
            (self.tr("Oldest first"), SearchOrder.OLDEST),
        ):
            self.order_combo.addItem(label, order.value)
        self.order_combo.setToolTip(self.tr("The order of the search results"))
        chosen = self.order_combo.findData(self.settings.get(S.SEARCH_ORDER))
        self.order_combo.setCurrentIndex(max(chosen, 0))
        self.order_combo.setEnabled(False)  # until words are typed
        self.order_combo.currentIndexChanged.connect(self._on_order_changed)
        self.exact_hamza = QCheckBox(self.tr("Hamza as typed"), self.panel)
        self.exact_hamza.setToolTip(self.tr("Match hamza exactly: أ, إ, آ, ء and ا differ"))
        self.exact_diacritics = QCheckBox(self.tr("Diacritics as typed"), self.panel)
        self.exact_diacritics.setToolTip(
            self.tr("Match diacritics exactly: every mark typed must be written")
        )
        for box, setting in ((self.exact_hamza, S.EXACT_HAMZA), (self.exact_diacritics,
                             S.EXACT_DIACRITICS)):  # fmt: skip
            box.setChecked(self.settings.get(setting))
            box.toggled.connect(lambda on, s=setting: self._on_exact_toggled(s, on))

        self.filter_button = QToolButton(self.panel)
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.toggled.connect(self._show_filters)

        self.model = HeadlineModel(self.session.library, self)
        self.delegate = HeadlineDelegate(self)
        # A one-column table rather than a QListView: its row geometry is O(1) per row
        # (a fixed section size), where QListView lays out every one of 300,000 rows.
        self.list_view = QTableView(self.panel)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._context_menu)
        # Background reads wait for the first paint: their threads would otherwise
        # compete with it for the interpreter.
        self.list_view.viewport().installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run_after_first_paint)

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.filter_button)
        options = QHBoxLayout()
        options.addWidget(self.order_combo)
        options.addWidget(self.exact_hamza)
        options.addWidget(self.exact_diacritics)
        options.addStretch(1)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.list_view, 1)

        self.count_label = QLabel(self.window)
        # Absolute, so a count starting with digits still sits on the reading side.
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        self.count_label.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter
        )
        for keys, forward in (("Space", True), ("Shift+Space", False)):
            shortcut = QShortcut(QKeySequence(keys), self.list_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda f=forward: self.page_requested.emit(f))
        escape = QShortcut(QKeySequence("Escape"), self.search_field)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search_field.clear)

    def _build_actions(self) -> None:
        self.next_action = self.make_action(self.tr("Next article"), lambda: self.step(1), "J")
        self.prev_action = self.make_action(self.tr("Previous article"), lambda: self.step(-1), "K")
        self.find_action = self.make_action(
            self.tr("Search"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.filters_action = self.make_action(self.tr("Filters"), checkable=True)
        self.filters_action.toggled.connect(self.filter_button.setChecked)
        self.filter_button.toggled.connect(self.filters_action.setChecked)
        self.filter_button.setChecked(self.settings.get(S.SHOW_FILTERS))

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(ARTICLE, self.next_action),
            FeatureAction(ARTICLE, self.prev_action),
            FeatureAction(ARTICLE, self.find_action),
            FeatureAction(VIEW, self.filters_action),
        ]

    def status_widgets(self) -> list[tuple[QWidget, bool]]:
        return [(self.count_label, False)]

    def apply_look(self, look: Look) -> None:
        self.delegate.arabic_digits = look.arabic_digits
        self.list_view.viewport().update()

    # -- the filters, built the first time they are shown --------------------------------
    # Most starts never show them, and building them costs ~12 ms before the first paint.

    def _filter_widgets(self) -> _FilterWidgets:
        if self._filters is not None:
            return self._filters
        source_combo = QComboBox(self.panel)
        dateline_combo = QComboBox(self.panel)
        for combo in (source_combo, dateline_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        unread_only = QCheckBox(self.tr("Unread only"), self.panel)
        unread_only.toggled.connect(lambda _c: self.reload_list())
        box = QWidget(self.panel)
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
        layout = self.panel.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, box)  # below the search field and its options
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
        edit = QDateEdit(self.panel)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _d: self.reload_list())
        return edit

    def _show_filters(self, shown: bool) -> None:
        if shown or self._filters is not None:
            self.filter_box.setVisible(shown)
        self.settings.set(S.SHOW_FILTERS, shown)

    def _fill_filter_choices(self) -> None:
        """Ask for the sources and places in the background (a scan of every row)."""
        if self._choices_job is not None:
            self._choices_job.cancel()
        self._choices_job = self.session.run(
            lambda library: (library.sources(), library.datelines()),
            lambda choices: self._set_filter_choices(*choices),
        )

    def _set_filter_choices(self, sources: list, datelines: list) -> None:
        self._filter_choices = (sources, datelines)
        if self._filters is not None:
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

    # -- the list -----------------------------------------------------------------------

    def query(self) -> str | None:
        return self.search_field.text().strip() or None

    def current_filter(self) -> ListFilter:
        """The search box and the filters shown, narrowing what the sidebar chose."""
        query = self.query()
        base = replace(
            self._base,
            query=query,
            exact_hamza=bool(query) and self.exact_hamza.isChecked(),
            exact_diacritics=bool(query) and self.exact_diacritics.isChecked(),
        )
        if self._filters is None:  # never shown: nothing chosen
            return base
        return replace(
            base,
            source=self.source_combo.currentData() or base.source,
            dateline=self.dateline_combo.currentData() or base.dateline,
            date_from=_date_or_none(self.date_from.date()) or base.date_from,
            date_to=_date_or_none(self.date_to.date()) or base.date_to,
            unread_only=self.unread_only.isChecked() or base.unread_only,
        )

    def show_filter(self, filters: ListFilter, _label: str = "") -> None:
        """List what the sidebar chose: its query goes in the search box."""
        self._base = replace(filters, query=None)
        self.search_field.blockSignals(True)
        self.search_field.setText(filters.query or "")
        self.search_field.blockSignals(False)
        self.reload_list()

    def selected_ids(self) -> list[int]:
        """The selected articles in list order; the open one when no row is selected."""
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedRows())
        ids = [i for i in map(self.model.id_at, rows) if i is not None]
        if not ids and self.current_id is not None:
            ids = [self.current_id]
        return ids

    def _context_menu(self, pos) -> None:
        if not self.context_actions:
            return
        menu = QMenu(self.list_view)
        for action in self.context_actions:
            menu.addAction(action)
        menu.exec(self.list_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def search_order(self) -> SearchOrder:
        return SearchOrder(self.order_combo.currentData())

    def _on_order_changed(self, _index: int) -> None:
        self.settings.set(S.SEARCH_ORDER, self.search_order().value)
        if self.query():
            self.reload_list()

    def _on_exact_toggled(self, setting: S.Setting, on: bool) -> None:
        self.settings.set(setting, on)
        if self.query():
            self.reload_list()

    def load_first_page(self) -> None:
        """Show the newest page at once; the full list follows from a background query.

        The first paint needs only a screenful of headlines; reading every id of a large
        library is left to a worker, and its answer extends the list without a reset.
        """
        try:
            first = self.session.library.page(limit=FIRST_PAGE, filters=self.current_filter())
        except LibraryDamaged as error:  # the session says so, and turns writing off
            self.session.mark_damaged(str(error))
            first = []
        self.model.prime(first)
        self._after_list_change()
        wanted = self.settings.get(S.LAST_ARTICLE)
        row = self.model.row_of(wanted) if wanted else None
        if (
            wanted
            and row is None
            and not self.session.damage
            and (self.session.library.get(wanted) is not None)
        ):
            self._pending_restore = wanted  # further down: selected when the list arrives
        self.select_row(row if row is not None else 0)
        if len(first) == FIRST_PAGE:
            self._after_first_paint.append(self.reload_list)

    def _run_after_first_paint(self) -> None:
        actions, self._after_first_paint = self._after_first_paint, []
        for action in actions:
            action()

    def reload_list(self, keep_view: bool = False) -> None:
        """Query the list again in the background (cancelling a query still running).

        `keep_view`: the same list with rows added (an import here or elsewhere), so keep
        the selection and the headlines in view where they are; otherwise a new list.
        """
        self.search_timer.stop()
        if self._list_job is not None:
            self._list_job.cancel()
        self._keep_view = keep_view
        filters = self.current_filter()
        self._list_job = self.session.run(
            list_ids(filters, self.search_order()),
            lambda ids: self._on_list(ids, filters.query),
            self._on_list_failed,
        )

    def _on_list(self, ids: array, query: str | None = None) -> None:
        self._list_job = None
        searching = self.model.shows_contexts
        self.model.set_query(query)
        if self.model.shows_contexts != searching:  # rows gain or lose their context line
            self.list_view.verticalHeader().setDefaultSectionSize(
                self.delegate.row_height(self.list_view.font(), self.model.shows_contexts)
            )
        if self._keep_view:
            self._set_ids_keeping_view(ids)
        else:
            self.model.set_ids(ids)
        self._after_list_change()
        if self._pending_restore is not None:
            row = self.model.row_of(self._pending_restore)
            self._pending_restore = None
            if row is not None:
                self.select_row(row)
        # Keep the open article selected if it is still listed.
        if self.current_id is not None:
            row = self.model.row_of(self.current_id)
            if row is not None:
                self._select_silently(row)
        query = self.query()
        if query != self._query:
            self._query = query
            self.query_changed.emit(query)
        self.list_updated.emit()

    def _on_list_failed(self, message: str) -> None:
        self._list_job = None
        self.show_status(
            self.tr("The list could not be loaded: {reason}").format(reason=message), 8000
        )

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

    def _after_list_change(self) -> None:
        self.order_combo.setEnabled(bool(self.query()))
        count = self.model.rowCount()
        if self.query():
            text = self.tr("%n result(s)", "", count)
        else:
            text = self.tr("%n article(s)", "", count)
        self.count_label.setText(text)

    # -- moving through it --------------------------------------------------------------

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

    def open_article(self, article_id: int) -> None:
        """Open from a link or a bookmark: select it in the list when it is listed."""
        row = self.model.row_of(article_id)
        if row is not None:
            self.select_row(row)
        else:
            self.list_view.selectionModel().clearSelection()
            self._choose(article_id)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choose(current.data(ID_ROLE))

    def _choose(self, article_id: int) -> None:
        self.current_id = article_id
        self.article_chosen.emit(article_id)

    # -- what the session tells ---------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if self._reopened:  # a new file: its first page now, the rest from a worker
            self._reopened = False
            self.load_first_page()
            self._run_after_first_paint()  # the whole list, when the first page was full
            self._fill_filter_choices()
            return
        if changes.everything_changed:
            self.model.refresh_rows()  # read marks may have changed too
        elif changes.touches(ChangeKind.READ):
            self.model.refresh(changes.ids(ChangeKind.READ))  # repaint those rows only
        if changes.touches(ChangeKind.ARTICLES):
            self.live_refresh.stop()
            self.reload_list(keep_view=True)
            self._fill_filter_choices()
        elif (self._base.tag and changes.touches(ChangeKind.TAGS)) or (
            self._base.starred and changes.touches(ChangeKind.STARS)
        ):
            self.reload_list(keep_view=True)  # the sidebar's tag or stars changed under it

    def _on_import_progress(self, _done: int, _total: int, outcome: ImportOutcome) -> None:
        if outcome.status == "imported" and not self.live_refresh.isActive():
            self.live_refresh.start()

    def _on_reopened(self) -> None:
        self.model.set_library(self.session.library)
        self.current_id = None
        self._base = ArticleFilter()
        self._reopened = True  # shown from the top when `changed` follows

    def _stop_timers(self) -> None:
        for timer in (self.live_refresh, self.search_timer):
            timer.stop()

    def shutdown(self) -> None:
        self._stop_timers()

    def eventFilter(self, watched, event) -> bool:
        """The first paint starts the background reads; Down leaves the search field."""
        if (
            event.type() == QEvent.Type.Paint
            and self._after_first_paint
            and watched is self.list_view.viewport()
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
