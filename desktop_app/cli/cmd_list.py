"""`akhbar list [--limit N] [--offset N] [filters]`: article summaries, newest first."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_OK,
    add_filter_options,
    filter_from_args,
    non_negative,
    open_with_notice,
    say,
    write_json,
)
from desktop_app.services.exports import iso, summary_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    lst = subparsers.add_parser("list", parents=[common], help="list articles, newest first")
    lst.add_argument("--limit", type=non_negative, default=50)
    lst.add_argument("--offset", type=non_negative, default=0)
    add_filter_options(lst)


def run(args: argparse.Namespace, db_path: Path) -> int:
    with open_with_notice(db_path).library as library:
        filters = filter_from_args(args, library)
        rows = library.page(limit=args.limit, offset=args.offset, filters=filters)
    if args.json:
        write_json([summary_json(r) for r in rows])
    else:
        for r in rows:
            say(f"{r.id:>7}  {iso(r.published) or '----------'}  {r.source}  {r.title}")
    return EXIT_OK
