"""What every command shares: exit codes, opening the library, and writing output.

JSON shapes are not made here: they come from `desktop_app.services.exports`; this only
writes them out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

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


def open_with_notice(db_path: Path, create: bool = False) -> OpenedLibrary:
    """The library, opened safely; what the user must know goes to stderr, one line.

    Only `import` creates a library (`create`): a mistyped --db for a command that reads
    is "there is no library at …", and nothing is created.
    """
    opened = open_library(db_path, create=create)
    if opened.notice:
        print(f"akhbar: {opened.notice}", file=sys.stderr)
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
