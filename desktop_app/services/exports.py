"""The one owner of every JSON and CSV shape: `akhbar --json` and the window's exports.

A shape is a contract (checks outside the project read it): fields are only ever added.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desktop_app.model import Article, ArticleSummary, Bookmark, SearchHit


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def summary_json(summary: ArticleSummary) -> dict:
    """One row of `akhbar list --json`."""
    return {
        "id": summary.id,
        "published": iso(summary.published),
        "title": summary.title,
        "source": summary.source,
    }


def article_json(article: Article) -> dict:
    """`akhbar show --json`."""
    return {
        "id": article.id,
        "published": iso(article.published),
        "title": article.title,
        "lede": article.lede,
        "source": article.source,
        "caption": article.caption,
        "dateline": article.dateline,
        "paragraphs": list(article.paragraphs),
        "related": [
            {
                "position": r.position,
                "text": r.text,
                "article_id": r.article_id,
                "bookmarked": r.bookmarked,
            }
            for r in article.related
        ],
        "path": article.path,
    }


def search_hit_json(hit: SearchHit) -> dict:
    """One item of `akhbar search --json`."""
    return {
        "id": hit.id,
        "title": hit.title,
        "published": iso(hit.published),
        "source": hit.source,
        "snippet": hit.snippet,
    }


def bookmark_json(bookmark: Bookmark) -> dict:
    """A bookmark, as `akhbar bookmark --json` gives it.

    `article_id` is the article whose related headline was bookmarked,
    `target_article_id` the stored article the headline opens (or null).
    """
    return {
        "id": bookmark.id,
        "headline": bookmark.headline,
        "article_id": bookmark.article_id,
        "position": bookmark.position,
        "target_article_id": bookmark.target_article_id,
        "created": bookmark.created,
    }


def bookmark_export_json(bookmark: Bookmark) -> dict:
    """The same shape in the window's files, plus the bookmarked-from article's title."""
    return bookmark_json(bookmark) | {"article_title": bookmark.article_title}


BOOKMARK_FIELDS = tuple(
    bookmark_export_json(Bookmark(0, "", 0, 0, None, "")).keys()
)  # the CSV columns: the JSON keys, in order


def bookmarks_csv(bookmarks: Sequence[Bookmark]) -> str:
    """CSV with a header row (write it with a BOM so spreadsheets read Arabic)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=BOOKMARK_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for bookmark in bookmarks:
        writer.writerow(bookmark_export_json(bookmark))
    return out.getvalue()


def bookmarks_json_text(bookmarks: Sequence[Bookmark]) -> str:
    records = [bookmark_export_json(b) for b in bookmarks]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def write_bookmarks(path: Path, bookmarks: Sequence[Bookmark]) -> None:
    """CSV or JSON by the file's extension (.json → JSON, anything else → CSV)."""
    if path.suffix.lower() == ".json":
        path.write_text(bookmarks_json_text(bookmarks), encoding="utf-8")
    else:
        path.write_text(bookmarks_csv(bookmarks), encoding="utf-8-sig", newline="")
