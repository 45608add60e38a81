"""Issue 15, items 1 and 2: never touch what is not ours.

A `--db` that names a file which is not an Akhbar library (a text file, another
program's SQLite database) is refused in one line and left byte for byte as it was, for
reading commands, for `import` and for the window; a library from a newer Akhbar is
refused before anything is written; a read command on a library that does not exist says
so and creates nothing, not even its folder.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage import schema
from desktop_app.storage.errors import NotALibrary
from desktop_app.storage.identity import Kind, identify
from desktop_app.storage.library import Library, LibraryError
from desktop_app.storage.safety import open_library
from tests.helpers import write_article
from tests.reliability.support import akhbar, names


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder: its bytes and its modification time (ns)."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def text_file(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("ملاحظات: هذا ملف نصي وليس مكتبة.\n" * 50, encoding="utf-8")
    return path


def other_programs_database(folder: Path) -> Path:
    path = folder / "contacts.db"
    conn = sqlite3.connect(path)  # rollback journal, as most programs leave it
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('سارة', '0500000000')")
    conn.commit()
    conn.close()
    return path


def marked_database(folder: Path) -> Path:
    """Another program that marks its files with an application_id of its own."""
    path = folder / "marked.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")  # a lookalike name
    conn.commit()
    conn.close()
    return path


FOREIGN = {"text": text_file, "sqlite": other_programs_database, "marked": marked_database}


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "incoming"
    write_article(folder, "1.txt", "افتتاح معرض الكتاب")
    return folder


@pytest.mark.parametrize("kind", FOREIGN)
def test_commands_refuse_a_file_that_is_not_a_library_and_leave_it_alone(tmp_path, articles, kind):
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    path = FOREIGN[kind](shelf)
    before = state(shelf)
    for command in (
        ["list"],
        ["list", "--json"],
        ["search", "معرض"],
        ["show", "1"],
        ["bookmark", "list"],
        ["import", str(articles)],
        ["import", str(articles), "--json"],
    ):
        result = akhbar(path, *command)
        assert result.returncode == 1, (command, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert "is not an Akhbar library" in line and "left as it was" in line, line
        assert str(path) in line
        assert result.stdout == "", command
        assert state(shelf) == before, command  # no byte, no mtime, no -wal/-shm/lock
    with pytest.raises(LibraryError, match="not an Akhbar library"):
        open_library(path)
    assert state(shelf) == before


def test_the_window_refuses_a_file_that_is_not_a_library(tmp_path):
    """The window's open path (gui.app.create_window) is storage.safety.open_library; the
    GUI test tests/gui/test_library_safety.py drives the window itself."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    path = other_programs_database(shelf)
    before = state(shelf)
    with pytest.raises(LibraryError, match="not an Akhbar library"):
        open_library(path, create=True)
    with pytest.raises(NotALibrary):  # the library itself refuses too (importer, workers)
        Library(path)
    assert state(shelf) == before


def test_a_library_from_a_newer_akhbar_is_refused_before_anything_is_written(tmp_path, articles):
    path = tmp_path / "shelf" / "library.db"
    with Library(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a newer Akhbar might leave it
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.close()
    before = state(path.parent)
    for command in (["import", str(articles)], ["list"], ["bookmark", "add", "1", "0"]):
        result = akhbar(path, *command)
        assert result.returncode == 1, command
        [line] = result.stderr.strip().splitlines()
        assert "newer Akhbar" in line, line
        assert state(path.parent) == before, command  # still DELETE mode: nothing written
    with pytest.raises(LibraryError, match="newer Akhbar"):
        open_library(path)
    assert state(path.parent) == before


def test_a_library_is_marked_and_an_unmarked_old_one_is_recognised_then_marked(tmp_path):
    new = tmp_path / "new.db"
    Library(new).close()
    assert identify(new).kind is Kind.OURS
    with open(new, "rb") as file:
        assert file.read(100)[68:72] == schema.APPLICATION_ID.to_bytes(4, "big")

    old = tmp_path / "old.db"  # a library as versions 1-2 made it: no application_id
    conn = sqlite3.connect(old)
    for version, migration in enumerate(schema.MIGRATIONS[:2], start=1):
        from desktop_app.storage.connection import Connection

        migration(Connection(conn).as_sqlite_utils())
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    assert identify(old).kind is Kind.LEGACY
    open_library(old).library.close()
    assert identify(old).kind is Kind.OURS


def test_a_damaged_library_of_ours_is_still_set_aside_anywhere(tmp_path):
    path = tmp_path / "mine.db"
    Library(path).close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # the header, and Akhbar's mark, survive
    path.write_bytes(bytes(data))
    opened = open_library(path)
    opened.library.close()
    assert opened.set_aside is not None and opened.set_aside.read_bytes() == bytes(data)


# -- item 2: read commands on a library that does not exist -----------------------------

READ_COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["show", "5"],
    ["search", "خبر"],
    ["bookmark", "list"],
    ["bookmark", "add", "5", "0"],
    ["bookmark", "remove", "5"],
    ["backup", "copy.db"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_on_a_missing_library_says_so_and_creates_nothing(tmp_path, command):
    path = tmp_path / "typo" / "nested" / "librray.db"
    result = akhbar(path, *[str(tmp_path / c) if c.endswith(".db") else c for c in command])
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("akhbar: error: there is no library at ") and str(path) in line
    assert os.listdir(tmp_path) == [], "something was created"


def test_import_and_the_window_may_create_a_library(tmp_path, articles):
    path = tmp_path / "new" / "library.db"
    result = akhbar(path, "import", str(articles))
    assert result.returncode == 0, result.stderr
    assert names(path.parent) == ["library.db"]
    fresh = tmp_path / "other" / "library.db"
    open_library(fresh).library.close()  # what the window does
    assert fresh.exists()
