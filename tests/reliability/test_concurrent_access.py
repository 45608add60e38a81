"""Issue 6: two processes at once. While `akhbar import` writes, other processes read
(and mark articles read) without "database is locked" ever reaching the user."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage.library import Library
from tests.reliability.support import akhbar, akhbar_args, check_whole_articles

pytestmark = pytest.mark.corpus


class _Import:
    """`akhbar import --json` in the background. Its output goes to files, not pipes: a
    full pipe would stall it while the test is busy polling."""

    def __init__(self, process: subprocess.Popen, out: Path, err: Path) -> None:
        self.process, self.out, self.err = process, out, err

    def running(self) -> bool:
        return self.process.poll() is None

    def finish(self) -> tuple[int, dict, str]:
        code = self.process.wait(timeout=300)
        stdout = self.out.read_text(encoding="utf-8")
        return code, json.loads(stdout) if stdout else {}, self.err.read_text(encoding="utf-8")


@contextlib.contextmanager
def _background_import(db: Path, folder: Path, logs: Path) -> Iterator[_Import]:
    out, err = logs / "import.out", logs / "import.err"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        process = subprocess.Popen(
            akhbar_args(db, "import", str(folder), "--json"), stdout=stdout, stderr=stderr
        )
    try:
        yield _Import(process, out, err)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def _poll(db: Path, seen: list[int]) -> None:
    """One reader process lists everything, another shows the newest: both just work."""
    listed = akhbar(db, "list", "--json", "--limit", "100000")
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    ids = [row["id"] for row in json.loads(listed.stdout)]
    seen.append(len(ids))
    if ids:
        shown = akhbar(db, "show", str(max(ids)), "--json")
        assert shown.returncode == 0 and shown.stderr == "", shown.stderr
        assert json.loads(shown.stdout)["paragraphs"]


def test_reader_process_polls_while_import_writes(corpus, tmp_path):
    folder, manifest = corpus
    originals = sum(1 for entry in manifest if entry["duplicate_of"] is None)
    db = tmp_path / "shared.db"
    Library(db).close()  # the library exists before both start
    seen: list[int] = []
    with _background_import(db, folder, tmp_path) as importer:
        while importer.running():
            _poll(db, seen)
        code, report, err = importer.finish()
    assert code == 0, err
    assert "locked" not in err and report["failed"] == []
    assert seen == sorted(seen), "the reader saw articles disappear"
    assert any(0 < n < originals for n in seen), f"no poll landed mid-import: {seen}"
    final = json.loads(akhbar(db, "list", "--json", "--limit", "100000").stdout)
    assert len(final) == originals
    check_whole_articles(db, manifest)


def test_marking_articles_read_while_import_writes(corpus, tmp_path):
    """The window marks articles read (a write) while a background import runs."""
    folder, manifest = corpus
    originals = sum(1 for entry in manifest if entry["duplicate_of"] is None)
    db = tmp_path / "shared.db"
    Library(db).close()
    errors: list[BaseException] = []
    marked: set[int] = set()
    with _background_import(db, folder, tmp_path) as importer:

        def mark_read() -> None:
            try:
                with Library(db) as library:
                    while importer.running():
                        for article_id in library.ids()[:20]:
                            library.set_read(article_id)
                            marked.add(article_id)
            except BaseException as error:  # reported by the test thread below
                errors.append(error)

        marker = threading.Thread(target=mark_read)
        marker.start()
        code, report, err = importer.finish()
        marker.join()
    assert errors == []
    assert report["failed"] == [], (len(report["failed"]), report["failed"][:2])
    assert code == 0, err
    assert len(report["imported"]) == originals
    assert marked
    check_whole_articles(db, manifest)
