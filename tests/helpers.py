"""The one article builder of the tests: small article files in the seed layout, written
for the tests (original text), as text, as files, parsed, or stored in a library.

    article_text(title, paragraphs, *, date, lede, source, caption, related) -> str
    write_article(folder, name, title, paragraphs, **fields) -> Path
    parsed(title, paragraphs, *, name, **fields) -> ParsedArticle
    stored(library, title, paragraphs, *, name, **fields) -> article id
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import parse_article

if TYPE_CHECKING:
    from desktop_app.storage.library import Library

NBSP = "\u00a0"
PARAGRAPHS = ("الرياض - افتتحت المدينة اليوم حديقة جديدة للأطفال.",)


def article_text(
    title: str,
    paragraphs: Sequence[str] = PARAGRAPHS,
    *,
    date: str = "2024-03-05",
    lede: str = "خلاصة الخبر في جملة واحدة.",
    source: str = "صحيفة الاختبار",
    caption: str | None = None,
    related: Sequence[str] = (),
) -> str:
    """One article file's text: date line, title, lede, source, caption and body,
    related headlines, `>>`, the sections apart by lines holding a non-breaking space."""
    lines = [f"First Published: {date}", "", title, "", NBSP, "", lede, "", NBSP, "", source, ""]
    if caption:
        lines += [caption, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [NBSP, ""]
    for headline in related:
        lines += [headline, ""]
    lines += ["", NBSP, ">>"]
    return "\n".join(lines)


def write_article(
    folder: Path, name: str, title: str, paragraphs: Sequence[str] = PARAGRAPHS, **fields
) -> Path:
    """The article written as `folder/name` in UTF-8 (folders made as needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(article_text(title, paragraphs, **fields), encoding="utf-8")
    return path


def parsed(
    title: str, paragraphs: Sequence[str] = PARAGRAPHS, *, name: str = "a.txt", **fields
) -> ParsedArticle:
    """A parsed article, as the importer would hand it to the library."""
    return parse_article(name, article_text(title, paragraphs, **fields).encode("utf-8"))


def stored(
    library: Library,
    title: str,
    paragraphs: Sequence[str] = PARAGRAPHS,
    *,
    name: str = "a.txt",
    **fields,
) -> int:
    """The id of the article once in `library` (the stored one if it is a duplicate)."""
    article_id, _is_new = library.add(parsed(title, paragraphs, name=name, **fields))
    return article_id
