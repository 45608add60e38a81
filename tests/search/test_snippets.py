"""Snippets and highlighting: the original spelling marked, stem matches included."""

from desktop_app.search.match import text_matches
from desktop_app.search.query import parse_query
from desktop_app.search.snippets import make_snippet, match_spans, word_matcher


def marked(text, query):
    return [text[a:b] for a, b in match_spans(text, word_matcher(query))]


def test_exact_and_stem_matches_are_marked_in_their_original_spelling():
    text = "أعلنت وزارةُ الصحة افتتاح مستشفياتٍ، وقالت الوزارات إن المستشفى جاهز."
    assert marked(text, "وزاره") == ["وزارةُ", "الوزارات"]
    assert marked(text, "المستشفي") == ["مستشفياتٍ", "المستشفى"]


def test_proclitic_variants_prefixes_and_phrases_are_marked():
    text = "سافر الوفد بالطائرة إلى مصر، ثم تحدث عن مصريين."
    # مصريين stems to مصر (ين, then the nisba ي): the index finds it too.
    assert marked(text, "بمصر") == ["مصر", "مصريين"]
    assert marked(text, "بالطائره") == ["بالطائرة"]
    assert marked(text, "مصر*") == ["مصر", "مصريين"]
    assert marked(text, '"الوفد بالطائرة"') == ["الوفد", "بالطائرة"]


def test_excluded_words_and_filters_are_not_marked():
    text = "نفط وغاز في السوق"
    assert marked(text, "نفط -غاز source:السوق") == ["نفط"]


def test_snippet_is_escaped_html_around_the_first_match():
    body = ["<مقدمة> & " + "كلام " * 40 + "ثم ظهرت الإسرائيليات في الخبر."]
    snippet = make_snippet(["عنوان فرعي", "", *body], "اسرائيليه")
    assert "<b>الإسرائيليات</b>" in snippet
    assert snippet.startswith("… ")
    start = make_snippet(body, "غير موجود")
    assert start.startswith("&lt;مقدمة&gt; &amp;")


def test_text_matches_follows_the_query_language():
    headline = "«إسرائيل» تعلن افتتاح المدارس في القدس"
    assert text_matches(parse_query("اسرائيل القدس"), headline)
    assert text_matches(parse_query("والقدس OR غزة"), headline)
    assert not text_matches(parse_query("اسرائيل -القدس"), headline)
    assert text_matches(parse_query('"افتتاح المدارس"'), headline)
    assert not text_matches(parse_query('"المدارس افتتاح"'), headline)
    assert text_matches(parse_query("افتتا*"), headline)
    assert text_matches(parse_query("تعلن-افتتاح"), headline)  # a stem phrase
    assert not text_matches(parse_query("غزة"), headline)
