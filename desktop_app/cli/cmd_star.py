"""`akhbar star ID…`: star articles (`unstar` takes the star off, through `set_stars`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, article_ids, writable_library, write_json
from desktop_app.services.exports import articles_state_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    article_ids(subparsers.add_parser("star", parents=[common], help="star articles"))


def run(args: argparse.Namespace, db_path: Path) -> int:
    return set_stars(args, db_path, starred=True)


def set_stars(args: argparse.Namespace, db_path: Path, starred: bool) -> int:
    """`star` and `unstar`: the same work, the star put on or taken off."""
    verb = "star" if starred else "unstar"
    with writable_library(db_path, f"{verb} articles") as library:
        ids = library.set_starred(args.ids, starred)
    if args.json:
        write_json(articles_state_json(ids, starred=starred))
    else:
        print(f"{verb}red {len(ids)} article(s)")
    return EXIT_OK
