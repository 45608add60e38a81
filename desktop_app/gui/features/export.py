"""Export of any set of articles, and printing an article (or writing it as PDF).

File → Export…: which set (the selected articles, the list as shown, a tag, a saved
search) and which format of services/export_formats.py; the file is named after the
headline or the set. The export streams one article at a time on a pool thread.

Print… and Export as PDF…: the open article as the pane draws it, with its highlights,
right to left (the pane's own HTML in a document of the page's width).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
)

from desktop_app.gui.article_view import article_html, stylesheet
from desktop_app.gui.feature import FILE, Feature, FeatureAction
from desktop_app.model import Article, ArticleFilter
from desktop_app.services import export_formats as X
from desktop_app.storage.errors import StorageError
from desktop_app.storage.library import Library

FORMAT_NAMES = {
    "jsonl": "JSON Lines (.jsonl)",
    "csv": "CSV (.csv)",
    "md": "Markdown (.md)",
    "html": "HTML (.html)",
    "csljson": "CSL-JSON (.json)",
    "bibtex": "BibTeX (.bib)",
    "ris": "RIS (.ris)",
}


@dataclass(frozen=True)
class SetChoice:
    """One set of articles to export: `kind` is selection, list, tag or saved."""

    kind: str
    value: object = None

    def resolve(self, library: Library) -> X.ExportSet:
        if self.kind == "selection":
            return X.ids_set(library, [int(i) for i in self.value])  # type: ignore[attr-defined]
        if self.kind == "tag":
            return X.tag_set(library, str(self.value))
        if self.kind == "saved":
            return X.saved_set(library, str(self.value))
        filters = self.value if isinstance(self.value, ArticleFilter) else ArticleFilter()
        return X.ExportSet(filters.query or filters.tag or "akhbar", tuple(library.ids(filters)))


class ExportFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        # The window connects these to the headline list.
        self.selection: Callable[[], list[int]] = list
        self.current_filter: Callable[[], ArticleFilter] = ArticleFilter
        self.current_id: int | None = None
        self.last_result: X.ExportResult | None = None
        self.export_action = self.make_action(
            self.tr("Export…"), self.ask_export, QKeySequence("Ctrl+E")
        )
        self.print_action = self.make_action(
            self.tr("Print article…"), self.print_article, QKeySequence.StandardKey.Print
        )
        self.pdf_action = self.make_action(self.tr("Export article as PDF…"), self.ask_pdf)

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(FILE, self.export_action),
            FeatureAction(FILE, self.print_action),
            FeatureAction(FILE, self.pdf_action),
        ]

    def set_article(self, article_id: int) -> None:
        self.current_id = article_id

    # -- exporting sets -------------------------------------------------------------------

    def ask_export(self) -> None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Export articles"))
        sets = QComboBox(dialog)
        ids = self.selection()
        sets.addItem(self.tr("Selected articles (%n)", "", len(ids)), SetChoice("selection", ids))
        sets.addItem(self.tr("The list as shown"), SetChoice("list", self.current_filter()))
        library = self.session.library
        for tag in library.tags():
            sets.addItem(self.tr("Tag: {name}").format(name=tag.name), SetChoice("tag", tag.name))
        for saved in library.saved_searches():
            sets.addItem(
                self.tr("Saved search: {name}").format(name=saved.name),
                SetChoice("saved", saved.name),
            )
        formats = QComboBox(dialog)
        for fmt, name in FORMAT_NAMES.items():
            formats.addItem(name, fmt)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Articles"), sets)
        form.addRow(self.tr("Format"), formats)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice, fmt = sets.currentData(), formats.currentData()
        try:
            chosen = choice.resolve(library)
        except StorageError as error:
            self.show_status(str(error), 6000)
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export articles"),
            str(Path.home() / X.export_file_name(chosen.name, fmt)),
            FORMAT_NAMES[fmt],
        )
        if path:
            self.export(chosen, fmt, Path(path))

    def export(self, chosen: X.ExportSet, fmt: str, path: Path):
        """Write the set on a pool thread; the status bar says how it went."""
        self.show_status(self.tr("Exporting %n article(s)…", "", len(chosen.ids)))
        return self.session.run(
            lambda library: X.export(library, chosen, fmt, path), self._exported, self._failed
        )

    def _exported(self, result: X.ExportResult) -> None:
        self.last_result = result
        self.show_status(
            self.tr("Exported %n article(s) to {path}", "", result.articles).format(
                path=result.path
            ),
            8000,
        )

    def _failed(self, message: str) -> None:
        self.show_status(self.tr("The export failed: {reason}").format(reason=message), 8000)

    # -- printing -------------------------------------------------------------------------

    def document(self, article: Article) -> QTextDocument:
        """The article as the pane draws it, highlights included, stars and links left out."""
        document = QTextDocument(self)
        document.setDefaultStyleSheet(stylesheet(_print_style()))
        notes = self.session.library.notes(article.id)
        document.setHtml(article_html(article, can_bookmark=False, notes=notes))
        return document

    def _article(self) -> Article | None:
        if self.current_id is None:
            return None
        return self.session.library.get(self.current_id)

    def print_article(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        article = self._article()
        if article is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document(article).print_(printer)

    def ask_pdf(self) -> None:
        article = self._article()
        if article is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export article as PDF"),
            str(Path.home() / X.export_file_name(article.title, "md")).removesuffix(".md") + ".pdf",
            "PDF (*.pdf)",
        )
        if path:
            self.write_pdf(article, Path(path))

    def write_pdf(self, article: Article, path: Path) -> Path:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                printer.pageLayout().margins(),
            )
        )
        printer.setDocName(article.title)
        self.document(article).print_(printer)
        self.show_status(self.tr("Saved {path}").format(path=path), 6000)
        return path


def _print_style():
    """The pane's style on white paper, whatever the window's theme."""
    from desktop_app.gui.article_view import PaneStyle

    return PaneStyle(base_pt=12.0)
