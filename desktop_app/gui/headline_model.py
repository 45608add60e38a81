"""The headline list: a model over article ids that fetches rows only when shown.

The model holds the ids of the current list (all articles, a filter or a search) in a
compact array, in the list's order, and asks the library for titles in blocks around the
rows the view paints, keeping a bounded cache keyed by id. Holding 300,000 ids costs
about 2.4 MB; no other part of the table is ever read whole. The delegate paints the
title, bold while unread, above "source · date", each row in its own direction. Titles
and sources are shown cleaned of bidi controls (text/bidi.py), the source isolated
beside the date, so no headline can reorder its row.

While the list shows search results (`set_query`), each row also has a line of context
around its first match and the number of words matched ("source · date · 3 matches"):
read for the rows painted only, in blocks of CONTEXT_BLOCK (a snippet reads the
article's text, so far fewer at a time than titles).
"""

from __future__ import annotations

import html
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.model import ArticleSummary, HitContext
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.library import Library
from desktop_app.text.bidi import arabic_indic_digits, clean, field, paragraph_direction

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
READ_ROLE = Qt.ItemDataRole.UserRole + 3

BLOCK = 128  # rows fetched per query
CACHE_ROWS = 4096  # summaries kept in memory
_UNBOUNDED = 100_000  # the width of a line of context laid out whole, then clipped
CONTEXT_BLOCK = 32  # search results whose line of context is read at once (~10-20 ms)
_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)


def snippet_runs(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet's HTML (search/snippets.py) as plain text and the (start, length) of
    each matched word in it; bidi controls are dropped, so the text cannot reorder."""
    text: list[str] = []
    runs: list[tuple[int, int]] = []
    at = 0
    for i, piece in enumerate(_BOLD.split(snippet)):
        plain = clean(html.unescape(piece))
        if i % 2 and plain:
            runs.append((at, len(plain)))
        text.append(plain)
        at += len(plain)
    return "".join(text), runs


def merge_positions(old: Sequence[int], new: Sequence[int]) -> list[tuple[int, int]] | None:
    """Where `new` inserts rows into `old`, as (row in new, count) runs in order.

    None when `new` is not `old` with rows added (rows removed or reordered), which
    calls for a reset instead of inserts.
    """
    if len(new) < len(old):
        return None
    runs: list[tuple[int, int]] = []
    i = 0
    run_start = -1
    for j, value in enumerate(new):
        if i < len(old) and old[i] == value:
            if run_start >= 0:
                runs.append((run_start, j - run_start))
                run_start = -1
            i += 1
        elif run_start < 0:
            run_start = j
    if i != len(old):
        return None
    if run_start >= 0:
        runs.append((run_start, len(new) - run_start))
    return runs


class HeadlineModel(QAbstractListModel):
    def __init__(self, library: Library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self._ids: array = array("q")
        self._cache: OrderedDict[int, ArticleSummary] = OrderedDict()
        self.arabic_digits = False
        # While the list shows search results: the query, and the rows' context lines.
        self._query: ParsedQuery | None = None
        self._contexts: OrderedDict[int, HitContext | None] = OrderedDict()

    # -- the list -----------------------------------------------------------------------

    def prime(self, summaries: Sequence[ArticleSummary]) -> None:
        """Show these rows (already read, e.g. the first page) as the whole list for now."""
        for summary in summaries:
            self._cache[summary.id] = summary
        self.set_ids(array("q", (s.id for s in summaries)))

    def set_ids(self, ids: Iterable[int]) -> None:
        """Show these ids; rows that were already shown keep their place in the view."""
        new = ids if isinstance(ids, array) else array("q", ids)
        if new == self._ids:
            return
        old_count = len(self._ids)
        if old_count and len(new) > old_count and new[:old_count] == self._ids:
            # The common case at start: the first page, then the whole list after it.
            self.beginInsertRows(QModelIndex(), old_count, len(new) - 1)
            self._ids = new
            self.endInsertRows()
            return
        runs = merge_positions(self._ids, new) if old_count else None
        if runs is None or len(runs) > 200:
            self.beginResetModel()
            self._ids = new
            self.endResetModel()
            return
        for row, count in runs:  # in order, so each row is right once earlier runs are in
            self.beginInsertRows(QModelIndex(), row, row + count - 1)
            self._ids[row:row] = new[row : row + count]
            self.endInsertRows()

    def set_library(self, library: Library) -> None:
        """Show another library (a restored one): an empty list until ids are set."""
        self.beginResetModel()
        self.library = library
        self._ids = array("q")
        self._cache.clear()
        self._contexts.clear()
        self.endResetModel()

    def set_query(self, query: str | None) -> None:
        """The search whose results the list shows (None: not a search). Rows get a line
        of context only for a query with words to show (not -word or filters alone)."""
        parsed = parse_query(query) if query else None
        parsed = parsed if parsed is not None and parsed.groups else None
        if parsed != self._query:
            self._query = parsed
            self._contexts.clear()

    @property
    def shows_contexts(self) -> bool:
        return self._query is not None

    def context_at(self, row: int) -> HitContext | None:
        """The row's line of context and number of matches; None when not searching."""
        article_id = self.id_at(row)
        if self._query is None or article_id is None:
            return None
        if article_id not in self._contexts:
            self._fetch_contexts_around(row)
        else:
            self._contexts.move_to_end(article_id)
        return self._contexts.get(article_id)

    def ids(self) -> array:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def summary_at(self, row: int) -> ArticleSummary | None:
        article_id = self.id_at(row)
        if article_id is None:
            return None
        summary = self._cache.get(article_id)
        if summary is None:
            self._fetch_around(row)
            summary = self._cache.get(article_id)
        else:
            self._cache.move_to_end(article_id)
        return summary

    def refresh(self, ids: Iterable[int] | None) -> None:
        """Read these articles' rows again (a read mark changed) and repaint only them;
        None: every row."""
        if ids is None:
            self.refresh_rows()
            return
        listed = [i for i in ids if i in self._cache or self.row_of(i) is not None]
        for summary in self.library.summaries(listed) if listed else ():
            self._cache[summary.id] = summary
        for article_id in listed:
            row = self.row_of(article_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index, [READ_ROLE, Qt.ItemDataRole.FontRole])

    def refresh_rows(self) -> None:
        """Forget cached rows (their read state may have changed elsewhere)."""
        self._cache.clear()
        self._contexts.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def _fetch_around(self, row: int) -> None:
        start = row - row % BLOCK
        block = self._ids[start : start + BLOCK]
        for summary in self.library.summaries(list(block)):
            self._cache[summary.id] = summary
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _fetch_contexts_around(self, row: int) -> None:
        assert self._query is not None
        start = row - row % CONTEXT_BLOCK
        block = [i for i in self._ids[start : start + CONTEXT_BLOCK] if i not in self._contexts]
        found = self.library.hit_contexts(self._query, block)
        for article_id in block:
            self._contexts[article_id] = found.get(article_id)
        while len(self._contexts) > CACHE_ROWS:
            self._contexts.popitem(last=False)

    # -- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            SUMMARY_ROLE,
            READ_ROLE,
        ):
            return None
        summary = self.summary_at(index.row())
        if summary is None:
            return None
        if role == SUMMARY_ROLE:
            return summary
        if role == READ_ROLE:
            return summary.read
        if role == Qt.ItemDataRole.ToolTipRole:
            return clean(summary.title)
        return f"{field(summary.title)} — {field(summary.source)}"

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def short_date(value: date | None, arabic_digits: bool) -> str:
    if value is None:
        return ""
    text = f"{value.day}/{value.month}/{value.year}"
    return arabic_indic_digits(text) if arabic_digits else text


class HeadlineDelegate(QStyledItemDelegate):
    """Two lines of title (bold while unread) and a muted "source · date" line; for a
    search result, the number of matches after the date and a line of context below."""

    TITLE_LINES = 2
    PADDING = 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.arabic_digits = False

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        meta = QFont(base)
        meta.setPointSizeF(max(base.pointSizeF() * 0.85, 7.0))
        return base, bold, meta

    def row_height(self, font: QFont, with_context: bool = False) -> int:
        """The height of every row: with a line of context while listing search results."""
        option = QStyleOptionViewItem()
        option.font = font
        base, bold, meta = self._fonts(option)
        return (
            QFontMetrics(bold).lineSpacing() * self.TITLE_LINES
            + QFontMetrics(meta).lineSpacing()
            + (QFontMetrics(base).lineSpacing() + 2 if with_context else 0)
            + 2 * self.PADDING
            + 2
        )

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        model = index.model()
        searching = isinstance(model, HeadlineModel) and model.shows_contexts
        return QSize(200, self.row_height(option.font, searching))

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        # Straight from the model, not through index.data(): no QVariant round trip per
        # paint (PySide6 on Python 3.11 miscounts references to None on that path).
        model = index.model()
        summary = model.summary_at(index.row()) if isinstance(model, HeadlineModel) else None
        context = model.context_at(index.row()) if isinstance(model, HeadlineModel) else None
        opt = QStyleOptionViewItem(option)
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget
            )
        if summary is None:
            painter.restore()
            return
        base, bold, meta = self._fonts(option)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlphaF(0.62)
        title, meta_text = self.texts(summary, context)
        direction = paragraph_direction(title)
        rtl = direction == "rtl"
        rect = opt.rect.adjusted(self.PADDING + 10, self.PADDING, -self.PADDING - 10, -self.PADDING)

        # An unread article: a dot in the margin on the reading side, and a bold title.
        if not summary.read:
            accent = palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            )
            painter.setRenderHint(painter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            radius = 3.5
            cx = opt.rect.right() - 9 if rtl else opt.rect.left() + 9
            cy = rect.top() + QFontMetrics(bold).lineSpacing() / 2
            painter.drawEllipse(
                int(cx - radius), int(cy - radius), int(2 * radius), int(2 * radius)
            )

        title_font = base if summary.read else bold
        painter.setFont(title_font)
        painter.setPen(muted if summary.read and not selected else text_color)
        title_height = self._draw_title(painter, rect, title, title_font, rtl)

        painter.setFont(meta)
        painter.setPen(muted)
        meta_rect = QRect(
            rect.left(), rect.top() + title_height + 2, rect.width(), QFontMetrics(meta).height()
        )
        align = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        )
        elided = QFontMetrics(meta).elidedText(meta_text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(meta_rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)
        if context is not None:
            painter.setPen(muted if not selected else text_color)
            line_rect = QRect(
                rect.left(), meta_rect.bottom() + 3, rect.width(), QFontMetrics(base).height()
            )
            self._draw_context(painter, line_rect, context.snippet, base)
        painter.restore()

    def texts(self, summary: ArticleSummary, context: HitContext | None = None) -> tuple[str, str]:
        """The title line and the "source · date" line (· "N matches" for a search
        result), exactly as painted."""
        date_text = short_date(summary.published, self.arabic_digits)
        source = field(summary.source) if clean(summary.source) else ""
        parts = [source, date_text]
        if context is not None and context.matches:
            count = self.tr("%n match(es)", "", context.matches)
            parts.append(arabic_indic_digits(count) if self.arabic_digits else count)
        return clean(summary.title), " · ".join(x for x in parts if x)

    def _draw_context(self, painter, rect: QRect, snippet: str, font: QFont) -> None:
        """One line of the snippet, the matched words bold, cut at the far edge: it
        starts a few words before the match, so the match is in view."""
        text, runs = snippet_runs(snippet)
        rtl = paragraph_direction(text) == "rtl"
        option = QTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        # No alignment: the line is placed by hand below, from the reading edge.
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout = QTextLayout(text, font)
        layout.setTextOption(option)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        formats = []
        for start, length in runs:
            run = QTextLayout.FormatRange()
            run.start, run.length, run.format = start, length, bold
            formats.append(run)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        if not line.isValid():
            layout.endLayout()
            return
        line.setLineWidth(_UNBOUNDED)
        line.setPosition(QRect(0, 0, 0, 0).topLeft())
        layout.endLayout()
        painter.save()
        painter.setClipRect(rect)
        # Unwrapped, a long line starts at the reading edge and runs past the other one.
        x = rect.right() + 1 - line.naturalTextWidth() if rtl else rect.left()
        layout.draw(painter, QRect(int(x), rect.top(), 0, 0).topLeft())
        painter.restore()

    def _draw_title(self, painter, rect: QRect, title: str, font: QFont, rtl: bool) -> int:
        """Lay the title out in at most TITLE_LINES lines, the last one elided."""
        metrics = QFontMetrics(font)
        option = QTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout = QTextLayout(title, font)
        layout.setTextOption(option)
        layout.beginLayout()
        lines: list[QTextLine] = []
        y = 0.0
        while len(lines) < self.TITLE_LINES:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            line.setPosition(QRect(0, int(y), 0, 0).topLeft())
            y += metrics.lineSpacing()
            lines.append(line)
        layout.endLayout()
        if not lines:
            return metrics.lineSpacing()
        last = lines[-1]
        rest = title[last.textStart() :]
        truncated = last.textStart() + last.textLength() < len(title)
        for line in lines[:-1]:
            line.draw(painter, rect.topLeft())
        if truncated:
            text = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, rect.width())
            line_rect = QRect(
                rect.left(), rect.top() + int(last.y()), rect.width(), metrics.height()
            )
            align = Qt.AlignmentFlag.AlignAbsolute | (
                Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            )
            painter.drawText(line_rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        else:
            last.draw(painter, rect.topLeft())
        return metrics.lineSpacing() * self.TITLE_LINES
