"""Regression: PySide6 6.12.0 on Python 3.11 freed None after a few thousand void calls.

pyproject.toml keeps that release out; this test fails if a broken one is installed.
"""

from __future__ import annotations

import subprocess
import sys


def test_many_void_calls_do_not_free_none():
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for _ in range(50000):\n"
        "    label.setText('x')\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
