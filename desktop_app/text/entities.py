"""HTML character references in article text: `&quot;`, `&#8220;`, `&#x201C;` → the character.

Articles saved from web pages keep the references their HTML source used: in the SaudiNewsNet
corpus `&quot;`, `&#8220;`/`&#8221;`, `&#39;`, `&#8211;` and `&#8243;` stand in 0.8% of the
titles and thousands of related headlines, and Arabic text shown around them comes out
scrambled (an RTL paragraph lays `&quot;` out as `quot&;`: that form is only how the reference
looks on screen, it never occurs in the files, so it is not decoded).

Only references are decoded, never markup: `<b>` stays the four characters it is. A reference
must end with ";" (`AT&T`, `S&P500` and `&copy2015` are text, not references, although a
browser would read some of them), and the text is decoded once: `&amp;quot;` is `&quot;`.
"""

from __future__ import annotations

import re
from html.entities import html5

# `&name;`, `&#1234;`, `&#x4D2;` (names are ASCII letters and digits, at most 32 long).
_REFERENCE = re.compile(
    r"&(?:#[xX](?P<hex>[0-9A-Fa-f]{1,6})|#(?P<dec>[0-9]{1,7})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));"
)

# A non-breaking space from a web page is typesetting, not meaning: as U+00A0 it would keep
# the words beside it on one line in a narrow pane, count as a letter of the word in the
# Latin-run isolation and the search index's tokens, and make a related headline differ
# from the title it names. The files' own section separators are real U+00A0 characters on
# lines of their own, which this never touches (it is applied to text already split).
_AS_SPACE = {"nbsp": " ", "NonBreakingSpace": " "}


def _character(match: re.Match[str]) -> str:
    name = match.group("name")
    if name is not None:
        if name in _AS_SPACE:
            return _AS_SPACE[name]
        return html5.get(name + ";", match.group())
    hex_digits = match.group("hex")
    code = int(hex_digits, 16) if hex_digits else int(match.group("dec"))
    if 0x80 <= code <= 0x9F:
        # Pages written in windows-1252 send its punctuation by byte value (&#150; a dash),
        # and browsers read them so (HTML's numeric reference rules).
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return match.group()
    if code == 0xA0:
        return " "
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0x7F or code < 0x20:
        # No character, or a control character (a line break would split a paragraph):
        # not text to show; keep the reference as written.
        return match.group()
    return chr(code)


def decode_references(text: str) -> str:
    """`text` with its HTML character references replaced by the characters they name.

    Unknown names, references without their ";", references to control characters or to
    no character at all stay as written. `&nbsp;` (and `&#160;`) become a plain space.
    """
    if "&" not in text:
        return text
    return _REFERENCE.sub(_character, text)
