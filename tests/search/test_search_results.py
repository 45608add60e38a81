"""Issue 16's search results: broken plurals ranked below direct hits, the order asked
for, paging, counting, the window's id list and its line of context per result."""

from __future__ import annotations

import pytest

from desktop_app.model import ArticleFilter, SearchOrder
from desktop_app.search.query import parse_query
from desktop_app.storage.library import Library
from tests.helpers import stored


def titles(hits):
    return [h.title for h in hits]


@pytest.fixture
def schools(library):
    """One article says مدرسة; three say only المدارس (one in its title); one neither."""
    stored(library, "افتتاح مدرسة", ["جدة - افتتحت مدرسة جديدة للبنات."], name="a.txt",
           date="2020-01-01")  # fmt: skip
    stored(library, "المدارس تفتح أبوابها", ["جدة - عادت المدارس إلى العمل."], name="b.txt",
           date="2024-01-01")  # fmt: skip
    stored(library, "عودة الطلاب", ["جدة - استقبلت المدارس طلابها اليوم."], name="c.txt",
           date="2023-01-01")  # fmt: skip
    stored(library, "أخبار", ["جدة - زار الوزير المدارس الأهلية."], name="d.txt",
           date="2022-01-01")  # fmt: skip
    stored(library, "طقس", ["جدة - الجو حار اليوم."], name="e.txt", date="2021-01-01")
    return library


def test_the_library_tells_its_vocabulary(schools):
    words = schools.articles.word_counts(["المدارس", "مدرسه", "غائبة"])
    assert words == {"المدارس": 4, "مدرسه": 2}  # title and body of one article: twice
    stems = schools.articles.stem_counts(["مدارس", "مدرس"])
    assert stems["مدارس"] == 4 and stems["مدرس"] == 2


def test_a_broken_plural_finds_the_articles_of_the_other_form_below_the_direct_hits(schools):
    hits = titles(schools.search("مدرسة", limit=10))
    # The direct hit first, although the plural one has the word in its title and is newer.
    assert hits[0] == "افتتاح مدرسة"
    assert sorted(hits[1:]) == ["أخبار", "المدارس تفتح أبوابها", "عودة الطلاب"]
    assert hits[1] == "المدارس تفتح أبوابها"  # among plural-only hits: bm25 (title) first
    assert "<b>المدارس</b>" in schools.search("مدرسة", limit=10)[1].snippet
    assert schools.search_count("مدرسة") == 4


def test_the_other_way_the_singular_is_found_for_the_plural(schools):
    hits = titles(schools.search("مدارس", limit=10))
    assert hits[-1] == "افتتاح مدرسة" and len(hits) == 4


def test_an_exact_phrase_or_a_prefix_gets_no_plurals(schools):
    assert titles(schools.search('"مدرسة"', limit=10)) == ["افتتاح مدرسة"]
    assert titles(schools.search("مدرس*", limit=10)) == ["افتتاح مدرسة"]


def test_plurals_are_looked_up_again_when_the_library_changes(schools):
    assert schools.search_count("قبيلة") == 0
    stored(schools, "قبائل", ["جدة - اجتمعت القبائل."], name="f.txt")
    stored(schools, "لقاء", ["جدة - شيوخ القبائل في لقاء."], name="g.txt")
    stored(schools, "شيخ", ["جدة - شيخ قبيلة كبيرة."], name="h.txt")
    assert titles(schools.search("قبيلة", limit=10))[0] == "شيخ"
    assert schools.search_count("قبيلة") == 3


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (SearchOrder.NEWEST, ["المدارس تفتح أبوابها", "عودة الطلاب", "أخبار", "افتتاح مدرسة"]),
        (SearchOrder.OLDEST, ["افتتاح مدرسة", "أخبار", "عودة الطلاب", "المدارس تفتح أبوابها"]),
    ],
)
def test_results_by_date(schools, sort, expected):
    assert titles(schools.search("مدرسة", limit=10, sort=sort)) == expected
    assert [schools.get(i).title for i in schools.search_ids("مدرسة", sort=sort)] == expected


def test_oldest_first_lists_undated_articles_last(library):
    stored(library, "بلا تاريخ", ["جدة - نفط."], name="a.txt", date="غير معروف")
    stored(library, "قديم", ["جدة - نفط."], name="b.txt", date="2010-01-01")
    stored(library, "جديد", ["جدة - نفط."], name="c.txt", date="2020-01-01")
    assert titles(library.search("نفط", sort=SearchOrder.OLDEST)) == ["قديم", "جديد", "بلا تاريخ"]
    assert titles(library.search("نفط", sort=SearchOrder.NEWEST)) == ["جديد", "قديم", "بلا تاريخ"]
    only_filters = library.search("-غاز", sort=SearchOrder.OLDEST)
    assert titles(only_filters) == ["قديم", "جديد", "بلا تاريخ"]


def test_offset_pages_through_the_same_order(schools):
    every = titles(schools.search("مدرسة", limit=10))
    assert titles(schools.search("مدرسة", limit=2, offset=1)) == every[1:3]
    assert schools.search("مدرسة", limit=10, offset=10) == []
    assert [schools.get(i).title for i in schools.search_ids("مدرسة")] == every


def test_counting_agrees_with_the_list_and_the_filters(schools):
    assert schools.search_count("مدرسة from:2023-01-01") == 2
    assert schools.search_count("-مدرسة") == len(schools.search("-مدرسة", limit=100))
    assert schools.search_count("جدة", ArticleFilter(exact_hamza=True)) == 5
    assert schools.search_count("؟") == 0


def test_many_matches_are_listed_newest_first_by_id_too(schools, monkeypatch):
    monkeypatch.setattr("desktop_app.storage.articles.RANKED_HITS_MAX", 2)
    newest = [schools.get(i).title for i in schools.search_ids("جدة")]
    assert newest == titles(schools.search("جدة", limit=10))
    assert newest[0] == "المدارس تفتح أبوابها" and len(newest) == 5


def test_hit_contexts_give_a_line_around_the_match_and_how_many_words_matched(schools):
    ids = schools.search_ids("المدارس")
    contexts = schools.hit_contexts("المدارس", ids)
    assert set(contexts) == set(ids)
    first = contexts[ids[0]]  # المدارس تفتح أبوابها: title and body
    assert first.matches == 2
    assert first.snippet == "جدة - عادت <b>المدارس</b> إلى العمل."
    long = "جدة - " + "كلمة " * 20 + "ثم عادت المدارس إلى العمل " + "كلمة " * 20
    far = stored(schools, "بعيد", [long], name="far.txt")
    line = schools.hit_contexts("المدارس", [far])[far].snippet
    assert line == "… كلمة ثم عادت <b>المدارس</b> إلى العمل كلمة كلمة كلمة كلمة كلمة كلمة …"
    assert schools.hit_contexts("المدارس", []) == {}
    parsed = parse_query("مدرسة")
    assert schools.hit_contexts(parsed, ids)[ids[-1]].matches >= 1


def test_a_read_only_library_can_look_plurals_up(schools, tmp_path):
    schools.close()
    with Library(tmp_path / "lib.db", read_only=True) as reader:
        assert titles(reader.search("مدرسة", limit=10))[0] == "افتتاح مدرسة"
        assert reader.search_count("مدرسة") == 4


def test_plurals_leave_the_order_of_the_direct_hits_as_it_was(schools, monkeypatch):
    for title, body in [("مدرسة الحي", "مدرسة ومدرسة ومدارس"), ("مدرسة", "مدارس المدينة")]:
        stored(schools, title, [f"جدة - {body}."], name=f"{title}.txt")
    shipped = schools.search_ids("مدرسة")
    monkeypatch.setattr(type(schools.articles), "with_plurals", lambda self, parsed: parsed)
    direct = schools.search_ids("مدرسة")
    assert len(direct) == 3 and shipped[: len(direct)] == direct
    assert len(shipped) == 6


@pytest.mark.xfail(
    strict=True,
    reason="since the trash's NOT EXISTS clause joined every search (issue 11 merge), the "
    "planner no longer ranks through the (id, sort_date) index; open in the session note",
)
def test_ranking_reads_dates_from_the_id_date_index_and_does_without_it(schools, tmp_path):
    from desktop_app.storage.schema import ID_DATE_INDEX

    assert schools.db.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", [ID_DATE_INDEX])
    ranked = titles(schools.search("مدرسة", limit=10))
    plan = schools.db.execute(
        "EXPLAIN QUERY PLAN "
        + schools.articles._hits_sql(
            parse_query("مدرسة"), None, SearchOrder.RELEVANCE, "a.id", page=(10, 0)
        )[0].replace("?", "'x'")
    ).fetchall()
    assert any(ID_DATE_INDEX in row["detail"] for row in plan)
    schools.db.execute(f"DROP INDEX {ID_DATE_INDEX}")  # as an older library, read-only
    schools.close()
    with Library(tmp_path / "lib.db", read_only=True) as reader:
        assert titles(reader.search("مدرسة", limit=10)) == ranked
        assert titles(reader.search("مدرسة", limit=2, offset=1)) == ranked[1:3]
