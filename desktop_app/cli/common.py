"""What every command shares: exit codes, opening the library, and writing output.

JSON shapes are not made here: they come from `desktop_app.services.exports`; this only
writes them out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.model import ArticleFilter
from desktop_app.storage.errors import LibraryError, StorageError
from desktop_app.storage.library import Library
from desktop_app.storage.safety import OpenedLibrary, open_library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# What a command reports as one line, "akhbar: error: …", with exit 1: the library's
# failures (storage's own types) and the operating system's (missing file, no space …).
COMMAND_ERRORS: tuple[type[Exception], ...] = (
    StorageError,
    OSError,
)


def open_with_notice(db_path: Path) -> OpenedLibrary:
    """The library, opened safely; what the user must know goes to stderr, one line."""
    opened = open_library(db_path)
    if opened.notice:
        print(f"akhbar: {opened.notice}", file=sys.stderr)
    return opened


def writable_library(db_path: Path, doing: str) -> Library:
    """The library opened for writing; LibraryError ("cannot {doing}: …") if read-only."""
    opened = open_with_notice(db_path)
    if opened.read_only:
        opened.library.close()
        raise LibraryError(f"cannot {doing}: the library {db_path} is read-only")
    return opened.library


def write_json(data: Any) -> None:
    """A shape from `services.exports`, as `--json` prints it."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def non_negative(text: str) -> int:
    """argparse type of counts (`--limit`, `--offset`, a position)."""
    try:
        value = int(text)
    except ValueError:
        # Today's wording (argparse named the type function): the contract keeps messages.
        raise argparse.ArgumentTypeError(f"invalid _non_negative value: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def iso_date(text: str) -> date:
    """argparse type of `--from`/`--to`: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The list filters (`list`, `saved add`): tag, star, unread, source, dates."""
    parser.add_argument("--tag", metavar="NAME", help="only articles with this tag")
    parser.add_argument("--starred", action="store_true", help="only starred articles")
    parser.add_argument("--unread", action="store_true", help="only unread articles")
    parser.add_argument("--source", metavar="NAME", help="only articles of this source")
    parser.add_argument(
        "--from", dest="date_from", type=iso_date, metavar="DATE", help="published on or after"
    )
    parser.add_argument(
        "--to", dest="date_to", type=iso_date, metavar="DATE", help="published on or before"
    )


def filter_from_args(args: argparse.Namespace, library: Library) -> ArticleFilter:
    """The filter the options of add_filter_options chose; LibraryError for an unknown tag."""
    if args.tag is not None and not library.tag_exists(args.tag):
        raise LibraryError(f"no tag named {args.tag!r}")
    return ArticleFilter(
        source=args.source or None,
        date_from=args.date_from,
        date_to=args.date_to,
        unread_only=args.unread,
        tag=args.tag or None,
        starred=args.starred,
    )


def article_ids(parser: argparse.ArgumentParser) -> None:
    """The `ID…` argument of the commands that act on articles."""
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="article ids")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text for the terminal: control characters (escape sequences) shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
