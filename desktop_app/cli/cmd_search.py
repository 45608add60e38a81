"""`akhbar search QUERY [--limit N] [--offset N] [--sort ORDER] [--count]
[--exact-hamza] [--exact-diacritics]`: articles matching a query, best first."""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, non_negative, open_with_notice, say, write_json
from desktop_app.model import ArticleFilter, SearchOrder
from desktop_app.services.exports import iso, search_count_json, search_hit_json

# argparse reads any word starting with "-" as an option unless it looks like a negative
# number; for this command every such word that is not one of its options is a query
# (akhbar search -إيران leaves Iran out), so "negative numbers" are all of them.
_QUERY_WITH_MINUS = re.compile(r"^-[^-]")


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    search = subparsers.add_parser(
        "search",
        parents=[common],
        help="search articles",
        epilog="A query may start with '-' (akhbar search -إيران); '--' also ends the "
        "options: akhbar search -- -إيران.",
    )
    search.add_argument("query", help='words, "phrases", OR, -word, word*, source:, from:, to:')
    search.add_argument("--limit", type=non_negative, default=20)
    search.add_argument("--offset", type=non_negative, default=0, help="skip the first N")
    search.add_argument(
        "--sort",
        choices=[order.value for order in SearchOrder],
        default=SearchOrder.RELEVANCE.value,
        help="best match first (default), or by date",
    )
    search.add_argument("--count", action="store_true", help="print only the number of matches")
    search.add_argument(
        "--exact-hamza", action="store_true", help="the hamza as typed (أ إ آ ء ؤ ئ or ا)"
    )
    search.add_argument(
        "--exact-diacritics", action="store_true", help="every diacritic typed must be written"
    )
    search._negative_number_matcher = _QUERY_WITH_MINUS  # type: ignore[attr-defined]


def run(args: argparse.Namespace, db_path: Path) -> int:
    filters = ArticleFilter(exact_hamza=args.exact_hamza, exact_diacritics=args.exact_diacritics)
    with open_with_notice(db_path).library as library:
        if args.count:
            count = library.search_count(args.query, filters)
        else:
            hits = library.search(
                args.query, args.limit, filters, SearchOrder(args.sort), args.offset
            )
    if args.count:
        if args.json:
            write_json(search_count_json(count))
        else:
            print(count)
    elif args.json:
        write_json([search_hit_json(h) for h in hits])
    else:
        for h in hits:
            say(f"{h.id:>7}  {iso(h.published) or '----------'}  {h.title}")
            say(f"         {_plain(h.snippet)}")
    return EXIT_OK


def _plain(snippet: str) -> str:
    """The snippet's HTML as terminal text: matches in [brackets]."""
    return html.unescape(snippet.replace("<b>", "[").replace("</b>", "]"))
