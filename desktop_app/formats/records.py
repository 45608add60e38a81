"""Records (a JSON object, a CSV row, a feed entry, a `<DOC>`) → ParsedArticle. Pure.

Field names: each article field is found under the first of its aliases the record has
(case and surrounding spaces ignored), or under the name the user gives with
`--map FIELD=NAME` (`parse_field_map`):

    title   title, head_line, headline
    text    content, text, body, maintext, article
    date    date, date_publish, published, date_extracted, pubdate
    source  source, source_domain, site_name
    url     url, link
    author  author, authors, byline
    lede    description, lead, summary

Dedupe: a record's `content_hash` is the SHA-256 of its normalised fields (title, the
body's paragraphs, the date as ISO `YYYY-MM-DD` when it can be read — otherwise as
written — and the source, each Unicode-NFC with whitespace collapsed, source
case-folded), so the same article found in two exports (a JSON dump and a CSV of it,
with or without the time of day) dedupes. Seed-layout and plain-text files keep the hash
of their whole text, as before.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from desktop_app.formats.items import Failed, Skipped, one_line
from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import dateline_of
from desktop_app.parsing.dates import parse_date

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "head_line", "headline"),
    "text": ("content", "text", "body", "maintext", "article"),
    "date": ("date", "date_publish", "published", "date_extracted", "pubdate"),
    "source": ("source", "source_domain", "site_name"),
    "url": ("url", "link"),
    "author": ("author", "authors", "byline"),
    "lede": ("description", "lead", "summary"),
}
# What `--map` accepts as FIELD besides the field names themselves.
_FIELD_SYNONYMS = {
    "content": "text",
    "body": "text",
    "maintext": "text",
    "headline": "title",
    "head_line": "title",
    "description": "lede",
    "lead": "lede",
    "published": "date",
}
TITLE_MAX = 400
_TAGS = re.compile(r"<[^<>]{0,2000}>")
_BLOCK_TAGS = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^<>]*>", re.I)
_HTML_HINT = re.compile(r"<\s*/?\s*(?:p|br|div|span|a|b|i|strong|em|li|h[1-6])\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def parse_field_map(pairs: Iterable[str]) -> dict[str, str]:
    """`["text=article_body", ...]` → {"text": "article_body"}; ValueError says what's wrong."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        field = field.strip().lower()
        field = _FIELD_SYNONYMS.get(field, field)
        if not sep or not name.strip():
            raise ValueError(f"--map wants FIELD=NAME, got {pair!r}")
        if field not in ALIASES:
            raise ValueError(
                f"--map: unknown field {field!r} (fields: {', '.join(sorted(ALIASES))})"
            )
        mapping[field] = name.strip()
    return mapping


class FieldResolver:
    """Which key of a record holds which field, given its keys (cached per key set)."""

    def __init__(self, field_map: Mapping[str, str] | None = None) -> None:
        self._map = {field: name.strip().casefold() for field, name in (field_map or {}).items()}
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

    def resolve(self, keys: Iterable[str]) -> dict[str, str]:
        """field → the record's key for it (only the fields found)."""
        key_tuple = tuple(keys)
        found = self._cache.get(key_tuple)
        if found is None:
            folded: dict[str, str] = {}
            for key in key_tuple:
                folded.setdefault(str(key).strip().casefold(), key)
            found = {}
            for field, aliases in ALIASES.items():
                wanted = (self._map[field],) if field in self._map else aliases
                for alias in wanted:
                    if alias in folded:
                        found[field] = folded[alias]
                        break
            if len(self._cache) < 1000:
                self._cache[key_tuple] = found
        return found

    def missing_reason(self, keys: Iterable[str]) -> str | None:
        """Why records with these keys cannot be articles (no text or title field), if so."""
        key_list = [str(k) for k in keys]
        found = self.resolve(key_list)
        absent = [field for field in ("title", "text") if field not in found]
        if not absent:
            return None
        shown = ", ".join(one_line(k, 40) for k in key_list[:12]) or "none"
        if len(key_list) > 12:
            shown += ", …"
        hint = " ".join(f"--map {field}=NAME" for field in absent)
        names = " or ".join(absent)
        return f"not articles: no {names} field among its fields ({shown}); name it with {hint}"


def record_article(
    record: Mapping[str, object],
    fields: Mapping[str, str],
    origin: str,
    encoding: str,
    warnings: Iterable[str] = (),
) -> ParsedArticle | Skipped:
    """One record with its resolved fields → an article, or why it is not one."""

    def value(field: str) -> object:
        key = fields.get(field)
        return record.get(key) if key is not None else None

    return make_article(
        origin=origin,
        encoding=encoding,
        title=as_text(value("title")),
        body=as_text(value("text"), joiner="\n"),
        raw_date=value("date"),
        source=as_text(value("source")),
        url=as_text(value("url")),
        author=as_text(value("author"), joiner="، "),
        lede=as_text(value("lede")),
        warnings=warnings,
    )


def make_article(
    *,
    origin: str,
    encoding: str,
    title: str,
    body: str | None = None,
    paragraphs: Iterable[str] | None = None,
    raw_date: object = None,
    published: date | None = None,
    source: str = "",
    url: str = "",
    author: str = "",
    lede: str = "",
    dateline: str | None = None,
    warnings: Iterable[str] = (),
) -> ParsedArticle | Skipped:
    """The one place a record-like article is assembled, checked and hashed."""
    title = clean_line(strip_html(title) if _HTML_HINT.search(title) else title)
    lines = list(paragraphs) if paragraphs is not None else split_paragraphs(body or "")
    lines = [clean_line(p) for p in lines]
    lines = [p for p in lines if p]
    if not title and not lines:
        return Skipped(origin, "empty record: no title and no text")
    if not title:
        return Skipped(origin, "no title: the record has text but no title")
    if not lines:
        return Skipped(origin, "no text: the record has a title but no article text")
    notes = list(warnings)
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
        notes.append(f"long-title: the title was cut to {TITLE_MAX} characters")
    raw_date_text = clean_line(as_text(raw_date)) if raw_date is not None else ""
    if published is None and raw_date is not None:
        published = read_date(raw_date)
        if published is None and raw_date_text:
            notes.append(f"date-unreadable: cannot read the date '{raw_date_text[:40]}'")
    if published is None and not raw_date_text:
        notes.append("no-date: the record has no date")
    source = clean_line(source)
    url = _CONTROL.sub("", url).strip()  # kept as written: it must still lead there
    if not source and url:
        source = domain_of(url)
    if not source:
        notes.append("no-source: the record names no source")
    lede = clean_line(strip_html(lede) if _HTML_HINT.search(lede) else lede)
    if lede == lines[0]:
        lede = ""
    return ParsedArticle(
        title=title,
        lede=lede,
        source=source,
        caption=None,
        dateline=dateline if dateline is not None else dateline_of(lines[0]),
        paragraphs=tuple(lines),
        related=(),
        published=published,
        path=origin,
        encoding=encoding,
        content_hash=record_hash(title, lines, published, raw_date_text, source),
        warnings=tuple(notes),
        url=url or None,
        author=clean_line(author) or None,
    )


def record_hash(
    title: str, paragraphs: Iterable[str], published: date | None, raw_date: str, source: str
) -> str:
    """SHA-256 of the normalised fields (see the module docstring)."""
    parts = [
        _norm(title),
        "\n".join(_norm(p) for p in paragraphs),
        published.isoformat() if published else _norm(raw_date),
        _norm(source).casefold(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def read_date(raw: object) -> date | None:
    """A record's date value: ISO strings fast, RFC 2822 (feeds, mail), else parse_date."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        return None
    text = raw.strip()[:100]
    match = _ISO_DATE.match(text)
    if match:
        try:
            found = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return found if 1800 <= found.year <= 2200 else None
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        try:
            stamped = parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            stamped = None
        if stamped is not None and 1800 <= stamped.year <= 2200:
            return stamped
    return parse_date(text)


def as_text(value: object, joiner: str = " ") -> str:
    """A field's value as text: strings as they are, lists joined, numbers written."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return joiner.join(t for t in (as_text(v, joiner) for v in value[:1000]) if t)
    if isinstance(value, Mapping):
        for key in ("name", "text", "value", "#text"):
            if key in value:
                return as_text(value[key], joiner)
        return ""
    return str(value)


def split_paragraphs(text: str) -> list[str]:
    """Body text → paragraphs: HTML bodies by their blocks, plain text by its lines."""
    if _HTML_HINT.search(text):
        text = strip_html(text, keep_lines=True)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in (clean_line(line) for line in text.split("\n")) if line]


def strip_html(text: str, keep_lines: bool = False) -> str:
    """Tags out, entities decoded; block tags become line breaks when `keep_lines`."""
    if keep_lines:
        text = _BLOCK_TAGS.sub("\n", text)
    return html.unescape(_TAGS.sub(" ", text))


def clean_line(text: str) -> str:
    """One line: control characters out, whitespace collapsed (letters kept as written;
    only the dedupe hash normalises them)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def domain_of(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def record_failure(origin: str, what: str, error: object) -> Failed:
    return Failed(origin, f"{what}: {one_line(error, 200)}")


def stream_encoding(head: bytes) -> str:
    """The encoding of a streamed text file from its first bytes: a BOM, else UTF-8 when
    they are valid UTF-8 (a cut last character allowed), else Windows-1256."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3 or "unexpected end" not in error.reason:
            return "cp1256"
    return "utf-8"


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))
