"""The format readers on big inputs: peak memory and speed, each against a same-run baseline.

    python benchmarks/formats_bench.py [--size-gb 1.0] [--dir /tmp/akhbar-formats-bench]
                                       [--skip-big] [--skip-corpus]

1. Streaming: a JSON Lines file and a JSON array of --size-gb each (SaudiNewsNet records
   repeated with a counter in the title), read item by item through the registry in a
   fresh process; its peak RSS against a process that only imports the readers.
   Target: peak RSS ≤ 150 MB for 1 GB.
2. SaudiNewsNet read from its zips against the same articles written as seed-layout
   `.txt` files (make-corpus), both through walk() + read(), in the same run.
   Target: the zips no slower.
The generated files are kept in --dir for reruns (delete it afterwards: ~2 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"

READ = """
import sys, time
from desktop_app.formats import walk, read
from desktop_app.model import ParsedArticle
start = time.perf_counter()
counts = {}
for entry in walk(sys.argv[1:]):
    items = read(entry) if not hasattr(entry, "reason") else [entry]
    for item in items:
        kind = type(item).__name__
        counts[kind] = counts.get(kind, 0) + 1
print(counts, f"{time.perf_counter() - start:.2f}s")
"""
BASELINE = "import desktop_app.formats, ijson, json; print('baseline')"


def run(code: str, *args: str) -> tuple[str, float, float]:
    """(stdout, seconds, peak RSS in MB) of a fresh interpreter."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: run the big one last.
    return result.stdout.strip(), seconds, max(peak, before) / 1024


def records() -> list[dict]:
    with zipfile.ZipFile(sorted(CORPUS.glob("*.zip"))[0]) as archive:
        return json.loads(archive.read(archive.namelist()[0]))


def write_big(folder: Path, size: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    lines, array = folder / "big.jsonl", folder / "big.json"
    sample = [r for r in records() if r["title"].strip() and r["content"].strip()]
    for path, as_array in ((lines, False), (array, True)):
        if path.exists() and path.stat().st_size >= size:
            continue
        with open(path, "w", encoding="utf-8") as out:
            written, count = 0, 0
            if as_array:
                out.write("[\n")
            while written < size:
                record = dict(sample[count % len(sample)])
                record["title"] = f"{record['title']} ({count})"
                text = json.dumps(record, ensure_ascii=False)
                if as_array:
                    text = ("," if count else "") + text
                out.write(text + "\n")
                written += len(text.encode("utf-8")) + 1
                count += 1
            if as_array:
                out.write("]\n")
    return lines, array


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-gb", type=float, default=1.0)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/akhbar-formats-bench"))
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit("formats_bench: ../shared/corpora/saudinewsnet is missing")

    if not args.skip_corpus:
        txt = args.dir / "saudinewsnet-txt"
        if not (txt / "manifest.jsonl").exists():
            subprocess.run(
                [sys.executable, str(SHARED / "tools" / "make-corpus"), "--out", str(txt)],
                check=True,
            )
        out_txt, s_txt, _ = run(READ, str(txt))  # (+ manifest.jsonl: one Skipped)
        out_zip, s_zip, _ = run(READ, str(CORPUS))  # (+ README.md: one Skipped)
        print(f"SaudiNewsNet as .txt files: {out_txt}   wall {s_txt:.2f}s")
        print(f"SaudiNewsNet from its zips: {out_zip}   wall {s_zip:.2f}s")
        print(f"  zips / txt = {s_zip / s_txt:.2f} (target ≤ 1)")

    if not args.skip_big:
        size = int(args.size_gb * 1024**3)
        lines, array = write_big(args.dir, size)
        _, _, base_rss = run(BASELINE)
        print(f"baseline (imports only): peak RSS {base_rss:.0f} MB")
        for path in (lines, array):
            # A fresh measurement per file: RUSAGE_CHILDREN keeps the largest child.
            code = (
                "import resource, runpy, sys\n"
                f"sys.argv = ['x', {str(path)!r}]\n"
                f"exec(compile({READ!r}, 'read', 'exec'))\n"
                "print('peak_rss_mb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
            )
            out, seconds, _ = run(code)
            print(
                f"{path.name} ({path.stat().st_size / 1024**3:.2f} GiB): {out.splitlines()[0]}"
                f"   wall {seconds:.1f}s   {out.splitlines()[-1]} (target ≤ 150)"
            )


if __name__ == "__main__":
    main()
