"""Plain text without the seed's separators: the first line is the title, the rest the body.

An optional `First Published:` style line above the title gives the date. Paragraphs are
blocks between blank lines when the body has any, else single lines. A first line too
long to be a headline gives its opening words as the title and stays in the body. The
content hash is the whole text's, like the seed layout's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.formats.items import Failed, Item
from desktop_app.formats.records import clean_line
from desktop_app.formats.seed import TEXT_EXTENSIONS
from desktop_app.formats.sources import Source, extension, read_all
from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import dateline_of, header_date, readable_text
from desktop_app.parsing.errors import ParseError

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "text"
MAX_BYTES: int | None = 10 * 1024 * 1024
TITLE_LINE_MAX = 200
_TITLE_WORDS = 12


def sniff(name: str, head: bytes) -> bool:
    return extension(name) in TEXT_EXTENSIONS


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    try:
        data = read_all(source, MAX_BYTES or 0)
    except ValueError as error:
        yield Failed(source.origin, str(error))
        return
    try:
        yield parse_plain_text(source.origin, data)
    except ParseError as error:
        yield Failed(source.origin, error.reason)


def parse_plain_text(path: str, data: bytes) -> ParsedArticle:
    """Raises ParseError (empty, binary, garbled, no body) like the seed parser."""
    text, decoded = readable_text(data)
    warnings = [*decoded.warnings, "plain-text: no section separators; first line is the title"]
    lines = text.split("\n")
    published: date | None = None
    index = _next_filled(lines, 0)
    is_header, found = header_date(lines[index])
    if is_header:
        published = found
        if found is None:
            warnings.append("date-unreadable: cannot read the date line")
        index = _next_filled(lines, index + 1)
    else:
        warnings.append("no-date: the file has no 'First Published:' line")
    if index >= len(lines):
        raise ParseError("no title: the file holds only a date line", "no-title")
    first = clean_line(lines[index])
    body_lines = lines[index + 1 :]
    if len(first) > TITLE_LINE_MAX:
        words = first.split()
        title = " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")
        body_lines = [first, *body_lines]
        warnings.append("no-title-line: the title is the opening words of the text")
    else:
        title = first
    paragraphs = _paragraphs(body_lines)
    if not paragraphs:
        raise ParseError("no body: the file holds only a title line", "no-body")
    return ParsedArticle(
        title=title,
        lede="",
        source="",
        caption=None,
        dateline=dateline_of(paragraphs[0]),
        paragraphs=tuple(paragraphs),
        related=(),
        published=published,
        path=path,
        encoding=decoded.encoding,
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        warnings=tuple(warnings),
    )


def _next_filled(lines: list[str], start: int) -> int:
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _paragraphs(lines: list[str]) -> list[str]:
    blank_separated = any(not line.strip() for line in _trim(lines))
    if not blank_separated:
        return [p for p in (clean_line(line) for line in lines) if p]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(clean_line(" ".join(current)))
            current = []
    if current:
        paragraphs.append(clean_line(" ".join(current)))
    return [p for p in paragraphs if p]


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
