"""A search parses its query once: the same ParsedQuery serves the SQL, the ranking and
every hit's snippet."""

from __future__ import annotations

from desktop_app.search import match
from desktop_app.search.match import QueryWords, text_matches, word_matcher
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.search.snippets import make_snippet
from tests.helpers import stored


def _count_calls(monkeypatch, cls) -> list[int]:
    calls: list[int] = []
    original = cls.__init__

    def counting(self, *args, **kwargs):
        calls.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(cls, "__init__", counting)
    return calls


def test_a_search_parses_once_and_builds_one_matcher_for_all_snippets(library, monkeypatch):
    for year in (2021, 2022, 2023):
        stored(library, f"خبر {year}", [f"جدة - المعلمات في عام {year}."], date=f"{year}-01-01")
    word_matcher.cache_clear()
    parsed_queries = _count_calls(monkeypatch, ParsedQuery)
    matchers = _count_calls(monkeypatch, QueryWords)
    hits = library.search("معلمة source:صحيفة* -رياضة")
    assert len(hits) == 3 and all("<b>المعلمات</b>" in h.snippet for h in hits)
    assert len(parsed_queries) == 1
    assert len(matchers) == 1


def test_search_takes_a_parsed_query(library):
    stored(library, "خبر", ["جدة - المعلمات في المدرسة."])
    parsed = parse_query("معلمة")
    assert library.search(parsed) == library.search("معلمة")


def test_snippets_and_matching_take_the_parsed_query():
    parsed = parse_query("اسرائيل")
    texts = ["وصل الوفد الإسرائيلي أمس."]
    assert make_snippet(texts, parsed) == make_snippet(texts, "اسرائيل")
    assert "<b>الإسرائيلي</b>" in make_snippet(texts, parsed)
    assert word_matcher(parsed) is word_matcher(parse_query("اسرائيل"))  # equal: one matcher
    assert text_matches(parsed, texts[0])
    assert match.word_matcher is word_matcher
