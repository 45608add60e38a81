"""The one owner of every JSON and CSV shape: `akhbar --json` and the window's exports.

A shape is a contract (checks outside the project read it): fields are only ever added.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.model import Article, ArticleSummary, Bookmark, ImportReport, SearchHit

if TYPE_CHECKING:  # services.backup brings the whole storage layer; the shape needs none
    from desktop_app.services.backup import BackupResult


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


def search_count_json(count: int) -> dict:
    """`akhbar search --count --json`: how many articles the query finds."""
    return {"count": count}


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


def bookmark_removed_json(bookmark_id: int) -> dict:
    """`akhbar bookmark remove --json`."""
    return {"id": bookmark_id, "removed": True}


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


def import_report_sections(report: ImportReport) -> dict[str, Iterator[dict]]:
    """The fields of `akhbar import --json`, each an iterator of its items (streamable)."""
    return {
        "imported": ({"path": o.path, "id": o.article_id} for o in report.imported),
        "duplicates": ({"path": o.path, "id": o.article_id} for o in report.duplicates),
        "failed": ({"path": o.path, "reason": o.reason} for o in report.failed),
        "warnings": ({"path": p, "message": m} for p, m in report.warnings()),
    }


def import_report_json(report: ImportReport) -> dict:
    """`akhbar import --json`, whole (write_import_report streams the same)."""
    return {name: list(items) for name, items in import_report_sections(report).items()}


def write_import_report(report: ImportReport, out: TextIO) -> None:
    """`akhbar import --json`, written item by item.

    Never built whole in memory: for an import of 300,000 files the dicts and json.dumps'
    chunks of the whole report took ~350 MB, ten times what the import itself needs.
    """
    out.write("{")
    for number, (name, items) in enumerate(import_report_sections(report).items()):
        out.write(("," if number else "") + f'\n  "{name}": [')
        separator = "\n    "
        for item in items:
            out.write(separator + json.dumps(item, ensure_ascii=False))
            separator = ",\n    "
        out.write("]" if separator == "\n    " else "\n  ]")
    out.write("\n}\n")


def backup_result_json(result: BackupResult) -> dict:
    """`akhbar backup --json`."""
    return {"path": str(result.path), "articles": result.articles}


def restore_result_json(result: BackupResult) -> dict:
    """`akhbar restore --json`: `previous` is where the replaced library was kept aside,
    null when there was none to replace."""
    previous = str(result.previous) if result.previous is not None else None
    return backup_result_json(result) | {"previous": previous}
