"""The `akhbar` command line: main(argv) -> exit code.

A contract other tools rely on: commands, flags, JSON fields and exit codes (0 success,
1 some inputs failed, 2 usage error) only ever grow. Errors are one line on stderr; the
traceback of an unexpected failure goes to the log file, never to the terminal.

This module is only the dispatcher: the options every command shares, the error handling
and the list of commands. Each command is one module, `cmd_<name>.py`, with
`add_parser(subparsers, common)` and `run(args, db_path) -> int`; adding a command is one
new module and one name in COMMANDS. JSON shapes belong to `desktop_app.services.exports`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    reporting_errors,
    set_up_output,
)
from desktop_app.cli.window import WINDOW_OPTIONS_WITH_VALUE, add_window_options, open_window
from desktop_app.paths import default_library_path
from desktop_app.services.log import log_path, setup_logging

__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main", "split_open_paths"]

# Exit codes: EXIT_OK 0, EXIT_FAILED 1 (an input or the library failed), EXIT_USAGE 2,
# EXIT_INTERRUPTED 130 (Ctrl-C); they live in .common, with the error reporting.

# The commands, in the order `akhbar --help` lists them; each is desktop_app/cli/cmd_<name>.py.
COMMANDS = ("import", "list", "show", "search", "bookmark", "backup", "restore", "saved", "tag",
            "star", "unstar", "mark", "note", "delete", "trash", "export", "recover")  # fmt: skip


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as the contract says
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"desktop_app.cli.cmd_{name}")


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser of `akhbar`; main() passes only the command named, so `akhbar list`
    imports cmd_list.py alone (help and an unknown command get the whole list)."""
    db_help = "library file (default: $AKHBAR_DB or the per-user data folder)"
    common = _Parser(add_help=False)  # the options of every command
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--json", action="store_true", help="machine-readable output")

    parser = _Parser(
        prog="akhbar",
        description="Akhbar (أخبار): read, search and follow Arabic news archives offline. "
        "With no command, opens the window; 'akhbar FILE_OR_FOLDER...' opens it and "
        "imports them.",
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--version", action="version", version=f"akhbar {__version__}")
    add_window_options(parser)
    # Nested subparsers (bookmark ACTION) inherit parser_class from their parent: _Parser.
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in commands:
        command_module(name).add_parser(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    options, open_paths = split_open_paths(argv)
    named = _named_command(options)
    parser = build_parser((named,) if named else COMMANDS)
    try:
        args = parser.parse_args(options)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    db_path = Path(args.db) if args.db else default_library_path()
    setup_logging()
    set_up_output(json_output=getattr(args, "json", False))
    if args.command is None:
        return reporting_errors(lambda: open_window(parser, args, db_path, open_paths), log_path)
    command = command_module(args.command)
    return reporting_errors(lambda: command.run(args, db_path), log_path, db_path)


def main_entry() -> None:
    sys.exit(main())


def _named_command(options: Sequence[str]) -> str | None:
    """The command the words name, when certain without parsing: the first word after
    only --db/--lang (and their values) and --smoke-test. None otherwise."""
    i = 0
    while i < len(options) and (
        options[i] in (*WINDOW_OPTIONS_WITH_VALUE, "--smoke-test")
        or options[i].startswith(tuple(f"{option}=" for option in WINDOW_OPTIONS_WITH_VALUE))
    ):
        i += 2 if options[i] in WINDOW_OPTIONS_WITH_VALUE else 1
    return options[i] if i < len(options) and options[i] in COMMANDS else None


def split_open_paths(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """`akhbar [OPTIONS] FILE_OR_FOLDER…` (the desktop file's `Exec=akhbar %F`): split it
    into the options and the paths to open the window on and import.

    Only when the first word that is not an option is no command but an existing file or
    folder; every word from there on is then a path (a missing one is reported by the
    import, as `akhbar import` does). Anything else is returned unchanged for argparse,
    so an unknown word that is not a path is still a usage error.
    """
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            i += 1
            break
        if word.startswith("-"):
            i += 2 if word in WINDOW_OPTIONS_WITH_VALUE else 1
            continue
        break
    if i >= len(argv) or argv[i] in COMMANDS or not Path(argv[i]).exists():
        return list(argv), []
    options = [word for word in argv[:i] if word != "--"]
    return options, list(argv[i:])
