"""Article text made safe to show next to the interface: no bidi controls, each field isolated.

Article text is data from strangers. A RIGHT-TO-LEFT OVERRIDE (U+202E) or a stray POP
DIRECTIONAL ISOLATE (U+2069) inside a headline would otherwise reorder the characters
after it — the date beside it in the list, the star before it in the pane, the "— Akhbar"
after it in the window title. Every piece of article text the window shows goes through
`clean` (explicit embeddings, overrides and isolates, and invisible zero-width characters
removed) and, where it sits inline beside other text, `field` (wrapped in our own
FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which lays it out as a unit).

Marks that only set the direction of neutral characters (LRM, RLM, ALM) and the joiners
Arabic and Persian typing needs (ZWJ, ZWNJ) are kept: inside an isolate they cannot move
anything outside it. No Qt here (it belongs with text/bidi.py; kept in gui/ for now).
"""

from __future__ import annotations

from desktop_app.text.bidi import FSI, PDI

# LRE RLE PDF LRO RLO, LRI RLI FSI PDI: they open or close a directional context.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero width space, word joiner, a BOM inside text, and the deprecated format controls
# (symmetric swapping, digit shapes): invisible, with nothing to show for them.
INVISIBLE = "\u200b\u2060\ufeff\u206a\u206b\u206c\u206d\u206e\u206f"
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS + INVISIBLE))


def clean(text: str) -> str:
    """`text` without bidi embedding/override/isolate controls or invisible characters."""
    return text.translate(_REMOVE)


def field(text: str) -> str:
    """`text` cleaned and isolated, to sit inline beside interface text."""
    return f"{FSI}{clean(text)}{PDI}"


def window_title(article_title: str | None, application: str) -> str:
    """ "‹title› — Akhbar", with Qt's "[*]" modified-placeholder taken literally."""
    if not article_title:
        return application
    # QWidget.setWindowTitle turns "[*]" into nothing (or "*"); "[*][*]" shows "[*]".
    title = clean(article_title).replace("[*]", "[*][*]")
    return f"{FSI}{title}{PDI} — {application}"
