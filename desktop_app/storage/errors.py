"""Storage's own error types: the only way a database failure leaves `storage/`.

Nothing above storage imports `sqlite3`; the window and the command line catch these.
`translate()` turns a sqlite3 error into the matching type, keeping the original as
`__cause__` so the log still has SQLite's own words. Every sqlite3 call in storage goes
through `Connection` (storage/connection.py) or `translating()`, which apply it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class StorageError(Exception):
    """Any failure of the library file that the user should hear about in one line.

    `code` is SQLite's primary result code when SQLite reported the failure, else 0.
    """

    code: int = 0


class LibraryError(StorageError):
    """An operation the user asked for cannot be done (unknown id, no such headline …)."""


class LibraryReplaced(LibraryError):
    """The library file was replaced (a restore by another process) since it was opened:
    nothing was written; open the library again."""


class SearchCancelled(LibraryError):
    """A search was stopped by Library.interrupt() before it finished."""


class LibraryBusy(StorageError):
    """Another process held the write lock for longer than the busy timeout."""


class LibraryReadOnly(StorageError):
    """The library file (or its folder) cannot be written."""


class LibraryDamaged(StorageError):
    """The file is not a sound SQLite database (malformed, not a database, …)."""


class DiskFull(StorageError):
    """The disk (or the file system's quota) is full."""


class NotALibrary(StorageError):
    """The file is a database, but not an Akhbar library (or one from a newer Akhbar)."""


def translate(error: sqlite3.Error) -> StorageError:
    """The storage error for a sqlite3 error (message kept, original chained by caller).

    A StorageError passes through unchanged.
    """
    if isinstance(error, StorageError):
        return error
    message = str(error)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    text = message.lower()
    kind: type[StorageError]
    if "interrupt" in text or code == sqlite3.SQLITE_INTERRUPT:
        kind, message = SearchCancelled, "search cancelled"
    elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        kind = LibraryBusy
    elif code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        kind = LibraryReadOnly
    elif code == sqlite3.SQLITE_FULL or "disk is full" in text:
        kind = DiskFull
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        "malformed" in text or "not a database" in text
    ):
        kind = LibraryDamaged
    elif "could not decode to utf-8" in text:
        # Akhbar only ever stores valid UTF-8: text that does not decode was damaged on
        # disk (a flipped byte inside a page that SQLite's own checks did not catch).
        kind, code = LibraryDamaged, sqlite3.SQLITE_CORRUPT
        column = re.search(r"column '(\w+)'", message)  # not the text: it is garbage
        where = f" (column {column.group(1)})" if column else ""
        message = f"text in the library is not valid UTF-8{where}"
    else:
        kind = StorageError
    translated = kind(message)
    translated.code = code
    return translated


@contextmanager
def translating() -> Iterator[None]:
    """Run a block of sqlite3 calls; a sqlite3 error leaves it as a StorageError."""
    try:
        yield
    except StorageError:
        raise
    except sqlite3.Error as error:
        raise translate(error) from error
    except UnicodeDecodeError as error:
        # Akhbar only ever stores valid UTF-8: text that does not decode was damaged on
        # disk (a flipped byte inside a page that SQLite's own checks did not catch).
        damaged = LibraryDamaged(f"text in the library is not valid UTF-8 ({error.reason})")
        damaged.code = sqlite3.SQLITE_CORRUPT
        raise damaged from error
