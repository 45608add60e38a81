"""What every command shares: exit codes, opening the library, writing output, and
turning failures into one line.

JSON shapes are not made here: they come from `desktop_app.services.exports`; this only
writes them out. Output is written so that it cannot fail or do harm:

- `--json` is UTF-8 whatever the locale or console (`PYTHONIOENCODING=cp1256`, a Windows
  console): JSON is for programs, and it is always exact;
- text for people goes through `say()`, which shows control characters and bidi
  overrides from article text as visible escapes (text/terminal.py), and never fails on
  a character the terminal's encoding lacks;
- a reader that goes away (`akhbar list | head -1`) ends the command quietly, as Unix
  tools do (exit 141, no message).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop_app.model import ArticleFilter
from desktop_app.storage.errors import LibraryDamaged, LibraryError, StorageError
from desktop_app.storage.library import Library
from desktop_app.storage.safety import OpenedLibrary, open_library
from desktop_app.text.terminal import terminal_safe

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells expect
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head -1`

log = logging.getLogger(__name__)

# What a command reports as one line, "akhbar: error: …", with exit 1: the library's
# failures (storage's own types) and the operating system's (missing file, no space …).
COMMAND_ERRORS: tuple[type[Exception], ...] = (
    StorageError,
    OSError,
)


def open_with_notice(db_path: Path, create: bool = False) -> OpenedLibrary:
    """The library, opened safely; what the user must know goes to stderr, one line.

    Only `import` creates a library (`create`): a mistyped --db for a command that reads
    is "there is no library at …", and nothing is created.
    """
    opened = open_library(db_path, create=create)
    if opened.notice:
        say(f"akhbar: {opened.notice}", file=sys.stderr)
    return opened


def writable_library(db_path: Path, doing: str, create: bool = False) -> Library:
    """The library opened for writing; LibraryError ("cannot {doing}: …") if read-only."""
    opened = open_with_notice(db_path, create=create)
    if opened.read_only:
        opened.library.close()
        raise LibraryError(f"cannot {doing}: the library {db_path} is read-only")
    return opened.library


def write_json(data: Any) -> None:
    """A shape from `services.exports`, as `--json` prints it."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def say(text: str = "", file: TextIO | None = None) -> None:
    """One line for people: control characters from article text shown, not obeyed.

    On stderr a message is always one line (an error may quote text with line breaks).
    """
    out = file if file is not None else sys.stdout
    if out is sys.stderr:
        text = " ".join(text.splitlines())
    print(terminal_safe(text), file=out)


def set_up_output(json_output: bool) -> None:
    """stdout as the command's output needs it: UTF-8 for --json, never failing for text.

    Done before anything is written (TextIOWrapper.reconfigure); a stream that is not a
    TextIOWrapper (a test's) is left as it is.
    """
    for stream, errors in (
        (sys.stdout, "strict" if json_output else "replace"),
        (sys.stderr, "replace"),
    ):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream is sys.stdout and json_output:
                reconfigure(encoding="utf-8", errors=errors)
            else:
                reconfigure(errors=errors)
        except (ValueError, OSError):  # already written to: leave it
            pass


def reporting_errors(
    work: Callable[[], int], log_file: Callable[[], Path], db_path: Path | None = None
) -> int:
    """Run a command: its exit code, or one line on stderr for what went wrong.

    A damaged library (SQLite found a damaged page, or text that no longer decodes) is
    said as such, with what the user can do about it (services/recovery.py).
    """
    try:
        code = work()
        sys.stdout.flush()  # here, where a closed pipe can still be told apart
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except LibraryDamaged as error:
        log.warning("the library is damaged", exc_info=True)
        say(f"akhbar: error: {damage_line(db_path, error)}", file=sys.stderr)
        return EXIT_FAILED
    except COMMAND_ERRORS as error:  # one line: the user can act on it
        say(f"akhbar: error: {error}", file=sys.stderr)
        log.info("command failed", exc_info=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("akhbar: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the user gets one line, the log the rest
        log.exception("unexpected error")
        say(f"akhbar: unexpected error: {error} (details in {log_file()})", file=sys.stderr)
        return EXIT_FAILED


def damage_line(db_path: Path | None, error: Exception) -> str:
    """ "the library … is damaged (…); what to do", for a damaged library."""
    if db_path is None:
        return f"the library is damaged ({error})"
    from desktop_app.services.recovery import damage_advice

    return f"the library {db_path} is damaged ({error}); {damage_advice(db_path)}"


def _reader_went_away() -> int:
    """`akhbar list | head -1`: the reader has what it wanted. Point stdout at the null
    device so that the interpreter's last flush fails no more, and end quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's stream)
        pass
    return EXIT_BROKEN_PIPE


def non_negative(text: str) -> int:
    """argparse type of counts (`--limit`, `--offset`, a position)."""
    value = whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
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


def plain(text: str) -> str:
    """Text for the terminal: control and bidi characters shown, not obeyed."""
    return terminal_safe(text)


def whole_number(text: str) -> int:
    """argparse type of ids and counts: "--limit: 'abc' is not a whole number"."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
