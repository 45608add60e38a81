"""Starting the window: QApplication, bundled fonts, translator, layout direction, theme,
the library opened safely (storage.safety), the sample articles on a first start, files
passed on the command line, and the smoke test packaging relies on.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop_app.paths import resources_dir, samples_dir

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")


def _qt():  # imported late: QT_QPA_PLATFORM must be set first for the smoke test
    from PySide6 import QtCore, QtGui, QtWidgets

    return QtCore, QtGui, QtWidgets


def load_fonts() -> list[str]:
    """Register the bundled typefaces; returns the families now available."""
    from PySide6.QtGui import QFontDatabase

    families: set[str] = set()
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def choose_language(requested: str | None, saved: str = "") -> str:
    """--lang wins, then the saved choice; otherwise Arabic unless the system is English."""
    from PySide6.QtCore import QLocale

    for choice in (requested, saved):
        if choice in LANGUAGES:
            return choice
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return "en"
    return "ar"


def install_translator(app, lang: str):
    """Load akhbar_<lang>.qm (and Qt's own strings) and set the layout direction."""
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator

    installed = []
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / f"akhbar_{lang}.qm")):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s", lang)
        qt_base = QTranslator(app)
        if qt_base.load(
            QLocale(lang),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    rtl = lang == "ar"
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    QLocale.setDefault(QLocale(QLocale.Language.Arabic if rtl else QLocale.Language.English))
    return installed


def apply_ui_font(app, settings) -> None:
    from PySide6.QtGui import QFont

    from desktop_app.gui import settings as S

    family = settings.get(S.UI_FONT_FAMILY)
    size = settings.get(S.UI_FONT_SIZE)
    if not family and not size:
        return
    font = QFont(app.font())
    if family:
        font.setFamily(family)
    if size:
        font.setPointSize(size)
    app.setFont(font)


def load_samples_if_first_start(library_path: Path, settings, library=None) -> int:
    """On a first start with an empty library, import the bundled sample articles.

    `library`: the library already open on `library_path` (opened here when None).
    """
    from desktop_app.gui import settings as S
    from desktop_app.storage.library import Library

    if settings.get(S.SAMPLES_LOADED):
        return 0
    if library is not None:
        empty = library.is_empty()
    else:
        with Library(library_path) as opened:
            empty = opened.is_empty()
    imported = 0
    if empty and samples_dir().is_dir():
        from desktop_app.services.importer import import_paths  # the parsers, only now

        report = import_paths(library_path, [samples_dir()])
        imported = len(report.imported)
    settings.set(S.SAMPLES_LOADED, True)
    return imported


def create_window(app, library_path: Path, lang: str | None = None):
    """Everything run_window does short of the event loop (tests and tools use it).

    Raises LibraryError when the library cannot be opened at all (damaged and read-only,
    or written by a newer Akhbar); a damaged one is set aside and the window says so.
    """
    from desktop_app.gui import settings as S
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.storage.safety import open_library

    settings = S.Settings()
    load_fonts()
    language = choose_language(lang, settings.get(S.LANGUAGE))
    install_translator(app, language)
    apply_ui_font(app, settings)
    opened = open_library(library_path)  # before anything else touches the file
    try:
        if opened.set_aside is not None:  # a damaged library replaced: no first start
            settings.set(S.SAMPLES_LOADED, True)
        elif not opened.read_only:
            load_samples_if_first_start(library_path, settings, opened.library)
        from desktop_app.gui import theme

        theme.apply(app, settings.get(S.THEME))  # before the widgets exist: no re-polish
        window = MainWindow(library_path, settings, opened=opened)
    except BaseException:
        opened.library.close()
        raise
    icon = resources_dir() / "icons" / "akhbar.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return window


def run_window(
    library_path: Path,
    lang: str | None = None,
    smoke_test: bool = False,
    import_paths: Sequence[str | Path] = (),
) -> int:
    """`akhbar [FILE_OR_FOLDER…]` with no command: the window on the user's library,
    importing `import_paths` through the window's import worker; returns the exit code."""
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QtCore, _QtGui, QtWidgets = _qt()
    from desktop_app.gui import settings as S

    S.organization_setup()
    smoke_settings = None
    if smoke_test:  # never touch the user's settings from a smoke test
        smoke_settings = tempfile.TemporaryDirectory(prefix="akhbar-smoke-")
        QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
        QtCore.QSettings.setPath(
            QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, smoke_settings.name
        )
    if not QtWidgets.QApplication.instance() and not has_display():
        # Qt would abort the process with a core dump; say it in one line instead.
        print(
            "akhbar: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
            "are unset); the commands work without one: akhbar --help",
            file=sys.stderr,
        )
        if smoke_settings is not None:
            smoke_settings.cleanup()
        return 1
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Akhbar")
    app.setDesktopFileName("akhbar")
    from desktop_app.storage.library import LibraryError

    try:
        window = create_window(app, Path(library_path), lang)
    except LibraryError as error:  # cannot be used at all: say so where the user looks
        print(f"akhbar: error: {error}", file=sys.stderr)
        if not smoke_test:
            QtWidgets.QMessageBox.critical(None, "Akhbar", str(error))
        if smoke_settings is not None:
            smoke_settings.cleanup()
        return 1
    window.show()
    if smoke_test:
        code = smoke_check(app, window)
        window.close()
        if smoke_settings is not None:
            smoke_settings.cleanup()
        return code
    if import_paths:  # once the window is up, so the progress shows in it
        paths = [Path(p) for p in import_paths]
        QtCore.QTimer.singleShot(0, window, lambda: window.importing.start_import(paths))
    return run_event_loop(app, window)


def has_display() -> bool:
    """Whether Qt can open a window: any platform but X11/Wayland without their server."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_event_loop(app, window) -> int:
    """app.exec(); a seam for tests, which drive the window and close it themselves."""
    return app.exec()


def smoke_check(app, window) -> int:
    """Open the first article, check the pane rendered it, report; 0 when all is well."""
    _QtCore, _QtGui, _QtWidgets = _qt()
    from desktop_app.storage.health import quick_check

    problems = quick_check(window.session.library)  # damage inside, which opening misses
    if problems:
        print(f"akhbar: smoke test: the library is damaged ({problems[0]})", file=sys.stderr)
        return 1
    app.processEvents()
    headlines, reader = window.headlines, window.reader
    if headlines.model.rowCount() == 0:
        print("akhbar: smoke test: the library has no articles to show", file=sys.stderr)
        return 1
    headlines.select_row(0)
    app.processEvents()
    article = reader.current
    if article is None:
        print("akhbar: smoke test: no article opened", file=sys.stderr)
        return 1
    text = reader.view.toPlainText()
    image = window.grab()
    rendered = article.title in text.replace("\u2068", "").replace("\u2069", "")
    if not rendered or image.isNull():
        print("akhbar: smoke test: the article pane did not render", file=sys.stderr)
        return 1
    count = headlines.model.rowCount()
    print(f"akhbar: smoke test passed: {count} article(s), opened {article.id}")
    return 0
