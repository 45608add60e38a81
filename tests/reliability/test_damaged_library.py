"""Issue 6: a damaged library file is kept aside untouched and a fresh one is started; a
read-only library opens read-only with importing disabled. One-line messages throughout."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.services.importer import import_paths
from desktop_app.storage.library import Library, LibraryError
from desktop_app.storage.safety import header_problem, open_library
from tests.helpers import write_article
from tests.reliability.support import akhbar, names, unwritable

NOW = datetime(2026, 11, 25, 9, 30, 0)


def clock() -> datetime:
    return NOW


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def _library_at_the_default_place(tmp_path, monkeypatch):
    """tmp_path/library.db is where Akhbar keeps its library (AKHBAR_DB): a damaged file
    that is not recognisably a library is set aside only there (issue 15)."""
    monkeypatch.setenv("AKHBAR_DB", str(tmp_path / "library.db"))


def make_library(path: Path, articles: int = 5) -> Path:
    folder = path.parent / f"{path.stem}-articles"
    for i in range(articles):
        write_article(folder, f"{i}.txt", f"خبر رقم {i}", related=(f"عنوان {i}",))
    assert len(import_paths(path, [folder]).imported) == articles
    return path


def garbage(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 200)
    return path


def truncated(path: Path) -> Path:
    make_library(path, articles=40)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("damage", [garbage, truncated], ids=["garbage", "truncated"])
def test_damaged_file_is_kept_aside_untouched_and_a_new_library_starts(tmp_path, damage):
    path = damage(tmp_path / "library.db")
    before = digest(path)
    assert header_problem(path)

    opened = open_library(path, clock=clock)

    aside = tmp_path / "library.db.damaged-20261125-093000"
    assert opened.set_aside == aside
    assert digest(aside) == before
    assert "\n" not in opened.notice
    assert "damaged" in opened.notice and aside.name in opened.notice
    assert not opened.read_only
    with opened.library as library:
        assert library.count() == 0
    with Library(path) as library:  # a sound, ordinary library again
        assert library.count() == 0


def test_stale_wal_travels_with_the_damaged_file(tmp_path):
    """A -wal left beside a damaged file must not be replayed into the new library."""
    path = garbage(tmp_path / "library.db")
    wal = tmp_path / "library.db-wal"
    wal.write_bytes(b"not really a wal" * 64)
    opened = open_library(path, clock=clock)
    opened.library.close()
    assert (tmp_path / "library.db.damaged-20261125-093000-wal").read_bytes() == (
        b"not really a wal" * 64
    )
    assert not wal.exists()


def test_two_damages_in_the_same_second_keep_both_files(tmp_path):
    path = tmp_path / "library.db"
    for _ in range(2):
        garbage(path)
        open_library(path, clock=clock).library.close()
    kept = sorted(p.name for p in tmp_path.glob("library.db.damaged-*"))
    assert kept == ["library.db.damaged-20261125-093000", "library.db.damaged-20261125-093000-1"]


def test_sound_and_empty_files_are_never_moved(tmp_path):
    sound = make_library(tmp_path / "sound.db")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path in (sound, empty):
        assert header_problem(path) is None
        opened = open_library(path, clock=clock)
        opened.library.close()
        assert opened.notice is None and opened.set_aside is None
    assert names(tmp_path, "*.db*") == ["empty.db", "sound.db"]


def test_library_from_a_newer_akhbar_is_refused_not_moved(tmp_path):
    path = make_library(tmp_path / "library.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(LibraryError, match="newer Akhbar"):
        open_library(path, clock=clock)
    assert names(tmp_path, "library.db*") == ["library.db"]


def test_cli_reports_damage_in_one_line_and_carries_on(tmp_path):
    path = garbage(tmp_path / "library.db")
    before = digest(path)
    result = akhbar(path, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    [line] = result.stderr.strip().splitlines()
    assert re.search(r"damaged .*kept untouched as library\.db\.damaged-\d{8}-\d{6}", line)
    [aside] = tmp_path.glob("library.db.damaged-*")
    assert digest(aside) == before


# -- read-only -------------------------------------------------------------------------


@pytest.fixture
def shelf(tmp_path):
    """A folder holding a library of five articles, closed (no -wal/-shm left)."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    make_library(folder / "library.db")
    assert names(folder) == ["library-articles", "library.db"]
    return folder


@pytest.mark.parametrize("locked", ["folder", "file"])
def test_read_only_library_opens_read_only(shelf, locked):
    path = shelf / "library.db"
    before = digest(path)
    with unwritable(shelf if locked == "folder" else path):
        opened = open_library(path, clock=clock)
        with opened.library as library:
            assert opened.read_only
            assert "read-only" in opened.notice and "importing" in opened.notice
            assert library.count() == 5
            assert library.search("خبر")
    assert digest(path) == before


def test_cli_on_read_only_library(shelf, tmp_path):
    path = shelf / "library.db"
    new = tmp_path / "new"
    write_article(new, "n.txt", "خبر جديد")
    with unwritable(shelf):
        imported = akhbar(path, "import", str(new))
        listed = akhbar(path, "list", "--json")
        shown = akhbar(path, "show", str(json.loads(listed.stdout)[0]["id"]))
        found = akhbar(path, "search", "خبر", "--json")
        marked = akhbar(path, "bookmark", "add", "1", "0")
    assert imported.returncode == 1
    assert "cannot import: the library" in imported.stderr and "read-only" in imported.stderr
    assert "Traceback" not in imported.stderr
    assert marked.returncode == 1 and "read-only" in marked.stderr
    for result in (listed, shown, found):
        assert result.returncode == 0, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1  # the read-only notice
    assert len(json.loads(listed.stdout)) == 5
    assert json.loads(found.stdout)


def test_damaged_and_read_only_is_a_clear_error(tmp_path, monkeypatch):
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = garbage(folder / "library.db")
    monkeypatch.setenv("AKHBAR_DB", str(path))
    with unwritable(folder):
        with pytest.raises(LibraryError, match=r"damaged .* read-only"):
            open_library(path, clock=clock)
        result = akhbar(path, "list")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert names(folder) == ["library.db"]


def test_read_only_library_as_an_ordinary_user():
    """Issue 15: as an ordinary user (root ignores permissions, and SQLite's error for a
    folder nobody may write to differs from the immutable attribute's), a library in a
    folder the user cannot write opens read-only: reading works, writing is refused."""
    from tests.reliability.support import akhbar_as_user, open_folder

    with open_folder() as shared:
        db = shared / "library.db"
        make_library(db)
        for path in shared.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        before = digest(db)
        listed = akhbar_as_user(db, "list", "--json", home=shared / "home")
        found = akhbar_as_user(db, "search", "خبر", "--json", home=shared / "home")
        refused = akhbar_as_user(
            db, "import", str(shared / "library-articles"), home=shared / "home"
        )
        after = digest(db)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 5
    assert "read-only" in listed.stderr and len(listed.stderr.strip().splitlines()) == 1
    assert found.returncode == 0 and json.loads(found.stdout)
    assert refused.returncode == 1 and "cannot import" in refused.stderr
    assert after == before
