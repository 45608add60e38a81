"""The window title for an article: Qt-specific handling of article text.

Cleaning and isolating article text (`clean`, `field`) is Qt-free and lives in
text/bidi.py; what stays here is Qt's "[*]" placeholder in window titles.
"""

from __future__ import annotations

from desktop_app.text.bidi import FSI, PDI, clean


def window_title(article_title: str | None, application: str) -> str:
    """ "‹title› — Akhbar", with Qt's "[*]" modified-placeholder taken literally."""
    if not article_title:
        return application
    # QWidget.setWindowTitle turns "[*]" into nothing (or "*"); "[*][*]" shows "[*]".
    title = clean(article_title).replace("[*]", "[*][*]")
    return f"{FSI}{title}{PDI} — {application}"
