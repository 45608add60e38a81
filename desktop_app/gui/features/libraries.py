"""Several libraries: File → New library…, Open library…, Recent libraries.

A researcher keeps one library per project. Switching closes the open library and opens
the chosen one in the same window (`Session.switch_library`): every feature hears
`reopened` and `changed(everything)` and reloads. The recent paths are one setting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop_app.gui import settings as S
from desktop_app.gui.feature import FILE, Feature, FeatureAction
from desktop_app.storage.errors import StorageError

MAX_RECENT = 8
FILTER = "Akhbar library (*.db *.sqlite *.akhbar);;*"


class LibrariesFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.new_action = self.make_action(self.tr("New library…"), self.ask_new)
        self.open_action = self.make_action(self.tr("Open library…"), self.ask_open)
        self.recent_menu = QMenu(self.tr("Recent libraries"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.remember(session.path)

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(FILE, self.new_action),
            FeatureAction(FILE, self.open_action),
            FeatureAction(FILE, self.recent_menu.menuAction()),
        ]

    def recent(self) -> list[Path]:
        return [Path(line) for line in self.settings.get(S.RECENT_LIBRARIES).splitlines() if line]

    def remember(self, path: Path) -> None:
        path = Path(path).absolute()
        paths = [path] + [p for p in self.recent() if p != path]
        self.settings.set(S.RECENT_LIBRARIES, "\n".join(map(str, paths[:MAX_RECENT])))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = Path(self.session.path).absolute()
        for path in self.recent():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.switch(p))
            action.setEnabled(path != current and path.exists())

    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New library"), str(Path.home() / "library.db"), FILTER
        )
        if path:
            if Path(path).exists():
                QMessageBox.warning(
                    self.window,
                    self.tr("New library"),
                    self.tr("{path} already exists; open it with Open library….").format(path=path),
                )
                return
            self.switch(Path(path))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open library"), str(Path(self.session.path).parent), FILTER
        )
        if path:
            self.switch(Path(path))

    def switch(self, path: Path) -> bool:
        """Open the library at `path` in this window (created when new)."""
        if self.session.importing():
            self.show_status(self.tr("Wait for the import to finish first."), 6000)
            return False
        try:
            self.session.switch_library(path)
        except (StorageError, OSError) as error:
            QMessageBox.warning(
                self.window,
                self.tr("Open library"),
                self.tr("{path} cannot be opened: {reason}").format(path=path, reason=error),
            )
            return False
        self.remember(path)
        self.show_status(self.tr("Library: {path}").format(path=path), 6000)
        return True
