"""Measure the frozen build: size, build time, and `--smoke-test` start-up against the venv.

    python packaging/measure.py [--dist DIR] [--runs 5] [--rebuild]

Builds the bundle with packaging/build.py first when DIST has none (or with --rebuild),
timing it. Then, in the same run, starts `akhbar --smoke-test` from the bundle and
`python -m desktop_app --smoke-test` from this interpreter alternately, RUNS times each
after one untimed warm-up of each (which also imports the samples into its library), and
prints the medians and their ratio (frozen / source; below 1 means the bundle is faster).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import build  # packaging/build.py: a script's own folder comes first on sys.path


def du(path: Path) -> str:
    """`du -sh PATH` when there is a du, else our own count."""
    if shutil.which("du"):
        out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=True)
        return out.stdout.split()[0]
    return f"{build.folder_size(path) / 2**20:.0f}M"


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"measure.py: {command[0]} failed:\n{result.stdout}{result.stderr}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=build.ROOT / "dist")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build even if DIST has a bundle")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()

    if args.rebuild or not build.executable(dist).exists():
        work = dist.parent / f"{dist.name}-work"
        seconds = build.build(dist, work, quiet=True)
        print(f"build:   {seconds:.1f} s  (packaging/build.py, into {dist})")
    folder = dist / build.NAME
    print(f"size:    {du(folder)}  (du -sh {folder}); {build.folder_size(folder) / 2**20:.1f} MiB")

    with tempfile.TemporaryDirectory(prefix="akhbar-measure-") as scratch:
        home = Path(scratch)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        smoke = ["--smoke-test", "--db"]
        commands = {
            "frozen": [str(build.executable(dist)), *smoke, str(home / "frozen.db")],
            "source": [sys.executable, "-m", "desktop_app", *smoke, str(home / "source.db")],
        }
        for command in commands.values():  # warm-up: disk cache, .pyc files, sample import
            timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))

    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        runs = " ".join(f"{v:.3f}" for v in values)
        print(f"{name}:  median {medians[name]:.3f} s  (runs: {runs})")
    print(f"ratio:   frozen / source = {medians['frozen'] / medians['source']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
