"""The log file: where tracebacks go, so that users only ever see one-line errors."""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_log_dir

from desktop_app.paths import APP_NAME

_configured = False


def log_path() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False)) / "akhbar.log"


def setup_logging() -> None:
    global _configured
    if _configured:
        return
    _configured = True
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop_app")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
