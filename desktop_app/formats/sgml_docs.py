"""SGML/XML news collections: a stream of `<DOC>`-like records, read forgivingly.

- LDC Gigaword style: `<DOC id="AFP_ARB_20000101.0001" type="story">` holding
  `<HEADLINE>`, `<DATELINE>`, `<TEXT>` with `<P>` paragraphs. Only `type="story"` is kept
  by default (`ReadOptions.doc_types`); the date comes from the id, the source from the
  agency code in it.
- Abu El-Khair style: records named after their paper (`<Alittihad>`) holding `<URL>`,
  `<Headline>`, `<Dateline>` (there: the date) and `<Text>`.
Real releases misspell tags (`<Healine>`, `<dateline>`), leave them unclosed and carry
stray `<`, `&` and control characters, so this is a tolerant tag scanner, not an XML
parser: a record starts at each record tag; inside it, a known field tag (case-blind,
or within two letters of HEADLINE/DATELINE) switches which field the text goes to;
unknown tags are ignored. The file is streamed, so a release of any size is fine.
`#N` is the Nth record, counting from 1.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.records import (
    clean_line,
    make_article,
    read_date,
    stream_encoding,
)
from desktop_app.formats.sources import MiB, Prefixed, Source, extension, read_up_to

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "sgml"
MAX_BYTES: int | None = None
EXTENSIONS = (".sgml", ".sgm", ".xml")
RECORD_MAX = 32 * MiB
_CHUNK = 1 * MiB
_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]{0,40})((?:\s[^<>]{0,4000})?)/?>")
# <DOC near the start: after an XML declaration, comments and at most one root tag.
_DOC_NEAR_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<[^<>]{0,200}>\s*)?<doc[\s>]", re.I | re.S
)
_DOC_ANYWHERE = re.compile(rb"<doc[\s>]", re.I)
_FIELD_ANYWHERE = re.compile(rb"<(?:headline|healine|dateline|text)>", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ID_DATE = re.compile(r"(?<![0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?![0-9])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRAY = re.compile(r"(?<!\S)(?:\?+|<+|>+)(?!\S)")
_KINDS = {
    "headline": "headline", "healine": "headline", "headlines": "headline",
    "hl": "headline", "title": "headline", "head": "headline",
    "dateline": "dateline", "dl": "dateline",
    "text": "text", "body": "text", "p": "p",
    "url": "url", "link": "url",
    "date": "date", "date_time": "date", "pubdate": "date",
    "author": "author", "byline": "author",
    "source": "source",
    "id": "id", "docid": "id", "docno": "id",
}  # fmt: skip
# LDC Arabic Gigaword agency codes (the first part of a DOC id).
AGENCIES = {
    "AAW": "الشرق الأوسط",
    "AFP": "وكالة الصحافة الفرنسية",
    "AHR": "الأهرام",
    "ASB": "أسبار",
    "HYT": "الحياة",
    "NHR": "النهار",
    "QDS": "القدس العربي",
    "UMH": "الأمة",
    "XIN": "شينخوا",
}


def sniff(name: str, head: bytes) -> bool:
    sample = head[:16384]
    if _DOC_NEAR_START.match(sample):
        return True
    return extension(name) in EXTENSIONS and bool(
        _DOC_ANYWHERE.search(sample) or _FIELD_ANYWHERE.search(sample)
    )


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    with source.open() as raw:
        head = read_up_to(raw, 64 * 1024)
        encoding = _encoding(head)
        text = io.TextIOWrapper(
            io.BufferedReader(Prefixed(head, raw)), encoding=encoding, errors="replace"
        )
        record_tag = _record_tag(head.decode(encoding, errors="replace"))
        count = 0
        for count, record in enumerate(_records(text, record_tag), 1):
            where = f"{source.origin}#{count}"
            if record is None:
                yield Failed(where, "record longer than 32 MiB without a next record: not read")
                continue
            yield _record_item(record, record_tag, where, encoding, options)
        if count == 0:
            yield Failed(source.origin, "no news records (<DOC> or <Headline> … <Text>) in it")


def _encoding(head: bytes) -> str:
    declared = _XML_ENCODING.match(head)
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("windows-1256", "cp1256", "cp-1256"):
            return "cp1256"
        if name in ("iso-8859-6", "iso8859-6"):
            return "iso8859-6"
    return stream_encoding(head)


def _record_tag(head: str) -> str | None:
    """The tag each record opens with: DOC, or the parent of the first field tag."""
    if re.search(r"<doc[\s>]", head, re.I):
        return "doc"
    stack: list[str] = []
    for match in _TAG.finditer(head):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
            continue
        kind = _kind(name)
        if kind in ("headline", "text", "dateline", "url", "id"):
            return stack[-1] if stack else None
        if not match.group(0).endswith("/>"):
            stack.append(name)
    return None


def _records(text: io.TextIOWrapper, record_tag: str | None) -> Iterator[str | None]:
    """Each record's text (from its start tag to the next record's); None for a runaway."""
    if record_tag is None:
        start = re.compile(r"<(?:headline|healine)\s*>", re.I)
    else:
        start = re.compile(rf"<{re.escape(record_tag)}(?=[\s>/])[^<>]{{0,4000}}>", re.I)
    buffer = ""
    seen_start = False
    while True:
        chunk = text.read(_CHUNK)
        buffer += chunk
        starts = [m.start() for m in start.finditer(buffer)]
        if starts and not seen_start:
            seen_start = True
            buffer = buffer[starts[0] :]
            starts = [s - starts[0] for s in starts]
        if not chunk:
            if starts:
                for begin, end in zip(starts, [*starts[1:], len(buffer)], strict=True):
                    yield buffer[begin:end]
            return
        if len(starts) >= 2:
            for begin, end in pairwise(starts):
                yield buffer[begin:end]
            buffer = buffer[starts[-1] :]
        elif len(buffer) > RECORD_MAX:
            if seen_start:
                yield None
            buffer = buffer[-4096:]  # keep a possibly cut start tag


def _record_item(
    record: str, record_tag: str | None, origin: str, encoding: str, options: ReadOptions
) -> Item:
    opening = _TAG.match(record)
    attributes = _attributes(opening.group(3)) if opening else {}
    doc_type = attributes.get("type", "").strip().lower()
    if options.doc_types is not None and doc_type and doc_type not in options.doc_types:
        return Skipped(
            origin,
            f'<DOC type="{one_line(doc_type, 30)}"> is not a story '
            '(only type="story" is imported by default)',
        )
    fields = _fields(record, skip_first_tag=record_tag is not None)
    doc_id = attributes.get("id") or _single(fields, "id")
    headline = _single(fields, "headline")
    dateline = _single(fields, "dateline").rstrip(" -–—")
    published: date | None = None
    raw_date: str | None = _single(fields, "date") or None
    if raw_date:
        published = read_date(raw_date)
    if published is None and dateline and len(dateline) <= 40:
        published = read_date(dateline)  # Abu El-Khair: the "dateline" holds the date
        if published is not None:
            dateline = ""
    if published is None and doc_id:
        published = _id_date(doc_id)
    source = _single(fields, "source") or _agency(doc_id)
    if not source and record_tag and record_tag != "doc":
        source = opening.group(2) if opening else record_tag
    return make_article(
        origin=origin,
        encoding=encoding,
        title=headline,
        paragraphs=fields.get("text", []),
        raw_date=raw_date if published is None else None,
        published=published,
        source=source,
        url=_single(fields, "url"),
        author=_single(fields, "author"),
        dateline=dateline or None,
    )


def _fields(record: str, skip_first_tag: bool) -> dict[str, list[str]]:
    """field → its pieces (the text field: one piece per paragraph)."""
    fields: dict[str, list[str]] = {}
    current: str | None = None
    in_text = False
    pieces: list[str] = []

    def flush() -> None:
        if current is None:
            pieces.clear()
            return
        content = _clean("".join(pieces))
        pieces.clear()
        if not content.strip():
            return
        if current == "text":
            fields.setdefault("text", []).extend(_split_text(content))
        else:
            fields.setdefault(current, []).append(clean_line(content))

    position = 0
    first = skip_first_tag
    for match in _TAG.finditer(record):
        pieces.append(record[position : match.start()])
        position = match.end()
        if first:  # the record's own start tag
            first = False
            pieces.clear()
            continue
        closing, kind = match.group(1), _kind(match.group(2))
        if kind is None:
            continue  # unknown tags are dropped, their text kept
        if kind == "p":
            if in_text:
                flush()
                current = "text"
            continue
        flush()
        if closing:
            if kind == "text":
                in_text = False
            current = "text" if in_text and kind != "text" else None
        else:
            current = kind
            in_text = kind == "text"
    pieces.append(record[position:])
    flush()
    return fields


def _split_text(content: str) -> list[str]:
    """A text block without <P>: paragraphs between blank lines, else lines."""
    content = content.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    blocks = re.split(r"\n\s*\n", content)
    if len(blocks) == 1:
        blocks = content.split("\n")
    return [p for p in (clean_line(block) for block in blocks) if p]


def _clean(text: str) -> str:
    # Lone runs of "?" are letters lost to a bad code-page conversion in real releases;
    # lone "<<" or ">" are the remains of broken markup.
    return _STRAY.sub("", _CONTROL.sub(" ", html.unescape(text)))


def _kind(name: str) -> str | None:
    lower = name.lower()
    kind = _KINDS.get(lower)
    if kind is None and 6 <= len(lower) <= 10:
        for canonical in ("headline", "dateline"):
            if _distance(lower, canonical) <= 2:
                return canonical
    return kind


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (for short tag names only)."""
    previous = list(range(len(b) + 1))
    for i, ch_a in enumerate(a, 1):
        current = [i]
        for j, ch_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch_a != ch_b))
            )
        previous = current
    return previous[-1]


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTRIBUTE.finditer(text or "")
    }


def _single(fields: dict[str, list[str]], kind: str) -> str:
    values = fields.get(kind)
    return " ".join(values) if values else ""


def _id_date(doc_id: str) -> date | None:
    match = _ID_DATE.search(doc_id)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _agency(doc_id: str) -> str:
    code = re.match(r"\s*([A-Za-z]{3})_", doc_id or "")
    if not code:
        return ""
    return AGENCIES.get(code.group(1).upper(), code.group(1).upper())
