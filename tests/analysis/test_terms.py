"""Top terms: stems counted, shown as written, stop words out, keyness by G²."""

import math
import random

import pytest

from desktop_app.analysis.stopwords import STOP_WORDS, is_stop_word
from desktop_app.analysis.terms import TermCounter, log_likelihood, top_terms
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.library import ListFilter
from desktop_app.text.stem import stem
from tests.helpers import parsed

COMMON = ["المدينة", "المشروع", "الطريق", "السكان", "المجلس", "الميزانية", "المدرسة",
          "الشارع", "الحديقة", "المستشفى", "الجامعة", "الطلاب"]  # fmt: skip


def _sentence(rng: random.Random, extra: list[str]) -> str:
    picked = rng.sample(COMMON, 4) + extra
    rng.shuffle(picked)
    return "قال المسؤول إن " + "، ".join(picked) + " في هذا العام."


@pytest.fixture
def repo(library):
    rng = random.Random(7)
    for i in range(40):
        paragraphs = tuple(_sentence(rng, []) for _ in range(6))
        library.add(parsed(f"خبر عام {i}", name=f"g{i}.txt", paragraphs=paragraphs,
                           source="صحيفة عامة"))  # fmt: skip
    # A source that writes about saffron: the word and its forms in every paragraph,
    # among the same common words (المدينة more often than anything).
    forms = ["الزعفران", "الزعفران", "والزعفران", "زعفران"]
    for i in range(6):
        paragraphs = tuple(
            _sentence(rng, ["المدينة", "المدينة", forms[(i + j) % 4]]) for j in range(6)
        )
        library.add(parsed(f"موسم قطاف {i}", name=f"s{i}.txt", paragraphs=paragraphs,
                           source="صحيفة الزعفران"))  # fmt: skip
    # The word once outside that source, so the library's count is more than the set's.
    library.add(parsed("خبر آخر", name="o.txt", paragraphs=("ذكر الزعفران مرة واحدة هنا.",)))
    return AnalysisRepository(library.db)


def test_keyness_ranks_the_planted_word_first(repo):
    found = top_terms(repo, ListFilter(source="صحيفة الزعفران"), limit=10, keyness=True)
    assert found.articles == 6
    assert found.words[0].term == "المدينة"  # the most frequent word of the set …
    first = found.keywords[0]
    # shown as written, not as its stem
    assert (first.term, first.key, first.count) == ("الزعفران", stem("الزعفران"), 36)
    assert first.score > 15.13  # … but the distinctive one is the planted word (p<0.0001)
    assert "المدينة" not in [k.term for k in found.keywords[:1]]
    scores = [k.score for k in found.keywords]
    assert scores == sorted(scores, reverse=True)


def test_stop_words_and_numbers_are_left_out(repo):
    found = top_terms(repo, None, limit=100)
    terms = {t.term for t in found.words}
    assert not terms & {"قال", "إن", "في", "هذا", "و"}
    assert "المدينة" in terms
    assert all(not is_stop_word(t) for t in terms)
    assert found.tokens > sum(t.count for t in found.words)  # stop words count in the size


def test_words_are_counted_by_stem_and_shown_as_most_often_written():
    counter = TermCounter()
    counter.add(["زار الوفد الجامعات. والجامعة عريقة، وفي الجامعة طلاب من الجامعة الأم."])
    counter.add(["جامعة الملك سعود والجامعات الأخرى"])
    (top, *_) = counter.words(3)
    assert (top.term, top.key, top.count) == ("الجامعة", "جامع", 6)
    assert counter.word_tokens() == 16


def test_phrases_are_neighbours_without_punctuation_or_stop_words():
    counter = TermCounter()
    counter.add([
        "أعلنت وزارة الصحة اليوم. وقالت وزارة الصحة إن وزارة الصحة جاهزة.",
        "الطاقة الشمسية في الطاقة الشمسية، الطاقة. الشمسية",
    ])  # fmt: skip
    phrases = {p.term: p.count for p in counter.phrases(10)}
    assert phrases["وزارة الصحة"] == 3
    assert phrases["الطاقة الشمسية"] == 2  # not across the comma or the full stop
    assert "الصحة اليوم" in phrases and "اليوم وقالت" not in phrases
    assert not any(" إن " in f" {p} " or p.startswith("في ") for p in phrases)


def test_log_likelihood_matches_the_formula():
    # 20 in 1,000 words against 10 in 10,000: worked out by hand from the formula.
    a, b, c, d = 20, 10, 1000, 10000
    e1, e2 = c * 30 / 11000, d * 30 / 11000
    assert log_likelihood(a, b, c, d) == pytest.approx(
        2 * (a * math.log(a / e1) + b * math.log(b / e2))
    )
    assert log_likelihood(10, 100, 1000, 10000) == pytest.approx(0.0)  # same rate
    assert log_likelihood(5, 0, 100, 100) > 0
    assert log_likelihood(0, 0, 100, 100) == 0.0


def test_stop_word_list_is_normalised_and_catches_clitics():
    assert "قال" in STOP_WORDS and "الي" in STOP_WORDS  # إلى, normalised
    for word in ("وقال", "فإن", "وبذلك", "لهذا", "إلى", "2015", "ب"):
        assert is_stop_word(word), word
    for word in ("المدينة", "النفط", "وزارة", "فهد"):
        assert not is_stop_word(word), word


def test_keyness_stops_early_without_changing_the_answer(repo, monkeypatch):
    import desktop_app.analysis.terms as terms

    subset = ListFilter(source="صحيفة الزعفران")
    looked_up: list[int] = []
    original = AnalysisRepository.stem_counts

    def counting(self, stems, stop=None):
        stems = list(stems)
        looked_up.append(len(stems))
        return original(self, stems, stop)

    monkeypatch.setattr(AnalysisRepository, "stem_counts", counting)
    monkeypatch.setattr(terms, "KEYNESS_CHUNK", 10_000)
    everything = top_terms(repo, subset, limit=2, keyness=True).keywords
    monkeypatch.setattr(terms, "KEYNESS_CHUNK", 1)
    looked_up.clear()
    pruned = top_terms(repo, subset, limit=2, keyness=True).keywords
    assert [(k.key, k.score) for k in pruned] == [(k.key, k.score) for k in everything]
    stems = [w for w in top_terms(repo, subset, limit=1000).words if w.count >= 3]
    assert len(stems) > 10
    assert 2 <= len(looked_up) < len(stems) / 2  # stopped long before the last stem


def test_terms_json_shapes(repo):
    from desktop_app.analysis.export import terms_json

    found = top_terms(repo, ListFilter(source="صحيفة الزعفران"), limit=5, keyness=True)
    plain = terms_json(found, 5)
    assert all(set(item) == {"term", "count"} for item in plain)
    assert [i["count"] for i in plain] == sorted((i["count"] for i in plain), reverse=True)
    assert plain[0] == {"term": "المدينة", "count": found.words[0].count}
    scored = terms_json(found, 3, keyness=True)
    assert scored[0]["term"] == "الزعفران" and set(scored[0]) == {"term", "count", "score"}


def test_progress_is_reported_and_stop_cancels(repo):
    from desktop_app.storage.errors import SearchCancelled

    seen: list[tuple[int, int]] = []
    top_terms(repo, None, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (47, 47)
    with pytest.raises(SearchCancelled):
        top_terms(repo, None, stop=lambda: True)
    sample = top_terms(repo, None, max_articles=10)
    assert (sample.articles, sample.sampled) == (10, 47)


def test_words_joined_by_punctuation_still_count():
    counter = TermCounter()
    counter.add(["وزارة/الصحة «وزارة» (الصحة) وِزارةُ الصحة"])
    counts, forms = counter.stem_counts()
    assert counts["زار"] == 3 and counts["صح"] == 3
    assert (forms["زار"], forms["صح"]) == ("وزارة", "الصحة")  # diacritics dropped
    assert {p.term: p.count for p in counter.phrases(5)} == {"وزارة الصحة": 1}
    assert counter.word_tokens() == 6
