"""Justified Arabic paragraphs with Latin words: no wide gaps, and the words in order.

Qt widens only the spaces of the highest justification class on a line, and a space
after a Latin letter outranks every space in Arabic text: one Latin word used to take a
whole line's slack (`microUSB ␣␣␣␣ المُستخدم`). text.bidi.isolation_marks fixes it; these
tests lay paragraphs out offscreen with the bundled fonts and measure the gaps.
"""

from __future__ import annotations

import html
import re
import statistics
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument

from desktop_app.text.bidi import FSI, PDI, embedded_runs, isolate_justified

MARKS = "\u2066\u2067\u2068\u2069\u061c\u200e"  # LRI RLI FSI PDI ALM LRM
WORD = re.compile(f"[^ {MARKS}]+")
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
WIDTHS = range(300, 661, 40)

PARAGRAPH = (
    "أعلنت الشركة عن كابل جديد بمنفذ microUSB المُستخدم في معظم الهواتف الحديثة، "
    "ويعمل مع هاتف Galaxy A8 من سامسونج ومع أجهزة iPhone 6 Plus القديمة أيضا، "
    "وتصل سرعته في نقل الملفات إلى 480 ميغابت في الثانية بحسب ما نشره موقع "
    "www.example.com الرسمي للشركة، وسيطرح في الأسواق خلال الأسبوع المقبل بسعر "
    "يناسب الطلاب والموظفين على حد سواء."
)
LATIN_FIRST = (
    "Micro-Flip .. كابل قابل للإدخال في الاتجاهين يصل الهاتف بالحاسوب ويشحنه بسرعة "
    "أكبر من الكابلات المعتادة، ويباع مع محول صغير لمنافذ USB-C الحديثة في علبة واحدة "
    "مع دليل استخدام مطبوع باللغة العربية."
)


def fsi_only(text: str) -> str:
    """The isolation the pane used before: FSI … PDI around each Latin run."""
    out, cursor = [], 0
    for start, end in embedded_runs(text, "rtl"):
        out += [text[cursor:start], FSI, text[start:end], PDI]
        cursor = end
    return "".join(out) + text[cursor:]


@pytest.fixture(scope="module")
def families(qapp) -> list[str]:
    found = []
    for name in ("Amiri-Regular.ttf", "NotoNaskhArabic-Regular.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(FONTS / name))
        assert font_id >= 0, name
        found += QFontDatabase.applicationFontFamilies(font_id)
    return found


def lay_out(marked: str, family: str, width: float, align: str = "justify") -> QTextDocument:
    document = QTextDocument()
    font = QFont(family)
    font.setPointSizeF(16)
    document.setDefaultFont(font)
    document.setHtml(f'<p dir="rtl" align="{align}">{html.escape(marked)}</p>')
    document.setTextWidth(width)
    document.size()  # lays the document out
    return document


def left_edge(layout, start: int, length: int) -> float:
    """Where the glyphs of text[start:start+length] begin on screen (the glyph positions
    the layout painted, justification included)."""
    return min(p.x() for run in layout.glyphRuns(start, length) for p in run.positions())


def space_widths(document: QTextDocument) -> list[list[float]]:
    """For each line but the last (which is not justified): how wide each space between
    two words is drawn, from its glyph's position to the next word's first glyph."""
    block = document.begin()
    layout, text = block.layout(), block.text()
    widths = []
    for index in range(layout.lineCount() - 1):
        line = layout.lineAt(index)
        start, end = line.textStart(), line.textStart() + line.textLength()
        words = [
            left_edge(layout, start + m.start(), len(m.group()))
            for m in WORD.finditer(text[start:end])
        ]
        line_widths = []
        for m in re.finditer(" ", text[start:end]):
            position = start + m.start()
            if not text[position:end].strip(MARKS + " "):
                continue  # the space that ends the line is not drawn
            x = left_edge(layout, position, 1)
            line_widths.append(min(w for w in words if w > x + 0.01) - x)
        widths.append(line_widths)
    return widths


def worst_ratio(document: QTextDocument) -> float:
    """The widest space of any justified line against the median space of that line."""
    worst = 0.0
    for widths in space_widths(document):
        if len(widths) >= 2:
            worst = max(worst, max(widths) / statistics.median(widths))
    return worst


def visual_words(document: QTextDocument) -> list[tuple[int, float, str]]:
    """(line, left edge, word) for every word, marks left out."""
    block = document.begin()
    layout, text = block.layout(), block.text()
    return [
        (
            layout.lineForTextPosition(m.start()).lineNumber(),
            left_edge(layout, m.start(), len(m.group())),
            m.group(),
        )
        for m in WORD.finditer(text)
    ]


@pytest.mark.parametrize("text", [PARAGRAPH, LATIN_FIRST], ids=["latin-inside", "latin-first"])
def test_no_wide_gaps_beside_latin_words(families, text):
    for family in families:
        for width in WIDTHS:
            document = lay_out(isolate_justified(text, "rtl"), family, width)
            ratio = worst_ratio(document)
            assert ratio <= 2.0, (family, width, ratio, space_widths(document))


def test_the_measurement_sees_the_old_gaps(families):
    """FSI … PDI alone (the pane before) leaves gaps several times the median."""
    ratios = [
        worst_ratio(lay_out(fsi_only(PARAGRAPH), family, width))
        for family in families
        for width in WIDTHS
    ]
    assert max(ratios) > 3.0, ratios
    assert sum(r > 2.0 for r in ratios) >= len(ratios) // 2, ratios


def reading_order(document: QTextDocument) -> list[str]:
    """The words as a reader meets them: lines top to bottom, each right to left."""
    return [word for _l, _x, word in sorted(visual_words(document), key=lambda t: (t[0], -t[1]))]


def test_words_keep_their_order(families):
    for family in families:
        for width in (320, 480, 2000):
            before = lay_out(fsi_only(PARAGRAPH), family, width, align="right")
            after = lay_out(isolate_justified(PARAGRAPH, "rtl"), family, width, align="right")

            assert reading_order(after) == reading_order(before), (family, width)
        # On one line, not justified, every word sits exactly where it sat before: the
        # space inside "iPhone 6" did not move after the 6 (what a missing LRM does).
        old, new = visual_words(before), visual_words(after)
        assert [w for _l, _x, w in new] == [w for _l, _x, w in old]
        for (_l, x_old, word), (_m, x_new, _w) in zip(old, new, strict=True):
            assert x_new == pytest.approx(x_old, abs=0.5), (family, word)
    x = {word: pos for _line, pos, word in visual_words(after)}  # one line at 2000 px
    # Right to left around each run, left to right inside it.
    assert x["المُستخدم"] < x["microUSB"] < x["بمنفذ"]
    assert x["من"] < x["Galaxy"] < x["A8"] < x["هاتف"]
    assert x["القديمة"] < x["iPhone"] < x["6"] < x["Plus"] < x["أجهزة"]


def test_the_marks_take_no_room(families):
    for family in families:
        plain = lay_out(PARAGRAPH, family, 5000, align="right")
        marked = lay_out(isolate_justified(PARAGRAPH, "rtl"), family, 5000, align="right")
        width = plain.begin().layout().lineAt(0).naturalTextWidth()
        assert marked.begin().layout().lineAt(0).naturalTextWidth() == pytest.approx(width, abs=0.5)
