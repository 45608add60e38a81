"""Shared test setup: offscreen Qt, GUI auto-marking, the real corpus when present."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Set before anything imports Qt, so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test's library and logs away from the developer's real ones.
os.environ.pop("AKHBAR_DB", None)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAKE_CORPUS = SHARED / "tools" / "make-corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "/gui/" in item.nodeid:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def library(tmp_path):
    """A new, empty library in the test's folder."""
    from desktop_app.storage.library import Library

    with Library(tmp_path / "lib.db") as opened:
        yield opened


def make_corpus(out: Path, limit: int, *extra: str) -> list[dict]:
    """Write real articles with ../shared/tools/make-corpus; skip when ../shared is absent."""
    if not MAKE_CORPUS.exists():
        pytest.skip("../shared (the real corpus) is not beside the project")
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--out", str(out), "--limit", str(limit), *extra],
        check=True,
        capture_output=True,
    )
    with open(out / "manifest.jsonl", encoding="utf-8") as manifest:
        return [json.loads(line) for line in manifest]
