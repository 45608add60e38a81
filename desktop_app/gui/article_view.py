"""The article pane: HTML built from an Article, and the browser that shows it safely.

Article text is data. `article_html` (pure, testable without a QApplication) strips bidi
controls and invisible characters from every piece of it (text.bidi.clean), escapes it,
isolates each inline field with FSI/PDI so it cannot reorder the interface text beside it,
gives each paragraph its own direction from its first strong character
(Qt's rich text ignores the CSS direction property but obeys the dir attribute),
isolates Latin names, numbers and URLs inside Arabic text with FSI/PDI, and marks the
words a search matched. `ArticleView` shows that HTML, loads no resource at all and
follows only our own akhbar:// links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from desktop_app.gui.arabic_dates import gregorian_arabic, hijri_arabic
from desktop_app.model import Article
from desktop_app.search.snippets import match_spans, word_matcher
from desktop_app.text.bidi import (
    FSI,
    PDI,
    Direction,
    arabic_indic_digits,
    clean,
    embedded_runs,
    paragraph_direction,
)

SCHEME = "akhbar"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
HIT_ANCHOR = "hit"


@dataclass(frozen=True)
class PaneLabels:
    """Interface words inside the pane, translated by the caller."""

    related: str = "Related headlines"
    not_in_library: str = "not in the library yet"
    bookmark: str = "Bookmark this headline"
    unbookmark: str = "Remove the bookmark"


@dataclass(frozen=True)
class PaneStyle:
    """Sizes and colours (CSS values) the pane is drawn with."""

    base_pt: float = 16.0
    text: str = "#1d1d1f"
    muted: str = "#6b6b70"
    accent: str = "#0b6e4f"
    highlight: str = "#ffe08a"
    highlight_text: str = "#1d1d1f"
    rule: str = "#d9d9de"
    star: str = "#c98a00"


def rich_text(
    text: str,
    base: Direction | None = None,
    matches: Callable[[str], bool] | None = None,
    arabic_digits: bool = False,
    anchor_first: bool = False,
) -> str:
    """One piece of article text as escaped HTML with isolates and highlights.

    Spans are computed on the original text; digit conversion and the isolation marks
    change no offsets before escaping, so highlights land on the right words.
    """
    base = base or paragraph_direction(text)
    events: list[tuple[int, int, str]] = []  # (offset, order, markup); closes sort first
    runs = embedded_runs(text, base)
    for start, end in runs:
        events += [(start, 1, FSI), (end, 0, PDI)]
    if matches is not None:
        for i, (start, end) in enumerate(match_spans(text, matches)):
            opening = '<span class="hit">'
            if anchor_first and i == 0:
                opening = f'<a name="{HIT_ANCHOR}"></a>{opening}'
            events += [(start, 2, opening), (end, -1, "</span>")]
    if arabic_digits and base == "rtl":
        # Numbers on their own take Arabic-Indic digits; URLs and Latin names ("A380",
        # "http://x/?id=7") keep theirs, or they would no longer say what they said.
        latin = [(start, end) for start, end in runs if _LATIN.search(text, start, end)]
        pieces, cursor = [], 0
        for start, end in latin:
            pieces += [arabic_indic_digits(text[cursor:start]), text[start:end]]
            cursor = end
        text = "".join(pieces) + arabic_indic_digits(text[cursor:])
    out: list[str] = []
    cursor = 0
    for offset, _order, markup in sorted(events):
        out += [html.escape(text[cursor:offset]), markup]
        cursor = offset
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def split_dateline(first_paragraph: str, dateline: str | None) -> str:
    """The first paragraph without its leading "DATELINE - " when the pane shows it apart."""
    if dateline and first_paragraph.startswith(dateline):
        return re.sub(r"^[\s\-–—:،]+", "", first_paragraph[len(dateline) :])
    return first_paragraph


def stylesheet(style: PaneStyle) -> str:
    """The document's default stylesheet (the subset of CSS Qt's rich text knows)."""
    pt = style.base_pt
    return f"""
        body {{ color: {style.text}; }}
        h1 {{ font-size: {pt * 1.6:.1f}pt; font-weight: bold; margin-bottom: 6px; }}
        p {{ line-height: 125%; margin-top: 0; margin-bottom: {pt * 0.7:.0f}px; }}
        p.meta {{ color: {style.muted}; font-size: {pt * 0.8:.1f}pt; margin-bottom: 14px; }}
        p.lede {{ font-size: {pt * 1.12:.1f}pt; font-weight: bold; margin-bottom: 14px; }}
        p.caption {{ color: {style.muted}; font-size: {pt * 0.85:.1f}pt; }}
        span.dateline {{ color: {style.accent}; font-weight: bold; }}
        span.hit {{ background-color: {style.highlight}; color: {style.highlight_text}; }}
        span.sep {{ color: {style.rule}; }}
        h3 {{ font-size: {pt * 1.0:.1f}pt; color: {style.muted}; margin-top: 18px; }}
        p.related {{ margin-bottom: 6px; line-height: 110%; }}
        span.missing {{ color: {style.muted}; font-size: {pt * 0.8:.1f}pt; }}
        a {{ color: {style.accent}; text-decoration: none; }}
        a.star {{ color: {style.star}; text-decoration: none; }}
    """


def clean_article(article: Article) -> Article:
    """The article with bidi controls and invisible characters removed from every field."""
    return replace(
        article,
        title=clean(article.title),
        lede=clean(article.lede),
        source=clean(article.source),
        caption=clean(article.caption) if article.caption else article.caption,
        dateline=clean(article.dateline) if article.dateline else article.dateline,
        paragraphs=tuple(clean(p) for p in article.paragraphs),
        related=tuple(replace(r, text=clean(r.text)) for r in article.related),
    )


def article_html(
    article: Article,
    query: str | None = None,
    arabic_digits: bool = False,
    labels: PaneLabels | None = None,
    can_bookmark: bool = True,
) -> str:
    """The whole pane for one article. Every string from the article is cleaned of bidi
    controls, escaped, and isolated where it sits inline beside other text.

    `can_bookmark=False` (a read-only library) leaves the stars out.
    """
    labels = labels or PaneLabels()
    article = clean_article(article)
    matches = word_matcher(query) if query and query.strip() else None
    anchored = False

    def piece(text: str, base: Direction) -> str:
        nonlocal anchored
        first = matches is not None and not anchored and bool(match_spans(text, matches))
        anchored = anchored or first
        return rich_text(text, base, matches, arabic_digits, anchor_first=first)

    def block(tag: str, text: str, cls: str = "", align: str = "") -> str:
        base = paragraph_direction(text)
        attrs = f' dir="{base}"'
        if cls:
            attrs += f' class="{cls}"'
        attrs += f' align="{align or ("right" if base == "rtl" else "left")}"'
        return f"<{tag}{attrs}>{piece(text, base)}</{tag}>"

    parts: list[str] = [block("h1", article.title)]

    meta = (
        [_isolated(rich_text(article.source, arabic_digits=arabic_digits))]
        if article.source
        else []
    )
    if article.published:
        meta.append(html.escape(gregorian_arabic(article.published, arabic_digits)))
        hijri = hijri_arabic(article.published, arabic_digits)
        if hijri:
            meta.append(html.escape(hijri))
    if meta:
        separator = ' <span class="sep">|</span> '
        parts.append(f'<p dir="rtl" align="right" class="meta">{separator.join(meta)}</p>')
    if article.lede:
        parts.append(block("p", article.lede, "lede"))
    if article.caption:
        parts.append(block("p", article.caption, "caption"))

    for i, paragraph in enumerate(article.paragraphs):
        if not paragraph.strip():
            continue
        if i == 0 and article.dateline:
            rest = split_dateline(paragraph, article.dateline)
            base = paragraph_direction(article.dateline + rest)
            dateline = _isolated(rich_text(article.dateline, base, matches, arabic_digits))
            parts.append(
                f'<p dir="{base}" align="justify"><span class="dateline">{dateline} —</span> '
                f"{piece(rest, base)}</p>"
            )
        else:
            parts.append(block("p", paragraph, align="justify"))

    if article.related:
        parts.append(f'<h3 dir="rtl" align="right">{html.escape(labels.related)}</h3>')
        for headline in article.related:
            base = paragraph_direction(headline.text)
            star, tip = ("★", labels.unbookmark) if headline.bookmarked else ("☆", labels.bookmark)
            star_link = (
                f'<a class="star" href="{SCHEME}://bookmark/{headline.position}" '
                f'title="{html.escape(tip)}">{star}</a>'
            )
            text = _isolated(rich_text(headline.text, base, None, arabic_digits))
            if not can_bookmark:
                star_link = ""
            if headline.article_id is not None:
                body = f'<a href="{SCHEME}://article/{headline.article_id}">{text}</a>'
            else:
                body = f'{text} <span class="missing">({html.escape(labels.not_in_library)})</span>'
            align = "right" if base == "rtl" else "left"
            parts.append(
                f'<p dir="{base}" align="{align}" class="related">'
                f"{star_link + '&nbsp; ' if star_link else ''}{body}</p>"
            )
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _isolated(markup: str) -> str:
    """Markup of one inline field, laid out as a unit beside the text around it."""
    return f"{FSI}{markup}{PDI}"


def parse_link(url: QUrl) -> tuple[str, int] | None:
    """('article', id) or ('bookmark', position) for our own links; None for anything else."""
    if url.scheme() != SCHEME or url.host() not in ("article", "bookmark"):
        return None
    value = url.path().strip("/")
    if not value.isdigit():
        return None
    return url.host(), int(value)


class ArticleView(QTextBrowser):
    """A read-only rich-text pane that fetches nothing and opens no outside link."""

    open_article = Signal(int)
    toggle_bookmark = Signal(int)  # position of the related headline
    navigate = Signal(int)  # +1 next article, -1 previous
    scrolled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(28)
        self.anchorClicked.connect(self._on_anchor)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._user_scroll = True
        self.article: Article | None = None
        self.query: str | None = None
        self.arabic_digits = False
        self.labels = PaneLabels()
        self.can_bookmark = True
        self.style_ = PaneStyle()
        self.refused: list[str] = []

    # -- content ------------------------------------------------------------------------

    def set_reader_font(self, family: str, point_size: float) -> None:
        font = QFont(family)
        font.setPointSizeF(point_size)
        # Word spacing only: never stretch letters or insert kashida to justify.
        font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
        self.document().setDefaultFont(font)
        self.style_ = replace(self.style_, base_pt=point_size)
        self.rerender()

    def set_appearance(
        self, family: str, point_size: float, style: PaneStyle, arabic_digits: bool
    ) -> None:
        """Font, colours and digits at once: one re-render."""
        self.arabic_digits = arabic_digits
        self.style_ = replace(style, base_pt=self.style_.base_pt)
        self.set_reader_font(family, point_size)

    def show_article(self, article: Article | None, query: str | None = None) -> None:
        self.article = article
        self.query = query
        self.rerender(keep_position=False)
        if article is not None and query:
            self.scrollToAnchor(HIT_ANCHOR)
            bar = self.verticalScrollBar()
            if bar.value() < self.viewport().height() // 2:
                bar.setValue(0)  # the first match is already on screen: keep the title in view
            else:
                bar.setValue(max(bar.value() - self.viewport().height() // 4, 0))

    def rerender(self, keep_position: bool = True) -> None:
        position = self.verticalScrollBar().value() if keep_position else 0
        self._user_scroll = False
        self.document().setDefaultStyleSheet(stylesheet(self.style_))
        if self.article is None:
            self.setHtml("")
        else:
            self.setHtml(
                article_html(
                    self.article, self.query, self.arabic_digits, self.labels, self.can_bookmark
                )
            )
        self.verticalScrollBar().setValue(position)
        self._user_scroll = True

    # -- safety: no resources, only our links -------------------------------------------

    def loadResource(self, kind: int, url: QUrl | str):
        # Nothing in the pane needs a resource; refuse images, stylesheets, anything.
        self.refused.append(url.toString() if isinstance(url, QUrl) else url)
        return None

    def setSource(self, name: QUrl | str, type=QTextDocument.ResourceType.UnknownResource) -> None:
        pass  # never navigate away from the article we built

    def _on_anchor(self, url: QUrl) -> None:
        link = parse_link(url)
        if link is None:
            return
        kind, value = link
        if kind == "article":
            self.open_article.emit(value)
        else:
            self.toggle_bookmark.emit(value)

    def focused_bookmark(self) -> int | None:
        """The related headline whose star or link has keyboard focus, if any."""
        cursor = self.textCursor()
        href = cursor.charFormat().anchorHref() if cursor.hasSelection() else ""
        link = parse_link(QUrl(href)) if href else None
        if link and link[0] == "bookmark":
            return link[1]
        return None

    # -- keyboard -----------------------------------------------------------------------

    def page(self, forward: bool) -> None:
        bar = self.verticalScrollBar()
        step = max(bar.pageStep() - 40, 40)
        bar.setValue(bar.value() + (step if forward else -step))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and key in (Qt.Key.Key_Down, Qt.Key.Key_J):
            self.navigate.emit(1)
        elif plain and key in (Qt.Key.Key_Up, Qt.Key.Key_K):
            self.navigate.emit(-1)
        elif key == Qt.Key.Key_Space and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            self.page(forward=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        else:
            super().keyPressEvent(event)

    def _on_scroll(self, _value: int) -> None:
        if self._user_scroll:
            self.scrolled.emit()
