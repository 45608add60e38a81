"""A second, independently written query set for Akhbar's search (issue 4).

    python benchmarks/search_recall_bench.py [--limit 5000] [--queries 400] [--seed 7]

benchmarks/search_bench.py builds its variant queries with the same hands that wrote the
stemmer; this script was written separately, to check that its recall is not an artefact
of that. It imports --limit make-corpus articles, takes three consecutive Arabic words
from a random body (kept only when the exact phrase names at most five articles), changes
one word the way a reader might type it (hamza added or dropped, ال added or dropped,
a و or ب prefix, ة written ه, diacritics added, a sound plural ending), and reports
recall@10 of the source article and latency for plain FTS5 (`unicode61
remove_diacritics 2` on the raw title and body, same run) and for Akhbar's search.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make-corpus"
ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
FATHA = "\u064e"


def variants(word: str) -> list[tuple[str, str]]:
    out = []
    if word.startswith("ال") and len(word) > 4:
        out.append(("drop ال", word[2:]))
    elif len(word) > 3:
        out.append(("add ال", "ال" + word))
    if "أ" in word or "إ" in word:
        out.append(("drop hamza", word.replace("أ", "ا").replace("إ", "ا")))
    elif word.startswith("ا") and len(word) > 3:
        out.append(("add hamza", "أ" + word[1:]))
    if word.endswith("ة"):
        out.append(("ة as ه", word[:-1] + "ه"))
        out.append(("plural ات", word[:-1] + "ات"))
    elif len(word) > 3 and not word.endswith(("ون", "ين", "ات")):
        out.append(("plural ون", word + "ون"))
    out.append(("و prefix", "و" + word))
    out.append(("ب prefix", "ب" + word))
    out.append(
        ("diacritics", "".join(c + (FATHA if i % 2 == 0 else "") for i, c in enumerate(word)))
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not MAKE_CORPUS.exists():
        raise SystemExit(f"search_recall_bench: {MAKE_CORPUS} not found")

    from desktop_app.services.importer import import_paths
    from desktop_app.storage.library import Library

    with tempfile.TemporaryDirectory(prefix="akhbar-recall-") as scratch:
        work = Path(scratch)
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--out", str(work / "corpus"),
             "--limit", str(args.limit), "--mix"],
            check=True, capture_output=True,
        )  # fmt: skip
        import_paths(work / "lib.db", [work / "corpus"])
        library = Library(work / "lib.db")
        rows = library.db.execute("SELECT id, title, body FROM articles").fetchall()

        plain = sqlite3.connect(":memory:")
        plain.execute(
            "CREATE VIRTUAL TABLE f USING fts5(title, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        plain.executemany("INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)", rows)

        def plain_ids(query: str) -> list[int]:
            match = " ".join('"{}"'.format(w.replace('"', "")) for w in query.split())
            sql = "SELECT rowid FROM f WHERE f MATCH ? ORDER BY bm25(f) LIMIT 10"
            return [r[0] for r in plain.execute(sql, [match])]

        def names_few_articles(phrase: str) -> bool:
            sql = "SELECT count(*) FROM f WHERE f MATCH ?"
            return plain.execute(sql, ['"' + phrase + '"']).fetchone()[0] <= 5

        rng = random.Random(args.seed)
        queries = []
        for article_id, _title, body in rng.sample(rows, min(len(rows), args.queries * 2)):
            if len(queries) == args.queries:
                break
            for paragraph in rng.sample(body.split("\n"), len(body.split("\n"))):
                words = [w for w in paragraph.split() if ARABIC_WORD.match(w)]
                if len(words) < 6:
                    continue
                start = rng.randrange(len(words) - 2)
                phrase = words[start : start + 3]
                exact = " ".join(phrase)
                if min(map(len, phrase)) < 3 or exact not in paragraph:
                    continue
                if not names_few_articles(exact):
                    continue
                which = rng.randrange(3)
                kind, changed = rng.choice(variants(phrase[which]))
                variant = " ".join([*phrase[:which], changed, *phrase[which + 1 :]])
                queries.append((article_id, exact, variant, kind))
                break

        print(f"library: {len(rows)} articles; {len(queries)} queries, e.g.")
        for _, exact, variant, kind in queries[:5]:
            print(f"    {exact}  →  {variant}   ({kind})")
        for label, pick in (("exact", 1), ("variant", 2)):
            plain_found = sum(q[0] in plain_ids(q[pick]) for q in queries) / len(queries)
            latencies, found, missed = [], 0, Counter()
            for query in queries:
                started = time.perf_counter()
                hits = library.search(query[pick], limit=10)
                latencies.append((time.perf_counter() - started) * 1000)
                if query[0] in [h.id for h in hits]:
                    found += 1
                else:
                    missed[query[3]] += 1
            latencies.sort()
            print(
                f"{label:8s} plain FTS5 recall@10 {plain_found:.3f} | Akhbar recall@10 "
                f"{found / len(queries):.3f}  median {statistics.median(latencies):.1f} ms  "
                f"p90 {latencies[int(0.9 * len(latencies))]:.1f} ms"
            )
            if label == "variant" and missed:
                print("         missed, by kind of change:", dict(missed.most_common()))
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
