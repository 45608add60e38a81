"""Issue 15, item 14: a plain `pip install .` (not editable) has everything the program
needs: the wheel carries resources/ as desktop_app/resources (setup.py), and the
installed `akhbar` finds its samples, translations, fonts and icons there.

Builds the wheel from a copy of the tree, installs it into a fresh venv (its
dependencies taken from the running environment, so nothing is downloaded but the build
backend), and runs `akhbar --smoke-test` (which needs the samples) and an import from it,
away from the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info",
                              "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache",
                              ".hypothesis", "tests", "benchmarks")  # fmt: skip


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
         str(source)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("akhbar-*.whl")
    env = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=300)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # The dependencies (PySide6, sqlite-utils …) from this environment, after the venv's own.
    (Path(site) / "akhbar_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return env


def run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AKHBAR_DB")}
    env["XDG_CONFIG_HOME"] = str(cwd / "config")
    env["XDG_STATE_HOME"] = str(cwd / "state")
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_the_installed_package_has_its_resources(venv, tmp_path):
    python = str(venv / "bin" / "python")
    found = run(
        venv, python, "-c",
        "import desktop_app.paths as p; print(p.__file__); print(p.resources_dir())",
        cwd=tmp_path,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    module, resources = (Path(line) for line in found.stdout.splitlines())
    assert str(venv) in str(module), "the test ran the source tree, not the wheel"
    assert resources == module.parent / "resources"
    for wanted in ("i18n/akhbar_ar.qm", "fonts/Amiri-Regular.ttf", "icons/akhbar.svg",
                   "samples/01_cold-wave-levant.txt", "fonts/OFL-Amiri.txt"):  # fmt: skip
        assert (resources / wanted).is_file(), wanted
    assert not list(resources.rglob("*.py")), "build-only scripts are not shipped"


def test_the_installed_akhbar_passes_its_smoke_test_and_imports(venv, tmp_path):
    akhbar = str(venv / "bin" / "akhbar")
    smoke = run(venv, akhbar, "--smoke-test", "--db", str(tmp_path / "smoke.db"), cwd=tmp_path)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke test passed: 12 article(s)" in smoke.stdout  # the samples were found
    resources = run(
        venv, str(venv / "bin" / "python"), "-c",
        "from desktop_app.paths import samples_dir; print(samples_dir())", cwd=tmp_path,
    ).stdout.strip()  # fmt: skip
    imported = run(
        venv, akhbar, "--db", str(tmp_path / "lib.db"), "import", resources, "--json",
        cwd=tmp_path,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert len(json.loads(imported.stdout)["imported"]) == 12
