"""Top terms of a set of articles: frequent words and two-word phrases, and keywords.

Words are counted by stem (text/stem.py), so السعودية، والسعودية and السعوديين count as
one term, and each term is shown in the form the set writes it most often (diacritics
dropped), never as the bare stem. Stop words (analysis/stopwords.py), numbers and
one-letter tokens are left out of the lists but counted in the set's size. A phrase is
two neighbouring words, neither a stop word, with no punctuation between them.

Keyness compares the set with the rest of the library by log-likelihood (Dunning's G²,
see `log_likelihood`); the library's counts come from the full-text index's stem columns
through fts5vocab (storage/analysis.py), so the library is never re-read. Only words get
a score: the index holds no counts of word pairs. The set's most frequent stems are
looked up (at most KEYNESS_CANDIDATES), and the search stops early when no remaining
stem can reach the list (see `_keywords`).

Phrase counts are exact; the written form shown for a phrase is its most frequent
spelling among the first FORM_SAMPLE tokens (about 1,000 articles).

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
from itertools import compress, islice, pairwise
from operator import itemgetter
from typing import TypeVar

from desktop_app.analysis.stopwords import is_stop_normalised
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.errors import SearchCancelled
from desktop_app.storage.library import ListFilter
from desktop_app.text.normalize import normalize, strip_diacritics
from desktop_app.text.stem import stem_text

MAX_ARTICLES = 20_000
KEYNESS_CANDIDATES = 500  # at most this many of the set's stems get a library count
KEYNESS_CHUNK = 100
MIN_KEYNESS_COUNT = 3
# Phrases are counted in full; their written form is the most frequent among the pairs
# of the first this-many tokens (about 1,000 articles), which saves a third of the work.
FORM_SAMPLE = 400_000
_WORD = re.compile(r"[^\W_]+")  # a word, once diacritics are dropped
_BREAK = " \u00b6 "  # ¶: a piece without a word, so no phrase runs across it
# Punctuation that sticks to a word in news text (what else a piece holds goes to _WORD).
_PUNCTUATION = ".,;:!?،؛؟«»\"'“”‘’()[]{}<>-–—_…/\\|*+=%٪#@&~^`$"
K = TypeVar("K")

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

    Text is cut at white space (str.split, the fastest tokeniser Python has: a regular
    expression over Arabic text costs three times as much), and each distinct piece
    is classified once: its word with any punctuation around it dropped, the word's
    stem, and whether punctuation before or after it ends a phrase. The work per
    position (counting pieces, looking them up, counting pairs) runs in C through
    Counter, map and compress. The words of a piece joined by punctuation
    (وزارة/الصحة) count as words but start or end no phrase.
    """

    def __init__(self) -> None:
        self._pieces: Counter[str] = Counter()  # piece → occurrences (insertion ordered)
        # Per piece: the stem id it gives a phrase as the first word (0: none, or
        # punctuation after it) and as the second word (0: none, or punctuation before).
        self._left: dict[str, int] = {}
        self._right: dict[str, int] = {}
        self._word: dict[str, tuple[int, str]] = {}  # piece → (stem id, word as written)
        self._parts: dict[str, list[tuple[int, str]]] = {}  # the same, pieces of 2+ words
        self._words_in: dict[str, int] = {}  # piece → how many words it holds
        self._stems: dict[str, int] = {}  # stem → stem id (ids from 1)
        self._stem_of: list[str] = [""]  # stem id → stem
        self._stem_pairs: Counter[tuple[int, int]] = Counter()
        self._sample_pairs: Counter[tuple[str, str]] = Counter()  # pieces, first tokens
        self._sampled = 0
        self._by_stem: tuple[dict[int, int], dict[int, str]] | None = None

    def add(self, texts: Sequence[str]) -> None:
        # Fields and paragraphs end phrases: a mark between them that is no word.
        pieces = _BREAK.join(texts).replace("\n", _BREAK).split()
        known = len(self._pieces)
        self._pieces.update(pieces)
        if len(self._pieces) > known:  # new pieces come last in a Counter
            self._classify(list(islice(self._pieces, known, None)))
        firsts = list(map(self._left.__getitem__, pieces))
        seconds = list(map(self._right.__getitem__, pieces))
        del seconds[0]
        both = list(map(min, firsts, seconds))  # 0 unless both are words that count
        self._stem_pairs.update(zip(compress(firsts, both), compress(seconds, both), strict=True))
        if self._sampled < FORM_SAMPLE:
            self._sample_pairs.update(pairwise(pieces))
            self._sampled += len(pieces)
        self._by_stem = None

    def _classify(self, pieces: list[str]) -> None:
        self._left.update(dict.fromkeys(pieces, 0))
        self._right.update(dict.fromkeys(pieces, 0))
        words_in = self._words_in
        # (piece, piece without diacritics, a word of it, whether it is the only one)
        entries: list[tuple[str, str, str, bool]] = []
        # Diacritics go in one pass over all new pieces; then most pieces are a word
        # with perhaps punctuation around it, which str methods tell apart quickly.
        bare_pieces = strip_diacritics("\n".join(pieces)).split("\n")
        for piece, bare in zip(pieces, bare_pieces, strict=True):
            word = bare.strip(_PUNCTUATION)
            if word.isalnum():
                words_in[piece] = 1
                entries.append((piece, bare, word, True))
                continue
            found = _WORD.findall(bare)
            words_in[piece] = len(found)
            entries += [(piece, bare, w, len(found) == 1) for w in found]
        if not entries:
            return
        # Normalise and stem the new words at once: the passes run over one string.
        normalised = normalize("\n".join(e[2] for e in entries)).split("\n")
        stems = stem_text("\n".join(normalised)).split("\n")
        for (piece, bare, word, whole), norm, stemmed in zip(
            entries, normalised, stems, strict=True
        ):
            if not stemmed or is_stop_normalised(norm):
                continue
            stem_id = self._stems.get(stemmed)
            if stem_id is None:
                stem_id = self._stems[stemmed] = len(self._stem_of)
                self._stem_of.append(stemmed)
            if not whole:  # counts as a word, but starts or ends no phrase
                self._parts.setdefault(piece, []).append((stem_id, word))
                continue
            self._word[piece] = (stem_id, word)
            if bare.endswith(word):
                self._left[piece] = stem_id
            if bare.startswith(word):
                self._right[piece] = stem_id

    def word_tokens(self) -> int:
        """Running words (stop words included, punctuation not)."""
        words_in = self._words_in
        return sum(count * words_in[piece] for piece, count in self._pieces.items())

    def stem_counts(self) -> tuple[dict[str, int], dict[str, str]]:
        """({stem: count}, {stem: its most frequent written form}), stop words left out."""
        counts, forms = self._counts_by_stem()
        stem_of = self._stem_of
        return (
            {stem_of[s]: n for s, n in counts.items()},
            {stem_of[s]: form for s, form in forms.items()},
        )

    def _counts_by_stem(self) -> tuple[dict[int, int], dict[int, str]]:
        if self._by_stem is None:
            by_form: Counter[tuple[int, str]] = Counter()
            word = self._word
            for piece, count in self._pieces.items():
                found = word.get(piece)
                if found is not None:
                    by_form[found] += count
            for piece, parts in self._parts.items():
                for found in parts:
                    by_form[found] += self._pieces[piece]
            counts: dict[int, int] = {}
            best: dict[int, tuple[int, str]] = {}
            for (stem_id, form), count in by_form.items():
                counts[stem_id] = counts.get(stem_id, 0) + count
                if count > best.get(stem_id, (0, ""))[0]:
                    best[stem_id] = (count, form)
            self._by_stem = counts, {s: form for s, (_, form) in best.items()}
        return self._by_stem

    def words(self, limit: int) -> list[TermCount]:
        counts, forms = self._counts_by_stem()
        stem_of = self._stem_of
        top = _top(counts.items(), limit, lambda stem_id: stem_of[stem_id])
        return [TermCount(forms[s], count, stem_of[s]) for s, count in top]

    def phrases(self, limit: int) -> list[TermCount]:
        stem_of = self._stem_of
        top = _top(
            self._stem_pairs.items(), limit, lambda pair: (stem_of[pair[0]], stem_of[pair[1]])
        )
        # The written form: the most frequent pair of pieces with these stems among the
        # first tokens; a pair the sample lacks takes each stem's most frequent form.
        wanted = {pair for pair, _ in top}
        forms: dict[tuple[int, int], tuple[int, str]] = {}
        left, right, word = self._left, self._right, self._word
        for (first, second), count in self._sample_pairs.items():
            pair = (left[first], right[second])
            if pair in wanted and count > forms.get(pair, (0, ""))[0]:
                forms[pair] = (count, f"{word[first][1]} {word[second][1]}")
        _, word_forms = self._counts_by_stem()
        found = []
        for (first, second), count in top:
            form = forms.get((first, second))
            term = form[1] if form else f"{word_forms[first]} {word_forms[second]}"
            found.append(TermCount(term, count, f"{stem_of[first]} {stem_of[second]}"))
        return found


def _top(items: Iterable[tuple[K, int]], limit: int, name: Callable[[K], object]) -> list:
    """The `limit` items with the highest counts, ties shown in the order of their names.

    (Which of several items tied at the cut are kept follows the order they were first
    seen in: heapq.nlargest is stable.)
    """
    largest = heapq.nlargest(limit, items, key=itemgetter(1))
    largest.sort(key=lambda kv: (-kv[1], name(kv[0])))
    return largest


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
        counter.add([text for row in batch for text in row[1:]])
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
