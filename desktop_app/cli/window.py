"""`akhbar` with no command: the window, on the library and the paths given."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from desktop_app.cli.common import EXIT_OK

# Options of the top-level parser that take a value (the rest are flags).
WINDOW_OPTIONS_WITH_VALUE = ("--db", "--lang")


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["ar", "en"], help="interface language for the window")
    parser.add_argument(
        "--smoke-test", action="store_true", help="start the window offscreen, render, exit"
    )


def open_window(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    db_path: Path,
    open_paths: Sequence[str] = (),
) -> int:
    try:
        from desktop_app.gui.app import run_window
    except ImportError:  # the window is not part of this build yet
        parser.print_help()
        return EXIT_OK
    return run_window(
        db_path, lang=args.lang, smoke_test=args.smoke_test, import_paths=list(open_paths)
    )
