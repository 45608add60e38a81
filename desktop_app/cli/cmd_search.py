"""`akhbar search QUERY [--limit N]`: articles matching a query, best first."""

from __future__ import annotations

import argparse
import html
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, non_negative, open_with_notice, say, write_json
from desktop_app.services.exports import iso, search_hit_json


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    search = subparsers.add_parser("search", parents=[common], help="search articles")
    search.add_argument("query")
    search.add_argument("--limit", type=non_negative, default=20)


def run(args: argparse.Namespace, db_path: Path) -> int:
    with open_with_notice(db_path).library as library:
        hits = library.search(args.query, limit=args.limit)
    if args.json:
        write_json([search_hit_json(h) for h in hits])
    else:
        for h in hits:
            say(f"{h.id:>7}  {iso(h.published) or '----------'}  {h.title}")
            say(f"         {_plain(h.snippet)}")
    return EXIT_OK


def _plain(snippet: str) -> str:
    """The snippet's HTML as terminal text: matches in [brackets]."""
    return html.unescape(snippet.replace("<b>", "[").replace("</b>", "]"))
