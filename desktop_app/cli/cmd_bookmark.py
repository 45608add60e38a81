"""`akhbar bookmark add|list|remove`: bookmarked related headlines."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_OK,
    non_negative,
    open_with_notice,
    say,
    whole_number,
    writable_library,
    write_json,
)
from desktop_app.services.exports import bookmark_json, bookmark_removed_json
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.library import Library


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bookmark = subparsers.add_parser("bookmark", help="bookmarked related headlines")
    # parser_class is inherited from `bookmark`'s own class (the dispatcher's one-line errors).
    actions = bookmark.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", parents=[common], help="bookmark a related headline")
    add.add_argument("article_id", type=whole_number)
    add.add_argument("position", type=non_negative, help="0-based, in file order")
    marks = actions.add_parser("list", parents=[common], help="list bookmarks")
    marks.add_argument(
        "--search", metavar="QUERY", help="only headlines matching QUERY (as search matches)"
    )
    remove = actions.add_parser("remove", parents=[common], help="remove a bookmark")
    remove.add_argument("id", type=whole_number)


def run(args: argparse.Namespace, db_path: Path) -> int:
    if args.action == "list":
        library = open_with_notice(db_path).library
    else:
        library = writable_library(db_path, f"{args.action} a bookmark")
    with library:
        {"add": _add, "list": _list, "remove": _remove}[args.action](args, library)
    return EXIT_OK


def _add(args: argparse.Namespace, library: Library) -> None:
    existed = library.bookmark_at(args.article_id, args.position) is not None
    bookmark = library.add_bookmark(args.article_id, args.position)
    if args.json:
        write_json(bookmark_json(bookmark))
    elif existed:
        say(f"bookmark {bookmark.id} already existed: {bookmark.headline}")
    else:
        say(f"bookmark {bookmark.id}: {bookmark.headline}")


def _list(args: argparse.Namespace, library: Library) -> None:
    bookmarks = library.bookmarks(args.search)
    if args.json:
        write_json([bookmark_json(b) for b in bookmarks])
    else:
        for b in bookmarks:
            target = f"→ article {b.target_article_id}" if b.target_article_id else ""
            say(f"{b.id:>5}  {b.headline}  (from {b.article_id}) {target}")


def _remove(args: argparse.Namespace, library: Library) -> None:
    if not library.remove_bookmark(args.id):
        raise LibraryError(f"no bookmark with id {args.id}")
    if args.json:
        write_json(bookmark_removed_json(args.id))
    else:
        say(f"removed bookmark {args.id}")
