"""One article file (name, bytes) → ParsedArticle, or ParseError saying why not. Pure.

The dateline, author and agency come from the byline the first paragraph opens with
(parsing/byline.py): the dateline is a place or nothing.

The layout: a `First Published:` line, then sections separated by lines holding only a
non-breaking space — title · lede · source, optional caption and body · related
headlines · `>>`. Files from the wild lose pieces; what can be read is kept and each
loss is reported as a warning, while files with no title or no body are refused.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from desktop_app.model import ParsedArticle
from desktop_app.parsing.byline import Byline, read_byline
from desktop_app.parsing.dates import parse_date
from desktop_app.parsing.encoding import DecodedText, decode
from desktop_app.parsing.errors import ParseError
from desktop_app.text.entities import decode_references

MAX_BYTES = 10 * 1024 * 1024
END_MARK = ">>"

_HEADER = re.compile(
    r"^\s*(first\s+published|published|date|تاريخ\s+النشر|نشر\s+في|نشر)\s*[:：]\s*(?P<date>.*)$",
    re.IGNORECASE,
)
_SEPARATOR_SPACES = "\u00a0\u202f\u2007"
# A dateline is a short place name (one to five words, maybe "(country)") before a dash.
_DATELINE = re.compile(
    r"^(?P<place>[^\s\-–—.!?؟،,:؛\"«»][^\-–—.!?؟،,:؛\"«»]{0,58}?)(?:\s+[-–—]\s*|\s*[-–—]\s+)"
)
_FINAL_PUNCTUATION = tuple(".!?؟:؛…\"»)'”")
# A source named in quotes (صحيفة "المدينة") ends with a quote but is no sentence; a quote
# that closes a sentence follows its full stop ("... الأول."). Only for the source line:
# a quoted sub-heading (متجر «آي تونز») is no caption.
_NAME_IN_QUOTES = re.compile(r"[^\W\d_]\s*[\"”»']$")
_CAPTION_MAX = 160
# Sub-headings inside a body often start like list items; captions never do.
_LIST_MARKS = tuple("*-•–—·") + tuple("0123456789٠١٢٣٤٥٦٧٨٩")
_SOURCE_MAX = 80
_GARBAGE_LIMIT = 0.05


def check_size(size: int) -> None:
    """The size guard: ParseError for a file too large to be an article.

    One rule and one message for the parser (the bytes in hand) and the importer (the
    file's size, checked before it is read at all).
    """
    if size > MAX_BYTES:
        raise ParseError(
            f"file is too large for an article ({size / 2**20:.1f} MiB; limit "
            f"{MAX_BYTES // 2**20} MiB)",
            "too-large",
        )


def parse_article(path: str, data: bytes) -> ParsedArticle:
    """Parse one file's bytes. Raises ParseError (and nothing else) for a non-article."""
    check_size(len(data))
    text, decoded = readable_text(data)
    warnings = list(decoded.warnings)

    lines = text.split("\n")
    published, lines = _read_header(lines, warnings)
    sections = _split_sections(lines)
    complete = _drop_end_mark(sections)
    if not complete:
        warnings.append("truncated: the file ends before the '>>' end mark")
    # After the layout is read (a "&gt;&gt;" must not end the file), before the fields are:
    # every field is text with its HTML character references decoded. The content hash
    # below stays the hash of the file's text, so a file imported before is still known.
    sections = [_decode_section(section) for section in sections]

    title = " ".join(sections[0]) if sections else ""
    if not title:
        raise ParseError("no title: nothing before the first section separator", "no-title")
    if len(sections) < 3:
        raise ParseError("no body: the file has a title but no article text", "no-body")
    lede = " ".join(sections[1])
    body_block = [p for section in sections[2 : max(3, len(sections) - 1)] for p in section]
    related = tuple(sections[-1]) if len(sections) >= 4 else ()
    source, caption, paragraphs = _split_body(body_block, warnings)
    if not paragraphs:
        raise ParseError("no body: the file has a title but no article text", "no-body")
    byline = read_byline(paragraphs[0])
    by = byline[0] if byline else Byline()
    return ParsedArticle(
        title=title,
        lede=lede,
        source=source,
        caption=caption,
        dateline=by.place,
        paragraphs=tuple(paragraphs),
        related=related,
        published=published,
        path=path,
        encoding=decoded.encoding,
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        warnings=tuple(warnings),
        author=by.author,
        agency=by.agency,
    )


def _reject_garbage(text: str) -> None:
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\n\t")
    )
    if bad > _GARBAGE_LIMIT * len(sample):
        raise ParseError("binary or garbled file: too many unreadable characters", "binary")


def _read_header(lines: list[str], warnings: list[str]):
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _HEADER.match(line)
        if not match:
            warnings.append("no-date: the file has no 'First Published:' line")
            return None, lines
        raw = match.group("date").strip()
        published = parse_date(raw)
        if published is None:
            warnings.append(f"date-unreadable: cannot read the date '{raw[:40]}'")
        return published, lines[index + 1 :]
    return None, lines


def _is_separator(line: str) -> bool:
    return any(ch in line for ch in _SEPARATOR_SPACES) and not line.strip()


def _split_sections(lines: list[str]) -> list[list[str]]:
    """Paragraphs (non-blank lines, trimmed) grouped by separator lines."""
    sections: list[list[str]] = [[]]
    for line in lines:
        if _is_separator(line):
            sections.append([])
        elif line.strip():
            sections[-1].append(line.strip())
    return sections


def _decode_section(section: list[str]) -> list[str]:
    """The paragraphs with character references decoded (`&nbsp;` alone leaves nothing)."""
    decoded = (decode_references(paragraph).strip() for paragraph in section)
    return [paragraph for paragraph in decoded if paragraph]


def _drop_end_mark(sections: list[list[str]]) -> bool:
    """Remove the `>>` end mark; say whether it was there."""
    for section in reversed(sections):
        if section:
            if section[-1] != END_MARK:
                return False
            section.pop()
            break
    else:
        return False
    if not sections[-1] and len(sections) > 1:
        sections.pop()
    return True


def _split_body(block: list[str], warnings: list[str]):
    """Source line, optional caption, paragraphs."""
    if not block:
        return "", None, []
    first = block[0]
    if len(first) > _SOURCE_MAX or _ends_sentence(first) or _dateline(first):
        warnings.append("no-source: the body does not start with a source line")
        source, rest = "", block
    else:
        source, rest = first, block[1:]
    if len(rest) >= 2 and _looks_like_caption(rest[0]):
        return source, rest[0], rest[1:]
    return source, None, rest


def _ends_sentence(paragraph: str) -> bool:
    return paragraph.endswith(_FINAL_PUNCTUATION) and not _NAME_IN_QUOTES.search(paragraph)


def _looks_like_caption(paragraph: str) -> bool:
    return (
        len(paragraph) <= _CAPTION_MAX
        and not paragraph.startswith(_LIST_MARKS)
        and not paragraph.endswith(_FINAL_PUNCTUATION)
        and _dateline(paragraph) is None
    )


def _dateline(paragraph: str) -> str | None:
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    return place if 1 <= len(place.split()) <= 5 else None


# Shared with the other formats in desktop_app/formats (plain text, records).


def dateline_of(paragraph: str) -> str | None:
    """The place named before the dash that opens a news paragraph, if it has one."""
    return _dateline(paragraph)


def header_date(line: str) -> tuple[bool, date | None]:
    """Whether `line` is a `First Published:` style header, and the date it names."""
    match = _HEADER.match(line)
    if not match:
        return False, None
    return True, parse_date(match.group("date").strip())


def readable_text(data: bytes) -> tuple[str, DecodedText]:
    """A file's text, line ends made "\n" and no BOM, and how it was decoded.

    ParseError for an empty file, one of blank lines only, or one that is mostly
    unreadable characters: the checks every text format makes before reading lines.
    """
    if not data.strip():
        raise ParseError("empty file", "empty")
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise ParseError("empty file (only blank lines)", "empty")
    _reject_garbage(text)
    return text, decoded
