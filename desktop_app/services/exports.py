"""The one owner of every JSON and CSV shape: `akhbar --json` and the window's exports.

A shape is a contract (checks outside the project read it): fields are only ever added.
The files that sets of articles are exported to (JSON Lines, CSV, Markdown, HTML and the
citation formats) are written by services/export_formats.py, from these shapes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.model import (
    Article,
    ArticleSummary,
    Bookmark,
    ImportReport,
    Note,
    SavedSearchCount,
    SearchHit,
    TagCount,
    TrashedArticle,
)
from desktop_app.text.terminal import readable_path

if TYPE_CHECKING:  # services.backup brings the whole storage layer; the shape needs none
    from desktop_app.services.backup import BackupResult
    from desktop_app.services.recovery import RecoveryResult


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


def article_json(article: Article, notes: Iterable[Note] = ()) -> dict:
    """`akhbar show --json` (and one line of a JSON Lines export): the article, its tags,
    star, read mark and notes."""
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
        "tags": list(article.tags),
        "starred": article.starred,
        "read": article.read,
        "notes": [note_json(n) for n in notes],
    }


def note_json(note: Note) -> dict:
    """A note or highlight, as `akhbar note add --json` gives it: `field` names the text
    holding the quote as `show --json` gives it ("title", "lede", "caption",
    "paragraphs/N"), `start`/`end` are character offsets into it."""
    return {
        "id": note.id,
        "article_id": note.article_id,
        "quote": note.quote,
        "text": note.text,
        "field": note.field,
        "start": note.start,
        "end": note.end,
        "created": note.created,
    }


def saved_search_json(counted: SavedSearchCount) -> dict:
    """`akhbar saved add --json`, and one item of `saved list --json`."""
    return {
        "name": counted.saved.name,
        "query": counted.saved.query,
        "count": counted.count,
        "new": counted.new,
    }


def tag_articles_json(tag: str, article_ids: Sequence[int]) -> dict:
    """`akhbar tag add|remove --json`: the tag and the articles given."""
    return {"tag": tag, "articles": list(article_ids)}


def tag_count_json(tag: TagCount) -> dict:
    """One item of `akhbar tag list --json` (and `tag rename --json`)."""
    return {"tag": tag.name, "count": tag.count}


def articles_state_json(article_ids: Sequence[int], **state: bool) -> dict:
    """What `star`, `unstar`, `mark`, `delete` and `trash restore|empty` did: the
    articles, and the state they are now in ({"articles", "starred": true} …)."""
    return {"articles": list(article_ids), **state}


def removed_json(**key: int | str) -> dict:
    """`… remove --json` of one thing: its key and `"removed": true`."""
    return {**key, "removed": True}


def trashed_json(item: TrashedArticle) -> dict:
    """One item of `akhbar trash list --json`: a `list` item and when it was deleted."""
    return summary_json(item.summary) | {"deleted": item.deleted}


def export_result_json(path: Path, articles: int) -> dict:
    """`akhbar export --json`: the file written and how many articles it holds."""
    return {"path": str(path), "articles": articles}


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
    return removed_json(id=bookmark_id)


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
    # File names that are not valid UTF-8 are given readably (text/terminal.py), so that
    # the JSON is always valid UTF-8.
    name = readable_path
    return {
        "imported": ({"path": name(o.path), "id": o.article_id} for o in report.imported),
        "duplicates": ({"path": name(o.path), "id": o.article_id} for o in report.duplicates),
        "failed": ({"path": name(o.path), "reason": o.reason} for o in report.failed),
        "warnings": ({"path": name(p), "message": m} for p, m in report.warnings()),
    }


def import_report_json(report: ImportReport) -> dict:
    """`akhbar import --json`, whole (write_import_report streams the same).

    `stopped` is there only when the import stopped early (a full disk, a damaged
    library): why, in words; the lists then hold what was saved before it stopped.
    """
    shape: dict = {name: list(items) for name, items in import_report_sections(report).items()}
    if report.stopped:
        shape["stopped"] = report.stopped
    return shape


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
    if report.stopped:
        out.write(',\n  "stopped": ' + json.dumps(report.stopped, ensure_ascii=False))
    out.write("\n}\n")


def backup_result_json(result: BackupResult) -> dict:
    """`akhbar backup --json`."""
    return {"path": str(result.path), "articles": result.articles}


def restore_result_json(result: BackupResult) -> dict:
    """`akhbar restore --json`: `previous` is where the replaced library was kept aside,
    null when there was none to replace."""
    previous = str(result.previous) if result.previous is not None else None
    return backup_result_json(result) | {"previous": previous}


def recovery_result_json(result: RecoveryResult) -> dict:
    """`akhbar recover --json`: the rebuilt library, what it holds, what could not be read
    (`lost` articles; `repaired`: kept with U+FFFD for text that no longer decoded), and
    where the damaged library was kept (null with --out: it was left in place)."""
    return {
        "path": str(result.path),
        "articles": result.articles,
        "bookmarks": result.bookmarks,
        "lost": result.lost,
        "repaired": result.repaired,
        "damaged": str(result.damaged) if result.damaged is not None else None,
    }
