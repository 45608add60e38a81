"""`akhbar note add|list|remove`: highlighted passages of articles and notes on them."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_OK,
    open_with_notice,
    plain,
    writable_library,
    write_json,
)
from desktop_app.model import Note
from desktop_app.services.exports import note_json, removed_json
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.library import Library


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    note = subparsers.add_parser("note", help="highlights and notes on articles")
    actions = note.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", parents=[common], help="highlight a passage, with a note")
    add.add_argument("article_id", type=int, metavar="ID")
    add.add_argument(
        "--quote", required=True, metavar="TEXT", help="the passage (it must be in the article)"
    )
    add.add_argument("--text", default="", metavar="NOTE", help="the note (none: a highlight)")
    notes = actions.add_parser("list", parents=[common], help="notes, newest first")
    notes.add_argument("--article", type=int, metavar="ID", help="only this article's")
    notes.add_argument(
        "--search", metavar="QUERY", help="only notes matching QUERY (as search matches)"
    )
    remove = actions.add_parser("remove", parents=[common], help="remove a note")
    remove.add_argument("note_id", type=int, metavar="NOTE_ID")


def run(args: argparse.Namespace, db_path: Path) -> int:
    if args.action == "list":
        library = open_with_notice(db_path).library
    else:
        library = writable_library(db_path, f"{args.action} a note")
    with library:
        {"add": _add, "list": _list, "remove": _remove}[args.action](args, library)
    return EXIT_OK


def _add(args: argparse.Namespace, library: Library) -> None:
    note = library.add_note(args.article_id, args.quote, args.text)
    if args.json:
        write_json(note_json(note))
    else:
        _print(note)


def _list(args: argparse.Namespace, library: Library) -> None:
    if args.article is not None and not library.exists(args.article):
        trashed = library.in_trash(args.article)
        raise LibraryError(
            f"article {args.article} is in the trash"
            if trashed
            else f"no article with id {args.article}"
        )
    notes = library.notes(args.article, args.search)
    if args.json:
        write_json([note_json(n) for n in notes])
    else:
        for note in notes:
            _print(note)


def _remove(args: argparse.Namespace, library: Library) -> None:
    if not library.remove_note(args.note_id):
        raise LibraryError(f"no note with id {args.note_id}")
    if args.json:
        write_json(removed_json(id=args.note_id))
    else:
        print(f"removed note {args.note_id}")


def _print(note: Note) -> None:
    text = f" — {plain(note.text)}" if note.text else ""
    print(f"{note.id:>5}  article {note.article_id} {note.field}: «{plain(note.quote)}»{text}")
