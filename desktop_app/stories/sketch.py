"""A compact similarity sketch of an article's text, for grouping the versions of a story.

The text is normalised (text/normalize.py), split into words, and cut into overlapping
shingles of SHINGLE_WORDS words. Each shingle is hashed once (CRC-32 of its UTF-8
bytes: deterministic across processes, platforms and Python versions, unlike `hash`).
The sketch is a one-permutation MinHash: the hash space is split into BINS equal bins
by its top bits and each bin keeps the low VALUE_BITS bits of its smallest hash. Bins
that no shingle reached borrow the value of another bin, chosen by a fixed pseudo-random
probe order per bin ("optimal densification", Shrivastava 2017), so two sketches always
compare bin by bin and the share of equal bins estimates the Jaccard similarity of the
two shingle sets.

The sketch also records how many distinct shingles the text had; with it the Jaccard
estimate turns into an estimate of containment (how much of the shorter text is in the
longer one), which is what a cut or extended copy of a story keeps high.

Finding earlier versions: `band_keys` cuts the bins into BANDS bands of ROWS bins; two
sketches that agree on every bin of any one band share that band's key. A library
stores the keys in an indexed table, so the candidates for a new article are one indexed
lookup of a few dozen integers, never a scan; `similarity` then checks each candidate.
With ROWS = 2 a pair of Jaccard similarity J is found with probability 1 - (1 - J²)^BANDS.

Cost: one regular-expression pass for the words and C-level map/sort/bisect for the
rest; no Python loop per word (see benchmarks and the measurement in the module tests).
"""

from __future__ import annotations

import random
import re
import struct
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress

from desktop_app.text.normalize import normalize

SHINGLE_WORDS = 3
BINS = 128
VALUE_BITS = 16
ROWS = 2
BANDS = 32  # the first BANDS * ROWS bins make the bands
FORMAT = 1

_HASH_BITS = 32
_BIN_SHIFT = _HASH_BITS - (BINS.bit_length() - 1)
_VALUE_MASK = (1 << VALUE_BITS) - 1
_BOUNDS = [b << _BIN_SHIFT for b in range(BINS + 1)]
_HEADER = struct.Struct("<BI")  # format, number of distinct shingles
SKETCH_BYTES = _HEADER.size + BINS * VALUE_BITS // 8

# A letter or digit run of normalised text (which holds no diacritics or tatweel).
_WORD = re.compile(r"[^\W_]+")


def _probe_orders() -> list[list[int]]:
    rng = random.Random(0x5EED)  # fixed: every library must densify the same way
    orders = []
    for _ in range(BINS):
        order = list(range(BINS))
        rng.shuffle(order)
        orders.append(order)
    return orders


_PROBES = _probe_orders()


def shingle_hashes(normalised: str) -> list[int]:
    """Sorted distinct 32-bit hashes of the word shingles of already-normalised text.

    A text shorter than a shingle counts as one shingle of all its words.
    """
    words = _WORD.findall(normalised)
    if not words:
        return []
    shingles: Iterable[str] = [" ".join(words)]
    if len(words) >= SHINGLE_WORDS:
        # Shorter tails are cut off by zip, which is the point: only whole shingles.
        shingles = map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False))
    return sorted(set(map(zlib.crc32, map(str.encode, shingles))))


def sketch_normalised(normalised: str) -> bytes:
    """The sketch of text that already went through `normalize` (the importer has it)."""
    hashes = shingle_hashes(normalised)
    values = array("H", bytes(BINS * 2))
    if hashes:
        filled = [False] * BINS
        start, count = 0, len(hashes)
        # The smallest hash of each bin is the first one at or after the bin's lower bound.
        for b in range(BINS):
            if start >= count:
                break
            if hashes[start] < _BOUNDS[b + 1]:
                values[b] = hashes[start] & _VALUE_MASK
                filled[b] = True
                start = bisect_left(hashes, _BOUNDS[b + 1], start)
        if not all(filled):
            for b in range(BINS):
                if not filled[b]:
                    donor = next(compress(_PROBES[b], map(filled.__getitem__, _PROBES[b])))
                    values[b] = values[donor]
    return _HEADER.pack(FORMAT, len(hashes)) + values.tobytes()


def sketch(text: str) -> bytes:
    """The sketch of an article's text (lede and body; the title is left out because
    papers rewrite headlines). SKETCH_BYTES long, to be stored as a BLOB."""
    return sketch_normalised(normalize(text))


def _unpack(data: bytes) -> tuple[int, array[int]]:
    if len(data) != SKETCH_BYTES:
        raise ValueError(f"not a story sketch ({len(data)} bytes, expected {SKETCH_BYTES})")
    version, count = _HEADER.unpack_from(data)
    if version != FORMAT:
        raise ValueError(f"story sketch format {version}, this version reads {FORMAT}")
    values = array("H")
    values.frombytes(data[_HEADER.size :])
    return count, values


def shingle_count(data: bytes) -> int:
    """How many distinct shingles the sketched text had (0 for a text without words)."""
    return _unpack(data)[0]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets, 0.0 to 1.0.

    The standard error is about sqrt(J(1-J)/BINS): ±0.044 at J = 0.5.
    A text without words is similar to nothing.
    """
    count_a, values_a = _unpack(a)
    count_b, values_b = _unpack(b)
    if not count_a or not count_b:
        return 0.0
    return sum(map(int.__eq__, values_a, values_b)) / BINS


def containment(a: bytes, b: bytes) -> float:
    """Estimated share of the smaller text's shingles found in the other, 0.0 to 1.0.

    From the Jaccard estimate J and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
    High for a copy that was cut short or extended, where Jaccard is low.
    """
    jaccard = similarity(a, b)
    count_a, count_b = shingle_count(a), shingle_count(b)
    if not jaccard:
        return 0.0
    shared = jaccard * (count_a + count_b) / (1 + jaccard)
    return min(1.0, shared / min(count_a, count_b))


def band_keys(data: bytes) -> list[int]:
    """BANDS integer keys (signed 64-bit, for an indexed SQLite column); [] without words.

    Key = band number in the high bits, the band's ROWS bin values in the low bits, so
    equal keys mean equal bins, with no hashing and no collisions between bands.
    """
    count, values = _unpack(data)
    if not count:
        return []
    keys = []
    for band in range(BANDS):
        key = band
        for value in values[band * ROWS : (band + 1) * ROWS]:
            key = (key << VALUE_BITS) | value
        keys.append(key)
    return keys
