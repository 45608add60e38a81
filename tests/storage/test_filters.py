"""One filter value (model.ArticleFilter) for the headline list and the query language,
turned into SQL in one place (storage/filters.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop_app.model import ArticleFilter
from desktop_app.search.query import parse_query
from desktop_app.storage.library import ListFilter
from tests.helpers import stored

EVERY_FIELD = ArticleFilter(
    source="عكاظ",
    source_prefix="الشرق",
    date_from=date(2015, 1, 1),
    date_to=date(2015, 6, 30),
    dateline="جدة",
    unread_only=True,
    query='نفط -"مجلس الأمن"',
    sources=("عكاظ", "الشرق*"),
    excluded_sources=("سبق",),
    not_from=date(2015, 5, 1),
    not_to=date(2015, 2, 1),
    exact_hamza=True,
    exact_diacritics=True,
)


@pytest.mark.parametrize("value", [ArticleFilter(), EVERY_FIELD, ArticleFilter(unread_only=True)])
def test_the_filter_value_survives_json(value):
    text = json.dumps(value.to_json(), ensure_ascii=False)
    assert ArticleFilter.from_json(json.loads(text)) == value


def test_json_holds_only_the_fields_set_and_ignores_unknown_ones():
    assert ArticleFilter().to_json() == {}
    assert ArticleFilter(date_to=date(2015, 6, 30)).to_json() == {"date_to": "2015-06-30"}
    newer = {"source": "عكاظ", "tags": ["اقتصاد"]}  # a field from a newer Akhbar
    assert ArticleFilter.from_json(newer) == ArticleFilter(source="عكاظ")


@pytest.mark.parametrize(
    "data",
    [{"date_from": "2015-13-45"}, {"date_to": 20150101}, {"source": 3}, {"unread_only": "yes"}],
)
def test_malformed_json_is_refused(data):
    with pytest.raises(ValueError):
        ArticleFilter.from_json(data)


def test_list_filter_is_the_filter_value():
    assert ListFilter is ArticleFilter
    assert ListFilter(source="عكاظ", dateline="جدة", unread_only=True, query="نفط").query == "نفط"


def test_the_query_language_filters_are_the_same_value():
    parsed = parse_query('نفط source:"الشرق الأوسط" from:2015-01-01 to:2015-06-30')
    assert parsed.filters == ArticleFilter(
        sources=("الشرق الأوسط",), date_from=date(2015, 1, 1), date_to=date(2015, 6, 30)
    )
    assert parse_query("نفط").filters == ArticleFilter()


@pytest.fixture
def newsroom(library):
    for title, source, published, dateline in [
        ("أ", "الشرق الأوسط", "2015-01-10", "جدة"),
        ("ب", "عكاظ", "2015-02-10", "الرياض"),
        ("ج", "عكاظ", "2015-03-10", "جدة"),
        ("د", "الشرق", "2015-04-10", "جدة"),
        ("هـ", "عكاظ", "غير معروف", "جدة"),  # undated
    ]:
        stored(library, title, [f"{dateline} - نفط وأسعار."], source=source, date=published)
    return library


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("source:عكاظ", ArticleFilter(source="عكاظ")),
        ("source:الشرق", ArticleFilter(source="الشرق")),  # the whole name: not الشرق الأوسط
        ("source:الشرق*", ArticleFilter(source_prefix="الشرق")),
        ('source:"الشرق الاوسط"', ArticleFilter(source="الشرق الأوسط")),  # normalised
        ("from:2015-02-01", ArticleFilter(date_from=date(2015, 2, 1))),
        ("to:2015-02-28", ArticleFilter(date_to=date(2015, 2, 28))),
        (
            "source:عكاظ from:2015-02-01 to:2015-03-31",
            ArticleFilter(source="عكاظ", date_from=date(2015, 2, 1), date_to=date(2015, 3, 31)),
        ),
    ],
)
def test_typed_filters_and_chosen_filters_list_the_same_articles(newsroom, typed, chosen):
    by_query = newsroom.ids(ArticleFilter(query=typed))
    assert by_query == newsroom.ids(chosen)
    assert by_query  # each case finds something, so the comparison says something
    assert newsroom.count(ArticleFilter(query=typed)) == newsroom.count(chosen)
    hits = [h.id for h in newsroom.search(f"نفط {typed}", limit=10)]
    assert sorted(hits) == sorted(newsroom.ids(ArticleFilter(query="نفط", **_fields(chosen))))


def _fields(value: ArticleFilter) -> dict:
    return {k: v for k, v in vars(value).items() if k != "query"}


def test_typed_and_chosen_dates_narrow_to_one_range(newsroom):
    both = ArticleFilter(
        date_from=date(2015, 1, 1), date_to=date(2015, 3, 31), query="to:2015-02-28"
    )
    assert [newsroom.get(i).title for i in newsroom.ids(both)] == ["ب", "أ"]
    wider = ArticleFilter(date_from=date(2015, 2, 1), query="from:2015-01-01")
    assert [newsroom.get(i).title for i in newsroom.ids(wider)] == ["د", "ج", "ب"]


def test_exact_source_and_other_fields(newsroom):
    assert newsroom.count(ArticleFilter(source="الشرق")) == 1  # exact: not الشرق الأوسط
    assert newsroom.count(ArticleFilter(source_prefix="الشرق")) == 2
    assert newsroom.count(ArticleFilter(dateline="جدة", source="عكاظ")) == 2
    assert newsroom.count(ArticleFilter(query="؟")) == 0  # typed, but nothing to look for


def test_filters_written_before_the_new_fields_are_still_read():
    old = {"source_prefix": "الشرق", "date_from": "2015-01-01", "unread_only": True}
    assert ArticleFilter.from_json(old) == ArticleFilter(
        source_prefix="الشرق", date_from=date(2015, 1, 1), unread_only=True
    )
    assert ArticleFilter(sources=("عكاظ",)).to_json() == {"sources": ["عكاظ"]}


@pytest.mark.parametrize(
    "data", [{"sources": "عكاظ"}, {"excluded_sources": [3]}, {"exact_hamza": 1}, {"not_to": "x"}]
)
def test_malformed_new_fields_are_refused(data):
    with pytest.raises(ValueError):
        ArticleFilter.from_json(data)


def _titles(library, value):
    return sorted(library.get(i).title for i in library.ids(value))


def test_negated_filters_leave_out(newsroom):
    assert _titles(newsroom, ArticleFilter(query="-source:عكاظ")) == ["أ", "د"]
    assert [h.title for h in newsroom.search("نفط -source:عكاظ")] == ["د", "أ"]
    # -from: keeps what is before that day, and the undated; -to: what is after it.
    assert _titles(newsroom, ArticleFilter(query="-from:2015-02-10")) == ["أ", "هـ"]
    assert _titles(newsroom, ArticleFilter(query="-to:2015-02-10")) == ["ج", "د", "هـ"]
    assert _titles(newsroom, ArticleFilter(query="نفط -from:2015-02-01 -source:الشرق*")) == ["هـ"]


def test_several_sources_are_alternatives(newsroom):
    both = ["ب", "ج", "د", "هـ"]
    assert _titles(newsroom, ArticleFilter(query="source:عكاظ OR source:الشرق")) == both
    assert _titles(newsroom, ArticleFilter(query="source:عكاظ source:الشرق")) == both
    hits = newsroom.search("نفط source:الشرق OR source:عكاظ", limit=10)
    assert sorted(h.title for h in hits) == both
    assert _titles(newsroom, ArticleFilter(query="source:عكاظ -source:عكاظ")) == []


def test_a_source_is_its_whole_name_and_a_star_makes_a_prefix(newsroom):
    stored(newsroom, "و", ["الرياض - نفط."], source="الرياضي", name="w.txt")
    stored(newsroom, "ز", ["الرياض - نفط."], source="الرياض", name="z.txt")
    assert _titles(newsroom, ArticleFilter(query="source:الرياض")) == ["ز"]
    assert _titles(newsroom, ArticleFilter(query="source:الرياض*")) == ["ز", "و"]
    assert _titles(newsroom, ArticleFilter(query="source:رياض*")) == []  # a start, not a part
    assert _titles(newsroom, ArticleFilter(query='source:"الشرق   الأَوسط"')) == ["أ"]
    assert _titles(newsroom, ArticleFilter(query="-source:الرياض*")) == ["أ", "ب", "ج", "د", "هـ"]


def test_several_dates_of_one_kind_are_alternatives(newsroom):
    assert _titles(newsroom, ArticleFilter(query="from:2015-03-01 from:2015-02-01")) == [
        "ب", "ج", "د"
    ]  # fmt: skip
    assert _titles(newsroom, ArticleFilter(query="to:2015-01-31 to:2015-02-28")) == ["أ", "ب"]


def test_exact_hamza_and_diacritics_keep_the_spelling_typed(library):
    stored(library, "أ", ["جدة - قال الأمير إن الاتفاق تم."], name="a.txt")
    stored(library, "ب", ["جدة - قال الامير ان الاتفاق تم."], name="b.txt")
    stored(library, "ج", ["جدة - كَتَبَ الكاتب مقالا عن الأمير."], name="c.txt")
    loose = ArticleFilter(query="الأمير")
    assert _titles(library, loose) == ["أ", "ب", "ج"]
    assert _titles(library, ArticleFilter(query="الأمير", exact_hamza=True)) == ["أ", "ج"]
    assert _titles(library, ArticleFilter(query="الامير", exact_hamza=True)) == ["ب"]
    assert _titles(library, ArticleFilter(query="كَتَبَ", exact_diacritics=True)) == ["ج"]
    assert _titles(library, ArticleFilter(query="كتب", exact_diacritics=True)) == ["ج"]
    hits = library.search("الأمير", filters=ArticleFilter(exact_hamza=True), limit=10)
    assert sorted(h.title for h in hits) == ["أ", "ج"]
    # An OR: either word as typed will do; a phrase: each of its words.
    either = ArticleFilter(query="الامير OR كَتَبَ", exact_hamza=True, exact_diacritics=True)
    assert _titles(library, either) == ["ب", "ج"]
    phrase = ArticleFilter(query='"قال الأمير"', exact_hamza=True)
    assert _titles(library, phrase) == ["أ"]
