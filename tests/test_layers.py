"""The layers hold: only desktop_app/gui imports Qt (the core must run without it), and
only desktop_app/storage imports sqlite3."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

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

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert project["project"]["version"] == desktop_app.__version__


# -- only storage imports sqlite3 ---------------------------------------------------------

PACKAGE = Path(desktop_app.__file__).parent
SQLITE3_KNOWN_EXCEPTIONS: set[str] = set()  # none: storage translates every error


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module a file imports (anywhere in it)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


def test_only_storage_imports_sqlite3():
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if imported_modules(path) & {"sqlite3", "_sqlite3"}
    }
    assert "storage/connection.py" in importers  # the scan sees imports at all
    outside = {name for name in importers if not name.startswith("storage/")}
    assert outside <= SQLITE3_KNOWN_EXCEPTIONS, sorted(outside - SQLITE3_KNOWN_EXCEPTIONS)
