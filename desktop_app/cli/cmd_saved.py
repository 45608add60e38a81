"""`akhbar saved add|list|show|remove`: saved searches and their new matches."""

from __future__ import annotations

import argparse
import html
import sys
from dataclasses import replace
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_OK,
    add_filter_options,
    filter_from_args,
    non_negative,
    open_with_notice,
    plain,
    writable_library,
    write_json,
)
from desktop_app.model import SavedSearchCount
from desktop_app.services.exports import iso, removed_json, saved_search_json, search_hit_json
from desktop_app.storage.library import Library


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    saved = subparsers.add_parser("saved", help="saved searches (and their new matches)")
    actions = saved.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", parents=[common], help="save a search under a name")
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", metavar="QUERY", help="a query, as `akhbar search` takes")
    add_filter_options(add)
    actions.add_parser("list", parents=[common], help="saved searches, their matches and new")
    show = actions.add_parser(
        "show", parents=[common], help="a saved search's matches (marks them seen)"
    )
    show.add_argument("name", metavar="NAME")
    show.add_argument("--limit", type=non_negative, default=20)
    remove = actions.add_parser("remove", parents=[common], help="forget a saved search")
    remove.add_argument("name", metavar="NAME")


def run(args: argparse.Namespace, db_path: Path) -> int:
    if args.action in ("list", "show"):
        opened = open_with_notice(db_path)
        library, read_only = opened.library, opened.read_only
    else:
        library, read_only = writable_library(db_path, f"{args.action} a saved search"), False
    with library:
        if args.action == "add":
            _add(args, library)
        elif args.action == "list":
            _list(args, library)
        elif args.action == "show":
            _show(args, library, read_only)
        else:
            removed = library.remove_saved_search(args.name)
            if args.json:
                write_json(removed_json(name=removed.name))
            else:
                print(f"removed the saved search {plain(removed.name)}")
    return EXIT_OK


def _add(args: argparse.Namespace, library: Library) -> None:
    filters = replace(filter_from_args(args, library), query=args.query)
    counted = library.saved_search_count(library.add_saved_search(args.name, filters))
    if args.json:
        write_json(saved_search_json(counted))
    else:
        _print(counted)


def _list(args: argparse.Namespace, library: Library) -> None:
    counted = [library.saved_search_count(s) for s in library.saved_searches()]
    if args.json:
        write_json([saved_search_json(c) for c in counted])
    else:
        for c in counted:
            _print(c)


def _show(args: argparse.Namespace, library: Library, read_only: bool) -> None:
    saved = library.saved_search(args.name)
    if saved is None:
        library.open_saved_search(args.name)  # raises: no saved search by that name
        return
    hits = library.search_saved(saved, args.limit)
    if read_only:
        print("akhbar: not marked as seen: the library is read-only", file=sys.stderr)
    else:
        library.open_saved_search(saved.name)
    if args.json:
        write_json([search_hit_json(h) for h in hits])
    else:
        for h in hits:  # as `akhbar search` prints them
            print(f"{h.id:>7}  {iso(h.published) or '----------'}  {plain(h.title)}")
            snippet = html.unescape(h.snippet.replace("<b>", "[").replace("</b>", "]"))
            print(f"         {plain(snippet)}")


def _print(counted: SavedSearchCount) -> None:
    new = f", {counted.new} new" if counted.new else ""
    name, query = plain(counted.saved.name), plain(counted.saved.query)
    print(f"{name}: {counted.count} match(es){new}  [{query}]")
