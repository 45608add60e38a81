"""Issue 15, items 6 and 7: a restore and the other processes using the library.

A restore takes the library's lock exclusively: it refuses while an import runs (which
then reports only articles that are in the library), and a process that has the library
open notices the new file and writes nothing into the old one. A restore killed at any
step is finished or undone at the next open, and the user is told.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.services.backup import backup_library, restore_library
from desktop_app.services.importer import import_paths
from desktop_app.storage import swap
from desktop_app.storage.errors import LibraryBusy, LibraryReplaced
from desktop_app.storage.library import Library
from tests.helpers import write_article
from tests.reliability.support import FULL, akhbar, akhbar_args, names


def make_library(db: Path, folder: Path, count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        write_article(folder, f"{i}.txt", f"خبر رقم {i}", related=(f"عنوان {i}",))
    assert not import_paths(db, [folder]).failed


def ids(db: Path) -> set[int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()


# An import whose every file takes a while to report (a slow terminal, a busy machine):
# it holds the library's lock for as long as it runs, as any import does.
SLOW_IMPORT = """
import sys, time
from desktop_app.services.exports import write_import_report
from desktop_app.services.importer import import_paths
report = import_paths(sys.argv[1], [sys.argv[2]], progress=lambda *a: time.sleep(0.25))
write_import_report(report, sys.stdout)
"""


def test_a_restore_refuses_while_an_import_runs_and_the_import_reports_only_what_is_there(
    tmp_path,
):
    db = tmp_path / "library.db"
    make_library(db, tmp_path / "few", 3)
    backup = tmp_path / "saved.db"
    with Library(db) as library:
        backup_library(library, backup)
    folder = tmp_path / "more"
    for i in range(40):
        write_article(folder, f"{i}.txt", f"خبر إضافي رقم {i}", related=(f"عنوان {i}",))
    script = tmp_path / "slow_import.py"
    script.write_text(SLOW_IMPORT, encoding="utf-8")
    out = tmp_path / "import.out"
    with open(out, "wb") as stdout:
        importer = subprocess.Popen(
            [sys.executable, str(script), str(db), str(folder)], stdout=stdout
        )
    try:
        while importer.poll() is None and len(ids(db)) == 3:
            time.sleep(0.05)  # until the import has stored something
        assert importer.poll() is None, "the import finished before the test could restore"
        with pytest.raises(LibraryBusy, match="cannot restore: another Akhbar"):
            restore_library(db, backup, wait=0.5)
        refused = akhbar(db, "restore", str(backup))
        assert importer.poll() is None, "the import finished before the restore gave up"
        assert refused.returncode == 1
        [line] = refused.stderr.strip().splitlines()
        assert "cannot restore" in line and "another Akhbar is using the library" in line
    finally:
        importer.wait(timeout=600)
    assert importer.returncode == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    reported = {item["id"] for item in report["imported"]}
    assert len(reported) == 40
    assert reported <= ids(db), "the import reported articles that are not in the library"
    assert not [n for n in names(tmp_path, "library.db*") if "before-restore" in n]
    # Once the import is done, the restore goes through.
    assert akhbar(db, "restore", str(backup)).returncode == 0
    assert len(ids(db)) == 3


def test_a_connection_on_a_replaced_library_writes_nothing_into_the_old_file(tmp_path):
    db = tmp_path / "library.db"
    make_library(db, tmp_path / "a", 3)
    backup = tmp_path / "saved.db"
    with Library(db) as library:
        backup_library(library, backup)
    make_library(db, tmp_path / "b", 2, start=10)
    with Library(db) as window:  # a window (or any process) with the library open
        [first, *_] = window.ids()
        result = akhbar(db, "restore", str(backup), "--json")
        assert result.returncode == 0, result.stderr
        previous = Path(json.loads(result.stdout)["previous"])
        kept = previous.read_bytes()
        assert window.replaced()
        for write in (
            lambda: window.set_read(first),
            lambda: window.add_bookmark(first, 0),
        ):
            with pytest.raises(LibraryReplaced):
                write()
    assert previous.read_bytes() == kept  # nothing written into the library set aside
    with Library(db) as restored:
        assert restored.count() == 3
        assert restored.bookmarks() == []


# -- item 7: a restore killed at any step -----------------------------------------------


class Killed(BaseException):
    """Stands for SIGKILL at one step of a restore (nothing after it runs)."""


STEPS = ["copying", "copied", "set aside", "replaced"]


@pytest.mark.parametrize("step", STEPS)
def test_a_restore_killed_at_any_step_is_finished_or_undone_and_the_user_is_told(
    tmp_path, monkeypatch, step
):
    db = tmp_path / "library.db"
    make_library(db, tmp_path / "a", 2)
    backup = tmp_path / "saved.db"
    with Library(db) as library:
        backup_library(library, backup)
    make_library(db, tmp_path / "b", 3, start=10)  # the library now has 5, the backup 2
    real_replace, real_move = os.replace, swap.move_with_sidecars

    def replace(source, target):
        if step == "copying" and ".restoring.partial-" in str(source):
            raise Killed  # the copy is half written
        real_replace(source, target)
        if step == "replaced" and Path(target) == db:
            raise Killed  # the journal is still there

    def move(source, target):
        if step == "set aside":
            real_move(source, target)
            raise Killed  # no library.db at all, until the next open
        real_move(source, target)

    def fill(incoming: Path) -> None:
        from desktop_app.storage.copies import copy_file

        copy_file(backup, incoming)
        if step == "copied":
            raise Killed

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(swap, "move_with_sidecars", move)
    with pytest.raises(Killed):
        swap.swap_in(db, fill, str(backup))
    monkeypatch.undo()

    result = akhbar(db, "list", "--json")
    assert result.returncode == 0, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("akhbar: a restore from ") and str(backup) in line, line
    expected = {"copying": 5, "copied": 5, "set aside": 2, "replaced": 2}[step]
    assert len(json.loads(result.stdout)) == expected, line
    left = names(tmp_path, "library.db*")
    assert not [n for n in left if "restoring" in n or ".partial" in n], left
    assert akhbar(db, "list").stderr == ""  # told once


def test_a_restore_killed_at_random_moments_always_leaves_a_library(tmp_path):
    """Real kills of `akhbar restore`: the next command always finds the old library or
    the restored one, whole, and nothing half-done lies about."""
    db = tmp_path / "library.db"
    make_library(db, tmp_path / "a", 40)
    backup = tmp_path / "saved.db"
    with Library(db) as library:
        backup_library(library, backup)
    make_library(db, tmp_path / "b", 30, start=100)
    rng = random.Random(7)
    for _ in range(12 if FULL else 4):
        process = subprocess.Popen(akhbar_args(db, "restore", str(backup)))
        time.sleep(rng.uniform(0.2, 1.0))
        process.kill()
        process.wait()
        listed = akhbar(db, "list", "--json", "--limit", "1000")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) in (40, 70)
        left = names(tmp_path, "library.db*")
        assert not [n for n in left if "restoring" in n or ".partial" in n], left
