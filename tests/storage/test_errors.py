"""No sqlite3 error leaves storage: each arrives as one of storage/errors.py's types."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from desktop_app.storage.errors import (
    DiskFull,
    LibraryBusy,
    LibraryDamaged,
    LibraryReadOnly,
    NotALibrary,
    SearchCancelled,
    StorageError,
    translate,
)
from desktop_app.storage.library import Library
from tests.helpers import stored


def _sqlite_error(sql: str) -> sqlite3.Error:
    try:
        sqlite3.connect(":memory:").execute(sql)
    except sqlite3.Error as error:
        return error
    raise AssertionError(f"{sql} did not fail")


def test_translate_picks_the_type_from_sqlite_code_and_keeps_the_message():
    error = _sqlite_error("SELECT * FROM nowhere")
    translated = translate(error)
    assert type(translated) is StorageError
    assert str(translated) == "no such table: nowhere"
    assert translated.code == sqlite3.SQLITE_ERROR
    assert isinstance(translate(sqlite3.OperationalError("database is locked")), LibraryBusy)
    assert isinstance(translate(sqlite3.OperationalError("interrupted")), SearchCancelled)
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    assert isinstance(translate(readonly), LibraryReadOnly)
    assert isinstance(translate(sqlite3.OperationalError("database or disk is full")), DiskFull)
    damaged = sqlite3.DatabaseError("database disk image is malformed")
    assert isinstance(translate(damaged), LibraryDamaged)


def test_a_failing_statement_raises_a_storage_error(library):
    with pytest.raises(StorageError, match="no such table") as caught:
        library.db.execute("SELECT * FROM nowhere")
    assert isinstance(caught.value.__cause__, sqlite3.Error)  # SQLite's words kept


def test_an_error_while_fetching_is_translated(library):
    def fail_on_third(value: int) -> int:
        if value == 3:
            raise ValueError("third row")
        return value

    library.db.conn.create_function("fail_on_third", 1, fail_on_third)
    cursor = library.db.execute("SELECT fail_on_third(column1) FROM (VALUES (1), (2), (3))")
    assert cursor.fetchone()[0] == 1  # the first rows are fine; the third fails
    with pytest.raises(StorageError, match="user-defined function raised exception"):
        cursor.fetchall()


def test_a_busy_library_raises_library_busy(tmp_path):
    with Library(tmp_path / "lib.db") as library, Library(tmp_path / "lib.db") as other:
        article_id = stored(library, "عنوان")
        library.db.execute("PRAGMA busy_timeout = 0")
        other.db.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(LibraryBusy):
                library.set_read(article_id)
        finally:
            other.db.execute("ROLLBACK")


def test_an_interrupted_listing_raises_search_cancelled(library):
    stored(library, "عنوان")
    started, interrupted = threading.Event(), threading.Event()

    def stall() -> int:
        started.set()
        interrupted.wait(5)
        return 1

    library.db.conn.create_function("stall", 0, stall)

    def interrupt_when_started() -> None:
        started.wait(5)
        library.interrupt()
        interrupted.set()

    other = threading.Thread(target=interrupt_when_started)
    other.start()
    with pytest.raises(SearchCancelled):
        library.db.execute("SELECT count(*) FROM articles WHERE stall()").fetchall()
    other.join()
    assert library.count() == 1  # the connection still works


def test_opening_a_file_that_is_not_a_database_raises_not_a_library(tmp_path):
    """Not recognisably an Akhbar library (issue 15): refused, and left as it was."""
    path = tmp_path / "noise.db"
    path.write_bytes(b"\x00not a database" * 400)
    with pytest.raises(NotALibrary):
        Library(path)
    assert path.read_bytes() == b"\x00not a database" * 400


def test_opening_a_damaged_library_raises_library_damaged(tmp_path):
    path = tmp_path / "ours.db"
    Library(path).close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # the header (and its mark) kept, pages gone
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryDamaged):
        Library(path)
