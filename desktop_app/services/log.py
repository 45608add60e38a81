"""The log file: where tracebacks go, so that users only ever see one-line errors.

It rotates: at LOG_MAX_BYTES it becomes akhbar.log.1 (and .1 becomes .2 …), and only
LOG_BACKUPS old files are kept, so the log never takes more than about 4 MB however many
commands fail.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from platformdirs import user_log_dir

from desktop_app.paths import APP_NAME

_configured = False
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


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
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop_app")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
