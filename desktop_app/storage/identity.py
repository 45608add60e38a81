"""Is this file an Akhbar library? Decided before anything is written to it.

Akhbar marks its libraries with SQLite's `application_id` (schema.APPLICATION_ID, in
bytes 68-71 of the file's header). Libraries made before the mark was introduced are
recognised by their schema version and their tables; the migration then marks them.

`identify(path)` reads the 100-byte header, and only for an SQLite file without the mark
looks inside on a connection that cannot write: read-only, and `immutable` when there is
no -wal beside it, so that not even a -wal or -shm file is created next to a file that
turns out to be someone else's. A file that is not ours is left byte for byte as it was.
"""

from __future__ import annotations

import enum
import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop_app.storage import schema
from desktop_app.storage.copies import LIBRARY_TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"


class Kind(enum.Enum):
    MISSING = "missing"  # no file: a new library may be created there
    EMPTY = "empty"  # an empty file or an SQLite file with nothing in it: ours to fill
    OURS = "ours"  # marked with Akhbar's application_id (perhaps damaged inside)
    LEGACY = "legacy"  # an unmarked library of an older Akhbar (its tables are there)
    FOREIGN = "foreign"  # a sound SQLite database of another program
    NOT_SQLITE = "not-sqlite"  # a text file, random bytes, another format
    UNREADABLE = "unreadable"  # SQLite's header, unmarked, and SQLite cannot read it


@dataclass(frozen=True)
class Identity:
    kind: Kind
    schema_version: int = 0
    reason: str = ""  # for FOREIGN, NOT_SQLITE, UNREADABLE: what the file is

    @property
    def is_ours(self) -> bool:
        """May Akhbar write to this file (create, migrate, or set it aside if damaged)?"""
        return self.kind in (Kind.MISSING, Kind.EMPTY, Kind.OURS, Kind.LEGACY)

    @property
    def is_newer(self) -> bool:
        return self.is_ours and self.schema_version > schema.SCHEMA_VERSION


def identify(path: str | Path) -> Identity:
    """What the file at `path` is (see the module docstring); never writes anything."""
    path = Path(path)
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return Identity(Kind.MISSING)
    except IsADirectoryError:
        return Identity(Kind.NOT_SQLITE, reason="it is a folder")
    if not header:
        return Identity(Kind.EMPTY)
    if not header.startswith(SQLITE_MAGIC):
        return Identity(Kind.NOT_SQLITE, reason="not an SQLite database")
    if len(header) == 100:
        (user_version,) = struct.unpack(">I", header[60:64])
        (application_id,) = struct.unpack(">I", header[68:72])
        if application_id == schema.APPLICATION_ID:
            return Identity(Kind.OURS, user_version)
        if application_id != 0:
            return Identity(
                Kind.FOREIGN,
                reason=f"an SQLite database of another program (id {application_id:#x})",
            )
    return _look_inside(path)


def _look_inside(path: Path) -> Identity:
    """An unmarked SQLite file: an older Akhbar's library, an empty one, or another's."""
    try:
        application_id, user_version, tables = _read_schema(path)
    except sqlite3.Error as error:
        return Identity(Kind.UNREADABLE, reason=f"SQLite cannot read it: {error}")
    if application_id == schema.APPLICATION_ID:  # marked in a -wal not yet checkpointed
        return Identity(Kind.OURS, user_version)
    if application_id != 0:
        return Identity(
            Kind.FOREIGN, reason=f"an SQLite database of another program (id {application_id:#x})"
        )
    if user_version >= 1 and tables >= LIBRARY_TABLES:
        return Identity(Kind.LEGACY, user_version)
    if user_version == 0 and not tables:
        return Identity(Kind.EMPTY)  # e.g. a first start killed before its first table
    return Identity(Kind.FOREIGN, reason="an SQLite database of another program")


def _read_schema(path: Path) -> tuple[int, int, frozenset[str]]:
    uri = f"file:{quote(path.as_posix(), safe='/:')}"
    wal = path.with_name(path.name + "-wal")
    # Without a -wal the file itself is the whole database: read it as immutable, which
    # creates nothing beside it. With one, read-only (another process may be writing).
    mode = "mode=ro" if os.path.exists(wal) else "immutable=1"
    conn = sqlite3.connect(f"{uri}?{mode}", uri=True)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = frozenset(
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
    finally:
        conn.close()
    return application_id, user_version, tables
