"""Saved web pages (`.html`, `.htm`): the article's main text and its metadata.

Nothing in the page is fetched or run: lxml parses the markup with network access off
and scripts are only ever read as JSON-LD data. The main text comes from the page's
JSON-LD `articleBody` when it has a real one, else from readability-lxml (Apache-2.0).
Title, date, author, source, address and summary come from `<meta>` (Open Graph,
`article:`, Dublin Core, `name=author` …), JSON-LD `NewsArticle`/`Article` objects, the
`<title>`, `<h1>`, `<time datetime>` and the browser's "saved from url=" comment.
A page without enough running text (an index, a menu, an empty page) fails with a
reason. The page's `_files` folder is skipped by `walk()` and the archive readers.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Any

from desktop_app.formats.items import Failed, Item, one_line
from desktop_app.formats.records import (
    clean_line,
    domain_of,
    make_article,
    read_date,
    split_paragraphs,
)
from desktop_app.formats.sources import MiB, Source, extension, read_all
from desktop_app.model import ParsedArticle
from desktop_app.parsing.encoding import decode
from desktop_app.parsing.errors import ParseError

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "html"
MAX_BYTES: int | None = 20 * MiB
EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
RESOURCES_SUFFIX = "_files"  # a saved page's images, styles and scripts
MIN_ARTICLE_CHARS = 120  # running text (paragraphs of 40+ characters) a page must hold
_PARAGRAPH_MIN = 40
_BYLINE_MAX = 80
_BYLINE_WORDS = ("بقلم ", "كتب ", "By ", "by ")
_BODY_MIN = 200  # a JSON-LD articleBody shorter than this is a teaser, not the text
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre tr td th section article header footer "  # noqa: SIM905
    "figcaption dd dt ul ol table aside main".split()
)
_ARTICLE_TYPES = ("newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "blogposting", "opinionnewsarticle", "reviewnewsarticle", "report")  # fmt: skip
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "release_date", "date.available",
)  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def sniff(name: str, head: bytes) -> bool:
    ext = extension(name)
    if ext in EXTENSIONS:
        return True
    return not ext and bool(_HTML_START.match(head.removeprefix(codecs.BOM_UTF8)[:4096]))


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    try:
        data = read_all(source, MAX_BYTES or 0)
        text, encoding = decode_page(data)
    except (ValueError, ParseError) as error:
        yield Failed(source.origin, getattr(error, "reason", None) or one_line(error))
        return
    yield parse_page(source.origin, text, encoding)


def decode_page(data: bytes) -> tuple[str, str]:
    """The page's text: its BOM, else its `<meta charset>`, else UTF-8 or Windows-1256."""
    if not data.strip():
        raise ParseError("empty file", "empty")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = ""
        if name and not name.startswith(("utf-16", "utf-32")):
            if name in ("utf-8", "ascii", "latin-1", "iso8859-1"):  # often wrong: check
                decoded = decode(data)
                return decoded.text, decoded.encoding
            return data.decode(name, errors="replace"), name
    decoded = decode(data)
    return decoded.text, decoded.encoding


def parse_page(origin: str, text: str, encoding: str) -> Item:
    import lxml.html  # only when a web page is met
    from lxml.etree import ParserError

    saved_from = _SAVED_FROM.search(text[:4096])
    # lxml refuses control characters in text it is given; pages carry them by accident.
    text = _CONTROL.sub(" ", _XML_DECLARATION.sub("", text, count=1))
    try:
        document = lxml.html.document_fromstring(text, parser=_parser())
    except (ParserError, ValueError) as error:
        return Failed(origin, f"not a readable web page: {one_line(error)}")
    meta = _meta(document)
    ld = _json_ld_article(document)
    title = _title(document, meta, ld)
    url = (
        _link(document, "canonical")
        or meta.get("og:url")
        or _ld_text(ld.get("url"))
        or (saved_from.group(1) if saved_from else "")
    )
    body = _ld_text(ld.get("articleBody"))
    paragraphs = split_paragraphs(body) if len(body) >= _BODY_MIN else _main_text(text)
    paragraphs = [p for p in paragraphs if p != title]
    running = sum(len(p) for p in paragraphs if len(p) >= _PARAGRAPH_MIN)
    if running < MIN_ARTICLE_CHARS:
        return Failed(origin, "no article in this page: it holds no running text")
    notes: list[str] = []
    if not title:
        words = paragraphs[0].split()
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        notes.append("no-title: the title is the opening words of the text")
    raw_date = _first(meta, _DATE_KEYS) or _ld_text(ld.get("datePublished")) or _time(document)
    source = (
        meta.get("og:site_name")
        or _ld_text(ld.get("publisher"))
        or meta.get("application-name")
        or domain_of(url)
    )
    author = _author(meta, ld)
    while len(paragraphs) > 1 and _is_byline(paragraphs[0], author):
        paragraphs = paragraphs[1:]
    lede = meta.get("og:description") or meta.get("description") or _ld_text(ld.get("description"))
    article = make_article(
        origin=origin,
        encoding=encoding,
        title=title,
        paragraphs=paragraphs,
        raw_date=raw_date or None,
        source=source,
        url=url,
        author=author,
        lede=lede,
        warnings=notes,
    )
    if isinstance(article, ParsedArticle):
        return article
    return Failed(origin, article.reason)


def _parser() -> Any:
    import lxml.html

    return lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True
    )


def _meta(document: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in document.iter("meta"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
            or ""
        )
        key = key.strip().lower()
        content = clean_line(element.get("content") or element.get("datetime") or "")
        if key and content and key not in found:
            found[key] = content
    return found


def _json_ld_article(document: Any) -> dict[str, Any]:
    """The first JSON-LD object that is an article (read as data, never run)."""
    for script in document.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for candidate in _ld_objects(data, 0):
            kinds = candidate.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                return candidate
    return {}


def _ld_objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:100]:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


def _ld_text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return "، ".join(t for t in (_ld_text(v) for v in value[:10]) if t)
    return ""


def _title(document: Any, meta: dict[str, str], ld: dict[str, Any]) -> str:
    for candidate in (meta.get("og:title"), _ld_text(ld.get("headline")),
                      meta.get("twitter:title")):  # fmt: skip
        if candidate:
            return clean_line(candidate)
    headings = [clean_line(h.text_content()) for h in document.iter("h1")]
    headings = [h for h in headings if h]
    if len(headings) == 1:
        return headings[0]
    for element in document.iter("title"):
        title = clean_line(element.text_content())
        if title:
            parts = re.split(r"\s+[|–—-]\s+", title)  # "Headline | Site name"
            return max(parts, key=len) if len(parts) > 1 else title
    return ""


def _link(document: Any, rel: str) -> str:
    for element in document.iter("link"):
        if (element.get("rel") or "").strip().lower() == rel and element.get("href"):
            return clean_line(element.get("href"))
    return ""


def _time(document: Any) -> str:
    for element in document.iter("time"):
        value = element.get("datetime") or ""
        if value.strip() and read_date(value):
            return value.strip()
    return ""


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return ""


def _author(meta: dict[str, str], ld: dict[str, Any]) -> str:
    for key in ("author", "article:author", "dc.creator", "byl", "sailthru.author"):
        value = meta.get(key, "")
        if value and not value.startswith(("http://", "https://")):
            return value.removeprefix("By ").removeprefix("بقلم ")
    return _ld_text(ld.get("author"))


def _is_byline(paragraph: str, author: str) -> bool:
    if len(paragraph) > _BYLINE_MAX:
        return False
    return paragraph.startswith(_BYLINE_WORDS) or bool(author and author in paragraph)


def _main_text(page: str) -> list[str]:
    """The article's paragraphs as readability-lxml finds them."""
    import lxml.html
    from lxml.etree import ParserError
    from readability import Document  # only when a web page is met
    from readability.readability import Unparseable

    try:
        summary = Document(page).summary(html_partial=True)
        fragment = lxml.html.document_fromstring(summary, parser=_parser())
    except (Unparseable, ParserError, ValueError, TypeError):
        return []
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    lines = (clean_line(line) for line in fragment.text_content().split("\n"))
    return [line for line in lines if line]


def saved_page_for(folder: str, siblings: Collection[str]) -> str | None:
    """The saved page whose resources `folder` holds (`X_files` beside `X.html`), if any."""
    if not folder.endswith(RESOURCES_SUFFIX) or len(folder) == len(RESOURCES_SUFFIX):
        return None
    stem = folder[: -len(RESOURCES_SUFFIX)]
    for ext in EXTENSIONS:
        for candidate in (stem + ext, stem + ext.upper()):
            if candidate in siblings:
                return candidate
    return None
