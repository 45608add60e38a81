"""Build the one-folder Akhbar app with PyInstaller: `python packaging/build.py [--dist DIR]`.

Runs packaging/akhbar.spec with the current interpreter, from any working directory, and
prints where the app landed, its size and how long the build took. The layout it makes:

    DIST/akhbar/akhbar            (akhbar.exe + akhbarw.exe on Windows)
    DIST/akhbar/_internal/...     Python, Qt and resources/
    DIST/Akhbar.app               (macOS only, beside the folder)

Exit code 0 on success; 1 if PyInstaller failed or (Linux) the bundle lacks a library it
must carry; 2 if PyInstaller is not installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "akhbar.spec"
NAME = "akhbar"


def executable(dist: Path, *, windowed: bool = False) -> Path:
    """The launcher inside a built bundle (the console one unless `windowed`)."""
    folder = dist / NAME
    if sys.platform == "win32":
        return folder / (f"{NAME}w.exe" if windowed else f"{NAME}.exe")
    return folder / NAME


def folder_size(path: Path) -> int:
    """Bytes in files under `path`, symlinks not followed (what `du` counts, roughly)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            file = Path(root) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


# Libraries the bundle must carry itself: Qt's, ICU, the bindings, Python, and the xcb-util
# and xkbcommon libraries the spec keeps (see KEEP_SYSTEM_LIBRARIES there).
_CARRIED = re.compile(
    r"^\s*(lib(?:Qt6|icu|pyside6|shiboken6|python|xcb-|xkbcommon)\S*) => not found"
)


def missing_libraries(dist: Path) -> list[str]:
    """Linux: 'file: library' for each library a bundled binary needs that the bundle lacks.

    Catches a Qt library dropped while a kept plugin still needs it, or an xcb-util library
    that was not on the build machine. Asks `ldd`; [] where there is none.
    """
    internal = dist / NAME / "_internal"
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    missing = []
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}  # as the bootloader sets it
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            if match := _CARRIED.match(line):
                missing.append(f"{path.relative_to(internal)}: {match.group(1)}")
    return missing


def build(dist: Path, work: Path, *, clean: bool = False, quiet: bool = False) -> float:
    """Run PyInstaller on the spec; return the wall-clock seconds it took."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN" if quiet else "INFO",
    ]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    if sys.platform.startswith("linux"):
        _shrink_icu(dist / NAME / "_internal" / "PySide6" / "Qt" / "lib")
    return time.perf_counter() - started


def _shrink_icu(lib_dir: Path) -> None:
    sys.path.insert(0, str(PACKAGING))
    from icu_subset import shrink

    try:
        sizes = shrink(lib_dir)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"build.py: ICU data left whole ({error})", file=sys.stderr)
        return
    if sizes is None:
        print(
            "build.py: ICU data left whole (needs icupkg — Debian: icu-devtools — "
            "a C compiler and objcopy)",
            file=sys.stderr,
        )
        return
    before, after = sizes
    print(f"ICU data: {before / 2**20:.1f} MiB → {after / 2**20:.1f} MiB (Arabic and English)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="PyInstaller's scratch folder (default: build/pyinstaller, beside --dist's "
        "default; a folder inside --dist's parent when --dist is given)",
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print(
            "build.py: PyInstaller is not installed (pip install -e '.[package]')",
            file=sys.stderr,
        )
        return 2
    dist = args.dist.resolve()
    if args.work:
        work = args.work.resolve()
    elif args.dist == parser.get_default("dist"):
        work = ROOT / "build" / "pyinstaller"
    else:
        work = dist.parent / f"{dist.name}-work"
    try:
        seconds = build(dist, work, clean=args.clean, quiet=args.quiet)
    except subprocess.CalledProcessError as error:
        print(f"build.py: PyInstaller failed (exit {error.returncode})", file=sys.stderr)
        return 1
    size = folder_size(dist / NAME)
    print(f"built {executable(dist)}")
    print(f"bundle: {size / 2**20:.1f} MiB in {dist / NAME}; build took {seconds:.0f} s")
    missing = missing_libraries(dist)
    for line in missing:
        print(f"build.py: missing from the bundle: {line}", file=sys.stderr)
    if missing:
        print(
            "build.py: install the missing libraries on the build machine (Debian: "
            "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 "
            "libxkbcommon-x11-0) and build again",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
