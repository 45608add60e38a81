"""`akhbar mark read|unread ID…`: the read mark, as the window sets it."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, article_ids, writable_library, write_json
from desktop_app.services.exports import articles_state_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    mark = subparsers.add_parser("mark", parents=[common], help="mark articles read or unread")
    mark.add_argument("state", choices=("read", "unread"))
    article_ids(mark)


def run(args: argparse.Namespace, db_path: Path) -> int:
    read = args.state == "read"
    with writable_library(db_path, "mark articles") as library:
        ids = library.set_read_many(args.ids, read)
    if args.json:
        write_json(articles_state_json(ids, read=read))
    else:
        print(f"marked {len(ids)} article(s) {args.state}")
    return EXIT_OK
