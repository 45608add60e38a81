"""`akhbar restore PATH`: replace the library with a checked backup (the old one kept aside)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, say, write_json
from desktop_app.services.exports import restore_result_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    restore = subparsers.add_parser(
        "restore", parents=[common], help="replace the library with a checked backup"
    )
    restore.add_argument("path", metavar="PATH", help="a file written by 'akhbar backup'")


def run(args: argparse.Namespace, db_path: Path) -> int:
    from desktop_app.services.backup import restore_library

    result = restore_library(db_path, args.path)
    if args.json:
        write_json(restore_result_json(result))
    else:
        kept = f"; the previous library was kept as {result.previous}" if result.previous else ""
        say(f"restored {result.articles} article(s) from {args.path} into {result.path}{kept}")
    return EXIT_OK
