"""The reading window on a 310,000-article library, against a bare Qt window.

    python benchmarks/gui_bench.py [--articles 310000] [--base 3000] [--keep DIR]

Setup: make-corpus writes a few thousand real articles, the importer stores them, and
SQL copies their rows under new ids until the library holds --articles rows (related
headlines copied too; the full-text index is not, as nothing here searches).

Measured, each in a fresh process, so start-up includes the interpreter and imports:
  - baseline: a bare QApplication showing an empty QMainWindow, until it has painted;
  - the window: process start → painted with headlines and the first article;
  - switching articles (select → pane re-rendered and repainted), median and worst;
  - scrolling the list to its end in 40 steps, worst step (a stall is one > 100 ms);
  - peak RSS of both processes.
Targets: start-up ≤ 2× baseline, switch ≤ 50 ms, no stall, peak RSS ≤ 150 MB.
Runs offscreen unless a display is set (xvfb-run gives more desktop-like numbers).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make-corpus"

TARGET_START_RATIO = 2.0
TARGET_SWITCH_MS = 50.0
STALL_MS = 100.0
TARGET_RSS_MB = 150.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- setup ------------------------------------------------------------------------------


def build_library(db: Path, articles: int, base: int, work: Path) -> None:
    from desktop_app.services.importer import import_paths

    corpus = work / "corpus"
    if not MAKE_CORPUS.exists():
        raise SystemExit(f"gui_bench: {MAKE_CORPUS} not found")
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--out", str(corpus), "--limit", str(base)],
        check=True,
        capture_output=True,
    )
    report = import_paths(db, [corpus])
    stored = len(report.imported)
    print(f"setup: imported {stored} real articles", flush=True)
    conn = sqlite3.connect(db)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)") if row[1] != "id"]
    copied = [f"{c} || ':' || ?" if c == "content_hash" else c for c in columns]
    max_id = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    copy = 0
    with conn:
        while conn.execute("SELECT count(*) FROM articles").fetchone()[0] < articles:
            copy += 1
            missing = articles - conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            conn.execute(
                f"""INSERT INTO articles (id, {", ".join(columns)})
                    SELECT id + ? , {", ".join(copied)} FROM articles
                    WHERE id <= ? ORDER BY id LIMIT ?""",
                [copy * max_id, copy, max_id, missing],
            )
            conn.execute(
                """INSERT INTO related (article_id, position, text, key)
                   SELECT article_id + ?, position, text, key FROM related
                   WHERE article_id <= ? AND article_id + ? IN (SELECT id FROM articles)""",
                [copy * max_id, max_id, copy * max_id],
            )
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"setup: {total} articles after {copy} SQL copies", flush=True)


# -- the measured processes ---------------------------------------------------------------


def _settings_in(folder: str) -> None:
    from PySide6.QtCore import QSettings

    from desktop_app.gui import settings as S

    S.organization_setup()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


class _PaintWatch:
    """Records when each watched widget has painted at least once since reset()."""

    def __init__(self, widgets) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.painted: set[int] = set()
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    watch.painted.add(id(obj))
                return False

        self.filter = Filter()
        self.ids = {id(w) for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self.filter)

    def reset(self) -> None:
        self.painted.clear()

    def done(self) -> bool:
        return self.ids <= self.painted


def _wait_painted(app, watch: _PaintWatch, limit_s: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + limit_s
    while not watch.done():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() > deadline:
            raise SystemExit("gui_bench: the window never painted")


def child_baseline(settings_dir: str) -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _settings_in(settings_dir)
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 820)
    watch = _PaintWatch([window])
    window.show()
    _wait_painted(app, watch)
    return {"painted": time.time(), "rss_mb": peak_rss_mb()}


def child_window(settings_dir: str, db: str) -> dict:
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.app import create_window

    _settings_in(settings_dir)
    app = QApplication([sys.argv[0]])
    window = create_window(app, Path(db), "ar")
    window.resize(1280, 820)
    watch = _PaintWatch([window.headlines.list_view.viewport(), window.reader.view.viewport()])
    window.show()
    _wait_painted(app, watch)
    painted = time.time()
    assert window.reader.current is not None and window.headlines.model.rowCount() > 0
    # The first page paints at once; the full id list follows from a worker.
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    from PySide6.QtCore import QEventLoop

    while window.headlines.model.rowCount() < total:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.time() - painted > 30:
            raise SystemExit("gui_bench: the full list never arrived")
    full_list = time.time()
    rows = window.headlines.model.rowCount()

    # Switching articles: select, then wait until the pane has repainted.
    switches: list[float] = []
    for row in [*range(1, 40), rows // 2, rows - 1, 5]:
        watch = _PaintWatch([window.reader.view.viewport()])
        start = time.perf_counter()
        window.headlines.select_row(row)
        window.reader.view.viewport().update()
        _wait_painted(app, watch)
        switches.append((time.perf_counter() - start) * 1000)
        watch.filter.deleteLater()

    # Scrolling the list to its end.
    bar = window.headlines.list_view.verticalScrollBar()
    steps: list[float] = []
    for i in range(1, 41):
        watch = _PaintWatch([window.headlines.list_view.viewport()])
        start = time.perf_counter()
        bar.setValue(bar.maximum() * i // 40)
        window.headlines.list_view.viewport().update()
        _wait_painted(app, watch)
        steps.append((time.perf_counter() - start) * 1000)
    at_end = bar.value() == bar.maximum()
    window.shutdown()
    return {
        "painted": painted,
        "full_list_s": full_list - painted,
        "rows": rows,
        "switch_ms": switches,
        "scroll_ms": steps,
        "scrolled_to_end": at_end,
        "rss_mb": peak_rss_mb(),
    }


def run_child(kind: str, *args: str) -> tuple[float, dict]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"gui_bench: {kind} process failed:\n{result.stderr}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return data["painted"] - started, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=310_000)
    parser.add_argument("--base", type=int, default=3000, help="real articles to import")
    parser.add_argument("--runs", type=int, default=3, help="start-ups of each kind")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind, settings_dir, *rest = args.child
        data = (
            child_baseline(settings_dir)
            if kind == "baseline"
            else child_window(settings_dir, *rest)
        )
        print(json.dumps(data))
        return 0

    work = Path(tempfile.mkdtemp(prefix="akhbar-gui-bench-"))
    try:
        folder = args.keep or work
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "library.db"
        if not db.exists():
            build_library(db, args.articles, args.base, work)
        settings_dir = str(work / "settings")
        # Warm the file cache once so both kinds start from the same state.
        run_child("baseline", settings_dir)
        run_child("window", settings_dir, str(db))
        baseline = [run_child("baseline", settings_dir) for _ in range(args.runs)]
        window = [run_child("window", settings_dir, str(db)) for _ in range(args.runs)]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    full = statistics.median(d["full_list_s"] for _, d in window)
    base_s = statistics.median(t for t, _ in baseline)
    start_s = statistics.median(t for t, _ in window)
    last = window[-1][1]
    switches = [ms for _, d in window for ms in d["switch_ms"]]
    scroll = [ms for _, d in window for ms in d["scroll_ms"]]
    base_rss = max(d["rss_mb"] for _, d in baseline)
    rss = max(d["rss_mb"] for _, d in window)
    switch_median = statistics.median(switches)
    switch_p95 = sorted(switches)[int(len(switches) * 0.95)]
    checks = [
        ("start-up ≤ 2× bare window", start_s / base_s <= TARGET_START_RATIO),
        ("article switch ≤ 50 ms (p95)", switch_p95 <= TARGET_SWITCH_MS),
        ("scroll to the end without a stall", max(scroll) <= STALL_MS and last["scrolled_to_end"]),
        ("peak RSS ≤ 150 MB", rss <= TARGET_RSS_MB),
    ]
    shown = "offscreen" if not os.environ.get("DISPLAY") else f"display {os.environ['DISPLAY']}"
    print(f"library: {last['rows']:,} articles; platform: {shown}")
    ratio = start_s / base_s
    lines = [
        f"start-up, bare QMainWindow:   {base_s * 1000:7.0f} ms (median of {args.runs})",
        f"start-up, Akhbar window:      {start_s * 1000:7.0f} ms  ratio {ratio:.2f}x"
        f" (target <= {TARGET_START_RATIO}x)",
        f"  then the whole id list, read off the GUI thread: +{full * 1000:.0f} ms",
        f"article switch:               median {switch_median:.1f} ms, p95 {switch_p95:.1f} ms,"
        f" worst {max(switches):.1f} ms (target <= {TARGET_SWITCH_MS:.0f} ms)",
        f"scroll list to end, 40 steps: worst step {max(scroll):.1f} ms,"
        f" median {statistics.median(scroll):.1f} ms (a stall is > {STALL_MS:.0f} ms)",
        f"peak RSS:                     {rss:.0f} MB vs bare {base_rss:.0f} MB,"
        f" ratio {rss / base_rss:.2f}x (target <= {TARGET_RSS_MB:.0f} MB)",
    ]
    print("\n".join(lines))
    for name, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {name}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
