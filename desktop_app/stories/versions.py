"""Whether two near-identical texts are versions of one story or one template reused.

Text similarity alone (the sketch in sketch.py, or a word-level diff) cannot tell two
versions of one wire story from two stories written in one template: congratulation
cables to different presidents, execution statements, weather reports of different
days share 70-90% of their words. What differs is the handful of distinctive words —
the name, the country, the place — and those are in the headline. So a pair whose
texts overlap enough is taken as one story only when each headline's distinctive terms
appear in the other article.

"Distinctive" means not among the COMMON_TERMS most frequent stems of the library (the
caller passes them in, from the full-text index's document frequencies), so the rule
adapts to the library and needs no word list shipped with the program.

Thresholds chosen on the tune split of tests/data/story_pairs.jsonl (see
tests/stories/test_pairs.py and docs/stories.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem_text

CONTAINMENT_MIN = 0.55
TITLE_COVERAGE_MIN = 0.6
COMMON_TERMS = 300

_TERM = re.compile(r"[^\W_]{2,}")


def terms(text: str) -> set[str]:
    """The stemmed terms of a text (two letters or more), as the full-text index has them."""
    return set(_TERM.findall(stem_text(normalize(text))))


def common_terms(
    document_frequencies: Mapping[str, int], count: int = COMMON_TERMS
) -> frozenset[str]:
    """The `count` terms found in the most documents: the ones that say nothing specific."""
    ranked = sorted(document_frequencies.items(), key=lambda item: (-item[1], item[0]))
    return frozenset(term for term, _ in ranked[:count])


def title_coverage(title: str, other_terms: Iterable[str], common: frozenset[str]) -> float:
    """Share of the headline's distinctive terms found among the other article's terms.

    1.0 for a headline of common words only (nothing to contradict).
    """
    wanted = terms(title) - common
    if not wanted:
        return 1.0
    present = wanted & set(other_terms)
    return len(present) / len(wanted)


def is_version(containment: float, coverage_a_in_b: float, coverage_b_in_a: float) -> bool:
    """The grouping rule: enough shared text, and headlines that name the same things."""
    return (
        containment >= CONTAINMENT_MIN
        and min(coverage_a_in_b, coverage_b_in_a) >= TITLE_COVERAGE_MIN
    )
