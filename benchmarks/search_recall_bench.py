"""A second, independently written query set for Akhbar's search (issues 4 and 16).

    python benchmarks/search_recall_bench.py [--limit 5000] [--queries 400] [--seed 7]
                                             [--corpus DIR] [--before-ref main] [--noise 300]
    python benchmarks/search_recall_bench.py --plurals LIBRARY.db [--short]

benchmarks/search_bench.py builds its variant queries with the same hands that wrote the
stemmer; this script was written separately, to check that its recall is not an artefact
of that. It imports --limit make-corpus articles, takes three consecutive Arabic words
from a random body (kept only when the exact phrase names at most five articles), changes
one word the way a reader might type it, and reports recall@10 and MRR@10 of the source
article, per kind of change, for plain FTS5 (`unicode61 remove_diacritics 2` on the raw
title and body, same run), for Akhbar's search with the stemmer of --before-ref (the
library imported again under it) and for Akhbar's search as it is now.

Kinds of change (issue 4): hamza added or dropped, ال added or dropped, a و or ب prefix,
ة written ه, diacritics added, a sound plural ending. Issue 16 adds, each from words the
article really holds: its sound plural or singular (the stemmer's suffix order), the
word without its pronoun suffix (حكومتهم → حكومة), without a one-letter proclitic
(بصورة → صورة), and a broken plural's singular or plural from
tests/data/broken_plurals.tsv. "after" is Akhbar's search as shipped, broken plurals
looked up in the library's vocabulary by storage and ranked below direct hits; "no
plurals" is the same search with that look-up turned off ("before" never has it).

--noise N then takes N ordinary query words (random words of random titles) and
reports how much of the first page (10 results) hits found only through a broken
plural take, as shipped (a tier below the direct hits) and if they were ranked by bm25
among the others, and the share of all results they make.

--plurals measures search/plurals.py alone on an existing library with plain sqlite3:
for each pair of tests/data/broken_plurals.tsv, both ways, the articles that hold only
the other form (plural-only recall), and the articles the added forms bring in that hold
neither (noise).
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
import types
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import desktop_app.search.index as search_index  # noqa: E402
import desktop_app.search.match as search_match  # noqa: E402
import desktop_app.search.query as search_query  # noqa: E402
from desktop_app.search.plurals import plural_forms, plural_stems  # noqa: E402
from desktop_app.storage.articles import ArticlesRepository  # noqa: E402
from desktop_app.text.normalize import normalize  # noqa: E402
from desktop_app.text.stem import stem, stem_variants  # noqa: E402

MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make-corpus"
PAIRS_FILE = ROOT / "tests" / "data" / "broken_plurals.tsv"
ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
FATHA = "\u064e"
PRONOUNS = ("هما", "هم", "هن", "كم", "نا", "ها")
STEM_COLUMNS = "{title_stem lede_stem caption_stem body_stem}"


# -- kinds of change ---------------------------------------------------------------------


def reader_variants(word: str) -> list[tuple[str, str]]:
    """Issue 4's changes: how a reader may type a word of the article."""
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


def sound_partner(word: str) -> str | None:
    """The singular a reader types for a sound plural in the text, or the plural."""
    bare = word[2:] if word.startswith("ال") else word
    if len(bare) >= 5 and bare.endswith("ات"):
        stem_part = bare[:-2]
        return stem_part if stem_part.endswith(("ان", "ون", "ين")) else stem_part + "ة"
    if len(bare) >= 6 and bare.endswith(("ون", "ين")):
        return bare[:-2]
    if len(bare) >= 4 and bare.endswith("ان"):
        return bare + "ات"
    return None


def without_pronoun(word: str) -> str | None:
    """حكومتهم → حكومة, أعمالهم → أعمال: the word a reader types for it."""
    for pronoun in PRONOUNS:
        rest = word[: -len(pronoun)]
        if word.endswith(pronoun) and len(rest) >= 4:
            if rest.endswith("ت") and not rest.endswith("ات"):
                return rest[:-1] + "ة"
            return rest
    return None


def without_proclitic(word: str, vocabulary: Collection[str]) -> str | None:
    """بصورة → صورة, when the text writes the word without it elsewhere too."""
    if word[:1] in "بلكف" and not word[1:].startswith("ال") and len(word) >= 5:
        rest = word[1:]
        if normalize(rest) in vocabulary:
            return rest
    return None


def read_pairs() -> dict[str, str]:
    """Each form of tests/data/broken_plurals.tsv → its partner."""
    partners = {}
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            singular, plural = text.split("\t")[:2]
            partners.setdefault(singular, plural)
            partners.setdefault(plural, singular)
    return partners


def broken_partner(word: str, partners: dict[str, str]) -> str | None:
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    return partners.get(bare)


# -- the stemmer of another revision ----------------------------------------------------------


@contextmanager
def stemmer_of(ref: str) -> Iterator[None]:
    """Index and query with desktop_app/text/stem.py as it is at git `ref`."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:desktop_app/text/stem.py"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    old = types.ModuleType(f"stem_at_{ref}")
    exec(compile(source, f"{ref}:desktop_app/text/stem.py", "exec"), old.__dict__)
    patches = {
        (search_index, "stem_text"): old.stem_text,
        (search_query, "stem"): old.stem,
        (search_query, "stem_variants"): old.stem_variants,
        (search_query, "stem_prefixes"): old.stem_prefixes,
        (search_match, "stem"): old.stem,
        (search_match, "stem_variants"): old.stem_variants,
        (search_match, "stem_prefixes"): old.stem_prefixes,
    }
    saved = {key: getattr(*key) for key in patches}
    for (module, name), value in patches.items():
        setattr(module, name, value)
    search_match.word_forms.cache_clear()
    try:
        with plurals_off():  # before issue 16, search had no broken plurals
            yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)
        search_match.word_forms.cache_clear()


@contextmanager
def plurals_off() -> Iterator[None]:
    """Search without storage's broken-plural look-up."""
    shipped = ArticlesRepository.with_plurals
    ArticlesRepository.with_plurals = lambda self, parsed: parsed  # type: ignore[method-assign]
    try:
        yield
    finally:
        ArticlesRepository.with_plurals = shipped  # type: ignore[method-assign]


@contextmanager
def plurals_untiered() -> Iterator[None]:
    """Plural-only hits ranked by bm25 among the others (no tier of their own)."""
    shipped = search_query.ParsedQuery.direct_match
    search_query.ParsedQuery.direct_match = lambda self: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        search_query.ParsedQuery.direct_match = shipped  # type: ignore[method-assign]


# -- the library's own words, as storage will give them to search/plurals.py ---------------


class Vocabulary:
    """fts5vocab counts over the exact and the stem columns, with plain sqlite3."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, col)")

    def _counts(self, terms: Collection[str], columns: str) -> dict[str, int]:
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        sql = (
            f"SELECT term, sum(doc) FROM temp.vocab WHERE term IN ({marks}) "
            f"AND col IN ({columns}) GROUP BY term"
        )
        return dict(self.db.execute(sql, list(terms)).fetchall())

    def words(self, terms: Collection[str]) -> dict[str, int]:
        return self._counts(terms, "'title', 'lede', 'caption', 'body'")

    def stems(self, terms: Collection[str]) -> dict[str, int]:
        return self._counts(terms, "'title_stem', 'lede_stem', 'caption_stem', 'body_stem'")

    def plural_words(self, word: str, short: bool) -> list[str]:
        """Forms of `word` that plural_stems keeps, to be ORed into a query."""
        norm = normalize(word)
        kept = set(plural_stems(norm, self.words, self.stems, short))
        return [f for f in plural_forms(norm, short) if stem(f) in kept]


# -- measuring -------------------------------------------------------------------------------


def rank_of(article_id: int, ids: list[int]) -> int | None:
    return ids.index(article_id) + 1 if article_id in ids else None


class Scores:
    """recall@10 and MRR@10 per kind of change."""

    def __init__(self) -> None:
        self.found: Counter[str] = Counter()
        self.reciprocal: defaultdict[str, float] = defaultdict(float)
        self.total: Counter[str] = Counter()

    def add(self, kind: str, rank: int | None) -> None:
        self.total[kind] += 1
        if rank is not None:
            self.found[kind] += 1
            self.reciprocal[kind] += 1 / rank

    def cell(self, kind: str) -> str:
        n = self.total[kind]
        if not n:
            return "   -     -  "
        return f"{self.found[kind] / n:5.3f} {self.reciprocal[kind] / n:5.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="make-corpus output to use (made if absent)")
    parser.add_argument("--before-ref", default="main", help="git revision of the 'before' stemmer")
    parser.add_argument("--plurals", type=Path, help="only measure plurals on this library")
    parser.add_argument("--short", action="store_true", help="plurals: the short patterns too")
    parser.add_argument("--show-lost", action="store_true", help="print what before found only")
    parser.add_argument("--noise", type=int, default=0, help="ordinary words for the noise run")
    args = parser.parse_args()
    if args.plurals:
        return plural_report(args.plurals, args.short)
    if not MAKE_CORPUS.exists() and not args.corpus:
        raise SystemExit(f"search_recall_bench: {MAKE_CORPUS} not found")

    from desktop_app.services.importer import import_paths
    from desktop_app.storage.library import Library

    with tempfile.TemporaryDirectory(prefix="akhbar-recall-") as scratch:
        work = Path(scratch)
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            subprocess.run(
                [sys.executable, str(MAKE_CORPUS), "--out", str(corpus),
                 "--limit", str(args.limit), "--mix"],
                check=True, capture_output=True,
            )  # fmt: skip
        started = time.perf_counter()
        import_paths(work / "after.db", [corpus])
        after_s = time.perf_counter() - started
        with stemmer_of(args.before_ref):
            started = time.perf_counter()
            import_paths(work / "before.db", [corpus])
            before_s = time.perf_counter() - started
        print(f"imported {corpus}: {after_s:.1f} s now, {before_s:.1f} s with the old stemmer")
        after = Library(work / "after.db")
        before = Library(work / "before.db")
        vocabulary = Vocabulary(work / "after.db")
        rows = after.db.execute("SELECT id, title, body FROM articles").fetchall()

        plain = sqlite3.connect(":memory:")
        plain.execute(
            "CREATE VIRTUAL TABLE f USING fts5(title, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        plain.executemany("INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)", rows)
        known = {r[0] for r in vocabulary.db.execute(
            "SELECT term FROM temp.vocab WHERE col = 'body'")}  # fmt: skip

        def plain_ids(query: str) -> list[int]:
            match = " ".join('"{}"'.format(w.replace('"', "")) for w in query.split())
            sql = "SELECT rowid FROM f WHERE f MATCH ? ORDER BY bm25(f) LIMIT 10"
            return [r[0] for r in plain.execute(sql, [match])]

        def names_few_articles(phrase: str) -> bool:
            sql = "SELECT count(*) FROM f WHERE f MATCH ?"
            return plain.execute(sql, ['"' + phrase + '"']).fetchone()[0] <= 5

        partners = read_pairs()
        kinds_of_16: list[tuple[str, Callable[[str], str | None]]] = [
            ("16 sound plural", sound_partner),
            ("16 pronoun", without_pronoun),
            ("16 proclitic", lambda w: without_proclitic(w, known)),
            ("16 broken plural", lambda w: broken_partner(w, partners)),
        ]
        queries = build_queries(rows, args, names_few_articles, kinds_of_16)
        print(f"library: {len(rows)} articles; {len(queries)} queries, e.g.")
        shown: set[str] = set()
        for _, exact, variant, kind in queries:
            if kind not in shown:
                shown.add(kind)
                print(f"    {exact}  →  {variant}   ({kind})")

        kinds = sorted({q[3] for q in queries}, key=lambda k: (k.startswith("16"), k))
        scores = {name: Scores() for name in ("plain", "before", "no plurals", "after")}
        latencies: list[float] = []
        found_before: set[str] = set()
        with stemmer_of(args.before_ref):  # the old library, queried the old way
            for article_id, exact, variant, kind in queries:
                for label, text in (("exact copy", exact), (kind, variant)):
                    old_ids = [h.id for h in before.search(text, limit=10)]
                    scores["before"].add(label, rank_of(article_id, old_ids))
                    if article_id in old_ids:
                        found_before.add(text)
        for article_id, exact, variant, kind in queries:
            for label, text in (("exact copy", exact), (kind, variant)):
                scores["plain"].add(label, rank_of(article_id, plain_ids(text)))
                start = time.perf_counter()
                hits = after.search(text, limit=10)
                latencies.append((time.perf_counter() - start) * 1000)
                scores["after"].add(label, rank_of(article_id, [h.id for h in hits]))
                if (
                    args.show_lost
                    and text in found_before
                    and article_id not in [h.id for h in hits]
                ):
                    print(f"    lost: {text}   ({label}; the text: {exact})")
                with plurals_off():
                    hits = after.search(text, limit=10)
                scores["no plurals"].add(label, rank_of(article_id, [h.id for h in hits]))
        header = f"{'plain FTS5':<13}{'before':<13}{'no plurals':<13}after"
        print(f"\n{'kind of change':<20}{'n':>5}   {header}")
        print(f"{'':<20}{'':>5}   " + "R@10  MRR    " * 4)
        for kind in ["exact copy", *kinds]:
            cells = "  ".join(scores[name].cell(kind) for name in scores)
            print(f"{kind:<20}{scores['after'].total[kind]:>5}   {cells}")
        for name in ("before", "no plurals", "after"):
            variant_kinds = [k for k in kinds if not k.startswith("16")]
            found = sum(scores[name].found[k] for k in variant_kinds)
            total = sum(scores[name].total[k] for k in variant_kinds)
            mrr = sum(scores[name].reciprocal[k] for k in variant_kinds) / max(total, 1)
            recall = found / max(total, 1)
            print(f"issue 4 kinds together, {name}: recall@10 {recall:.3f} MRR@10 {mrr:.3f}")
        exact_ok = scores["after"].found["exact copy"] == scores["after"].total["exact copy"]
        print(f"exact copies always found now: {'yes' if exact_ok else 'NO'}")
        latencies.sort()
        print(
            f"latency of Akhbar's search now: median {statistics.median(latencies):.1f} ms, "
            f"p90 {latencies[int(0.9 * len(latencies))]:.1f} ms ({len(latencies)} queries)"
        )
        if args.noise:
            noise_report(after, rows, args.noise, args.seed)
        after.close()
        before.close()
    return 0


def build_queries(rows, args, names_few_articles, kinds_of_16):
    """(article id, exact phrase, variant, kind): issue 4's set, then issue 16's."""
    rng = random.Random(args.seed)
    queries = []
    for article_id, _title, body in rng.sample(rows, min(len(rows), args.queries * 2)):
        if len(queries) == args.queries:
            break
        phrase = pick_phrase(rng, body, names_few_articles, lambda w: True)
        if phrase:
            which = rng.randrange(3)
            kind, changed = rng.choice(reader_variants(phrase[which]))
            queries.append((article_id, " ".join(phrase), swap(phrase, which, changed), kind))
    for kind, change in kinds_of_16:
        rng = random.Random(f"{args.seed} {kind}")
        made = 0
        for article_id, _title, body in rng.sample(rows, len(rows)):
            if made == args.queries // 4:
                break
            phrase = pick_phrase(
                rng, body, names_few_articles, lambda w, change=change: change(w) is not None
            )
            if phrase:
                which = next(i for i, w in enumerate(phrase) if change(w) is not None)
                changed = change(phrase[which])
                assert changed is not None
                queries.append((article_id, " ".join(phrase), swap(phrase, which, changed), kind))
                made += 1
    return queries


def pick_phrase(rng, body, names_few_articles, wanted) -> list[str] | None:
    """Three consecutive Arabic words of a paragraph naming at most five articles."""
    paragraphs = body.split("\n")
    for paragraph in rng.sample(paragraphs, len(paragraphs)):
        words = [w for w in paragraph.split() if ARABIC_WORD.match(w)]
        starts = [i for i in range(len(words) - 2) if any(wanted(w) for w in words[i : i + 3])]
        if len(words) < 6 or not starts:
            continue
        start = rng.choice(starts)
        phrase = words[start : start + 3]
        if min(map(len, phrase)) < 3 or " ".join(phrase) not in paragraph:
            continue
        if names_few_articles(" ".join(phrase)):
            return phrase
    return None


def swap(phrase: list[str], which: int, changed: str) -> str:
    return " ".join([*phrase[:which], changed, *phrase[which + 1 :]])


def noise_report(library, rows, count: int, seed: int) -> None:
    """How much of the first page plural-only hits take, for ordinary query words."""
    rng = random.Random(f"{seed} noise")
    chosen: list[str] = []
    for _id, title, _body in rng.sample(rows, len(rows)):
        candidates = [w for w in title.split() if ARABIC_WORD.match(w) and len(w) >= 3]
        if candidates:
            chosen.append(rng.choice(candidates))
        if len(chosen) == count:
            break
    expanded = slots = tiered = untiered = plural_only = results = 0
    examples = []
    for word in chosen:
        with plurals_off():
            direct = set(library.search_ids(word))
        ids = library.search_ids(word)
        shipped = [h.id for h in library.search(word, limit=10)]
        with plurals_untiered():
            mixed = [h.id for h in library.search(word, limit=10)]
        added = set(ids) - direct
        results += len(ids)
        plural_only += len(added)
        slots += len(shipped)
        tiered += len(set(shipped) & added)
        untiered += len(set(mixed) & added)
        if added:
            expanded += 1
            if len(examples) < 25:
                parsed = library.articles.with_plurals(search_query.parse_query(word))
                stems = [s for g in parsed.groups for t in g for s in t.plurals]
                examples.append(f"{word}→{'/'.join(stems)} (+{len(added)})")
    print(
        f"\nnoise on {len(chosen)} ordinary words (random title words): {expanded} gain "
        f"plural-only hits; they are {plural_only / max(results, 1):.4f} of all results; "
        f"of the first page (10) they take {tiered / max(slots, 1):.4f} ranked below "
        f"direct hits, {untiered / max(slots, 1):.4f} if ranked by bm25 among them"
    )
    print("    e.g. " + "  ".join(examples))


# -- --plurals ------------------------------------------------------------------------------


def plural_report(path: Path, short: bool) -> int:
    vocabulary = Vocabulary(path)
    db = vocabulary.db

    def docs(stems: Collection[str]) -> set[int]:
        if not stems:
            return set()
        match = f"{STEM_COLUMNS} : (" + " OR ".join(f'"{s}"' for s in stems) + ")"
        sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
        return {r[0] for r in db.execute(sql, [match])}

    pairs = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            singular, plural, *mark = text.split("\t")
            pairs.append((singular, plural, mark == ["held-out"]))
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"library {path}: {total} articles; patterns: {'all' if short else 'default (long)'}")
    timings: list[float] = []
    for held in (False, True):
        only_all = found_all = wrong_all = brought_all = results_all = 0
        macro, n = 0.0, 0
        misses = []
        for singular, plural, is_held in pairs:
            if is_held != held:
                continue
            for typed, other in ((singular, plural), (plural, singular)):
                typed_n = normalize(typed)
                # Gold: every partner the list gives this form (شهر: أشهر and شهور).
                alts = {normalize(b if a == typed else a) for a, b, _ in pairs if typed in (a, b)}
                base = docs(stem_variants(typed_n))
                gold = docs([v for a in alts for v in stem_variants(a)])
                start = time.perf_counter()
                added = plural_stems(typed_n, vocabulary.words, vocabulary.stems, short)
                timings.append((time.perf_counter() - start) * 1000)
                got = docs(added)
                only = gold - base
                new = got - base
                n += 1
                only_all += len(only)
                found_all += len(only & got)
                wrong_all += len(new - gold)
                brought_all += len(new)
                results_all += len(base | got)
                macro += len(only & got) / len(only) if only else 1.0
                if only and not only & got:
                    misses.append(f"{typed}→{other}")
        label = "held-out" if held else "tuning  "
        print(
            f"{label} {n:3d} queries: plural-only recall {found_all / max(only_all, 1):.3f} "
            f"(articles, {found_all}/{only_all}), {macro / max(n, 1):.3f} (mean per query); "
            f"noise {(wrong_all / max(brought_all, 1)):.4f} of the articles brought in "
            f"({wrong_all}/{brought_all}), {wrong_all / max(results_all, 1):.4f} of all results"
        )
        print(f"         none found: {' '.join(misses) or '-'}")
    timings.sort()
    print(
        f"plural_stems with fts5vocab look-ups: median {statistics.median(timings):.2f} ms, "
        f"p90 {timings[int(0.9 * len(timings))]:.2f} ms per query word"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
