"""The frozen one-folder build: made once per session by packaging/build.py, then run.

The bundle must behave like `python -m desktop_app`: the window's smoke test passes, and
`import`/`list --json` give the same JSON as the source tree, on real fixture files (one
in cp1256, one in UTF-16, one that must fail). It must also be the bundle we mean to ship:
resources inside, the unused Qt parts left out, and every Qt library it loads present.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
# Two encodings of one article (the second is a duplicate), Arabic-Indic digits, markup
# kept as text, and a file that must fail: the parts of the core a frozen build can lose.
FIXTURES = [
    "utf8_basic.txt",
    "cp1256.txt",
    "utf16_le_bom.txt",
    "date_arabic_indic.txt",
    "date_levantine_other.txt",
    "html_in_text.txt",
    "binary.txt",
]

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.timeout(900),  # the first test also waits for the build (~20 s here)
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e '.[package]')",
    ),
]


def _load_build_module():
    spec = importlib.util.spec_from_file_location("akhbar_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    """The bundle, built once per session into a temporary folder."""
    dist = tmp_path_factory.mktemp("frozen") / "dist"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--quiet"],
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr[-4000:]}"
    return dist


@pytest.fixture(scope="session")
def internal(dist) -> Path:
    return dist / build.NAME / "_internal"


def run(command: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=120,
        cwd=ROOT,
    )


def frozen(dist: Path, *args: str) -> subprocess.CompletedProcess:
    return run([str(build.executable(dist)), *args])


def from_source(*args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "desktop_app", *args])


def test_smoke_test_of_the_window(dist, tmp_path):
    result = frozen(dist, "--smoke-test", "--db", str(tmp_path / "library.db"))
    assert result.returncode == 0, result.stdout + result.stderr
    # An empty library gets the bundled samples, and the first one must render.
    assert "smoke test passed: 12 article(s)" in result.stdout, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_import_and_list_match_the_source_tree(dist, tmp_path):
    paths = [str(ARTICLES / name) for name in FIXTURES]
    expected = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))

    frozen_import = frozen(dist, "import", *paths, "--json", "--db", str(tmp_path / "f.db"))
    source_import = from_source("import", *paths, "--json", "--db", str(tmp_path / "s.db"))
    assert frozen_import.returncode == source_import.returncode == 1, frozen_import.stderr
    report = json.loads(frozen_import.stdout)
    assert report == json.loads(source_import.stdout)
    assert [Path(f["path"]).name for f in report["failed"]] == ["binary.txt"]
    assert "binary" in report["failed"][0]["reason"]

    listed = json.loads(frozen(dist, "list", "--json", "--db", str(tmp_path / "f.db")).stdout)
    source_list = from_source("list", "--json", "--db", str(tmp_path / "s.db"))
    assert listed == json.loads(source_list.stdout)
    wanted = {
        (expected[name]["title"], expected[name]["published"])
        for name in FIXTURES
        if not expected[name].get("error")
    }
    assert {(item["title"], item["published"]) for item in listed} == wanted
    assert len(listed) == len(report["imported"])


def test_version_comes_from_pyproject(dist):
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    result = frozen(dist, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"akhbar {version}"


def test_resources_are_bundled(internal):
    resources = internal / "resources"
    for name in ("fonts", "icons", "samples"):
        source = {
            p.relative_to(ROOT / "resources")
            for p in (ROOT / "resources" / name).rglob("*")
            if p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
        }
        assert source <= {p.relative_to(resources) for p in (resources / name).rglob("*")}
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        assert (resources / "i18n" / ts.with_suffix(".qm").name).is_file()
    assert not [p for p in resources.rglob("*") if p.suffix in {".py", ".ts"}]


def test_unused_qt_parts_are_left_out(internal):
    qt = internal / "PySide6"
    files = [p.relative_to(qt).as_posix() for p in qt.rglob("*") if p.is_file()]
    translations = {Path(f).name for f in files if f.endswith(".qm")}
    assert "qtbase_ar.qm" in translations
    assert translations <= {"qt_ar.qm", "qt_en.qm", "qtbase_ar.qm", "qtbase_en.qm"}
    plugin_types = {f.split("/")[-2] for f in files if "/plugins/" in f}
    assert not plugin_types & {"egldeviceintegrations", "generic", "sqldrivers", "tls",
                               "qmltooling", "printsupport", "xcbglintegrations"}  # fmt: skip
    unused = re.compile(r"Qt6?(Network|Qml|Quick|OpenGL|Pdf|Sql|EglFS)", re.IGNORECASE)
    assert not [p.name for p in internal.rglob("*") if unused.search(p.name)]
    if sys.platform.startswith("linux"):
        platforms = {Path(f).name for f in files if "/platforms/" in f}
        assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="asks ldd")
def test_every_library_the_bundle_must_carry_is_inside(dist):
    """Dropping a Qt library a kept plugin needs would only show on a user's machine."""
    assert build.missing_libraries(dist) == []


def test_bundle_is_under_90_mib_with_the_icu_subset(dist):
    import shutil

    if not (shutil.which("icupkg") and shutil.which("cc") and shutil.which("objcopy")):
        pytest.skip("icupkg (icu-devtools), cc or objcopy missing: the full ICU data stays")
    build = _load_build_module()
    assert build.folder_size(dist / "akhbar") < 90 * 2**20
