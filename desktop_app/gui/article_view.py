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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from desktop_app.gui.arabic_dates import gregorian_arabic, hijri_arabic
from desktop_app.model import Article, Note
from desktop_app.search.snippets import match_spans, word_matcher
from desktop_app.text.anchors import Anchor, article_fields, highlight_spans
from desktop_app.text.bidi import (
    FSI,
    PDI,
    Direction,
    arabic_indic_digits,
    clean,
    embedded_runs,
    paragraph_direction,
    strip_isolates,
)

SCHEME = "akhbar"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
HIT_ANCHOR = "hit"
NOTE_ANCHOR = "note-{id}"  # where each highlight starts (scrollToAnchor)
Marks = Sequence[tuple[int, int, int]]  # (start, end, note id) in one text's offsets


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
    note: str = "#bfe3c6"  # a highlighted passage (search hits keep `highlight`)


def rich_text(
    text: str,
    base: Direction | None = None,
    matches: Callable[[str], bool] | None = None,
    arabic_digits: bool = False,
    anchor_first: bool = False,
    marks: Marks = (),
    notes: Mapping[int, str] | None = None,
) -> str:
    """One piece of article text as escaped HTML with isolates and highlights.

    `marks` are highlighted passages (start, end, note id); `notes` the note texts by
    id, shown as the passage's tooltip.

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
    anchored: set[int] = set()
    cursor = 0
    for run, ids in highlight_spans(text, marks) if marks else ():
        start, cursor = cursor, cursor + len(run)
        if not ids:
            continue
        names = "".join(
            f'<a name="{NOTE_ANCHOR.format(id=i)}"></a>' for i in ids if i not in anchored
        )
        anchored.update(ids)
        tip = "\n".join(t for t in ((notes or {}).get(i, "") for i in ids) if t)
        title = f' title="{html.escape(tip)}"' if tip else ""
        events += [(start, 3, f'{names}<span class="note"{title}>'), (cursor, -2, "</span>")]
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
        span.note {{ background-color: {style.note}; color: {style.highlight_text}; }}
        span.sep {{ color: {style.rule}; }}
        h3 {{ font-size: {pt * 1.0:.1f}pt; color: {style.muted}; margin-top: 18px; }}
        p.related {{ margin-bottom: 6px; line-height: 110%; }}
        span.missing {{ color: {style.muted}; font-size: {pt * 0.8:.1f}pt; }}
        a {{ color: {style.accent}; text-decoration: none; }}
        a.star {{ color: {style.star}; text-decoration: none; }}
        span.starred {{ color: {style.star}; }}
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
    notes: Sequence[Note] = (),
) -> str:
    """The whole pane for one article. Every string from the article is cleaned of bidi
    controls, escaped, and isolated where it sits inline beside other text.

    `can_bookmark=False` (a read-only library) leaves the stars out. `notes` are drawn
    as highlighted passages (those still anchored), with their note as tooltip.
    """
    labels = labels or PaneLabels()
    marks = note_marks(article, notes)
    tips = {note.id: note.text for note in notes}
    article = clean_article(article)
    matches = word_matcher(query) if query and query.strip() else None
    anchored = False

    def piece(text: str, base: Direction, field: str = "", shift: int = 0) -> str:
        nonlocal anchored
        first = matches is not None and not anchored and bool(match_spans(text, matches))
        anchored = anchored or first
        spans = [(s - shift, e - shift, i) for s, e, i in marks.get(field, ())]
        return rich_text(text, base, matches, arabic_digits, first, spans, tips)

    def block(tag: str, text: str, cls: str = "", align: str = "", field: str = "") -> str:
        base = paragraph_direction(text)
        attrs = f' dir="{base}"'
        if cls:
            attrs += f' class="{cls}"'
        attrs += f' align="{align or ("right" if base == "rtl" else "left")}"'
        return f"<{tag}{attrs}>{piece(text, base, field)}</{tag}>"

    parts: list[str] = [block("h1", article.title, field="title")]

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
    if article.tags:  # the reader's own labels: data like the rest, escaped and isolated
        meta.append("، ".join(_isolated(html.escape(tag)) for tag in article.tags))
    if article.starred:
        meta.insert(0, '<span class="starred">★</span>')
    if meta:
        separator = ' <span class="sep">|</span> '
        parts.append(f'<p dir="rtl" align="right" class="meta">{separator.join(meta)}</p>')
    if article.lede:
        parts.append(block("p", article.lede, "lede", field="lede"))
    if article.caption:
        parts.append(block("p", article.caption, "caption", field="caption"))

    for i, paragraph in enumerate(article.paragraphs):
        if not paragraph.strip():
            continue
        if i == 0 and article.dateline:
            rest = split_dateline(paragraph, article.dateline)
            base = paragraph_direction(article.dateline + rest)
            dateline = _isolated(rich_text(article.dateline, base, matches, arabic_digits))
            shift = len(paragraph) - len(rest)
            parts.append(
                f'<p dir="{base}" align="justify"><span class="dateline">{dateline} —</span> '
                f"{piece(rest, base, f'paragraphs/{i}', shift)}</p>"
            )
        else:
            parts.append(block("p", paragraph, align="justify", field=f"paragraphs/{i}"))

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


def note_marks(article: Article, notes: Sequence[Note]) -> dict[str, list[tuple[int, int, int]]]:
    """The anchored notes as (start, end, id) by field, in offsets of the cleaned text the
    pane shows (cleaning removes invisible characters, so offsets move left)."""
    fields = article_fields(article.title, article.lede, article.caption, article.paragraphs)
    marks: dict[str, list[tuple[int, int, int]]] = {}
    for note in notes:
        text = fields.get(note.field)
        if not note.anchored or text is None:
            continue
        start, end = len(clean(text[: note.start])), len(clean(text[: note.end]))
        marks.setdefault(note.field, []).append((start, end, note.id))
    return marks


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def _folded(char: str) -> str:
    """A character as compared between the pane and the stored text."""
    return " " if char.isspace() else char.translate(_DIGITS)


def shown_fields(article: Article) -> list[tuple[str, str]]:
    """(field, the text of its block in the pane), in the pane's order."""
    cleaned = clean_article(article)
    shown = [("title", cleaned.title)]
    if cleaned.lede:
        shown.append(("lede", cleaned.lede))
    if cleaned.caption:
        shown.append(("caption", cleaned.caption))
    for i, paragraph in enumerate(cleaned.paragraphs):
        if not paragraph.strip():
            continue
        if i == 0 and cleaned.dateline:
            paragraph = f"{cleaned.dateline} — {split_dateline(paragraph, cleaned.dateline)}"
        shown.append((f"paragraphs/{i}", paragraph))
    return shown


def pane_key(text: str) -> str:
    """A block's text as compared with `shown_fields` (isolates out, digits and spaces folded)."""
    return "".join(map(_folded, strip_isolates(text))).strip()


def locate_passage(original: str, shown: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets in the stored text `original` of the passage shown[start:end].

    The pane's text differs from the stored one by isolation marks, removed invisible
    characters, digits and (in a first paragraph) the dateline's separator; the passage
    is found again in the stored text, nearest to where it was shown.
    """
    wanted = pane_key(shown[start:end])
    if not wanted:
        return None
    kept = [(i, _folded(c)) for i, c in enumerate(original) if clean(c)]
    folded = "".join(c for _, c in kept)
    near = len(pane_key(shown[:start]))
    best: int | None = None
    at = folded.find(wanted)
    while at >= 0:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = folded.find(wanted, at + 1)
    if best is None:
        return None
    return kept[best][0], kept[best + len(wanted) - 1][0] + 1


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
        self.notes: Sequence[Note] = ()
        self.menu_actions: list = []  # QActions added to the pane's context menu
        self._block_fields: dict[int, str] | None = None  # block → field, when asked
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

    def show_article(
        self, article: Article | None, query: str | None = None, notes: Sequence[Note] = ()
    ) -> None:
        self.article = article
        self.query = query
        self.notes = notes
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
                    self.article,
                    self.query,
                    self.arabic_digits,
                    self.labels,
                    self.can_bookmark,
                    self.notes,
                )
            )
        self._block_fields = None  # mapped when a passage is first asked for
        self.verticalScrollBar().setValue(position)
        self._user_scroll = True

    # -- passages: from a selection in the pane back to the stored text ------------------

    def _map_blocks(self) -> dict[int, str]:
        """Which block shows which field (1-10 ms on a long article: not on every switch)."""
        self._block_fields = {}
        if self.article is None:
            return self._block_fields
        expected = [(field, pane_key(text)) for field, text in shown_fields(self.article)]
        block = self.document().begin()
        while block.isValid() and expected:
            if pane_key(block.text()) == expected[0][1]:
                self._block_fields[block.blockNumber()] = expected.pop(0)[0]
            block = block.next()
        return self._block_fields

    def selected_passage(self) -> tuple[Anchor, str] | None:
        """The selection as (field, offsets) of the stored text and the quoted passage;
        None when nothing of the article's text is selected. A selection running over
        several paragraphs keeps its part in the first."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        block = self.document().findBlock(cursor.selectionStart())
        fields_shown = self._block_fields
        if fields_shown is None:
            fields_shown = self._map_blocks()
        field = fields_shown.get(block.blockNumber())
        if field is None:
            return None
        start = cursor.selectionStart() - block.position()
        end = min(cursor.selectionEnd() - block.position(), block.length() - 1)
        fields = article_fields(
            self.article.title, self.article.lede, self.article.caption, self.article.paragraphs
        )
        original = fields[field]
        found = locate_passage(original, block.text(), start, end)
        if found is None:
            return None
        return Anchor(field, *found), original[found[0] : found[1]]

    def scroll_to_note(self, note_id: int) -> None:
        """Bring a highlighted passage into view, a little below the top."""
        self.scrollToAnchor(NOTE_ANCHOR.format(id=note_id))
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.value() - self.viewport().height() // 4, 0))

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.menu_actions:
            menu.addSeparator()
            for action in self.menu_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

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
