"""`akhbar recover [--out PATH]`: rebuild a damaged library from everything still readable."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, say, write_json
from desktop_app.services.exports import recovery_result_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    recover = subparsers.add_parser(
        "recover",
        parents=[common],
        help="rebuild a damaged library from what can still be read (the damaged one is kept)",
    )
    recover.add_argument(
        "--out",
        metavar="PATH",
        help="write the rebuilt library here and leave the damaged one in place",
    )


def run(args: argparse.Namespace, db_path: Path) -> int:
    from desktop_app.services.recovery import recover_library

    result = recover_library(db_path, args.out)
    if args.json:
        write_json(recovery_result_json(result))
        return EXIT_OK
    kept = f"; the damaged library was kept as {result.damaged}" if result.damaged else ""
    lost = f"; {result.lost} article(s) could not be read" if result.lost else ""
    say(
        f"recovered {result.articles} article(s) and {result.bookmarks} bookmark(s) into "
        f"{result.path}{lost}{kept}"
    )
    return EXIT_OK
