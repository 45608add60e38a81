"""Shared by the reliability tests: running `akhbar` as a real process, checking a library
against the make-corpus manifest, and making a path unwritable even for root."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage.library import Library
from desktop_app.text.entities import decode_references

# The full sizes of issue 6; CI runs the smaller defaults.
FULL = os.environ.get("AKHBAR_FULL_RELIABILITY") == "1"


def akhbar_args(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--db", str(db), *args]


def akhbar(db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(akhbar_args(db, *args), capture_output=True, text=True, timeout=timeout)


NOBODY = 65534


@contextlib.contextmanager
def open_folder() -> Iterator[Path]:
    """A folder every user may enter and read (pytest's own are root's alone), removed
    afterwards: for the files a test reads as another user."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="akhbar-shared-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def akhbar_as_user(db: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    """`akhbar` run as an ordinary user, since root ignores permissions: as `nobody`
    through setpriv when the tests run as root, as the tests' own user otherwise.
    Skips when running as root without setpriv."""
    import shutil

    command = akhbar_args(db, *args)
    if os.name == "posix" and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and cannot switch to an ordinary user (no setpriv)")
        command = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def names(folder: Path, pattern: str = "*") -> list[str]:
    """The files in `folder` matching `pattern`, sorted, but for the library's lock file
    (`library.db.lock`, which stays beside a library once it has been used)."""
    return sorted(p.name for p in folder.glob(pattern) if not p.name.endswith(".lock"))


def integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def check_whole_articles(db: Path, manifest: list[dict]) -> int:
    """Every stored article matches its manifest entry in full; returns how many there are.

    "Whole" means: the title, every paragraph (the caption counts as one, as make-corpus
    counts it), every related headline in order, and its full-text index row.
    """
    if not db.exists():
        return 0
    assert integrity(db) == ["ok"]
    truth = {entry["file"]: entry for entry in manifest}
    with Library(db) as library:
        ids = library.ids()
        for article_id in ids:
            article = library.get(article_id)
            assert article is not None
            expected = truth[Path(article.path).name]
            where = f"article {article_id} from {expected['file']}"
            # The manifest holds the files' text; fields are stored with references decoded.
            assert article.title == decode_references(expected["title"]), where
            assert len(article.paragraphs) + bool(article.caption) == expected["paragraphs"], where
            related = [decode_references(text) for text in expected["related"]]
            assert [r.text for r in article.related] == related, where
        rows = library.db.execute(
            "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT path) FROM articles"
        ).fetchone()
        assert rows[0] == rows[1] == rows[2] == len(ids), "an article is stored twice"
        tables = {r[0] for r in library.db.execute("SELECT name FROM sqlite_master")}
        if "articles_fts_docsize" in tables:  # one full-text row per article, no more
            unindexed = library.db.execute(
                "SELECT count(*) FROM articles WHERE id NOT IN "
                "(SELECT id FROM articles_fts_docsize)"
            ).fetchone()[0]
            indexed = library.db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()
            assert unindexed == 0 and indexed[0] == len(ids)
    return len(ids)


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable for this process, root included; undo on exit.

    Root ignores permission bits, so as root the immutable attribute is used instead
    (ext4 and most Linux file systems); the test is skipped where neither works.
    """
    if os.name != "posix":
        pytest.skip("POSIX permissions only")
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield
        finally:
            path.chmod(mode)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"running as root and cannot make {path} immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
