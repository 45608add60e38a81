"""The versions rule on 192 hand-labelled pairs of real articles (tests/data/story_pairs.jsonl).

Each pair was read (headline, lede, opening paragraphs, and a word diff where in doubt)
and labelled under one definition: *same story* = both are versions of one source text
(a wire or press-release copy) - retitled, cut, extended, or reworded in places, with the
sentences of the shorter one found in order in the other. Not the same story: different
events written in one template (congratulation cables, execution statements, weather
reports of different days, relief flights), follow-ups with new facts, independent
write-ups of one event, and compilations that lead with another item.

The thresholds were chosen on the "tune" split (the most recall at precision >= 0.95);
"holdout" was not looked at while choosing. Measured with these thresholds:

    tune     precision 0.967  recall 0.694   (59 of 85 versions, 2 false merges)
    holdout  precision 0.917  recall 0.868   (33 of 38 versions, 3 false merges)

The issue's target (precision >= 0.95 and recall >= 0.90) is NOT reached: the floors
below guard the measured numbers, so a change that makes them worse fails. The sketch's
containment alone reaches only recall 0.25 at precision 0.95 on tune, because templates
share as many words as versions do; see docs/stories.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.parsing.article import parse_article
from desktop_app.stories import sketch, versions
from desktop_app.text.entities import decode_references
from tests.conftest import make_corpus

pytestmark = pytest.mark.corpus

PAIRS = Path(__file__).resolve().parents[1] / "data" / "story_pairs.jsonl"
FLOORS = {"tune": (0.95, 0.69), "holdout": (0.91, 0.86)}


def _body(article) -> str:
    return "\n".join([article.lede, *article.paragraphs])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stories_corpus")
    manifest = make_corpus(folder, 0, "--mix")
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    return folder, manifest, pairs


def _load(folder: Path, name: str):
    return parse_article(name, (folder / name).read_bytes())


def test_the_labelled_set(corpus):
    _, _, pairs = corpus
    assert len(pairs) >= 150
    assert {p["split"] for p in pairs} == {"tune", "holdout"}
    assert sum(p["split"] == "holdout" for p in pairs) >= len(pairs) // 3 - 1
    labels = Counter(p["same_story"] for p in pairs)
    assert labels[True] >= 50 and labels[False] >= 50
    assert all(p["reason"].strip() for p in pairs)


def test_precision_and_recall_at_the_chosen_thresholds(corpus):
    folder, manifest, pairs = corpus
    by_url = {entry["url"]: entry for entry in manifest}
    labelled = {p[side]["url"] for p in pairs for side in "ab"}
    articles = {}
    for url in labelled:
        entry = by_url[url]  # make-corpus output still holds every labelled article
        article = _load(folder, entry["file"])
        # The set keeps each title as the file spells it; the parser decodes references.
        assert article.title == decode_references(
            next(p[s]["title"] for p in pairs for s in "ab" if p[s]["url"] == url)
        )
        articles[url] = article
    # The library's common terms, here from half the corpus (none of the labelled pairs).
    frequencies: Counter[str] = Counter()
    for entry in manifest[::2]:
        if entry["url"] not in labelled:
            article = _load(folder, entry["file"])
            frequencies.update(versions.terms(f"{article.title}\n{_body(article)}"))
    common = versions.common_terms(frequencies)

    counts = {split: Counter() for split in FLOORS}
    for pair in pairs:
        a, b = articles[pair["a"]["url"]], articles[pair["b"]["url"]]
        contained = sketch.containment(sketch.sketch(_body(a)), sketch.sketch(_body(b)))
        terms_a = versions.terms(f"{a.title}\n{_body(a)}")
        terms_b = versions.terms(f"{b.title}\n{_body(b)}")
        same = versions.is_version(
            contained,
            versions.title_coverage(a.title, terms_b, common),
            versions.title_coverage(b.title, terms_a, common),
        )
        counts[pair["split"]][(same, pair["same_story"])] += 1
    for split, (min_precision, min_recall) in FLOORS.items():
        c = counts[split]
        precision = c[True, True] / (c[True, True] + c[True, False])
        recall = c[True, True] / (c[True, True] + c[False, True])
        print(f"{split}: precision {precision:.3f} recall {recall:.3f} {dict(c)}")
        assert precision >= min_precision, (split, precision)
        assert recall >= min_recall, (split, recall)
