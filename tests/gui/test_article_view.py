"""The article pane's HTML (built without Qt widgets) and its link handling."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QUrl

from desktop_app.gui.arabic_dates import gregorian_arabic, hijri_arabic
from desktop_app.gui.article_view import article_html, parse_link, rich_text, split_dateline
from desktop_app.model import Article, RelatedHeadline
from desktop_app.text.bidi import FSI, PDI, strip_isolates


def make_article(**fields) -> Article:
    values = dict(
        id=7,
        title="وزير <i>الثقافة</i> يفتتح معرض Paris Expo",
        lede="افتتح الوزير المعرض & وسط حضور كبير.",
        source="صحيفة <script>",
        caption="صورة من حفل الافتتاح",
        dateline="الدار البيضاء",
        paragraphs=(
            "الدار البيضاء - افتتح الوزير المعرض الذي يضم 300 جناح.",
            "The festival runs until Friday, organisers said.",
            '<img src="file:///etc/passwd">',
        ),
        related=(
            RelatedHeadline(0, "عنوان موجود في المكتبة", 3, False),
            RelatedHeadline(1, "عنوان غائب", None, True),
        ),
        published=date(2024, 1, 18),
        path="x.txt",
    )
    values.update(fields)
    return Article(**values)


def test_everything_from_the_article_is_escaped():
    html = article_html(make_article())
    assert "<i>" not in html and "<script>" not in html and "<img" not in html
    plain = strip_isolates(html)
    assert "&lt;i&gt;الثقافة&lt;/i&gt;" in plain
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in plain
    assert "&amp;" in html


def test_each_paragraph_gets_its_own_direction():
    html = article_html(make_article())
    assert '<p dir="ltr" align="justify">The festival runs' in html
    assert re.search(r'<p dir="rtl" align="justify"><span class="dateline">', html)
    assert '<h1 dir="rtl"' in html


def test_latin_and_numbers_are_isolated():
    html = article_html(make_article())
    assert f"{FSI}Paris Expo{PDI}" in html
    assert f"{FSI}300{PDI}" in html


def test_dateline_is_set_apart_and_not_repeated():
    html = article_html(make_article())
    assert html.count("الدار البيضاء") == 1
    assert split_dateline("بغداد - نص الخبر", "بغداد") == "نص الخبر"
    assert split_dateline("نص بلا مكان", "بغداد") == "نص بلا مكان"


def test_related_links_and_stars():
    html = article_html(make_article())
    assert 'href="akhbar://article/3"' in html
    assert 'href="akhbar://bookmark/0"' in html and "☆" in html
    assert 'href="akhbar://bookmark/1"' in html and "★" in html
    assert "not in the library yet" in html


def test_search_words_are_highlighted_once_anchored():
    html = article_html(make_article(), query="المعرض")
    # title ("معرض", same stem), lede and first paragraph
    assert html.count('<span class="hit">') == 3
    assert html.count('<a name="hit">') == 1


def test_highlight_and_isolation_interleave():
    out = rich_text("زار Paris ثم عاد", "rtl", lambda w: w == "Paris")
    assert out == f'زار {FSI}<span class="hit">Paris</span>{PDI} ثم عاد'


def test_arabic_digits_in_arabic_paragraphs_only():
    html = article_html(make_article(), arabic_digits=True)
    assert "٣٠٠" in html
    assert "١٨ يناير ٢٠٢٤" in html


def test_arabic_digits_leave_urls_and_latin_names_alone():
    out = rich_text("رحلة A380 في 45 دقيقة على http://x.example/?id=7", arabic_digits=True)
    assert "٤٥" in out and "A380" in out and "?id=7" in out


def test_arabic_dates():
    assert gregorian_arabic(date(2024, 1, 18), arabic_digits=False) == "الخميس 18 يناير 2024"
    assert hijri_arabic(date(2024, 1, 18), arabic_digits=False) == "6 رجب 1445 هـ"
    assert hijri_arabic(date(2024, 1, 18)) == "٦ رجب ١٤٤٥ هـ"
    assert hijri_arabic(date(1800, 1, 1)) is None


def test_only_our_links_are_followed():
    assert parse_link(QUrl("akhbar://article/12")) == ("article", 12)
    assert parse_link(QUrl("akhbar://bookmark/0")) == ("bookmark", 0)
    assert parse_link(QUrl("https://example.com/")) is None
    assert parse_link(QUrl("file:///etc/passwd")) is None
    assert parse_link(QUrl("akhbar://article/x")) is None
    assert parse_link(QUrl("akhbar://elsewhere/1")) is None


def test_view_refuses_resources_and_outside_links(qtbot):
    from desktop_app.gui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    assert view.loadResource(2, QUrl("file:///etc/passwd")) is None
    opened: list[int] = []
    view.open_article.connect(opened.append)
    view.anchorClicked.emit(QUrl("https://example.com/"))
    view.anchorClicked.emit(QUrl("akhbar://article/5"))
    assert opened == [5]
    assert not view.openLinks() and not view.openExternalLinks()
