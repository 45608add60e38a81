"""Every setting the window keeps between runs, declared once with its type and default.

Read and write through `Settings`, never through QSettings keys spelled elsewhere, so a
key cannot be misspelled or read back with another type. Tests point QSettings at a
temporary folder (QSettings.setPath) before creating one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.paths import APP_NAME


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str = ""


# The interface
LANGUAGE = Setting("ui/language", str, "", "'ar', 'en' or '' to follow the system")
THEME = Setting("ui/theme", str, "system", "'system', 'light' or 'dark'")
UI_FONT_FAMILY = Setting("ui/font_family", str, "", "'' for the platform's font")
UI_FONT_SIZE = Setting("ui/font_size", int, 0, "points; 0 for the platform's size")
# The article pane
READER_FONT_FAMILY = Setting("reader/font_family", str, "Noto Naskh Arabic")
READER_FONT_SIZE = Setting("reader/font_size", int, 16, "points, before zoom")
READER_ZOOM = Setting("reader/zoom", int, 0, "zoom steps (+/- 10% each)")
ARABIC_DIGITS = Setting("reader/arabic_digits", bool, False, "show 0-9 as ٠-٩")
MARK_READ_DELAY_MS = Setting("reader/mark_read_delay_ms", int, 1500)
# Window state
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER = Setting("window/splitter", QByteArray, QByteArray())
LAST_ARTICLE = Setting("window/last_article", int, 0)
SHOW_FILTERS = Setting("window/show_filters", bool, False)
# Search
SEARCH_ORDER = Setting("search/order", str, "relevance", "'relevance', 'newest' or 'oldest'")
EXACT_HAMZA = Setting("search/exact_hamza", bool, False, "match hamza as typed")
EXACT_DIACRITICS = Setting("search/exact_diacritics", bool, False, "match diacritics as typed")
# First start
SAMPLES_LOADED = Setting("library/samples_loaded", bool, False)
# Several libraries
RECENT_LIBRARIES = Setting("library/recent", str, "", "library paths, newest first, one a line")

ALL: tuple[Setting, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Setting))
ZOOM_RANGE = (-5, 10)


class Settings:
    """Typed access to QSettings for the declared settings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.store = qsettings or QSettings()

    def get(self, setting: Setting) -> Any:
        if not self.store.contains(setting.key):
            return setting.default
        value = self.store.value(setting.key)
        try:
            if setting.type is bool:
                # INI files give back strings.
                return value if isinstance(value, bool) else str(value).lower() == "true"
            if setting.type is QByteArray:
                return value if isinstance(value, QByteArray) else setting.default
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} takes {setting.type.__name__}, not {value!r}")
        self.store.setValue(setting.key, value)

    def sync(self) -> None:
        self.store.sync()


def organization_setup() -> None:
    """Names QSettings files after the application (call before creating Settings)."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
