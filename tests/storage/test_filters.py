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
        source_prefix="الشرق الأوسط", date_from=date(2015, 1, 1), date_to=date(2015, 6, 30)
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
        ("source:عكاظ", ArticleFilter(source_prefix="عكاظ")),
        ("source:الشرق", ArticleFilter(source_prefix="الشرق")),
        ("from:2015-02-01", ArticleFilter(date_from=date(2015, 2, 1))),
        ("to:2015-02-28", ArticleFilter(date_to=date(2015, 2, 28))),
        (
            "source:عكاظ from:2015-02-01 to:2015-03-31",
            ArticleFilter(
                source_prefix="عكاظ", date_from=date(2015, 2, 1), date_to=date(2015, 3, 31)
            ),
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
