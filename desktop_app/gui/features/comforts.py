"""Reading comforts, all in the View menu and kept in the settings: zoom, Arabic-Indic
digits, the article and interface fonts, the theme (following the system's colour scheme
when asked) and the interface language.

The comforts own no widget of the library: they emit `look_changed(Look)` and the window
connects the reader and the headline list to it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QFontDialog, QMenu

from desktop_app.gui import settings as S
from desktop_app.gui import theme
from desktop_app.gui.feature import VIEW, Feature, FeatureAction
from desktop_app.gui.theme import Look

# Each language named in itself, as a reader looking for their own would.
LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


class ComfortsFeature(Feature):
    look_changed = Signal(object)  # Look

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.theme_name = theme.resolve(settings.get(S.THEME))
        self.zoom_in_action = self.make_action(self.tr("Zoom in"), lambda: self.zoom(1))
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self.make_action(
            self.tr("Zoom out"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self.make_action(
            self.tr("Actual size"), lambda: self.zoom(0), "Ctrl+0"
        )
        self.zoom_separator = self.separator()
        self.digits_action = self.make_action(self.tr("Arabic-Indic digits (٠١٢)"), checkable=True)
        self.digits_action.setChecked(settings.get(S.ARABIC_DIGITS))
        self.digits_action.toggled.connect(self.set_arabic_digits)
        self.reader_font_action = self.make_action(
            self.tr("Article font…"), self.choose_reader_font
        )
        self.ui_font_action = self.make_action(self.tr("Interface font…"), self.choose_ui_font)
        self.theme_menu, self.theme_actions = self._choice_menu(
            self.tr("Theme"),
            {
                "system": self.tr("Follow the system"),
                "light": self.tr("Light"),
                "dark": self.tr("Dark"),
            },
            S.THEME,
            self.set_theme,
        )
        self.language_menu, self.language_actions = self._choice_menu(
            self.tr("Language"),
            {"": self.tr("Follow the system"), **LANGUAGE_NAMES},
            S.LANGUAGE,
            self.set_language,
        )
        hints = QApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme)

    def _choice_menu(self, title: str, names: dict[str, str], setting: S.Setting, choose):
        menu = QMenu(title, self.window)
        group = QActionGroup(menu)
        current = self.settings.get(setting)
        actions = {}
        for key, name in names.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _c=False, k=key: choose(k))
            group.addAction(action)
            actions[key] = action
        return menu, actions

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(VIEW, action)
            for action in (
                self.zoom_in_action,
                self.zoom_out_action,
                self.zoom_reset_action,
                self.zoom_separator,
                self.digits_action,
                self.reader_font_action,
                self.ui_font_action,
                self.theme_menu.menuAction(),
                self.language_menu.menuAction(),
            )
        ]

    # -- the look of articles and headlines ---------------------------------------------

    def look(self) -> Look:
        return Look(
            arabic_digits=self.settings.get(S.ARABIC_DIGITS),
            reader_family=self.settings.get(S.READER_FONT_FAMILY),
            reader_point_size=self.reader_point_size(),
            pane=theme.pane_style_for(self.theme_name),
        )

    def announce(self) -> None:
        self.look_changed.emit(self.look())

    def reader_point_size(self) -> float:
        base = self.settings.get(S.READER_FONT_SIZE)
        return round(base * (1 + 0.1 * self.settings.get(S.READER_ZOOM)), 1)

    def zoom(self, step: int) -> None:
        low, high = S.ZOOM_RANGE
        value = 0 if step == 0 else min(max(self.settings.get(S.READER_ZOOM) + step, low), high)
        self.settings.set(S.READER_ZOOM, value)
        self.announce()

    def set_arabic_digits(self, on: bool) -> None:
        self.settings.set(S.ARABIC_DIGITS, on)
        self.announce()

    def choose_reader_font(self) -> None:
        current = QFont(self.settings.get(S.READER_FONT_FAMILY))
        current.setPointSizeF(self.reader_point_size())
        ok, font = QFontDialog.getFont(current, self.window, self.tr("Article font"))
        if ok:
            self.settings.set(S.READER_FONT_FAMILY, font.family())
            self.settings.set(S.READER_FONT_SIZE, max(int(font.pointSizeF()), 6))
            self.settings.set(S.READER_ZOOM, 0)
            self.announce()

    def choose_ui_font(self) -> None:
        ok, font = QFontDialog.getFont(QApplication.font(), self.window, self.tr("Interface font"))
        if ok:
            self.settings.set(S.UI_FONT_FAMILY, font.family())
            self.settings.set(S.UI_FONT_SIZE, max(int(font.pointSizeF()), 6))
            QApplication.setFont(font)

    # -- theme and language -------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.settings.set(S.THEME, name)
        self.apply_theme()

    def apply_theme(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme_name = theme.apply(app, self.settings.get(S.THEME))
        action = self.theme_actions.get(self.settings.get(S.THEME))
        if action:
            action.setChecked(True)
        self.announce()

    def _on_color_scheme(self, _scheme) -> None:
        if self.settings.get(S.THEME) == "system":
            self.apply_theme()

    def set_language(self, code: str) -> None:
        """Saved for the next start: every text of the window is built in one language."""
        self.settings.set(S.LANGUAGE, code)
        self.show_status(self.tr("The window will use the new language from its next start."))
