"""Render the reading window on the sample library into PNGs (docs/screenshots/).

    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshots.py

Each shot runs in its own process (the language and layout direction are chosen once per
QApplication) with a fresh library holding the bundled samples and throw-away settings.
Works offscreen too (QT_QPA_PLATFORM=offscreen), though Xvfb renders like a desktop.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name: (language, theme, article title start, search query, show bookmarks)
SHOTS = {
    "reader-ar-light": ("ar", "light", "الأرصاد تحذر", "", True),
    "reader-ar-dark": ("ar", "dark", "الأرصاد تحذر", "", True),
    "reader-en-light": ("en", "light", "محطة تحلية", "", False),
    "reader-en-dark": ("en", "dark", "محطة تحلية", "", False),
    "search-ar-light": ("ar", "light", "", "الطاقة الشمسية", False),
}
SIZE = (1360, 860)


def shoot(name: str, out_dir: Path) -> Path:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import settings as S
    from desktop_app.gui.app import create_window

    lang, theme, title, query, bookmarks = SHOTS[name]
    work = Path(tempfile.mkdtemp(prefix="akhbar-shot-"))
    S.organization_setup()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    store = S.Settings()
    store.set(S.THEME, theme)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = create_window(app, work / "library.db", lang)
    window.resize(*SIZE)
    window.show()
    window.splitter.setSizes([430, SIZE[0] - 430])

    def first_row_titled(prefix: str) -> int:
        for row in range(window.model.rowCount()):
            summary = window.model.summary_at(row)
            if summary and summary.title.startswith(prefix):
                return row
        return 0

    # Some reading history, so read and unread rows both show.
    for row in (3, 5, 6):
        article_id = window.model.id_at(row)
        if article_id is not None:
            window.set_read(article_id, True)
    if query:
        window.search_field.setText(query)
        window.reload_list()
        window.jobs.wait()
        app.processEvents()
        window.select_row(0)
    else:
        window.select_row(first_row_titled(title))
    if bookmarks and window.current and window.current.related:
        window.toggle_bookmark(window.current.related[0].position)
        window.toggle_bookmark(window.current.related[-1].position)
        window.bookmarks_dock.show()
        window.resizeDocks([window.bookmarks_dock], [170], Qt.Orientation.Vertical)
    for _ in range(5):
        app.processEvents()
    out = out_dir / f"{name}.png"
    done: list[bool] = []

    def grab() -> None:
        window.grab().save(str(out))
        done.append(True)
        window.close()

    QTimer.singleShot(300, grab)
    app.exec()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=sorted(SHOTS), help="one shot, in this process")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only:
        print(shoot(args.only, args.out))
        return 0
    failed = 0
    for name in SHOTS:
        result = subprocess.run(
            [sys.executable, __file__, "--out", str(args.out), "--only", name], check=False
        )
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
