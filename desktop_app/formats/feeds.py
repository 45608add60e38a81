"""RSS and Atom files (feedparser, BSD-2-Clause): one article per entry.

feedparser is handed the file's bytes, never an address, so nothing is fetched; its
HTML sanitising drops scripts from entry bodies, which are then reduced to paragraphs.
The entry's full content is its text, else its summary; the feed's title is the source.
`#N` is the Nth entry, counting from 1.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.records import clean_line, domain_of, make_article, split_paragraphs
from desktop_app.formats.sources import MiB, Source, extension, read_all

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "feed"
MAX_BYTES: int | None = 64 * MiB
FEED_EXTENSIONS = (".rss", ".atom")
XML_EXTENSIONS = (".xml", "")
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def sniff(name: str, head: bytes) -> bool:
    ext = extension(name)
    if ext in FEED_EXTENSIONS:
        return True
    return ext in XML_EXTENSIONS and _ROOT.search(head[:4096]) is not None


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    import feedparser  # only when a feed is met

    try:
        data = read_all(source, MAX_BYTES or 0)
    except ValueError as error:
        yield Failed(source.origin, str(error))
        return
    if not data.strip():
        yield Failed(source.origin, "empty file")
        return
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except Exception as error:  # feedparser means never to raise, but bad bytes can make it
        yield Failed(source.origin, f"not a readable RSS or Atom feed: {one_line(error, 160)}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f": {one_line(problem, 160)}" if problem else ""
        if parsed.get("bozo") or not parsed.get("feed"):
            yield Failed(source.origin, f"not a readable RSS or Atom feed{reason}")
        else:
            yield Skipped(source.origin, "the feed has no entries")
        return
    feed = parsed.get("feed") or {}
    feed_title = clean_line(str(feed.get("title") or ""))
    encoding = str(parsed.get("encoding") or "utf-8")
    for index, entry in enumerate(entries, 1):
        yield _entry(entry, f"{source.origin}#{index}", feed_title, encoding)


def _entry(entry: Any, origin: str, feed_title: str, encoding: str) -> Item:
    contents = entry.get("content") or []
    body = ""
    for content in contents:
        value = str(content.get("value") or "")
        if len(value) > len(body):
            body = value
    summary = str(entry.get("summary") or "")
    if not body:
        body, summary = summary, ""
    link = str(entry.get("link") or "")
    published, raw_date = _published(entry)
    lede = summary if summary and clean_line(summary) not in clean_line(body) else ""
    return make_article(
        origin=origin,
        encoding=encoding,
        title=str(entry.get("title") or ""),
        paragraphs=split_paragraphs(body),
        raw_date=raw_date,
        published=published,
        source=feed_title or domain_of(link),
        url=link,
        author=str(entry.get("author") or ""),
        lede=lede,
    )


def _published(entry: Any) -> tuple[date | None, str | None]:
    # dict.get: feedparser's own get() answers "updated" with "published" (and warns).
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), None
            except ValueError:
                pass
        raw = dict.get(entry, key)
        if raw:
            return None, str(raw)
    return None, None
