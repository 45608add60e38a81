"""The window's side of issue 15: files that are not ours, restores by other processes,
damage found while the window is open. Dialogs are patched out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def boxes(monkeypatch):
    """Every QMessageBox the window opens, recorded as (kind, text)."""
    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, _title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", ["text", "sqlite"])
def test_the_window_refuses_a_file_that_is_not_a_library(tmp_path, capsys, boxes, kind):
    from desktop_app.cli import main

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    path = shelf / "library.db"
    if kind == "text":
        path.write_text("قائمة مشتريات: خبز، حليب، تمر\n" * 40, encoding="utf-8")
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    before = state(shelf)
    code = main(["--db", str(path), "--lang", "en"])
    assert code == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "not an Akhbar library" in line and "left as it was" in line
    assert [kind for kind, _text in boxes] == ["critical"]
    assert state(shelf) == before  # byte for byte, mtime and all; no -wal, -shm or lock
