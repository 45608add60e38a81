"""packaging/akhbar.spec's decisions, checked without building: what it keeps and drops on
each platform, and the Windows version resource it writes (which a Linux build never uses).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "akhbar.spec"


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict:
    """The spec's helpers: the file run up to the build itself, with PyInstaller's globals."""
    head = SPEC.read_text(encoding="utf-8").split("# --- The build")[0]
    namespace = {"SPECPATH": str(SPEC.parent), "workpath": str(tmp_path_factory.mktemp("work"))}
    exec(compile(head, str(SPEC), "exec"), namespace)
    return namespace


@pytest.mark.parametrize(
    ("dest", "unused"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/translations/qtbase_ar.qm", False),
        ("PySide6/Qt/translations/qt_en.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qt_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_help_ar.qm", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("libQt6OpenGL.so.6", True),  # the top-level symlink to it
        ("PySide6/Qt/lib/libicudata.so.73", False),
        # Windows (no Qt/ folder, no lib prefix)
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/plugins/tls/qschannelbackend.dll", True),
        ("PySide6/Qt6Widgets.dll", False),
        ("PySide6/Qt6Quick.dll", True),
        ("PySide6/translations/qtbase_ar.qm", False),
        # macOS
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        ("PySide6/Qt/plugins/styles/libqmacstyle.dylib", False),
        ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", True),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", False),
        # ours and Python's are never touched
        ("resources/fonts/Amiri-Regular.ttf", False),
        ("libpython3.11.so.1.0", False),
    ],
)
def test_what_the_bundle_keeps(spec, dest, unused):
    assert spec["_unused"]((dest, "/src/" + dest, "BINARY")) is unused


def test_windows_version_resource_comes_from_pyproject(spec):
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    text = Path(spec["_windows_version_file"]()).read_text(encoding="utf-8")

    # PyInstaller evaluates the file with its versioninfo classes; record what they get.
    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct"]  # fmt: skip
    tree = ast.parse(text, mode="eval")
    info = eval(compile(tree, "version_info.txt", "eval"), {n: record(n) for n in names})
    fixed = info[2]["ffi"][2]
    numbers = tuple(int(n) for n in version.split("."))
    assert fixed["filevers"][: len(numbers)] == numbers == fixed["prodvers"][: len(numbers)]
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["OriginalFilename"] == "akhbar.exe"


def test_resources_exclude_build_only_files(spec):
    sources = [Path(src) for src, _dest in spec["_resource_datas"]()]
    assert sources
    assert not [p for p in sources if p.suffix in {".py", ".ts"}]
    assert all(dest.startswith("resources") for _src, dest in spec["_resource_datas"]())
