"""Importing from the window: the progress strip with Cancel, and the summary afterwards.

The strip lives in the status bar so reading goes on while files are imported; the
summary names every duplicate and every failed file with its reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.model import ImportReport
from desktop_app.text.bidi import isolated_field
from desktop_app.text.terminal import readable_path


class ImportProgress(QWidget):
    """ "Importing 120 of 3,000" with a bar and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(180)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self) -> None:
        self.bar.setRange(0, 0)  # busy until the first file reports the total
        self.label.setText(self.tr("Looking for articles…"))
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(self.tr("Importing {done} of {total}").format(done=done, total=total))

    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()


def _name(path: str) -> str:
    """A file's name beside interface text: a name holding U+202E cannot reorder the line;
    one that is not valid UTF-8 shows its odd bytes as \\xNN (Qt would drop them)."""
    return isolated_field(readable_path(Path(path).name))


def summary_text(
    report: ImportReport,
    headings: tuple[str, str, str] = ("Failed:", "Already in the library:", "Warnings:"),
) -> str:
    """The plain-text body of the summary: one line per duplicate and failed file."""
    lines: list[str] = []
    if report.failed:
        lines.append(headings[0])
        lines += [f"  {_name(o.path)}: {o.reason}" for o in report.failed]
    if report.duplicates:
        if lines:
            lines.append("")
        lines.append(headings[1])
        lines += [f"  {_name(o.path)}" for o in report.duplicates]
    warnings = report.warnings()
    if warnings:
        if lines:
            lines.append("")
        lines.append(headings[2])
        lines += [f"  {_name(p)}: {message}" for p, message in warnings]
    return "\n".join(lines)


class ImportSummary(QDialog):
    """Shown (not modal) when an import ends; lists duplicates and failures."""

    def __init__(self, report: ImportReport, parent=None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import finished"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        headline = self.tr(
            "{imported} imported, {duplicates} already in the library, {failed} failed."
        ).format(
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            failed=len(report.failed),
        )
        if report.cancelled:
            headline = self.tr("Import cancelled.") + " " + headline
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        headings = (self.tr("Failed:"), self.tr("Already in the library:"), self.tr("Warnings:"))
        self.details.setPlainText(summary_text(report, headings))
        self.details.setVisible(bool(self.details.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 360 if self.details.isVisible() else 120)
        layout.activate()  # the minimum size settled before show(): see MainWindow
