"""The window's design, checked from its source: features never import one another, the
window stays a shell, and the GUI neither speaks SQL nor catches sqlite3 errors itself.

Read with the ast module, so no Qt is needed (the window's behaviour is tested in
tests/gui/test_session.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "desktop_app" / "gui"
FEATURES = GUI / "features"
MAX_WINDOW_LINES = 300
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ", "CREATE ", "BEGIN")


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved against its package."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    return imports_of(path.read_text(encoding="utf-8"), package)


def imports_of(source: str, package: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = parts[: len(parts) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def feature_modules() -> list[Path]:
    return sorted(p for p in FEATURES.glob("*.py") if p.name != "__init__.py")


def test_the_features_are_there():
    names = {p.stem for p in feature_modules()}
    assert {"headlines", "reader", "bookmarks", "importing", "backup", "comforts"} <= names


@pytest.mark.parametrize("path", feature_modules(), ids=lambda p: p.stem)
def test_no_feature_imports_another_feature_or_the_window(path):
    own = f"desktop_app.gui.features.{path.stem}"
    offending = sorted(
        name
        for name in imported_modules(path)
        if (name.startswith("desktop_app.gui.features") and not name.startswith(own))
        or name.startswith("desktop_app.gui.main_window")
    )
    # `from desktop_app.gui.features import x` would show as the bare package too.
    assert offending == [], f"{path.name} imports {offending}"


@pytest.mark.parametrize(
    "source",
    [
        "from desktop_app.gui.features.reader import ReaderFeature",
        "from .reader import ReaderFeature",
        "from . import reader",
        "import desktop_app.gui.features.headlines",
    ],
)
def test_the_scan_sees_a_feature_importing_another(source):
    """The check above can fail: a sibling imported absolutely or relatively."""
    found = imports_of(source, "desktop_app.gui.features")
    assert {"desktop_app.gui.features.reader", "desktop_app.gui.features.headlines"} & found


def test_the_window_only_assembles():
    lines = (GUI / "main_window.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_WINDOW_LINES, f"main_window.py has {len(lines)} lines"


def test_gui_catches_storage_errors_not_sqlite3():
    """Storage translates every sqlite3 error into its own types: the GUI never names it."""
    importers = sorted(
        str(p.relative_to(GUI)) for p in GUI.rglob("*.py") if "sqlite3" in imported_modules(p)
    )
    assert importers == []
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert "sqlite3" not in names, f"{path.name} names sqlite3"


def test_gui_runs_no_sql():
    """The window asks storage; it never writes a query (Library.data_version() for the
    watch, Library methods for everything else)."""
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.lstrip().upper()
                assert not text.startswith(SQL_WORDS), f"SQL in {path.name}: {node.value!r}"
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany"):
                raise AssertionError(f"{path.name} calls .{node.attr}() itself")
