"""The library's SQLite connection: plain sqlite3 with explicit transactions.

Reads and inserts need nothing more than sqlite3, and importing sqlite-utils (with its
click and pluggy dependencies) costs about 50 ms of the window's start-up, so it is
loaded only when the schema has to be created or migrated (`as_sqlite_utils`).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


_savepoints = itertools.count(1)  # unique savepoint names within the process


class Connection:
    """One sqlite3 connection in autocommit mode; `atomic()` groups statements."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # transactions are explicit
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction, or a savepoint inside one that is already open."""
        if self.conn.in_transaction:
            name = f"akhbar_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def as_sqlite_utils(self) -> Database:
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        self.conn.close()
