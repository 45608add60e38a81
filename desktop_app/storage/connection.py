"""The library's SQLite connection: plain sqlite3 with explicit transactions.

Every statement of storage runs through `Connection`, which turns sqlite3's errors into
storage's own (storage/errors.py), on execute and on every fetch, and hands rows out as
`sqlite3.Row`, so the repositories read columns by name, never by position.

Reads and inserts need nothing more than sqlite3, and importing sqlite-utils (with its
click and pluggy dependencies) costs about 50 ms of the window's start-up, so it is
loaded only when the schema has to be created or migrated (`as_sqlite_utils`).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from desktop_app.storage import functions
from desktop_app.storage.errors import translating

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = sqlite3.Row
Params = Sequence[Any] | dict[str, Any]

BUSY_TIMEOUT_MS = 15000
_savepoints = itertools.count(1)  # unique savepoint names within the process


class Cursor:
    """The rows of one statement, as sqlite3.Row; errors while fetching are translated."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        cursor.row_factory = sqlite3.Row
        self._cursor = cursor

    def fetchone(self) -> Row | None:
        with translating():
            return self._cursor.fetchone()

    def fetchall(self) -> list[Row]:
        with translating():
            return self._cursor.fetchall()

    def fetchmany(self, size: int) -> list[Row]:
        with translating():
            return self._cursor.fetchmany(size)

    def __iter__(self) -> Iterator[Row]:
        with translating():
            yield from self._cursor

    def close(self) -> None:
        """Let go of the statement (and its read snapshot) before the rows run out."""
        self._cursor.close()

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid


class Connection:
    """One sqlite3 connection in autocommit mode; `atomic()` groups statements."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # transactions are explicit
        self.conn = conn

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        with translating():
            return Cursor(self.conn.execute(sql, params))

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        with translating():
            self.conn.executemany(sql, rows)

    def column(self, sql: str, params: Params = ()) -> list[Any]:
        """The first column of every row: for long lists of ids, without a Row each."""
        with translating():
            return [row[0] for row in self.conn.execute(sql, params)]

    def scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def total_changes(self) -> int:
        """Rows this connection has changed since it opened (a cheap change counter)."""
        return self.conn.total_changes

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction, or a savepoint inside one that is already open."""
        if self.conn.in_transaction:
            name = f"akhbar_{next(_savepoints)}"
            self.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from any thread)."""
        self.conn.interrupt()

    def as_sqlite_utils(self) -> Database:
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        self.conn.close()


def connect(path: str | Path, read_only: bool = False) -> Connection:
    """Open the database file at `path` (created if missing, unless `read_only`)."""
    with translating():
        if read_only:
            conn = _connect_read_only(Path(path))
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.isolation_level = None  # transactions are explicit: Connection.atomic()
        try:
            functions.register(conn)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:  # a damaged file: let the caller rename it (Windows needs it closed)
            conn.close()
            raise
    return Connection(conn)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(path.as_posix(), safe='/:')}"
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        # A WAL library in a folder this user may not write to: its -shm cannot be
        # created, so read the file as immutable (nothing can change it there anyway).
        # SQLite says CANTOPEN, or READONLY ("attempt to write a readonly database",
        # SQLITE_READONLY_CANTINIT) for an ordinary user; root sees only the former.
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            raise
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
    return conn
