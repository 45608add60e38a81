"""Search benchmark: recall and latency of Akhbar's search against plain FTS5, same run.

    python benchmarks/search_bench.py [--corpus DIR] [--work DIR] [--scale 10]
                                      [--queries 400] [--compare-stemmers]

1. Imports the make-corpus articles twice: with the full-text insert disabled (the import
   floor) and as shipped; prints the ratio (target: ≤ 3×).
2. Builds a query set from the articles themselves: 2-3 consecutive words of a title or
   lede (at least two of them content words) that together name at most five articles,
   typed exactly, and typed as a reader might: one or more content words changed by one
   of hamza dropped or added, ال added or dropped, a و/ب prefix, ة as ه, diacritics, a
   plural ending, and (issue 16) a pronoun suffix dropped, a sound plural's singular,
   a broken plural's partner (function words such as في or من are left as they are).
3. Reports recall@10 of the source article and latency (median, p90, p95) for
   (a) plain FTS5 `unicode61 remove_diacritics 2` over the raw text, built in this run,
   and (b) Library.search (snippets included); single words in ≤ 5 % of the articles;
   and words in most articles, with the time an interrupt() takes to stop them.
4. Multiplies the rows `--scale` times in SQL (no re-parsing) and measures again.

--compare-stemmers rebuilds the index at 1× with no stemming and, when the
snowballstemmer package is importable, with the Snowball Arabic stemmer, to measure the
choice of stemmer on the same queries.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import desktop_app.search.index as search_index  # noqa: E402
import desktop_app.search.match as search_match  # noqa: E402
import desktop_app.search.query as search_query  # noqa: E402
import desktop_app.storage.articles as articles_module  # noqa: E402
from desktop_app.search.query import parse_query  # noqa: E402
from desktop_app.services.importer import import_paths  # noqa: E402
from desktop_app.storage.library import Library, ListFilter, SearchCancelled  # noqa: E402
from desktop_app.text.normalize import normalize, words  # noqa: E402

MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make-corpus"
COMMON_WORDS = ["في", "من", "على", "ان"]
SEED = 4

# -- the query set -------------------------------------------------------------------------

_HAMZA = str.maketrans("أإآ", "ااا")
_HARAKAT = "\u064e\u064f\u0650"  # fatha, damma, kasra


def _drop_hamza(w: str, rng: random.Random) -> str | None:
    dropped = w.translate(_HAMZA)
    return dropped if dropped != w else None


def _add_hamza(w: str, rng: random.Random) -> str | None:
    if w.startswith("الا"):
        return "الإ" + w[3:]
    if w.startswith("ا") and not w.startswith("ال"):
        return rng.choice("أإ") + w[1:]
    return None


def _toggle_article(w: str, rng: random.Random) -> str | None:
    if w.startswith("ال") and len(w) > 4:
        return w[2:]
    if not w.startswith(("ال", "و", "ب", "ل", "ف", "ك", "ي")) and len(w) > 2:  # ي: a verb
        return "ال" + w
    return None


def _conjunction(w: str, rng: random.Random) -> str | None:
    if w.startswith("و"):
        return None
    if w.startswith(("ب", "ل", "ك", "ف")) and not w.startswith("ال"):
        return "و" + w  # وبمصر, not بلشراء
    return rng.choice("وب") + w


def _teh_as_heh(w: str, rng: random.Random) -> str | None:
    return w[:-1] + "ه" if w.endswith("ة") else None


def _diacritics(w: str, rng: random.Random) -> str | None:
    if len(w) < 3:
        return None
    letters = list(w)
    for i in rng.sample(range(len(letters)), k=min(2, len(letters))):
        letters[i] += rng.choice(_HARAKAT)
    return "".join(letters)


def _plural(w: str, rng: random.Random) -> str | None:
    if w.endswith("ة") and len(w) > 3:
        return w[:-1] + "ات"
    if w.endswith("ي") and len(w) > 3:
        return w + rng.choice(("ين", "ون"))
    return None


# Issue 16: a reader types a word without the pronoun the text glues to it, a sound
# plural's singular, or a broken plural's singular or plural (tests/data/broken_plurals.tsv).
_PRONOUNS = ("هما", "هم", "هن", "كم", "نا", "ها")


def _drop_pronoun(w: str, rng: random.Random) -> str | None:
    for pronoun in _PRONOUNS:
        rest = w[: -len(pronoun)]
        if w.endswith(pronoun) and len(rest) >= 4:
            return rest[:-1] + "ة" if rest.endswith("ت") and not rest.endswith("ات") else rest
    return None


def _singular(w: str, rng: random.Random) -> str | None:
    bare = w[2:] if w.startswith("ال") else w
    if len(bare) >= 5 and bare.endswith("ات"):
        return bare[:-2] if bare[:-2].endswith(("ان", "ون", "ين")) else bare[:-2] + "ة"
    if len(bare) >= 6 and bare.endswith(("ون", "ين")):
        return bare[:-2]
    return None


def _read_broken_plurals() -> dict[str, str]:
    pairs: dict[str, str] = {}
    path = ROOT / "tests" / "data" / "broken_plurals.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            singular, plural = text.split("\t")[:2]
            pairs.setdefault(singular, plural)
            pairs.setdefault(plural, singular)
    return pairs


_BROKEN_PLURALS = _read_broken_plurals()


def _broken_plural(w: str, rng: random.Random) -> str | None:
    return _BROKEN_PLURALS.get(w[2:] if w.startswith("ال") and len(w) > 4 else w)


VARIANTS: list[Callable[[str, random.Random], str | None]] = [
    _drop_hamza, _add_hamza, _toggle_article, _conjunction, _teh_as_heh, _diacritics, _plural,
    _drop_pronoun, _singular, _broken_plural,
]  # fmt: skip
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669]+")
# Function words a reader types as they are: never given a clitic or an ending.
STOPWORDS = set(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "أن",
        "ان",
        "إن",
        "لم",
        "لن",
        "قد",
        "ما",
        "لا",
        "هو",
        "هي",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "كان",
        "كانت",
        "أو",
        "او",
        "ثم",
        "بعد",
        "قبل",
        "حتى",
        "عند",
        "منذ",
        "بين",
        "كما",
        "خلال",
        "حول",
        "ضد",
        "دون",
        "أي",
        "كل",
        "بعض",
        "غير",
    ]
)


def build_queries(db: sqlite3.Connection, count: int) -> list[tuple[int, str, str]]:
    """(source id, exact phrase, reader's variant) from titles and ledes."""
    rng = random.Random(SEED)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    out: list[tuple[int, str, str]] = []
    for article_id in rng.sample(ids, min(len(ids), count * 4)):
        if len(out) >= count:
            break
        title, lede = db.execute(
            "SELECT title, lede FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        text = rng.choice([title, lede or title])
        tokens = [w for w in text.split() if _ARABIC_WORD.fullmatch(w)]
        size = rng.choice((2, 3))
        if len(tokens) < size:
            continue
        start = rng.randrange(len(tokens) - size + 1)
        phrase = tokens[start : start + size]
        content = [i for i, w in enumerate(phrase) if w not in STOPWORDS and len(w) >= 3]
        if len(content) < 2:
            continue
        exact = " ".join(phrase)
        # Only words that together name few articles: the reader means one of them.
        named = db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
            [" AND ".join('{title lede caption body} : "' + w + '"' for w in words(exact))],
        ).fetchone()[0]
        if not 1 <= named <= 5:
            continue
        variant = list(phrase)
        changed = 0
        for i in rng.sample(content, len(content)):
            for make in rng.sample(VARIANTS, len(VARIANTS)):
                new = make(variant[i], rng)
                if new:
                    variant[i] = new
                    changed += 1
                    break
            if changed and rng.random() < 0.5:
                break
        out.append((article_id, exact, " ".join(variant)))
    return out


# -- measuring -----------------------------------------------------------------------------


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def latency_line(label: str, ms: list[float]) -> str:
    return (
        f"{label:<44} median {statistics.median(ms):7.1f} ms   p90 {_percentile(ms, 90):7.1f} ms"
        f"   p95 {_percentile(ms, 95):7.1f} ms   max {max(ms):7.1f} ms   (n={len(ms)})"
    )


def raw_search(db: sqlite3.Connection, query: str, limit: int = 10) -> list[int]:
    """Plain FTS5 over the raw text: every whitespace word quoted, all must match."""
    terms = [w.replace('"', '""') for w in re.findall(r"\w+", query)]
    if not terms:
        return []
    match = " AND ".join(f'"{t}"' for t in terms)
    rows = db.execute(
        """SELECT rowid FROM raw_fts WHERE raw_fts MATCH ?
           ORDER BY bm25(raw_fts, 10.0, 4.0, 2.0, 1.0) LIMIT ?""",
        [match, limit],
    )
    return [r[0] for r in rows]


def akhbar_search(lib: Library, query: str, limit: int = 10) -> list[int]:
    """Library.search as the window calls it, snippets included."""
    return [hit.id for hit in lib.search(query, limit=limit)]


def evaluate(
    label: str,
    search: Callable[[str, int], list[int]],
    queries: list[tuple[int, str, str]],
    modulo: int,
    scale: int,
) -> dict[str, float]:
    """Recall@10 and latency of `search(query, limit)` on the exact and variant queries.

    Latency is that of limit=10, what the window asks for. In a multiplied library every
    article has `scale` identical copies that tie, so recall counts the first ten
    distinct originals of a longer answer, and any copy of the source counts.
    """
    result: dict[str, float] = {}
    lines = []
    for kind, column in (("exact", 1), ("variant", 2)):
        found, ms = 0, []
        for item in queries:
            start = time.perf_counter()
            ids = search(item[column], 10)
            ms.append((time.perf_counter() - start) * 1000)
            if scale > 1:
                ids = search(item[column], 10 * scale)
            originals = list(dict.fromkeys(i % modulo for i in ids))[:10]
            found += item[0] % modulo in originals
        result[kind] = found / len(queries)
        result[f"{kind}_p90"] = _percentile(ms, 90)
        lines.append(latency_line(f"  {label} {kind}: recall@10 {result[kind]:.3f}", ms))
    print("\n".join(lines), flush=True)
    return result


def single_words(db: sqlite3.Connection, total: int, count: int = 200) -> list[str]:
    """Title words found in at most 5 % of the articles."""
    rng = random.Random(SEED + 1)
    titles = [r[0] for r in db.execute("SELECT title FROM articles ORDER BY id LIMIT 20000")]
    chosen: list[str] = []
    seen: set[str] = set()
    for title in rng.sample(titles, len(titles)):
        tokens = [w for w in title.split() if _ARABIC_WORD.fullmatch(w) and len(w) >= 3]
        if not tokens:
            continue
        word = rng.choice(tokens)
        match = parse_query(word).match()
        if word in seen or match is None:
            continue
        seen.add(word)
        df = db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]
        ).fetchone()[0]
        if df <= 0.05 * total:
            chosen.append(word)
        if len(chosen) >= count:
            break
    return chosen


def measure_latency(lib: Library, raw: sqlite3.Connection, total: int) -> None:
    singles = single_words(lib.db.conn, total)
    for label, run in (
        ("(a) plain FTS5", lambda q: raw_search(raw, q)),
        ("(b) Akhbar", partial(akhbar_search, lib)),
    ):
        ms = []
        for word in singles:
            start = time.perf_counter()
            run(word)
            ms.append((time.perf_counter() - start) * 1000)
        print(latency_line(f"  {label} one word in ≤5% of articles", ms))
    for word in COMMON_WORDS:
        df = lib.db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
            [parse_query(word).match()],
        ).fetchone()[0]
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            lib.search(word, limit=10)
            timings.append((time.perf_counter() - start) * 1000)
        print(
            f"  (b) Akhbar common word {word!r} in {df / total:5.1%} of articles: "
            f"{min(timings):6.1f} ms (best of 3), {max(timings):6.1f} ms (worst)"
        )
        listing = ListFilter(query=word)
        start = time.perf_counter()
        count = len(lib.ids(listing))
        whole = (time.perf_counter() - start) * 1000
        delay = interrupt_delay(lib, listing)
        stop = "done before" if delay is None else f"stops it {delay:.1f} ms later"
        print(
            f"      the list of all {count} matches (Library.ids) {whole:6.1f} ms; "
            f"interrupt() at 5 ms: {stop}"
        )


def interrupt_delay(lib: Library, listing: ListFilter, after_ms: float = 5.0) -> float | None:
    """List every match, interrupt from another thread after `after_ms`: time to stop."""
    timer = threading.Timer(after_ms / 1000, lib.interrupt)
    start = time.perf_counter()
    timer.start()
    with suppress(SearchCancelled, sqlite3.OperationalError):
        lib.ids(listing)
    stopped = (time.perf_counter() - start) * 1000
    timer.join()
    return None if stopped < after_ms else stopped - after_ms


# -- building ------------------------------------------------------------------------------


@contextmanager
def fts_insert_disabled() -> Iterator[None]:
    saved = articles_module.FTS_INSERT, articles_module.index_values
    articles_module.FTS_INSERT = "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
    articles_module.index_values = lambda *args: [""] * 8  # type: ignore[assignment]
    try:
        yield
    finally:
        articles_module.FTS_INSERT, articles_module.index_values = saved


def timed_import(corpus: Path, db: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = import_paths(db, [corpus])
    return time.perf_counter() - start, len(report.imported)


def build_raw_index(db: sqlite3.Connection) -> float:
    start = time.perf_counter()
    db.execute("DROP TABLE IF EXISTS raw_fts")
    db.execute(
        """CREATE VIRTUAL TABLE raw_fts USING fts5(title, lede, caption, body, content='',
           tokenize='unicode61 remove_diacritics 2')"""
    )
    db.execute("BEGIN")
    db.execute(
        """INSERT INTO raw_fts (rowid, title, lede, caption, body)
           SELECT id, title, lede, coalesce(caption, ''), body FROM articles"""
    )
    db.execute("COMMIT")
    return time.perf_counter() - start


def multiply(path: Path, scale: int) -> float:
    """Copy every article scale-1 more times, in SQL, index rows included."""
    start = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    top = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    columns = "title, lede, caption, body, title_stem, lede_stem, caption_stem, body_stem"
    db.execute("BEGIN")
    # The index rows of one copy, kept in a plain table so that SQL can copy them.
    db.execute(f"CREATE TABLE one_copy (id INTEGER PRIMARY KEY, {columns})")
    rows = db.execute("SELECT id, title, lede, caption, body FROM articles ORDER BY id")
    while batch := rows.fetchmany(500):
        db.executemany(
            "INSERT INTO one_copy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r[0], *search_index.index_values(r[1], r[2], r[3] or "", r[4])) for r in batch],
        )
    for k in range(1, scale):
        shift = k * top
        db.execute(
            f"""INSERT INTO articles (id, published, sort_date, title, lede, source, caption,
                    dateline, body, path, encoding, content_hash, title_key, imported, read)
                SELECT id + {shift}, published, sort_date, title, lede, source, caption,
                    dateline, body, path, encoding, content_hash || '#{k}', title_key,
                    imported, read
                FROM articles WHERE id <= {top}"""
        )
        db.execute(
            f"""INSERT INTO articles_fts (rowid, {columns})
                SELECT id + {shift}, {columns} FROM one_copy"""
        )
    db.execute("DROP TABLE one_copy")
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - start


# -- stemmer comparison ---------------------------------------------------------------------


@contextmanager
def stemmer(stem_word: Callable[[str], str]) -> Iterator[None]:
    """Swap the light stemmer for another one everywhere index and query use it."""
    word = re.compile(r"[^\W_]+")
    cache: dict[str, str] = {}

    def cached(w: str) -> str:
        found = cache.get(w)
        if found is None:
            found = cache[w] = stem_word(w)
        return found

    def stem_text(text: str) -> str:
        return word.sub(lambda m: cached(m.group()), text)

    patches = {
        (search_index, "stem_text"): stem_text,
        (search_query, "stem"): cached,
        (search_query, "stem_variants"): lambda w: (cached(w),),
        (search_query, "stem_prefixes"): lambda w: (w,),
        (search_match, "stem"): cached,
        (search_match, "stem_variants"): lambda w: (cached(w),),
        (search_match, "stem_prefixes"): lambda w: (w,),
    }
    saved = {key: getattr(*key) for key in patches}
    for (module, name), value in patches.items():
        setattr(module, name, value)
    search_match.word_forms.cache_clear()
    try:
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)
        search_match.word_forms.cache_clear()


def rebuild_index(lib: Library) -> float:
    start = time.perf_counter()
    with lib.transaction():
        lib.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        rows = lib.db.execute("SELECT id, title, lede, caption, body FROM articles").fetchall()
        lib.db.conn.executemany(
            articles_module.FTS_INSERT,
            [(r[0], *search_index.index_values(r[1], r[2], r[3] or "", r[4])) for r in rows],
        )
    return time.perf_counter() - start


def compare_stemmers(path: Path, queries: list[tuple[int, str, str]], modulo: int) -> None:
    candidates: list[tuple[str, Callable[[str], str]]] = [("normalised only", lambda w: w)]
    try:
        import snowballstemmer  # type: ignore[import-not-found]

        snowball = snowballstemmer.stemmer("arabic")
        candidates.append(("Snowball Arabic", lambda w: normalize(snowball.stemWord(w))))
    except ImportError:
        print("  (snowballstemmer is not installed: Snowball not measured)")
    for label, stem_word in candidates:
        copy = path.with_name(f"compare-{len(label)}.db")
        shutil.copy(path, copy)
        with stemmer(stem_word), Library(copy) as lib:
            seconds = rebuild_index(lib)
            print(f"  index rebuilt with {label} in {seconds:.1f} s")
            evaluate(label, partial(akhbar_search, lib), queries, modulo, 1)
        copy.unlink()


# -- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="make-corpus output (made if absent)")
    parser.add_argument("--work", type=Path, help="folder for the databases (temporary)")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--compare-stemmers", action="store_true")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="akhbar-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus or work / "corpus"
    if not (corpus / "manifest.jsonl").exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--out", str(corpus)], check=True)
    files = len((corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    print(f"corpus: {corpus} ({files} files); databases in {work}")

    for name in ("floor.db", "library.db", "large.db"):
        for suffix in ("", "-wal", "-shm"):
            (work / (name + suffix)).unlink(missing_ok=True)
    with fts_insert_disabled():
        floor_s, _ = timed_import(corpus, work / "floor.db")
    full_s, imported = timed_import(corpus, work / "library.db")
    print(
        f"import: {imported} articles; floor (no full-text insert) {floor_s:.1f} s; "
        f"with the index {full_s:.1f} s; ratio {full_s / floor_s:.2f}× (target ≤ 3×)"
    )

    library_path = work / "library.db"
    raw = sqlite3.connect(library_path, isolation_level=None, check_same_thread=False)
    print(f"plain FTS5 index built in {build_raw_index(raw):.1f} s")
    with Library(library_path) as lib:
        queries = build_queries(lib.db.conn, args.queries)
        # Copies made by multiply() have ids shifted by whole multiples of this.
        modulo = lib.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    print(f"queries: {len(queries)} phrases naming 1-5 articles, e.g.")
    for _, exact, variant in queries[:5]:
        print(f"    {exact}  →  {variant}")

    for scale in (1, args.scale) if args.scale > 1 else (1,):
        path = library_path
        if scale > 1:
            raw.close()
            path = work / "large.db"
            shutil.copy(library_path, path)
            print(f"\nmultiplied to {scale}× in {multiply(path, scale):.1f} s", end="; ")
            raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            print(f"plain FTS5 index rebuilt in {build_raw_index(raw):.1f} s")
        with Library(path, read_only=True) as lib:
            total = lib.count()
            print(f"\n== {total} articles ({scale}×) ==")
            evaluate("(a) plain FTS5", partial(raw_search, raw), queries, modulo, scale)
            evaluate("(b) Akhbar", partial(akhbar_search, lib), queries, modulo, scale)
            measure_latency(lib, raw, total)
        if scale == 1 and args.compare_stemmers:
            print("\n== the choice of stemmer (1×) ==")
            compare_stemmers(library_path, queries, modulo)
    raw.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
