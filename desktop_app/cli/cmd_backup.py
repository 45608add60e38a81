"""`akhbar backup PATH [--force]`: a consistent copy of the library, safe while it is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, open_with_notice, say, write_json
from desktop_app.services.exports import backup_result_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup", parents=[common], help="copy the library to a file (safe while it is in use)"
    )
    backup.add_argument("path", metavar="PATH", help="backup file, or a folder for a dated one")
    backup.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace, db_path: Path) -> int:
    from desktop_app.services.backup import backup_library

    with open_with_notice(db_path).library as library:
        result = backup_library(library, args.path, overwrite=args.force)
    if args.json:
        write_json(backup_result_json(result))
    else:
        say(f"backed up {result.articles} article(s) to {result.path}")
    return EXIT_OK
