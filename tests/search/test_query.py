"""The query language: what each construct means, and malformed input read as words."""

import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.search.query import Term, build_match, parse_query, query_terms


def words_of(query):
    parsed = parse_query(query)
    return [[t.words for t in group] for group in parsed.groups]


def test_plain_words_must_all_match_and_are_normalised():
    parsed = parse_query("إطلاقُ القمرِ")
    assert parsed.groups == ((Term(("اطلاق",)),), (Term(("القمر",)),))
    assert not parsed.excluded


def test_plain_words_match_stems_and_exact_forms_rank_first():
    parsed = parse_query("المدارس")
    assert '"مدارس"' in parsed.match() and "title_stem" in parsed.match()
    assert parsed.exact_match() == '({title lede caption body} : "المدارس")'


def test_quoted_phrase_is_exact():
    parsed = parse_query('"الأمم المتحدة" مجلس')
    assert parsed.groups[0] == (Term(("الامم", "المتحده"), exact=True),)
    assert '{title lede caption body} : "الامم المتحده"' in parsed.match()


def test_arabic_and_curly_quotes_make_phrases_too():
    assert parse_query("«مجلس الأمن»").groups == parse_query('"مجلس الأمن"').groups
    assert parse_query("“مجلس الأمن”").groups == parse_query('"مجلس الأمن"').groups


def test_or_joins_the_words_beside_it():
    assert words_of("نفط OR غاز أسعار") == [[("نفط",), ("غاز",)], [("اسعار",)]]
    assert " OR " in build_match("نفط OR غاز")


def test_lowercase_or_and_arabic_aw_are_words():
    assert words_of("نفط or غاز") == [[("نفط",)], [("or",)], [("غاز",)]]
    assert words_of("نفط أو غاز") == [[("نفط",)], [("او",)], [("غاز",)]]


def test_minus_excludes_a_word_or_a_phrase():
    parsed = parse_query('اليمن -الحوثي -"مجلس الأمن"')
    assert parsed.groups == ((Term(("اليمن",)),),)
    assert parsed.excluded == (Term(("الحوثي",)), Term(("مجلس", "الامن"), exact=True))
    assert " NOT " in parsed.match()


def test_exclusion_alone_is_a_filter_without_words():
    parsed = parse_query("-الحوثي")
    assert parsed.match() is None
    assert parsed.exclusion() is not None
    assert not parsed.is_empty


def test_trailing_star_is_a_prefix():
    parsed = parse_query("مدرس*")
    assert parsed.groups == ((Term(("مدرس",), prefix=True),),)
    assert '"مدرس"*' in parsed.match()
    assert query_terms("مدرس* كتاب") == [("مدرس", True), ("كتاب", False)]


def test_filters():
    parsed = parse_query('نفط source:"الشرق الأوسط" from:2015-01-01 to:2015-06-30')
    assert parsed.source == "الشرق الأوسط"
    assert parsed.date_from == date(2015, 1, 1)
    assert parsed.date_to == date(2015, 6, 30)
    assert words_of('نفط source:"الشرق الأوسط" from:2015-01-01 to:2015-06-30') == [[("نفط",)]]
    assert parse_query("source:عكاظ").source == "عكاظ"


def test_filters_alone_are_a_query():
    parsed = parse_query("from:2015-03-01")
    assert parsed.match() is None and not parsed.is_empty


def test_a_malformed_date_is_read_as_words():
    parsed = parse_query("from:2015-13-45")
    assert parsed.date_from is None
    assert words_of("from:2015-13-45") == [[("from", "2015", "13", "45")]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"الأمم المتحدة', [[("الامم",)], [("المتحده",)]]),  # unbalanced quote
        ('مجلس "الأمن" "', [[("مجلس",)], [("الامن",)]]),
        ("-", []),  # a lone minus
        ("- نفط", [[("نفط",)]]),
        ("OR نفط", [[("or",)], [("نفط",)]]),  # dangling OR
        ("نفط OR", [[("نفط",)], [("or",)]]),
        ("NEAR(نفط, غاز)", [[("near", "نفط")], [("غاز",)]]),
        ("^نفط", [[("نفط",)]]),
        ("col:نفط", [[("col", "نفط")]]),
        ("*", []),
        (")(", []),
        ("؟!،", []),
        ("", []),
    ],
)
def test_malformed_queries_are_read_as_plain_words(query, expected):
    assert words_of(query) == expected


@pytest.mark.parametrize("query", ['"', 'a"b"c', "AND", "NOT x", "{title}: x", "x:y:z", "-- x"])
def test_fts_syntax_never_reaches_fts_unquoted(query):
    match = build_match(query) or ""
    # Outside quoted strings there are only our own operators and column filters.
    outside = "".join(match.split('"')[::2])
    for bare in outside.replace("{", " ").replace("}", " ").split():
        assert bare in {"AND", "OR", "NOT", ":", "(", ")", "*", "title", "lede", "caption",
                        "body", "title_stem", "lede_stem", "caption_stem", "body_stem"} or set(
            bare
        ) <= set("()*:")  # fmt: skip


def test_empty_query_is_empty():
    assert parse_query("  ").is_empty
    assert build_match(None) is None


_QUERY_PIECES = st.sampled_from(
    ['"', "«", "»", "-", "*", ":", "(", ")", "^", "{", "}", "OR", "AND", "NOT", "NEAR",
     "source:", "from:", "to:", "2015-01-01", "2015-99-01", "مجلس", "الأمن", "بمصر", "و",
     "ال", "x", " ", "  ", "\u064e", "ـ", "'", ",", "\\"]
)  # fmt: skip


@given(st.lists(_QUERY_PIECES, max_size=12).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_query_is_valid_fts5(query):
    db = sqlite3.connect(":memory:")
    db.execute(
        """CREATE VIRTUAL TABLE articles_fts USING fts5(title, lede, caption, body,
           title_stem, lede_stem, caption_stem, body_stem, content='')"""
    )
    parsed = parse_query(query)
    for expression in (parsed.match(), parsed.exact_match(), parsed.adjacent_match(),
                       parsed.exclusion()):  # fmt: skip
        if expression is not None:
            db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [expression])


# -- issue 16: the query language's filters --------------------------------------------------


def test_a_negated_filter_is_an_exclusion_not_a_filter():
    parsed = parse_query("إيران -source:عكاظ -from:2015-07-22 -to:2014-01-01")
    assert parsed.filters.sources == ()
    assert parsed.filters.excluded_sources == ("عكاظ",)
    assert parsed.filters.date_from is None and parsed.filters.not_from == date(2015, 7, 22)
    assert parsed.filters.date_to is None and parsed.filters.not_to == date(2014, 1, 1)
    assert words_of("إيران -source:عكاظ") == [[("ايران",)]]
    assert not parsed.excluded  # no word is left out: only the source


def test_several_sources_are_kept_and_an_or_between_filters_joins_nothing():
    for query in ("source:عكاظ OR source:سبق", "source:عكاظ source:سبق"):
        parsed = parse_query(query)
        assert parsed.filters.sources == ("عكاظ", "سبق")
        assert parsed.groups == ()  # OR is not a word to look for here
    assert parse_query("source:عكاظ OR source:عكاظ").filters.sources == ("عكاظ",)


def test_an_or_beside_a_filter_is_dropped_and_the_words_stay_required():
    assert words_of("نفط OR source:عكاظ غاز") == [[("نفط",)], [("غاز",)]]
    assert words_of("source:عكاظ OR نفط") == [[("نفط",)]]
    assert words_of("نفط OR غاز source:عكاظ") == [[("نفط",), ("غاز",)]]


def test_a_source_ending_in_a_star_is_a_prefix():
    assert parse_query("source:الرياض*").filters.sources == ("الرياض*",)
    assert parse_query('source:"الشرق الأوسط"*').filters.sources == ("الشرق الأوسط*",)
    assert parse_query("source:الرياض").filters.sources == ("الرياض",)


def test_several_dates_of_one_kind_keep_the_widest():
    parsed = parse_query("from:2015-03-01 from:2015-01-01 to:2015-05-01 to:2015-06-01")
    assert (parsed.date_from, parsed.date_to) == (date(2015, 1, 1), date(2015, 6, 1))
    parsed = parse_query("-from:2015-03-01 -from:2015-01-01 -to:2014-01-01 -to:2014-02-01")
    assert (parsed.filters.not_from, parsed.filters.not_to) == (
        date(2015, 1, 1), date(2014, 2, 1)
    )  # fmt: skip


def test_only_or_in_capitals_is_the_operator_and_parentheses_are_spaces():
    assert words_of("(نفط OR غاز) أسعار") == [[("نفط",), ("غاز",)], [("اسعار",)]]
    assert words_of("نفط Or غاز") == [[("نفط",)], [("or",)], [("غاز",)]]


def test_terms_keep_the_words_as_typed():
    parsed = parse_query('الأَمير -إيران "مجلس الأمن" أسع*')
    assert [t.typed for g in parsed.groups for t in g] == [
        ("الأَمير",), ("مجلس", "الأمن"), ("أسع",)
    ]  # fmt: skip
    assert parsed.excluded[0].typed == ("إيران",)


def test_plural_stems_widen_the_match_and_direct_match_leaves_them_out():
    parsed = parse_query("مدرسة سوق")
    assert parsed.plural_candidates() == ["مدرسه", "سوق"]
    assert parsed.direct_match() is None
    wider = parsed.with_plurals({"مدرسه": ("مدارس",)})
    assert '"مدارس"' in wider.match() and '"مدارس"' not in wider.direct_match()
    assert wider.direct_match() == parsed.match()
    assert parsed.with_plurals({}) is parsed
    assert parse_query('"مدرسة" مدر*').plural_candidates() == []
