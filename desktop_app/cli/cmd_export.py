"""`akhbar export (QUERY | --tag NAME | --saved NAME | --ids ID,…) --format F --out FILE`:
a set of articles to a file (JSON Lines, CSV, Markdown, HTML, CSL-JSON, BibTeX, RIS)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, EXIT_USAGE, open_with_notice, write_json
from desktop_app.services import export_formats as formats
from desktop_app.services.exports import export_result_json


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of ids: {text!r}") from None
    if not ids:
        raise argparse.ArgumentTypeError("no ids given")
    return ids


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser(
        "export", parents=[common], help="write a set of articles to a file"
    )
    export.add_argument("query", nargs="?", metavar="QUERY", help="the articles matching it")
    chosen = export.add_mutually_exclusive_group()
    chosen.add_argument("--tag", metavar="NAME", help="the articles with this tag")
    chosen.add_argument("--saved", metavar="NAME", help="a saved search's matches")
    chosen.add_argument("--ids", type=_ids, metavar="ID,…", help="these articles")
    export.add_argument("--format", required=True, choices=tuple(formats.FORMATS))
    export.add_argument(
        "--out", required=True, metavar="FILE", help="the file (a folder: named after the set)"
    )


def run(args: argparse.Namespace, db_path: Path) -> int:
    chosen = [x for x in (args.query, args.tag, args.saved, args.ids) if x is not None]
    if len(chosen) != 1:
        print(
            "akhbar export: give one of QUERY, --tag, --saved or --ids "
            "(see 'akhbar export --help')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with open_with_notice(db_path).library as library:
        if args.query is not None:
            selected = formats.query_set(library, args.query)
        elif args.tag is not None:
            selected = formats.tag_set(library, args.tag)
        elif args.saved is not None:
            selected = formats.saved_set(library, args.saved)
        else:
            selected = formats.ids_set(library, args.ids)
        result = formats.export(library, selected, args.format, Path(args.out))
    if args.json:
        write_json(export_result_json(result.path, result.articles))
    else:
        print(f"exported {result.articles} article(s) to {result.path}")
    return EXIT_OK
