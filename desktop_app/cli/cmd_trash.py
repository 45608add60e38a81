"""`akhbar trash list|restore|empty`: the deleted articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_OK,
    article_ids,
    open_with_notice,
    plain,
    writable_library,
    write_json,
)
from desktop_app.services.exports import articles_state_json, iso, trashed_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    trash = subparsers.add_parser("trash", help="deleted articles: list, restore, empty")
    actions = trash.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    actions.add_parser("list", parents=[common], help="the articles in the trash")
    article_ids(actions.add_parser("restore", parents=[common], help="bring articles back"))
    actions.add_parser("empty", parents=[common], help="delete the trash's articles for good")


def run(args: argparse.Namespace, db_path: Path) -> int:
    if args.action == "list":
        with open_with_notice(db_path).library as library:
            trashed = library.trashed()
        if args.json:
            write_json([trashed_json(t) for t in trashed])
        else:
            for t in trashed:
                s = t.summary
                print(f"{s.id:>7}  {iso(s.published) or '----------'}  {plain(s.title)}")
        return EXIT_OK
    with writable_library(db_path, f"{args.action} the trash") as library:
        if args.action == "restore":
            ids = library.restore_from_trash(args.ids)
        else:
            ids = library.empty_trash()
    if args.json and args.action == "restore":
        write_json(articles_state_json(ids, trashed=False))
    elif args.json:
        write_json(articles_state_json(ids, removed=True))
    else:
        done = "restored" if args.action == "restore" else "removed for good"
        print(f"{done}: {len(ids)} article(s)")
    return EXIT_OK
