"""Light and dark themes: the widget palette and the article pane's colours.

"system" follows the platform's colour scheme and changes with it. The Fusion style is
used everywhere so a theme looks the same on every platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.gui.article_view import PaneStyle

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Look:
    """How the reading comforts want articles and headlines drawn (gui/features/comforts.py
    makes it; the reader and the headline list follow it)."""

    arabic_digits: bool
    reader_family: str
    reader_point_size: float
    pane: PaneStyle


LIGHT_PANE = PaneStyle(
    text="#1d1d1f", muted="#6b6b70", accent="#0b6e4f", highlight="#ffe08a",
    highlight_text="#1d1d1f", rule="#c9c9cf", star="#c98a00",
)  # fmt: skip
DARK_PANE = PaneStyle(
    text="#e6e6e9", muted="#a0a0a8", accent="#5fd0a5", highlight="#7a5d00",
    highlight_text="#fff6d8", rule="#55555c", star="#f0c04a",
)  # fmt: skip

_LIGHT = {
    QPalette.ColorRole.Window: "#f3f2ef",
    QPalette.ColorRole.WindowText: "#1d1d1f",
    QPalette.ColorRole.Base: "#fdfcf9",
    QPalette.ColorRole.AlternateBase: "#f0efeb",
    QPalette.ColorRole.Text: "#1d1d1f",
    QPalette.ColorRole.Button: "#ebeae6",
    QPalette.ColorRole.ButtonText: "#1d1d1f",
    QPalette.ColorRole.Highlight: "#0b6e4f",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#fffbe6",
    QPalette.ColorRole.ToolTipText: "#1d1d1f",
    QPalette.ColorRole.Link: "#0b6e4f",
    QPalette.ColorRole.PlaceholderText: "#8a8a90",
    QPalette.ColorRole.Mid: "#c9c9cf",
}
_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e6e6e9",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#232427",
    QPalette.ColorRole.Text: "#e6e6e9",
    QPalette.ColorRole.Button: "#2c2d31",
    QPalette.ColorRole.ButtonText: "#e6e6e9",
    QPalette.ColorRole.Highlight: "#2f8f6c",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2c2d31",
    QPalette.ColorRole.ToolTipText: "#e6e6e9",
    QPalette.ColorRole.Link: "#5fd0a5",
    QPalette.ColorRole.PlaceholderText: "#8a8a92",
    QPalette.ColorRole.Mid: "#55555c",
}


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """'light' or 'dark' for a setting value ('system' asks the platform)."""
    if theme in ("light", "dark"):
        return theme
    return "dark" if system_is_dark() else "light"


def palette_for(name: str) -> QPalette:
    palette = QPalette()
    for role, color in (_DARK if name == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6f6f75" if name == "dark" else "#9a9aa0")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def pane_style_for(name: str) -> PaneStyle:
    return DARK_PANE if name == "dark" else LIGHT_PANE


def apply(app: QApplication, theme: str) -> str:
    """Set the style and palette; returns the theme actually used."""
    name = resolve(theme)
    # Each of these re-polishes every widget: skip them when nothing changes.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if app.property("akhbar_theme") != name:
        app.setPalette(palette_for(name))
        app.setProperty("akhbar_theme", name)
    return name
