"""Issue 15, item 10: the disk fills up during an import.

The import stops with a message that says the disk is full and how many articles were
saved, `--json` still prints the report of what was done, and the library stays sound,
holding exactly the articles reported. The disk is an 8 MB tmpfs (root only; skipped
where it cannot be mounted).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.reliability.big_articles import write_big_articles
from tests.reliability.support import akhbar

DISK_MB = 8
FILES = 300


@pytest.fixture
def small_disk(tmp_path):
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("output", ["json", "human"])
def test_a_full_disk_stops_the_import_and_says_what_was_saved(tmp_path, small_disk, output):
    db = small_disk / "library.db"
    folder = tmp_path / "articles"
    write_big_articles(folder, [0.03] * FILES, seed=10)  # 9 MB of text for an 8 MB disk
    result = akhbar(db, "import", str(folder), *(["--json"] if output == "json" else []))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "disk is full" in line, line
    assert "Traceback" not in result.stderr and "no transaction" not in result.stderr
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()
    assert stored, "nothing was saved before the disk filled"
    assert f"{len(stored)} article(s) were saved" in line
    if output == "json":
        report = json.loads(result.stdout)  # valid, whole JSON
        assert {item["id"] for item in report["imported"]} == stored  # exactly what is there
        assert report["stopped"] == "the disk is full"
        assert len(report["imported"]) < FILES
    else:
        assert f"{len(stored)} imported" in result.stdout
    # Once there is room again, importing again adds the rest.
    moved = tmp_path / "library.db"
    for suffix in ("", "-wal"):
        source = Path(f"{db}{suffix}")
        if source.exists():
            moved.with_name(moved.name + suffix).write_bytes(source.read_bytes())
    again = akhbar(moved, "import", str(folder), "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert len(report["duplicates"]) == len(stored)
    assert len(report["imported"]) == FILES - len(stored)
