"""The seed layout (`First Published:` line, sections split by non-breaking-space lines),
read by `desktop_app.parsing.article`. A `.txt` whose first lines hold such a separator
is this format; one without separators is plain text (`plaintext.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop_app.formats.items import Failed, Item
from desktop_app.formats.sources import Source, extension, read_all
from desktop_app.parsing import article
from desktop_app.parsing.encoding import decode
from desktop_app.parsing.errors import ParseError

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "seed"
MAX_BYTES: int | None = article.MAX_BYTES
TEXT_EXTENSIONS = (".txt", ".text")
_SEPARATORS = ("\u00a0", "\u202f", "\u2007")


def sniff(name: str, head: bytes) -> bool:
    return extension(name) in TEXT_EXTENSIONS and has_separator_line(head)


def has_separator_line(head: bytes) -> bool:
    """A line holding only a non-breaking space (the seed's section separator)."""
    try:
        text = decode(head).text
    except ParseError:
        return False
    return any(
        line.strip() == "" and any(ch in line for ch in _SEPARATORS)
        for line in text.replace("\r", "\n").split("\n")
    )


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    try:
        data = read_all(source, article.MAX_BYTES)
    except ValueError as error:
        yield Failed(source.origin, str(error))
        return
    try:
        yield article.parse_article(source.origin, data)
    except ParseError as error:
        yield Failed(source.origin, error.reason)
