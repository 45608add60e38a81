"""Import throughput and memory: `akhbar import` on make-corpus files, against a floor.

    python benchmarks/import_bench.py [--limit 31030] [--keep DIR]

Writes the articles with ../shared/tools/make-corpus (mixed encodings), then runs two
child processes and reports each one's wall time and peak RSS (os.wait4, per child):

- floor: read and decode every file and nothing else — no parsing, no storing; what the
  disk and the decoder cost, measured in the same run on the same machine;
- import: `python -m desktop_app --db LIB import DIR --json`, the real command.

The ratio import/floor is the number to watch; the peak RSS of the import must stay
bounded (it is the same for 1,500 files and for 31,030 if nothing leaks per article).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make-corpus"

FLOOR = """
import sys
from pathlib import Path
from desktop_app.parsing.encoding import decode
from desktop_app.parsing.errors import ParseError
count = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    try:
        decode(path.read_bytes())
    except ParseError:
        pass
    count += 1
print(count)
"""


def run_child(args: list[str], out: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MiB, exit code) of one child process, measured by wait4."""
    with open(out, "wb") as stdout:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    return seconds, rss, process.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=31030, help="articles (default 31,030)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if not MAKE_CORPUS.exists():
        print(f"import_bench: {MAKE_CORPUS} not found (../shared)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as temp:
        work = args.keep or Path(temp)
        corpus, db = work / "corpus", work / "bench.db"
        db.unlink(missing_ok=True)
        made = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(MAKE_CORPUS),
                "--out",
                str(corpus),
                "--limit",
                str(args.limit),
                "--mix",
            ],
            check=True,
            capture_output=True,
        )
        files = sum(1 for _ in corpus.glob("*.txt"))
        print(f"corpus: {files} files, {_mib(corpus):.0f} MiB ({time.perf_counter() - made:.1f} s)")

        floor_s, floor_rss, code = run_child(
            [sys.executable, "-c", FLOOR, str(corpus)], work / "floor.out"
        )
        if code:
            print("import_bench: the floor run failed", file=sys.stderr)
            return 1
        print(
            f"floor  (read+decode): {floor_s:7.2f} s  {files / floor_s:8.0f} files/s  "
            f"peak RSS {floor_rss:6.1f} MiB"
        )

        imp_s, imp_rss, code = run_child(
            [sys.executable, "-m", "desktop_app", "--db", str(db), "import", str(corpus), "--json"],
            work / "import.out",
        )
        report = json.loads((work / "import.out").read_text(encoding="utf-8"))
        print(
            f"import (akhbar):      {imp_s:7.2f} s  {files / imp_s:8.0f} files/s  "
            f"peak RSS {imp_rss:6.1f} MiB  (exit {code})"
        )
        print(
            f"imported {len(report['imported'])}, duplicates {len(report['duplicates'])}, "
            f"failed {len(report['failed'])}; library {db.stat().st_size / 2**20:.0f} MiB"
        )
        print(
            f"ratio import/floor: {imp_s / floor_s:.1f}x time, {imp_rss / floor_rss:.1f}x peak RSS"
        )
        return 0 if code == 0 and len(report["imported"]) == files else 1


def _mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 2**20


if __name__ == "__main__":
    sys.exit(main())
