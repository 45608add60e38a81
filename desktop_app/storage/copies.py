"""Whole-file copies of a library and the SQL that judges one: the storage half of
backups (services/backup.py decides what to tell the user).

A copy is a consistent snapshot taken with SQLite's online backup API, so it can be made
while the window or an import is using the library.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app.storage.connection import Connection, connect
from desktop_app.storage.errors import translating

LIBRARY_TABLES = frozenset({"articles", "related", "bookmarks", "articles_fts"})


def copy_database(
    source: sqlite3.Connection | Connection, destination: Path, overwrite: bool = True
) -> None:
    """A consistent copy of an open database in one self-contained file (no -wal).

    SQLite's online backup API copies a snapshot while other connections keep reading
    and writing. The copy is written under a temporary name and renamed into place, so
    a crash never leaves a half-written file under the name the user chose. Without
    `overwrite`, FileExistsError if `destination` exists (checked as the copy is put in
    place, so two copies to one name at once never replace each other).
    """
    conn = source.conn if isinstance(source, Connection) else source
    # A name of its own: two copies to one destination at once never share (or delete)
    # each other's half-written file.
    partial = destination.with_name(
        f"{destination.name}.partial-{os.getpid()}-{secrets.token_hex(4)}"
    )
    with translating():
        target = sqlite3.connect(str(partial))
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # the copy is one file on its own
        except BaseException:
            target.close()
            partial.unlink(missing_ok=True)
            raise
        target.close()
    if overwrite:
        os.replace(partial, destination)
    else:
        _place_new(partial, destination)


def _place_new(partial: Path, destination: Path) -> None:
    """Rename `partial` to `destination` unless that exists (FileExistsError then)."""
    try:
        if os.name == "nt":
            os.rename(partial, destination)  # fails when the target exists
            return
        try:
            os.link(partial, destination)  # fails when the target exists
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            if destination.exists():
                raise FileExistsError(destination) from None
            os.replace(partial, destination)
            return
        partial.unlink()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def copy_file(source: Path, destination: Path) -> None:
    """Copy the database at `source` (opened read-only) to `destination`, as above."""
    db = connect(source, read_only=True)
    try:
        copy_database(db, destination)
    finally:
        db.close()


@dataclass(frozen=True)
class CopyCheck:
    """What SQLite says about a file that is to become a library."""

    problems: tuple[str, ...]  # integrity_check's complaints; empty when sound
    schema_version: int = 0
    tables: frozenset[str] = frozenset()
    articles: int | None = None  # counted only in a sound file with an articles table

    @property
    def is_library(self) -> bool:
        return self.schema_version >= 1 and self.tables >= LIBRARY_TABLES


def check_copy(path: Path) -> CopyCheck:
    """Open `path` read-only and check it; raises StorageError when it cannot be read."""
    db = connect(path, read_only=True)
    try:
        problems = [row[0] for row in db.execute("PRAGMA integrity_check(3)")]
        if problems != ["ok"]:
            return CopyCheck(problems=tuple(problems))
        version = db.scalar("PRAGMA user_version")
        tables = frozenset(row["name"] for row in db.execute("SELECT name FROM sqlite_master"))
        articles = db.scalar("SELECT count(*) FROM articles") if "articles" in tables else None
        return CopyCheck((), version, tables, articles)
    finally:
        db.close()
