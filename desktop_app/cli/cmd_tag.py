"""`akhbar tag add|remove|list|rename|delete`: tags on articles, many per article."""

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
from desktop_app.model import TagCount
from desktop_app.services.exports import removed_json, tag_articles_json, tag_count_json
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.library import Library


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    tag = subparsers.add_parser("tag", help="tags on articles")
    actions = tag.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", parents=[common], help="tag articles")
    add.add_argument("tag", metavar="TAG")
    article_ids(add)
    remove = actions.add_parser("remove", parents=[common], help="take a tag off articles")
    remove.add_argument("tag", metavar="TAG")
    article_ids(remove)
    actions.add_parser("list", parents=[common], help="every tag and its number of articles")
    rename = actions.add_parser("rename", parents=[common], help="rename (or merge) a tag")
    rename.add_argument("tag", metavar="TAG")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", parents=[common], help="delete a tag everywhere")
    delete.add_argument("tag", metavar="TAG")


def run(args: argparse.Namespace, db_path: Path) -> int:
    if args.action == "list":
        library = open_with_notice(db_path).library
    else:
        library = writable_library(db_path, f"{args.action} a tag")
    with library:
        {"add": _add, "remove": _remove, "list": _list, "rename": _rename, "delete": _delete}[
            args.action
        ](args, library)
    return EXIT_OK


def _add(args: argparse.Namespace, library: Library) -> None:
    ids = library.tag(args.tag, args.ids)
    _report(args, _stored_name(library, args.tag), ids, "tagged")


def _remove(args: argparse.Namespace, library: Library) -> None:
    name = _stored_name(library, args.tag)
    ids = library.untag(args.tag, args.ids)
    _report(args, name, ids, "untagged")


def _list(args: argparse.Namespace, library: Library) -> None:
    tags = library.tags()
    if args.json:
        write_json([tag_count_json(t) for t in tags])
    else:
        for t in tags:
            print(f"{t.count:>7}  {plain(t.name)}")


def _rename(args: argparse.Namespace, library: Library) -> None:
    library.rename_tag(args.tag, args.new)
    renamed = _counted(library, args.new)
    if args.json:
        write_json(tag_count_json(renamed))
    else:
        print(f"renamed {plain(args.tag)} to {plain(renamed.name)} ({renamed.count} article(s))")


def _delete(args: argparse.Namespace, library: Library) -> None:
    name = _stored_name(library, args.tag)
    ids = library.delete_tag(args.tag)
    if args.json:
        write_json(removed_json(tag=name))
    else:
        print(f"deleted the tag {plain(name)} from {len(ids)} article(s)")


def _report(args: argparse.Namespace, name: str, ids: list[int], done: str) -> None:
    if args.json:
        write_json(tag_articles_json(name, ids))
    else:
        print(f"{done} {len(ids)} article(s): {plain(name)}")


def _counted(library: Library, name: str) -> TagCount:
    wanted = " ".join(name.split()).casefold()
    for tag in library.tags():
        if tag.name.casefold() == wanted:
            return tag
    raise LibraryError(f"no tag named {name!r}")


def _stored_name(library: Library, name: str) -> str:
    """The tag's name as stored (its first spelling, when a later one differs in case)."""
    return _counted(library, name).name
