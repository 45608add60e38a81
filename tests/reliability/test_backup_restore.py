"""Issue 6: `akhbar backup` / `akhbar restore`, and the backup taken before a migration."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.services.backup import BackupError, check_backup, restore_library
from desktop_app.services.importer import import_paths
from desktop_app.storage import schema
from desktop_app.storage.errors import StorageError
from desktop_app.storage.library import Library, LibraryError
from desktop_app.storage.safety import open_library
from tests.helpers import write_article
from tests.reliability.support import akhbar, names

NOW = datetime(2026, 11, 25, 9, 30, 0)


def clock() -> datetime:
    return NOW


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_articles(db: Path, folder: Path, start: int, count: int) -> None:
    for i in range(start, start + count):
        write_article(folder, f"{i}.txt", f"خبر رقم {i}", related=(f"عنوان {i}",))
    report = import_paths(db, [folder])
    assert not report.failed


def test_backup_and_restore_through_the_cli(tmp_path):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 3)
    backup = tmp_path / "saved.db"

    made = akhbar(db, "backup", str(backup), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"path": str(backup), "articles": 3}
    assert check_backup(backup) == 3
    assert not Path(f"{backup}-wal").exists()  # one self-contained file

    again = akhbar(db, "backup", str(backup))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert akhbar(db, "backup", str(backup), "--force").returncode == 0

    add_articles(db, tmp_path / "b", 10, 4)  # the library moves on: 7 articles
    restored = akhbar(db, "restore", str(backup), "--json")
    assert restored.returncode == 0, restored.stderr
    result = json.loads(restored.stdout)
    assert result["path"] == str(db) and result["articles"] == 3
    with Library(db) as library:
        assert library.count() == 3
    with Library(result["previous"], read_only=True) as previous:  # kept aside, whole
        assert previous.count() == 7
    assert Path(result["previous"]).name.startswith("library.db.before-restore-")


def test_backup_into_a_folder_gets_a_dated_name(tmp_path):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 2)
    folder = tmp_path / "backups"
    folder.mkdir()
    result = json.loads(akhbar(db, "backup", str(folder), "--json").stdout)
    assert Path(result["path"]).parent == folder and result["articles"] == 2


def test_backup_while_an_import_holds_the_library(tmp_path):
    """The online backup API copies a consistent snapshot while another connection writes."""
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 2)
    with Library(db) as writer:
        writer.db.execute("BEGIN IMMEDIATE")
        writer.db.execute("UPDATE articles SET read = 1")  # uncommitted
        result = akhbar(db, "backup", str(tmp_path / "snap.db"), "--json")
        writer.db.execute("COMMIT")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 2


def _bad_backups(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.db"
    add_articles(good, tmp_path / "g", 0, 30)
    with Library(good) as library:
        library.db.execute("PRAGMA journal_mode = DELETE")
    data = good.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 2])
    noise = tmp_path / "noise.db"
    noise.write_bytes(b"\x00garbage" * 4000)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.close()
    newer = tmp_path / "newer.db"
    newer.write_bytes(data)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    return {"truncated": cut, "garbage": noise, "not akhbar": other, "newer": newer}


def test_restore_refuses_unsound_backups_and_leaves_the_library_alone(tmp_path):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 100, 2)
    before = digest(db)
    for kind, bad in _bad_backups(tmp_path).items():
        with pytest.raises(BackupError):
            restore_library(db, bad, clock=clock)
        result = akhbar(db, "restore", str(bad))
        assert result.returncode == 1, kind
        [line] = result.stderr.strip().splitlines()
        assert str(bad) in line, kind
        assert digest(db) == before, kind
    assert names(tmp_path, "library.db*") == ["library.db"]


def test_restore_replaces_a_damaged_library(tmp_path):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 3)
    backup = tmp_path / "saved.db"
    assert akhbar(db, "backup", str(backup)).returncode == 0
    db.write_bytes(b"garbage" * 1000)
    result = restore_library(db, backup, clock=clock)
    assert result.articles == 3
    assert result.previous == tmp_path / "library.db.before-restore-20261125-093000"
    assert result.previous.read_bytes() == b"garbage" * 1000


# -- the backup before a schema migration ----------------------------------------------


def _v_next(db) -> None:
    """A stand-in for the next real migration: adds a table and touches every article."""
    db.execute("CREATE TABLE reading_positions (article_id INTEGER PRIMARY KEY, offset INT)")
    db.execute("INSERT INTO reading_positions SELECT id, 0 FROM articles")


def _failing_next(db) -> None:
    db.execute("CREATE TABLE half_done (x)")
    raise sqlite3.OperationalError("disk I/O error (simulated)")


@pytest.fixture
def next_schema(monkeypatch):
    """Make this Akhbar one schema newer than the libraries on disk."""

    def install(migration):
        monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, migration])
        monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
        return schema.SCHEMA_VERSION

    return install


def test_migration_backs_the_library_up_first(tmp_path, next_schema):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 4)
    old_version = schema.SCHEMA_VERSION
    new_version = next_schema(_v_next)

    opened = open_library(db, clock=clock)
    opened.library.close()

    backup = tmp_path / f"library.db.before-schema-{new_version}-20261125-093000"
    assert check_backup(backup) == 4
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    conn.close()
    with Library(db) as library:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == new_version
        assert library.db.execute("SELECT count(*) FROM reading_positions").fetchone()[0] == 4


def test_failed_migration_leaves_library_as_it_was_and_a_backup(tmp_path, next_schema):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 4)
    old_version = schema.SCHEMA_VERSION
    new_version = next_schema(_failing_next)

    with pytest.raises(StorageError, match="simulated"):  # translated by storage
        open_library(db, clock=clock)

    assert check_backup(tmp_path / f"library.db.before-schema-{new_version}-20261125-093000") == 4
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    conn.close()


def test_new_library_is_not_backed_up(tmp_path, next_schema):
    next_schema(_v_next)
    open_library(tmp_path / "library.db", clock=clock).library.close()
    assert names(tmp_path) == ["library.db"]


def test_restore_of_an_older_backup_migrates_it(tmp_path, next_schema):
    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 2)
    backup = tmp_path / "old-backup.db"
    with Library(db) as library:
        from desktop_app.services.backup import backup_library

        backup_library(library, backup)
    new_version = next_schema(_v_next)
    result = restore_library(db, backup, clock=clock)
    assert result.articles == 2
    with Library(db) as library:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == new_version
    assert check_backup(backup) == 2  # the backup itself is left as it was


def test_read_only_library_cannot_be_restored_into(tmp_path, monkeypatch):
    from desktop_app.services import backup as backup_module

    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 2)
    saved = tmp_path / "saved.db"
    assert akhbar(db, "backup", str(saved)).returncode == 0
    monkeypatch.setattr(backup_module, "is_writable", lambda path: False)
    with pytest.raises(LibraryError, match="read-only"):
        restore_library(db, saved)


def test_a_restore_reports_that_everything_changed_and_a_backup_nothing(tmp_path):
    from desktop_app.model import Changes
    from desktop_app.services.backup import backup_library

    db = tmp_path / "library.db"
    add_articles(db, tmp_path / "a", 0, 2)
    with Library(db) as library:
        made = backup_library(library, tmp_path / "saved.db")
        assert library.take_changes() == Changes.none()
    assert made.changes == Changes.none()
    restored = restore_library(db, tmp_path / "saved.db", clock=clock)
    assert restored.changes == Changes.everything()
    assert restored.articles == 2
