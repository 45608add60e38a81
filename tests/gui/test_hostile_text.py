"""Hostile article text: markup, links, images, bidi overrides and invisible characters.

All of it shows as plain text, loads nothing, links nowhere, and cannot reorder the
interface text around it (the date beside a source, the star before a headline, the
"— Akhbar" after a title).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from desktop_app.gui.article_view import ArticleView, article_html, parse_link
from desktop_app.gui.display_text import window_title
from desktop_app.gui.headline_model import SUMMARY_ROLE
from desktop_app.model import Article, ArticleSummary, RelatedHeadline
from desktop_app.services.importer import import_paths
from desktop_app.text.bidi import BIDI_CONTROLS, FSI, INVISIBLE, PDI, clean, field

from .conftest import write_article

RLO, PDF, LRO, LRI, RLI = "\u202e", "\u202c", "\u202d", "\u2066", "\u2067"
FOREIGN = set(BIDI_CONTROLS + INVISIBLE) - {FSI, PDI}  # ours are FSI/PDI, balanced

HOSTILE_TITLE = f"عاجل {RLO}مقلوب{PDF} و{PDI}{PDI} عنوان [*] <img src='title.png'> \u200bخفي"
HOSTILE_SOURCE = f"{RLO}وكالة خبيثة"
HOSTILE_PARAGRAPHS = [
    f"القاهرة - نص فيه {LRO}override بلا إغلاق و{RLI}عزل مفتوح",
    '<img src="file:///etc/passwd"> و <img src="http://evil.example/pixel.gif">',
    '<a href="file:///etc/shadow">رابط محلي</a> و<a href="http://evil.example/">رابط</a>',
    "انظر file:///home/user/secret.txt و http://evil.example/x?y=1 و www.evil.example",
    '<link rel="stylesheet" href="http://evil.example/s.css"><style>body{}</style>',
    f"أحرف خفية\u200b\u2060\ufeff{LRI}{PDI}{PDI}{PDI} هنا",
]
HOSTILE_RELATED = [f"{RLO}عنوان مرتبط{PDI} [*]", f"{PDI}{PDI}عنوان آخر"]


def balanced(text: str) -> bool:
    """FSI/PDI pairs never close more than they open, and all are closed."""
    depth = 0
    for char in text:
        if char == FSI:
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def safe(text: str) -> bool:
    return not (set(text) & FOREIGN) and balanced(text)


# -- the pure part -----------------------------------------------------------------------


def test_clean_removes_every_control_and_keeps_the_words():
    text = f"{RLO}أ{LRO}ب{PDF}{LRI}ج{RLI}د{FSI}هـ{PDI}\u200bو\ufeffز\u2060ح"
    assert clean(text) == "أبجدهـوزح"
    assert clean("نص\u200cعادي\u200d") == "نص\u200cعادي\u200d"  # ZWNJ/ZWJ are writing
    assert clean("a\u200eb\u200f") == "a\u200eb\u200f"  # marks stay, isolated they are harmless
    assert field(f"x{PDI}y") == f"{FSI}xy{PDI}"


def test_window_title_isolates_and_keeps_the_placeholder_literal():
    assert window_title(None, "Akhbar") == "Akhbar"
    title = window_title(f"{RLO}خبر [*]", "Akhbar")
    assert title == f"{FSI}خبر [*][*]{PDI} — Akhbar"


def hostile_article() -> Article:
    return Article(
        id=1,
        title=HOSTILE_TITLE,
        lede=f"مقدمة {RLO}",
        source=HOSTILE_SOURCE,
        caption=f"{LRI}تعليق",
        dateline=f"{RLO}القاهرة",
        paragraphs=tuple(HOSTILE_PARAGRAPHS),
        related=(
            RelatedHeadline(0, HOSTILE_RELATED[0], None, False),
            RelatedHeadline(1, HOSTILE_RELATED[1], 5, True),
        ),
        published=None,
        path="x.txt",
    )


def test_article_html_has_no_foreign_controls_and_balanced_isolates():
    html = article_html(hostile_article())
    assert safe(html)
    for block in re.findall(r"<(?:p|h1)[^>]*>(.*?)</(?:p|h1)>", html):
        assert balanced(block), block
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(href.startswith("akhbar://") for href in hrefs)
    assert "<img" not in html and "<link" not in html and "<style" not in html


# -- the window ------------------------------------------------------------------------


@pytest.fixture
def hostile_library(tmp_path) -> Path:
    folder = tmp_path / "hostile"
    write_article(
        folder,
        "evil.txt",
        HOSTILE_TITLE,
        HOSTILE_PARAGRAPHS,
        source=HOSTILE_SOURCE,
        related=HOSTILE_RELATED,
    )
    write_article(
        folder, "plain.txt", "خبر عادي", ["تونس - لا شيء غريب هنا."], published="2020-01-01"
    )
    db = tmp_path / "hostile.db"
    assert len(import_paths(db, [folder]).imported) == 2
    return db


def fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield block, it.fragment()
            it += 1
        block = block.next()


def test_the_pane_shows_it_as_text_loads_nothing_and_links_only_to_us(
    qtbot, make_window, hostile_library, monkeypatch
):
    calls: list[str] = []
    original = ArticleView.loadResource

    def recording(self, kind, url):
        calls.append(url.toString() if isinstance(url, QUrl) else str(url))
        return original(self, kind, url)

    monkeypatch.setattr(ArticleView, "loadResource", recording)
    window = make_window(hostile_library)
    view = window.reader.view
    # The recorder sees what Qt asks for: a pane given an image directly asks at once.
    view.setHtml('<p>probe <img src="probe.png"></p>')
    assert "probe.png" in calls
    calls.clear()
    view.refused.clear()

    with qtbot.waitSignal(window.reader.article_shown, timeout=2000):
        window.headlines.select_row(1)
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000):
        window.headlines.select_row(0)
    window.comforts.digits_action.setChecked(True)  # re-rendered, still nothing to load
    view.grab()  # painted, too
    assert calls == [] and view.refused == []
    assert "http://evil.example/x?y=1" in view.toPlainText()  # a URL keeps its digits

    text = view.toPlainText()
    assert safe(text)
    for line in text.split("\u2029") + text.splitlines():
        assert balanced(line), line
    plain = text.replace(FSI, "").replace(PDI, "")
    assert clean(HOSTILE_TITLE) in plain
    assert '<img src="file:///etc/passwd">' in plain
    assert "file:///home/user/secret.txt" in plain and "http://evil.example/x?y=1" in plain
    hrefs = {f.charFormat().anchorHref() for _b, f in fragments(view.document())}
    hrefs.discard("")
    assert hrefs and all(parse_link(QUrl(h)) is not None for h in hrefs), hrefs
    assert not any(f.charFormat().isImageFormat() for _b, f in fragments(view.document()))


def test_list_bookmarks_filters_and_title_cannot_be_reordered(qtbot, make_window, hostile_library):
    window = make_window(hostile_library)
    window.headlines.select_row(0)
    assert window.reader.current.title == HOSTILE_TITLE  # stored as it came

    # The headline list: what the delegate paints, and what the model says.
    index = window.headlines.model.index(0)
    summary: ArticleSummary = index.data(SUMMARY_ROLE)
    title, meta = window.headlines.delegate.texts(summary)
    assert title == clean(HOSTILE_TITLE)
    assert meta == f"{field(HOSTILE_SOURCE)} · 1/5/2024"  # isolated from the date beside it
    assert safe(index.data()) and not set(index.data(3)) & FOREIGN  # display, tooltip
    window.headlines.list_view.grab()

    # The window title.
    assert window.windowTitle() == window_title(HOSTILE_TITLE, "Akhbar")
    assert safe(window.windowTitle())
    assert "[*]" in window.windowHandle().title()  # shown literally, not as Qt's marker

    # The bookmarks panel.
    window.reader.toggle_bookmark(0)
    window.reader.toggle_bookmark(1)
    tree = window.bookmarks.panel.tree
    assert tree.topLevelItemCount() == 2
    for row in range(2):
        item = tree.topLevelItem(row)
        for column in (0, 1):
            assert safe(item.text(column)), item.text(column)
            assert item.text(column).startswith(FSI) and item.text(column).endswith(PDI)
            assert not set(item.toolTip(column)) & FOREIGN

    # The source filter.
    qtbot.waitUntil(lambda: window.headlines.source_combo.count() == 3, timeout=5000)
    for i in range(window.headlines.source_combo.count()):
        assert safe(window.headlines.source_combo.itemText(i))
