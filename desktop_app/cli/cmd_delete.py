"""`akhbar delete ID…`: move articles to the trash (`akhbar trash` restores or empties)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, article_ids, writable_library, write_json
from desktop_app.services.exports import articles_state_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    article_ids(
        subparsers.add_parser("delete", parents=[common], help="move articles to the trash")
    )


def run(args: argparse.Namespace, db_path: Path) -> int:
    with writable_library(db_path, "delete articles") as library:
        ids = library.move_to_trash(args.ids)
    if args.json:
        write_json(articles_state_json(ids, trashed=True))
    else:
        print(f"moved {len(ids)} article(s) to the trash")
    return EXIT_OK
