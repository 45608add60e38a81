"""'More like this': choosing an article's distinctive terms and building the FTS5 query."""

import math

from desktop_app.stories.similar import distinctive_terms, match_query, term_counts


def test_term_counts_are_index_stems_without_numbers_or_single_letters():
    counts = term_counts("المدارس في الرياض", "والمدارس 2015 و ب")
    assert counts == {"مدارس": 2, "في": 1, "رياض": 1}


def test_rare_terms_used_often_come_first():
    counts = {"تمر": 4, "سوق": 2, "في": 9, "بريد": 1, "فريد": 3}
    frequency = {"تمر": 20, "سوق": 300, "في": 9000, "بريد": 40, "فريد": 1}
    chosen = distinctive_terms(counts, frequency, documents=30000, limit=3)
    # في is in 30% of articles (over the 1% cap); فريد in no other article: both skipped.
    assert chosen == ["تمر", "سوق", "بريد"]
    assert 4 * math.log(30000 / 20) > 2 * math.log(30000 / 300) > 1 * math.log(30000 / 40)


def test_small_library_keeps_a_floor_for_the_cap():
    # 1% of 200 articles is 2; the floor of 50 keeps a term found in 30 of them.
    assert distinctive_terms({"تمر": 1}, {"تمر": 30}, documents=200) == ["تمر"]
    assert distinctive_terms({"تمر": 1}, {"تمر": 51}, documents=200) == []


def test_unknown_terms_and_empty_input():
    assert distinctive_terms({"جديد": 3}, {}, documents=10) == []
    assert distinctive_terms({}, {"a": 3}, documents=10) == []


def test_ties_are_broken_by_the_term():
    chosen = distinctive_terms({"ب": 1, "ا": 1}, {"ب": 5, "ا": 5}, documents=100)
    assert chosen == ["ا", "ب"]


def test_match_query_quotes_terms_and_names_the_columns():
    query = match_query(["تمر", 'a"b'], columns=("title_stem", "body_stem"))
    assert query == '{title_stem body_stem} : ("تمر" OR "a""b")'
    assert match_query([]) == ""
