"""The shape of desktop_app/cli/: one module per command, a dispatcher that only lists
them, JSON made only by services/exports.py, no sqlite3, and a cheap start."""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.cli as cli
from desktop_app.cli import COMMANDS, build_parser, command_module, main
from desktop_app.storage.library import Library

CLI_DIR = Path(cli.__file__).parent
MODULES = sorted(CLI_DIR.glob("*.py"))
SMALLEST_ARGUMENTS = {
    "import": ["x.txt"],
    "show": ["1"],
    "search": ["q"],
    "bookmark": ["list"],
    "backup": ["b.db"],
    "restore": ["b.db"],
    "saved": ["list"],
    "tag": ["list"],
    "star": ["1"],
    "unstar": ["1"],
    "mark": ["read", "1"],
    "note": ["list"],
    "delete": ["1"],
    "trash": ["list"],
    "export": ["q", "--format", "csv", "--out", "x.csv"],
}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _choices(parser) -> list[str]:
    [subparsers] = [a for a in parser._actions if a.dest == "command"]
    return list(subparsers.choices)


def test_the_dispatcher_lists_exactly_the_command_modules():
    on_disk = {path.stem.removeprefix("cmd_") for path in CLI_DIR.glob("cmd_*.py")}
    assert set(COMMANDS) == on_disk
    assert len(COMMANDS) == len(set(COMMANDS))
    assert _choices(build_parser()) == list(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_module_has_its_parser_and_its_run(name):
    module = command_module(name)
    assert list(inspect.signature(module.add_parser).parameters) == ["subparsers", "common"]
    assert list(inspect.signature(module.run).parameters) == ["args", "db_path"]
    # The module adds the command its file is named after, and only that one.
    assert _choices(build_parser((name,))) == [name]
    args = build_parser((name,)).parse_args([name, *SMALLEST_ARGUMENTS.get(name, [])])
    assert args.command == name and args.json is False  # the shared --json is there


def test_the_dispatcher_is_short_and_holds_no_command_logic():
    source = (CLI_DIR / "__init__.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 150
    imported = _imported(_tree(CLI_DIR / "__init__.py"))
    # No library, no service but the log, no JSON: those belong to the command modules.
    assert not {m for m in imported if m.startswith("desktop_app.storage")}
    assert not {m for m in imported if m.startswith("desktop_app.services")} - {
        "desktop_app.services.log"
    }
    assert not imported & {"json", "sqlite3"}
    assert not {m for m in imported if ".cmd_" in m}  # commands are found by name only
    for name in COMMANDS:  # no command is named in it outside the list
        assert source.count(f'"{name}"') == 1, name


def test_the_cli_never_names_sqlite3():
    for path in MODULES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "sqlite3" in line:
                raise AssertionError((path.name, line))


def test_json_comes_only_from_services_exports():
    """Every write_json(...) prints what an exports function made: a call, or a list of
    calls; no command builds a JSON dict of its own."""
    checked = 0
    for path in CLI_DIR.glob("cmd_*.py"):
        tree = _tree(path)
        from_exports = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "desktop_app.services.exports"
            for alias in node.names
        }
        assert "json" not in _imported(tree), path.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "write_json":
                [made] = node.args
                if isinstance(made, ast.ListComp):
                    made = made.elt
                assert isinstance(made, ast.Call), (path.name, ast.unparse(node))
                assert getattr(made.func, "id", None) in from_exports, ast.unparse(node)
                checked += 1
    assert checked >= 8  # list, show, search, bookmark add/list/remove, backup, restore


def test_help_still_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert all(f"    {name} " in out for name in COMMANDS), out


def test_akhbar_list_loads_its_own_command_only(tmp_path):
    db = tmp_path / "lib.db"
    Library(db).close()  # an existing library (creating one is storage's own cost)
    code = (
        "import json, sys\n"
        "from desktop_app.cli import main\n"
        f"code = main(['--db', {str(db)!r}, 'list'])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    exit_code, modules = json.loads(result.stdout.splitlines()[-1])
    assert exit_code == 0
    assert [m for m in modules if ".cli.cmd_" in m] == ["desktop_app.cli.cmd_list"]
    heavy = ("PySide6", "shiboken6", "sqlite_utils", "dateutil", "desktop_app.gui")
    assert [m for m in modules if m.startswith(heavy)] == []
