"""Only desktop_app/gui may import Qt: the core must run without it."""

import pkgutil
import subprocess
import sys

import desktop_app


def test_core_modules_do_not_import_qt():
    names = [
        m.name
        for m in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")
        if not m.name.startswith("desktop_app.gui")
    ]
    assert "desktop_app.storage.library" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_version_matches_pyproject():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert project["project"]["version"] == desktop_app.__version__
