"""Where things live: the user's library file and the bundled resources (frozen or not)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Akhbar"
DB_ENV = "AKHBAR_DB"


def default_library_path() -> Path:
    """`AKHBAR_DB` if set, else library.db in the per-user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return standard_library_path()


def standard_library_path() -> Path:
    """library.db in the per-user data folder (whatever `AKHBAR_DB` says)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library.db"


def resources_dir() -> Path:
    """Fonts, translations, icons and samples: inside the PyInstaller bundle when frozen,
    inside the installed package (`pip install .`: desktop_app/resources, see setup.py),
    else resources/ in the source tree (a checkout, an editable install)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"
