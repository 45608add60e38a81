"""Storage's own error types: the only way a database failure leaves `storage/`.

Nothing above storage imports `sqlite3`; the window and the command line catch these.
`translate()` turns a sqlite3 error into the matching type, keeping the original as
`__cause__` so the log still has SQLite's own words.
"""

from __future__ import annotations

import sqlite3


class StorageError(Exception):
    """Any failure of the library file that the user should hear about in one line."""


class LibraryError(StorageError):
    """An operation the user asked for cannot be done (unknown id, no such headline …)."""


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
    """The storage error for a sqlite3 error (message kept, original chained by caller)."""
    message = str(error)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    text = message.lower()
    if "interrupt" in text or code == sqlite3.SQLITE_INTERRUPT:
        return SearchCancelled("search cancelled")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return LibraryBusy(message)
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return LibraryReadOnly(message)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFull(message)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        "malformed" in text or "not a database" in text
    ):
        return LibraryDamaged(message)
    return StorageError(message)
