"""Settings declared once; language choice; samples on a first start; the smoke test."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray

from desktop_app.gui import settings as S
from desktop_app.gui.app import choose_language, load_samples_if_first_start
from desktop_app.storage.library import Library


def test_every_setting_is_declared_once_with_a_default_of_its_type():
    keys = [s.key for s in S.ALL]
    assert len(keys) == len(set(keys)) and len(keys) >= 10
    for setting in S.ALL:
        assert isinstance(setting.default, setting.type), setting.key


def test_settings_round_trip_and_defaults(qt_settings):
    store = S.Settings()
    assert store.get(S.READER_ZOOM) == 0
    assert store.get(S.THEME) == "system"
    store.set(S.READER_ZOOM, 3)
    store.set(S.ARABIC_DIGITS, True)
    store.set(S.SPLITTER, QByteArray(b"abc"))
    store.sync()
    again = S.Settings()
    assert again.get(S.READER_ZOOM) == 3
    assert again.get(S.ARABIC_DIGITS) is True
    assert bytes(again.get(S.SPLITTER)) == b"abc"
    assert any(qt_settings.rglob("*.ini"))  # written in the test's folder
    with pytest.raises(TypeError):
        store.set(S.READER_ZOOM, "big")


def test_language_choice(qapp):
    assert choose_language("en", "ar") == "en"
    assert choose_language(None, "ar") == "ar"
    assert choose_language(None, "") in ("ar", "en")


def test_samples_only_on_first_start_with_empty_library(qapp, tmp_path, library_path):
    store = S.Settings()
    assert load_samples_if_first_start(library_path, store) == 0  # not empty
    assert store.get(S.SAMPLES_LOADED)
    fresh = tmp_path / "fresh.db"
    store.set(S.SAMPLES_LOADED, False)
    assert load_samples_if_first_start(fresh, store) >= 10
    assert load_samples_if_first_start(fresh, store) == 0
    with Library(fresh) as library:
        assert library.count() >= 10


def test_cli_smoke_test(library_path, tmp_path):
    env_home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(library_path), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"HOME": str(env_home), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(env_home)},
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test passed: 3 article(s)" in result.stdout
    assert result.stderr == ""  # no Qt warning (propagateSizeHints() once was)
