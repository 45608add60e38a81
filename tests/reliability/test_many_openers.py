"""Issue 15, items 3 and 4: many processes, one library.

Any number of processes may open a new library at once (one creates the schema, the
others wait and find it made); several opening an old-schema library at once (the first
start after an upgrade) migrate it once and back it up once; a migration killed again and
again leaves one backup, not one per attempt, and no half-written copies.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desktop_app.storage import schema
from desktop_app.storage.connection import connect
from desktop_app.storage.library import Library
from tests.helpers import stored, write_article
from tests.reliability.support import names

# Waits until the moment given, so that every process opens the library at once (a
# process start takes longer than the race it is meant to provoke), then does its work.
OPENER = textwrap.dedent(
    """
    import sys, time
    start, mode, db, *rest = sys.argv[1:]
    if mode == "slow-migration":  # this Akhbar is one schema newer, and slow to upgrade
        from desktop_app.storage import schema
        def slow_step(db_):
            db_.execute("CREATE TABLE IF NOT EXISTS reading_positions (id INTEGER)")
            time.sleep(float(rest[0]))
        schema.MIGRATIONS.append(slow_step)
        schema.SCHEMA_VERSION = len(schema.MIGRATIONS)
    while time.time() < float(start):
        time.sleep(0.001)
    if mode == "import":
        from desktop_app.cli import main
        sys.exit(main(["--db", db, "import", *rest, "--json"]))
    from desktop_app.storage.safety import open_library
    with open_library(db).library as library:
        print(library.count())
    """
)


def start_openers(tmp_path: Path, mode: str, db: Path, argument_lists: list[list[str]]):
    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    start = time.time() + 2.0  # every interpreter is up by then, even on a busy machine
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(start), mode, str(db), *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for arguments in argument_lists
    ]
    return [(p, *p.communicate(timeout=300)) for p in processes]


def test_six_processes_open_a_new_library_at_once(tmp_path):
    db = tmp_path / "new" / "library.db"
    results = start_openers(tmp_path, "open", db, [[] for _ in range(6)])
    for process, out, err in results:
        assert process.returncode == 0, err
        assert out.strip() == "0" and err == ""
    with Library(db) as library:
        assert schema.schema_version(library.db) == schema.SCHEMA_VERSION
    assert names(db.parent) == ["library.db"]


def test_two_imports_into_a_new_library_at_once(tmp_path):
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        for i in range(20):
            write_article(
                folder, f"{i}.txt", f"خبر {name} رقم {i}", paragraphs=(f"نص {name} {i}.",)
            )
        folders.append([str(folder)])
    db = tmp_path / "library.db"
    results = start_openers(tmp_path, "import", db, folders)
    for process, out, err in results:
        assert process.returncode == 0, err
        report = json.loads(out)
        assert len(report["imported"]) == 20 and report["failed"] == []
    assert check_whole_articles_count(db) == 40


def check_whole_articles_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def make_v1_library(path: Path, articles: int) -> None:
    """A library as version 1 of the schema made it, with `articles` articles."""
    donor_path = path.with_name("donor.db")
    with Library(donor_path) as donor:
        for i in range(articles):
            stored(donor, f"خبر قديم رقم {i}", [f"الرياض - نص الخبر القديم {i}."], name=f"{i}.txt")
        columns = [row[1] for row in donor.db.execute("PRAGMA table_info(articles)")]
        rows = donor.db.execute(f"SELECT {', '.join(columns)} FROM articles").fetchall()
    db = connect(path)
    schema.MIGRATIONS[0](db.as_sqlite_utils())
    db.execute("PRAGMA user_version = 1")
    db.executemany(
        f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [tuple(row) for row in rows],
    )
    db.close()
    donor_path.unlink()


def test_three_processes_open_an_old_library_at_once(tmp_path):
    db = tmp_path / "library.db"
    make_v1_library(db, 30)
    results = start_openers(tmp_path, "open", db, [[] for _ in range(3)])
    for process, out, err in results:
        assert process.returncode == 0, err
        assert out.strip() == "30" and err == ""
    files = names(tmp_path, "library.db*")
    backups = [name for name in files if ".before-schema-" in name]
    assert len(backups) == 1, files  # backed up once
    assert files == ["library.db", backups[0]]  # and no .partial left behind
    conn = sqlite3.connect(tmp_path / backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 30
    conn.close()
    with Library(db) as library:
        assert schema.schema_version(library.db) == schema.SCHEMA_VERSION
        assert len(library.search("القديم", limit=100)) == 30  # reindexed once, not twice


def test_a_migration_killed_again_and_again_leaves_one_backup(tmp_path):
    db = tmp_path / "library.db"
    folder = tmp_path / "articles"
    for i in range(40):
        write_article(folder, f"{i}.txt", f"خبر رقم {i}", related=(f"عنوان {i}",))
    from desktop_app.services.importer import import_paths

    assert len(import_paths(db, [folder]).imported) == 40
    # What an earlier attempt killed in the middle of its copy leaves behind.
    stale = tmp_path / "library.db.before-schema-9-20260101-000000.partial"
    stale.write_bytes(b"half a copy")
    stale_now = tmp_path / f"library.db.before-schema-{schema.SCHEMA_VERSION + 1}-x.partial-1-ab"
    stale_now.write_bytes(b"half a copy")
    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    rng = random.Random(15)
    for _attempt in range(7):
        process = subprocess.Popen(
            [sys.executable, str(script), "0", "slow-migration", str(db), "30"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # The migration step sleeps 30 s inside its transaction; the kill lands in the
        # start-up, the backup or the step.
        time.sleep(rng.uniform(0.4, 1.6))
        process.kill()
        process.wait()
        time.sleep(1.0)  # the next attempt gets a new timestamp
    finished = subprocess.run(
        [sys.executable, str(script), "0", "slow-migration", str(db), "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    files = names(tmp_path, "library.db*")
    backups = [name for name in files if ".before-schema-" in name and ".partial" not in name]
    assert len(backups) <= 1, files
    assert [name for name in files if ".partial" in name] == [stale.name], files
    # (another upgrade's name: not this migration's to remove)
    assert check_whole_articles_count(db) == 40
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    conn.close()
