"""Opening a library safely: damaged files kept aside, read-only files opened read-only.

`open_library` is the one way the command line and the window open the user's library:

- a damaged file (garbage, truncated, "file is not a database") is never written to and
  never deleted: it is renamed beside itself with a timestamp (`library.db.damaged-
  20261125-093000`, its -wal/-shm files with it) and a fresh, empty library is started;
- a file or folder the user cannot write to is opened read-only, and the caller is told
  so that it can disable importing and bookmarks;
- a library written by an older release is copied with SQLite's online backup API before
  its schema is migrated (`library.db.before-schema-2-20261125-093000`).

Damage is only ever concluded from SQLite's own verdict (SQLITE_NOTADB, SQLITE_CORRUPT or
a failed quick_check), never from reading raw bytes alone: another process may be
checkpointing the file while we look at it, and a healthy library must never be moved.
"""

from __future__ import annotations

import glob
import logging
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from desktop_app.paths import default_library_path, standard_library_path
from desktop_app.storage import schema
from desktop_app.storage.connection import Connection, connect
from desktop_app.storage.copies import copy_database
from desktop_app.storage.errors import LibraryDamaged, LibraryError, NotALibrary, StorageError
from desktop_app.storage.identity import Kind, identify
from desktop_app.storage.library import Library
from desktop_app.storage.swap import finish_interrupted_swap, set_aside, timestamp

__all__ = [
    "DamagedLibraryError",
    "NoLibrary",
    "NotAnAkhbarLibrary",
    "OpenedLibrary",
    "copy_database",
    "header_problem",
    "is_writable",
    "open_library",
    "set_aside",
    "timestamp",
]

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26

Clock = Callable[[], datetime]


class DamagedLibraryError(LibraryError, LibraryDamaged):
    """The library file is not a readable SQLite database; `reason` says what is wrong."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"the library {path} is damaged ({reason})")
        self.path = path
        self.reason = reason


class NotAnAkhbarLibrary(LibraryError, NotALibrary):
    """The file is not an Akhbar library; it was left exactly as it was."""


class NoLibrary(LibraryError):
    """A command that only reads was pointed at a library that does not exist."""


@dataclass(frozen=True)
class OpenedLibrary:
    """An open library and what the user must be told about how it was opened."""

    library: Library
    notice: str | None = None  # one line for the user, None when all is as expected
    read_only: bool = False
    set_aside: Path | None = None  # where a damaged file was kept, if one was


def open_library(
    path: str | Path,
    *,
    read_only: bool | None = None,
    clock: Clock = datetime.now,
    create: bool = True,
) -> OpenedLibrary:
    """Open (or, when `create`, create) the library at `path`. `read_only=None`: detect it.

    Raises LibraryError (one line) when the library cannot be used at all: not an Akhbar
    library (left byte for byte as it was), missing when `create` is False, damaged and
    read-only, written by a newer Akhbar, or in a folder where it cannot be created.
    A damaged file is set aside only when it is recognisably an Akhbar library, or sits
    where Akhbar keeps its library by default (`default_library_path()`).
    """
    path = Path(path)
    finished = None
    if read_only is not True and is_writable(path):
        finished = finish_interrupted_swap(path)  # a restore killed half way: done or undone
    opened = _open(path, read_only, clock, create)
    if finished is None:
        return opened
    notice = f"{finished}; {opened.notice}" if opened.notice else finished
    return replace(opened, notice=notice)


def _open(path: Path, read_only: bool | None, clock: Clock, create: bool) -> OpenedLibrary:
    found = identify(path)
    if found.kind is Kind.MISSING and not create:
        raise NoLibrary(
            f"there is no library at {path} (nothing was created; "
            "'akhbar import FILE_OR_FOLDER' starts one)"
        )
    unreadable = found.kind in (Kind.NOT_SQLITE, Kind.UNREADABLE)
    if not found.is_ours and not (unreadable and is_default_library(path)):
        raise NotAnAkhbarLibrary(
            f"{path} is not an Akhbar library ({found.reason}); it was left as it was"
        )
    if found.is_newer:
        raise LibraryError(f"cannot open {path}: {schema.newer_library(found.schema_version)}")
    if read_only is None:
        read_only = path.exists() and not is_writable(path)
    if read_only:
        return _open_read_only(path)
    try:
        if unreadable:  # at the default place: a library once, now beyond SQLite's reading
            raise DamagedLibraryError(path, found.reason)
        return OpenedLibrary(_open_checked(path, clock))
    except DamagedLibraryError as damage:
        aside = set_aside(path, "damaged", clock)
        log.warning("damaged library %s (%s) kept as %s", path, damage.reason, aside)
        library = _open_checked(path, clock)
        notice = (
            f"the library {path} was damaged ({damage.reason}); it was kept untouched as "
            f"{aside.name} and a new, empty library was started"
        )
        return OpenedLibrary(library, notice=notice, set_aside=aside)


def is_default_library(path: Path) -> bool:
    """Is `path` where Akhbar keeps its library when no --db is given?"""
    here = os.path.abspath(path)
    return any(
        here == os.path.abspath(place)
        for place in (default_library_path(), standard_library_path())
    )


def is_writable(path: Path) -> bool:
    """Can this process change the library file and create its -wal/-shm beside it?"""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def is_damage(error: StorageError) -> bool:
    """True for SQLite's "this file is not a (sound) database" errors, not for busy/locked."""
    return (error.code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _open_checked(path: Path, clock: Clock) -> Library:
    """Open for writing, migrating with a backup first; DamagedLibraryError if damaged."""
    suspicion = header_problem(path)
    if suspicion:
        # Judge a suspect file on a read-only connection: a writing one may checkpoint a
        # -wal into it or delete that -wal on close, and the damaged file must be kept
        # exactly as it was found.
        _probe(path)

    def backup_before_migration(opened: Library, current: int) -> None:
        _backup_before_migration(opened.db, path, current, clock)

    try:
        return Library(path, before_migration=backup_before_migration)
    except NotALibrary as error:  # schema.migrate: written by a newer Akhbar
        raise LibraryError(f"cannot open {path}: {error}") from error
    except StorageError as error:
        if is_damage(error):
            raise DamagedLibraryError(path, _damage_reason(error)) from error
        raise


def _probe(path: Path) -> None:
    """SQLite's verdict on a suspect file, read-only: DamagedLibraryError if damaged."""
    try:
        db = connect(path, read_only=True)
    except StorageError as error:
        if is_damage(error):
            raise DamagedLibraryError(path, _damage_reason(error)) from error
        raise
    try:
        _quick_check(db, path)
    finally:
        db.close()


def _open_read_only(path: Path) -> OpenedLibrary:
    try:
        library = Library(path, read_only=True)
    except StorageError as error:
        if is_damage(error):
            raise LibraryError(
                f"the library {path} is damaged ({_damage_reason(error)}) and read-only, "
                "so it cannot be set aside; make its folder writable or choose another library"
            ) from error
        raise LibraryError(f"cannot open the read-only library {path}: {error}") from error
    try:
        version = schema.schema_version(library.db)
        if header_problem(path):
            _quick_check(library.db, path)
    except StorageError as error:
        library.close()
        reason = error.reason if isinstance(error, DamagedLibraryError) else str(error)
        raise LibraryError(
            f"the library {path} is damaged ({reason}) and read-only, so it cannot be set aside"
        ) from error
    if version != schema.SCHEMA_VERSION:
        library.close()
        raise LibraryError(
            f"the library {path} is read-only and has schema {version}, but this Akhbar "
            f"needs schema {schema.SCHEMA_VERSION} and cannot upgrade a file it may not write"
        )
    notice = (
        f"the library {path} is read-only (the file or its folder is not writable): "
        "opened for reading; importing and bookmarks are disabled"
    )
    return OpenedLibrary(library, notice=notice, read_only=True)


def header_problem(path: Path) -> str | None:
    """A reason to suspect the file from its first 100 bytes; None when it looks sound.

    Only a suspicion: SQLite must confirm it (see the module docstring).
    """
    try:
        with open(path, "rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None  # SQLite's own "new, empty database"
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database"
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter, page_count) = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if valid_for == change_counter and page_count * page_size > size:
        return f"truncated: {size} of {page_count * page_size} bytes"
    return None


def _quick_check(db: Connection, path: Path) -> None:
    try:
        rows = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    except StorageError as error:
        if is_damage(error):
            raise DamagedLibraryError(path, _damage_reason(error)) from error
        raise
    if rows != ["ok"]:
        raise DamagedLibraryError(path, f"check failed: {rows[0][:120]}")


def _damage_reason(error: StorageError) -> str:
    return "not an SQLite database" if error.code == _SQLITE_NOTADB else f"corrupt: {error}"


def _backup_before_migration(conn: Connection, path: Path, current: int, clock: Clock) -> None:
    """Copy the library before its schema is upgraded; once per upgrade, not per attempt.

    Runs under the library's exclusive lock (Library._open_for_writing), so no other
    process is backing up: a `.partial` copy lying here is what a killed attempt left,
    and is removed. A complete backup an earlier, failed or killed, attempt made of this
    same library is kept and reused (a migration that does not finish changes nothing),
    so that repeated kills never leave a full copy each.
    """
    prefix = f"{path.name}.before-schema-{schema.SCHEMA_VERSION}-"
    pattern = os.path.join(glob.escape(str(path.parent)), glob.escape(prefix) + "*")
    for name in glob.glob(pattern):
        if ".partial" in os.path.basename(name):
            Path(name).unlink(missing_ok=True)
            log.info("removed %s, left by an upgrade that was stopped", name)
    for name in sorted(glob.glob(pattern)):
        if _same_library(conn, Path(name), current):
            log.info("library %s already backed up to %s before migrating", path, name)
            return
    target = path.with_name(f"{prefix}{timestamp(clock)}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{prefix}{timestamp(clock)}-{counter}")
        counter += 1
    copy_database(conn, target)
    log.info("library %s (schema %d) backed up to %s before migrating", path, current, target)


def _same_library(conn: Connection, backup: Path, version: int) -> bool:
    """Is `backup` a whole copy of the library open on `conn` (same schema, same rows)?"""
    found = identify(backup)
    if found.kind not in (Kind.OURS, Kind.LEGACY) or found.schema_version != version:
        return False
    shape = "SELECT count(*), max(id) FROM articles"
    try:
        copy = connect(backup, read_only=True)
        try:
            theirs = tuple(copy.execute(shape).fetchone() or ())
        finally:
            copy.close()
        return theirs == tuple(conn.execute(shape).fetchone() or ())
    except StorageError:
        return False
