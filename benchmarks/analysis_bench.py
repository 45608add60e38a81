"""The archive analyses (timeline, concordance, top terms) on a 310,000-article library.

    python benchmarks/analysis_bench.py [--work DIR] [--scale 10] [--runs 5]

Setup (skipped when DIR/large.db exists, so a second run reuses it): make-corpus writes
every real article, the importer stores them (~31,000; 60-90 s), and SQL copies the rows
--scale times, full-text index rows included (search_bench.multiply), so nothing is
parsed twice. Copies keep their dates and sources.

Measured on the large library, median of --runs (the first, cold run printed apart):
  - a timeline by month for a word found in about 5 % of the articles: ≤ 300 ms;
  - the first 200 concordance lines for the same word: ≤ 300 ms;
  - the top terms (words and two-word phrases) of 10,000 matching articles, with
    keyness against the whole library: ≤ 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_bench import MAKE_CORPUS, multiply  # noqa: E402

from desktop_app.analysis.concordance import concordance  # noqa: E402
from desktop_app.analysis.terms import top_terms  # noqa: E402
from desktop_app.analysis.timeline import timeline  # noqa: E402
from desktop_app.services.importer import import_paths  # noqa: E402
from desktop_app.storage.analysis import AnalysisRepository  # noqa: E402
from desktop_app.storage.library import Library, ListFilter  # noqa: E402

TARGET_TIMELINE_MS = 300.0
TARGET_KWIC_MS = 300.0
TARGET_TERMS_MS = 2000.0
KWIC_LINES = 200
TERMS_SET = 10_000


def build(work: Path, scale: int) -> Path:
    large = work / "large.db"
    if large.exists():
        print(f"setup: reusing {large}")
        return large
    corpus = work / "corpus"
    if not (corpus / "manifest.jsonl").exists():
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--out", str(corpus)],
            check=True,
            capture_output=True,
        )
    building = work / "building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    report = import_paths(building, [corpus])
    print(f"setup: imported {len(report.imported)} articles in {time.perf_counter() - start:.0f} s")
    with Library(building) as lib:  # fold the WAL in before SQL copies the rows
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"setup: multiplied {scale}x in {multiply(building, scale):.0f} s", flush=True)
    building.rename(large)
    return large


def timed(run: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """(cold ms, median ms of the warm runs, last result)."""
    times = []
    result = None
    for _ in range(runs + 1):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:]), result


def word_in_share(repo: AnalysisRepository, total: int, share: float) -> str:
    """A word (as a reader would type it) whose matches are closest to `share` of all."""
    candidates = [
        "الملك", "الامير", "وزارة", "مجلس", "الهلال", "النفط", "الصحة", "التعليم",
        "المملكة", "جدة", "مكة", "الرياض", "الاسعار", "السوق", "المرور", "الامطار",
    ]  # fmt: skip
    best = min(
        candidates,
        key=lambda w: abs(repo.count_matching(ListFilter(query=w)) / total - share),
    )
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="keeps the built library (default: /tmp)")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--word", help="the timeline and concordance word (default: ~5 %)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.gettempdir()) / "akhbar-analysis-bench"
    work.mkdir(parents=True, exist_ok=True)
    path = build(work, args.scale)
    checks: list[tuple[str, bool]] = []
    with Library(path, read_only=True) as lib:
        repo = AnalysisRepository(lib.db)
        total = repo.count_matching(ListFilter())
        word = args.word or word_in_share(repo, total, 0.05)
        matching = repo.count_matching(ListFilter(query=word))
        print(
            f"library: {total:,} articles; word {word!r} in {matching:,} ({matching / total:.1%})"
        )

        cold, warm, rows = timed(lambda: timeline(repo, [word], by="month"), args.runs)
        print(f"timeline by month:          cold {cold:6.0f} ms, median {warm:6.0f} ms"
              f" ({len(rows.periods)} periods; target <= {TARGET_TIMELINE_MS:.0f} ms)")  # type: ignore[attr-defined]  # fmt: skip
        checks.append((f"timeline <= {TARGET_TIMELINE_MS:.0f} ms", warm <= TARGET_TIMELINE_MS))
        cold, warm, _ = timed(lambda: timeline(repo, [word], by="week", hijri=False), args.runs)
        print(f"timeline by ISO week:       cold {cold:6.0f} ms, median {warm:6.0f} ms")
        cold, warm, _ = timed(lambda: timeline(repo, [word], by="month", hijri=True), args.runs)
        print(f"timeline by Hijri month:    cold {cold:6.0f} ms, median {warm:6.0f} ms")

        def first_lines() -> list:
            return list(concordance(repo, word, width=60, limit=KWIC_LINES))

        cold, warm, lines = timed(first_lines, args.runs)
        print(f"first {KWIC_LINES} KWIC lines:        cold {cold:6.0f} ms, median {warm:6.0f} ms"
              f" ({len(lines)} lines; target <= {TARGET_KWIC_MS:.0f} ms)")  # type: ignore[arg-type]  # fmt: skip
        checks.append((f"first {KWIC_LINES} KWIC lines <= {TARGET_KWIC_MS:.0f} ms",
                       warm <= TARGET_KWIC_MS))  # fmt: skip

        # A query with about 10,000 matches: the word, narrowed to a date range.
        subset = ListFilter(query=word)
        ids = repo.matching_ids(subset, limit=TERMS_SET)
        print(f"top terms set: the first {len(ids):,} of the word's matches")
        runs = max(1, args.runs // 2)
        cold, warm, terms = timed(lambda: top_terms(repo, ids, limit=50, keyness=True), runs)
        print(
            f"top terms of {len(ids):,} + keyness: cold {cold:6.0f} ms, median {warm:6.0f} ms"
            f" (target <= {TARGET_TERMS_MS:.0f} ms)"
        )
        checks.append((f"top terms of {TERMS_SET:,} <= {TARGET_TERMS_MS:.0f} ms",
                       warm <= TARGET_TERMS_MS))  # fmt: skip
        for term in terms.words[:10]:  # type: ignore[attr-defined]
            print(f"    {term.term}  {term.count}  G2={term.score:.0f}")
        for term in terms.phrases[:5]:  # type: ignore[attr-defined]
            print(f"    {term.term}  {term.count}  G2={term.score:.0f}")
    for name, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {name}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
