"""Small article files written for the tests (original text, seed layout)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import parse_article

NBSP = "\u00a0"


def article_text(
    title: str,
    *,
    date: str = "2024-03-05",
    lede: str = "خلاصة الخبر في جملة واحدة.",
    source: str = "صحيفة الاختبار",
    caption: str | None = None,
    paragraphs: tuple[str, ...] = ("الرياض - افتتحت المدينة اليوم حديقة جديدة للأطفال.",),
    related: tuple[str, ...] = (),
) -> str:
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


def write_article(folder: Path, name: str, title: str, **fields) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(article_text(title, **fields), encoding="utf-8")
    return path


def parsed(title: str, name: str = "a.txt", **fields) -> ParsedArticle:
    """A parsed article, as the importer would hand it to the library."""
    return parse_article(name, article_text(title, **fields).encode("utf-8"))
