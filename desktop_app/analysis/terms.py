"""Top terms of a set of articles: frequent words and two-word phrases, and keywords.

Words are counted by stem (text/stem.py), so السعودية، والسعودية and السعوديين count as
one term, and each term is shown in the form the set writes it most often (diacritics
dropped), never as the bare stem. Stop words (analysis/stopwords.py), numbers and
one-letter tokens are left out of the lists but counted in the set's size. A phrase is
two neighbouring words, neither a stop word, with no punctuation between them.

Keyness compares the set with the rest of the library by log-likelihood (Dunning's G²,
see `log_likelihood`); the library's counts come from the full-text index's stem columns
through fts5vocab (storage/analysis.py), so the library is never re-read. Only words get
a score: the index holds no counts of word pairs.

A set larger than `max_articles` is counted on an evenly spread sample of that many of
its articles (`TopTerms.sampled` says so); the counts are then the sample's.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

from desktop_app.analysis.stopwords import is_stop_normalised
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.errors import SearchCancelled
from desktop_app.storage.library import ListFilter
from desktop_app.text.normalize import normalize, strip_diacritics
from desktop_app.text.stem import stem_text

MAX_ARTICLES = 20_000
KEYNESS_CANDIDATES = 1_000  # at most this many of the set's stems get a library count
KEYNESS_CHUNK = 100
MIN_KEYNESS_COUNT = 3
# Phrases are counted in full; their written form is the most frequent among the pairs
# of the first this-many tokens (about 1,000 articles), which saves a third of the work.
FORM_SAMPLE = 400_000
# A word (diacritics are dropped first), or a run of punctuation, which ends a phrase.
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]+|_+")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class TermCount:
    """`term` as the set writes it most often; `key` the stem (or two stems) counted."""

    term: str
    count: int
    key: str
    score: float | None = None

    def json(self, keyness: bool = False) -> dict:
        """One item of `akhbar terms --json`: {"term", "count"} (+ "score" with keyness)."""
        item: dict = {"term": self.term, "count": self.count}
        if keyness:
            item["score"] = round(self.score or 0.0, 2)
        return item


@dataclass(frozen=True)
class TopTerms:
    articles: int  # articles counted
    tokens: int  # running words counted, stop words included
    words: list[TermCount]
    phrases: list[TermCount]
    keywords: list[TermCount]  # by keyness, highest first; empty unless asked
    sampled: int | None = None  # the set's size when only a sample of it was counted


class TermCounter:
    """Counts words and word pairs of texts fed to it; pure (no database).

    Built for 10,000 articles in about a second: each distinct token is classified and
    stemmed once (in one pass over all new tokens), and the per-position work (ids,
    pairs, counting) runs in C through map/zip/compress and Counter.
    """

    def __init__(self) -> None:
        # Token ids: a word that counts has its own id >= 1; stop words and punctuation
        # are 0. Stems have ids too, so that pairs of stems count in C.
        self._ids: dict[str, int] = {}
        self._token_of: list[str] = [""]  # token id → the token as written
        self._stem_id: list[int] = [0]  # token id → stem id
        self._stems: dict[str, int] = {}  # stem → stem id
        self._stem_of: list[str] = [""]  # stem id → stem
        self._tokens: Counter[str] = Counter()  # token → occurrences
        self._stem_pairs: Counter[tuple[int, int]] = Counter()  # (stem id, stem id)
        # (token id, token id) of the first FORM_SAMPLE tokens: the phrases' written forms
        self._token_pairs: Counter[tuple[int, int]] = Counter()
        self._sampled = 0

    def add(self, texts: Iterable[str]) -> None:
        tokens = _TOKEN.findall(strip_diacritics("\n".join(texts)))
        batch = Counter(tokens)
        new = batch.keys() - self._ids.keys()
        if new:
            self._classify(list(new))
        self._tokens.update(batch)
        ids = list(map(self._ids.__getitem__, tokens))
        following = ids[1:]
        both_count = list(map(min, ids, following))  # 0 unless both are words that count
        firsts = list(compress(ids, both_count))
        seconds = list(compress(following, both_count))
        if self._sampled < FORM_SAMPLE:
            self._token_pairs.update(zip(firsts, seconds, strict=True))
            self._sampled += len(ids)
        stem_id = self._stem_id.__getitem__
        self._stem_pairs.update(zip(map(stem_id, firsts), map(stem_id, seconds), strict=True))

    def _classify(self, tokens: list[str]) -> None:
        words = [t for t in tokens if t[0].isalnum()]
        for token in tokens:
            self._ids[token] = 0  # punctuation or a stop word, unless a word below
        if not words:
            return
        # Normalise and stem every new word at once: the passes run over one string.
        normalised = normalize("\n".join(words)).split("\n")
        stems = stem_text("\n".join(normalised)).split("\n")
        for token, norm, stemmed in zip(words, normalised, stems, strict=True):
            if not stemmed or is_stop_normalised(norm):
                continue
            stem_id = self._stems.get(stemmed)
            if stem_id is None:
                stem_id = self._stems[stemmed] = len(self._stem_of)
                self._stem_of.append(stemmed)
            self._ids[token] = len(self._token_of)
            self._token_of.append(token)
            self._stem_id.append(stem_id)

    def word_tokens(self) -> int:
        """Running words (stop words included, punctuation not)."""
        return sum(n for token, n in self._tokens.items() if token[0].isalnum())

    def stem_counts(self) -> tuple[dict[str, int], dict[str, str]]:
        """({stem: count}, {stem: its most frequent written form}), stop words left out."""
        counts, best = self._by_stem()
        return (
            {self._stem_of[s]: n for s, n in counts.items()},
            {self._stem_of[s]: self._token_of[t] for s, (_, t) in best.items()},
        )

    def _by_stem(self) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
        """({stem id: count}, {stem id: (count, token id of its most frequent form)})."""
        counts: dict[int, int] = {}
        best: dict[int, tuple[int, int]] = {}
        stem_id = self._stem_id
        ids = self._ids
        for token, count in self._tokens.items():
            token_id = ids[token]
            if not token_id:
                continue
            key = stem_id[token_id]
            counts[key] = counts.get(key, 0) + count
            if count > best.get(key, (0, 0))[0]:
                best[key] = (count, token_id)
        return counts, best

    def words(self, limit: int) -> list[TermCount]:
        counts, forms = self.stem_counts()
        top = heapq.nsmallest(limit, counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [TermCount(forms[key], count, key) for key, count in top]

    def phrases(self, limit: int) -> list[TermCount]:
        stem_of = self._stem_of
        top = heapq.nsmallest(
            limit,
            self._stem_pairs.items(),
            key=lambda kv: (-kv[1], stem_of[kv[0][0]], stem_of[kv[0][1]]),
        )
        if not top:
            return []
        # The written form: of the token pairs made of these stems, the most frequent in
        # the sample; a pair the sample lacks takes each stem's most frequent form.
        forms: dict[int, list[int]] = {}
        for token_id in range(1, len(self._token_of)):
            forms.setdefault(self._stem_id[token_id], []).append(token_id)
        pairs = self._token_pairs

        def seen(token_id: int) -> int:
            return self._tokens[self._token_of[token_id]]

        found = []
        for (first, second), count in top:
            form = max(
                ((a, b) for a in forms[first] for b in forms[second]),
                key=lambda ab: (pairs.get(ab, 0), seen(ab[0]) + seen(ab[1])),
            )
            term = f"{self._token_of[form[0]]} {self._token_of[form[1]]}"
            found.append(TermCount(term, count, f"{stem_of[first]} {stem_of[second]}"))
        return found


def top_terms(
    repo: AnalysisRepository,
    filters: ListFilter | Sequence[int] | None = None,
    limit: int = 50,
    keyness: bool = False,
    max_articles: int = MAX_ARTICLES,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> TopTerms:
    """Top words and phrases of a set: a ListFilter (None: the whole library) or ids."""
    if filters is None or isinstance(filters, ListFilter):
        ids: Sequence[int] = repo.matching_ids(filters or ListFilter())
    else:
        ids = filters
    sampled = None
    if len(ids) > max_articles:
        sampled = len(ids)
        step = len(ids) / max_articles
        ids = [ids[int(i * step)] for i in range(max_articles)]
    counter = TermCounter()
    done = 0
    for batch in repo.texts_of(ids):
        if stop is not None and stop():
            raise SearchCancelled("cancelled")
        counter.add(text for row in batch for text in row[1:])
        done += len(batch)
        if progress is not None:
            progress(done, len(ids))
    keywords: list[TermCount] = []
    tokens = counter.word_tokens()
    if keyness:
        counts, forms = counter.stem_counts()
        keywords = _keywords(repo, counts, forms, tokens, limit, stop)
    return TopTerms(
        articles=len(ids),
        tokens=tokens,
        words=counter.words(limit),
        phrases=counter.phrases(limit),
        keywords=keywords,
        sampled=sampled,
    )


def _keywords(
    repo: AnalysisRepository,
    counts: dict[str, int],
    forms: dict[str, str],
    set_tokens: int,
    limit: int,
    stop: Callable[[], bool] | None,
) -> list[TermCount]:
    """The `limit` stems of the set with the highest G², over-represented ones only.

    Stems are scored in order of their count in the set, a chunk at a time, and the
    search stops once no stem left can score higher than the `limit`-th found so far:
    a stem seen `a` times scores at most 2·a·ln((c+d)/c), when the rest of the library
    never uses it, and `a` only falls from there. So the result is exact while most
    of the set's stems are never looked up in the index.
    """
    candidates = heapq.nsmallest(
        KEYNESS_CANDIDATES,
        ((key, n) for key, n in counts.items() if n >= MIN_KEYNESS_COUNT),
        key=lambda kv: (-kv[1], kv[0]),
    )
    rest_tokens = max(repo.library_tokens() - set_tokens, 0)
    if not candidates or not set_tokens:
        return []
    ceiling = 2.0 * math.log((set_tokens + rest_tokens) / set_tokens)  # times a
    scored: list[TermCount] = []
    best: list[float] = []  # a min-heap of the `limit` highest scores so far
    for start in range(0, len(candidates), KEYNESS_CHUNK):
        chunk = candidates[start : start + KEYNESS_CHUNK]
        if len(best) == limit and ceiling * chunk[0][1] <= best[0]:
            break
        library = repo.stem_counts([key for key, _ in chunk], stop)
        for key, a in chunk:
            b = max(library.get(key, 0) - a, 0)
            if rest_tokens and b / rest_tokens >= a / set_tokens:
                continue  # not more frequent here than elsewhere: not a keyword of the set
            score = log_likelihood(a, b, set_tokens, rest_tokens)
            scored.append(TermCount(forms[key], a, key, score))
            if len(best) < limit:
                heapq.heappush(best, score)
            elif score > best[0]:
                heapq.heapreplace(best, score)
    scored.sort(key=lambda t: (-(t.score or 0.0), t.key))
    return scored[:limit]


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood G² of a word seen a times in c words and b times in d.

    The form of Rayson and Garside, "Comparing corpora using frequency profiling"
    (2000), after Dunning, "Accurate methods for the statistics of surprise and
    coincidence" (1993): with the expected counts E1 = c(a+b)/(c+d) and
    E2 = d(a+b)/(c+d), G² = 2 (a ln(a/E1) + b ln(b/E2)), a term being 0 when its count
    is 0. Above 3.84 the difference is significant at p < 0.05, above 15.13 at p < 0.0001.
    """
    total = c + d
    if total == 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / total
    e2 = d * (a + b) / total
    g2 = 0.0
    if a:
        g2 += a * math.log(a / e1)
    if b:
        g2 += b * math.log(b / e2)
    return 2.0 * g2
