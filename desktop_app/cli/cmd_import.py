"""`akhbar import PATH…`: import article files and folders; exit 1 if any file failed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import EXIT_FAILED, EXIT_OK, say, writable_library
from desktop_app.model import ImportOutcome, ImportReport
from desktop_app.services.exports import write_import_report


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = subparsers.add_parser("import", parents=[common], help="import article files/folders")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="*.txt files or folders")


def run(args: argparse.Namespace, db_path: Path) -> int:
    from desktop_app.services.backup import daily_backup
    from desktop_app.services.importer import import_paths
    from desktop_app.storage.health import checked

    # Damaged beyond opening → set aside; read-only → refused; damaged inside → the quick
    # check (when due) says so before anything is written; then the day's backup.
    with writable_library(db_path, "import", create=True) as library:
        checked(library)
        daily_backup(library)
    bar = _ProgressBar() if not args.json and sys.stderr.isatty() else None
    report = import_paths(db_path, args.paths, progress=bar.update if bar else None)
    if bar:
        bar.finish()
    if args.json:
        _write_import_json(report)
    else:
        _print_import_summary(report)
    if report.stopped:
        saved = len(report.imported)
        say(
            f"akhbar: error: the import stopped: {report.stopped}; {saved} article(s) were "
            "saved before it stopped (importing again adds the rest, and finds the saved "
            f"ones as duplicates){_advice(report, db_path)}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_FAILED if report.failed else EXIT_OK


def _advice(report: ImportReport, db_path: Path) -> str:
    if report.stopped and "damaged" in report.stopped:
        from desktop_app.services.recovery import damage_advice

        return f"; {damage_advice(db_path)}"
    return ""


def _write_import_json(report: ImportReport) -> None:
    write_import_report(report, sys.stdout)


def _print_import_summary(report: ImportReport) -> None:
    for path, message in report.warnings():
        say(f"warning: {path}: {message}", file=sys.stderr)
    for outcome in report.failed:
        say(f"failed: {outcome.path}: {outcome.reason}", file=sys.stderr)
    for outcome in report.duplicates:
        say(f"duplicate: {outcome.path} (already stored as article {outcome.article_id})")
    say(
        f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s), "
        f"{len(report.failed)} failed, {len(report.warnings())} warning(s)"
    )


class _ProgressBar:
    WIDTH = 30

    def __init__(self) -> None:
        self.shown = False

    def update(self, done: int, total: int, outcome: ImportOutcome) -> None:
        if total < 20 or (done % 25 and done != total):
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        sys.stderr.write(f"\rimporting [{bar}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
