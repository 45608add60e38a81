"""Exporting a set of articles to a file: JSON Lines, CSV, Markdown, HTML and the
citation formats CSL-JSON, BibTeX and RIS, all UTF-8.

A set is a query, a tag, a saved search or a list of ids (`ExportSet`); its articles
are read and written one at a time, so a set of any size streams. The JSON Lines and
CSV rows are services/exports.py's shapes; Markdown and HTML carry the highlights and
notes (HTML: every text escaped, `lang="ar" dir="rtl"`, nothing loaded from elsewhere);
the citations describe each article as a newspaper article: its headline, the paper
(source), the date, Arabic, and where the file came from.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop_app.model import Article, ArticleFilter, Note
from desktop_app.services.exports import article_json, iso
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.library import Library
from desktop_app.text.anchors import article_fields, highlight_spans

# Format name → file extension.
FORMATS: dict[str, str] = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "md": ".md",
    "html": ".html",
    "csljson": ".json",
    "bibtex": ".bib",
    "ris": ".ris",
}
CSV_FIELDS = (
    "id", "published", "title", "source", "dateline", "lede", "caption", "text",
    "tags", "starred", "read", "notes", "path",
)  # fmt: skip


@dataclass(frozen=True)
class ExportItem:
    article: Article
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class ExportSet:
    """Which articles to export, in order, and the name the file is called after."""

    name: str
    ids: tuple[int, ...]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    articles: int


# -- the sets -----------------------------------------------------------------------------


def query_set(library: Library, query: str) -> ExportSet:
    """Every article matching a query, newest first."""
    return ExportSet(query, tuple(library.ids(ArticleFilter(query=query))))


def tag_set(library: Library, tag: str) -> ExportSet:
    """Every article with the tag, newest first; LibraryError for an unknown tag."""
    if not library.tag_exists(tag):
        raise LibraryError(f"no tag named {tag!r}")
    return ExportSet(tag, tuple(library.ids(ArticleFilter(tag=tag))))


def saved_set(library: Library, name: str) -> ExportSet:
    """Every match of a saved search, newest first; LibraryError for an unknown name."""
    saved = library.saved_search(name)
    if saved is None:
        raise LibraryError(f"no saved search named {name!r}")
    return ExportSet(saved.name, tuple(library.ids(saved.filter)))


def ids_set(library: Library, ids: Sequence[int]) -> ExportSet:
    """The articles given, in that order; LibraryError naming an unknown or trashed id.

    Named after the headline when it is one article.
    """
    ids = list(dict.fromkeys(ids))
    for article_id in ids:
        if not library.exists(article_id):
            trashed = library.in_trash(article_id)
            raise LibraryError(
                f"article {article_id} is in the trash"
                if trashed
                else f"no article with id {article_id}"
            )
    if len(ids) == 1:
        article = library.get(ids[0])
        assert article is not None
        return ExportSet(article.title, (ids[0],))
    return ExportSet("articles " + ",".join(map(str, ids[:5])), tuple(ids))


def items(library: Library, ids: Iterable[int]) -> Iterator[ExportItem]:
    """The articles with their notes, read as they are written."""
    for article_id in ids:
        article = library.get(article_id)
        if article is not None:
            yield ExportItem(article, tuple(library.notes(article_id)))


# -- files --------------------------------------------------------------------------------


def export_file_name(name: str, fmt: str) -> str:
    """A file name after a headline or a set: Arabic kept, what file systems refuse
    (/ \\ : * ? " < > | and control characters) dropped, at most 80 characters."""
    cleaned = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', " ", name)
    cleaned = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", cleaned)  # bidi marks
    cleaned = " ".join(cleaned.split()).strip(" .")[:80].strip(" .")
    return (cleaned or "akhbar") + FORMATS[fmt]


def export(library: Library, chosen: ExportSet, fmt: str, out: Path) -> ExportResult:
    """Write the set to `out` (a folder: a file named after the set inside it)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    path = out / export_file_name(chosen.name, fmt) if out.is_dir() else out
    count = write(path, fmt, items(library, chosen.ids), chosen.name)
    return ExportResult(path, count)


def write(path: Path, fmt: str, articles: Iterable[ExportItem], title: str = "") -> int:
    """Write the articles to `path` in `fmt`; returns how many were written."""
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"  # the BOM: spreadsheets read Arabic
    with path.open("w", encoding=encoding, newline="") as out:
        return WRITERS[fmt](out, articles, title)


def _counted(write_one: Callable[[TextIO, ExportItem], None]):
    def writer(out: TextIO, articles: Iterable[ExportItem], _title: str) -> int:
        count = 0
        for item in articles:
            write_one(out, item)
            count += 1
        return count

    return writer


# -- JSON Lines and CSV (the shapes of services/exports.py) ------------------------------


def _jsonl(out: TextIO, item: ExportItem) -> None:
    out.write(json.dumps(article_json(item.article, item.notes), ensure_ascii=False) + "\n")


def csv_row(item: ExportItem) -> dict:
    a = item.article
    return {
        "id": a.id,
        "published": iso(a.published) or "",
        "title": a.title,
        "source": a.source,
        "dateline": a.dateline or "",
        "lede": a.lede,
        "caption": a.caption or "",
        "text": "\n\n".join(a.paragraphs),
        "tags": "; ".join(a.tags),
        "starred": "yes" if a.starred else "no",
        "read": "yes" if a.read else "no",
        "notes": "\n".join(_note_line(n) for n in item.notes),
        "path": a.path,
    }


def _csv(out: TextIO, articles: Iterable[ExportItem], _title: str) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for item in articles:
        writer.writerow(csv_row(item))
        count += 1
    return count


def _note_line(note: Note) -> str:
    return f"«{note.quote}»" + (f" — {note.text}" if note.text else "")


# -- Markdown and HTML, with highlights and notes -----------------------------------------


def _marked(item: ExportItem, field: str, text: str, mark: Callable[[str, bool], str]) -> str:
    """The text of one field, each run passed to `mark(run, highlighted)`."""
    spans = [(n.start, n.end, n.id) for n in item.notes if n.field == field and n.anchored]
    return "".join(mark(run, bool(ids)) for run, ids in highlight_spans(text, spans))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Text that Markdown shows as it is: its special characters backslash-escaped."""
    return _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2], _MD_SPECIAL.sub(r"\\\1", text))


def _md_mark(run: str, highlighted: bool) -> str:
    return f"<mark>{md_escape(run)}</mark>" if highlighted else md_escape(run)


def _md(out: TextIO, articles: Iterable[ExportItem], title: str) -> int:
    if title:
        out.write(f"# {md_escape(title)}\n\n")
    count = 0
    for item in articles:
        a = item.article
        fields = article_fields(a.title, a.lede, a.caption, a.paragraphs)
        out.write(f"## {_marked(item, 'title', a.title, _md_mark)}\n\n")
        meta = " · ".join(x for x in (a.source, iso(a.published), a.dateline) if x)
        out.write(f"*{md_escape(meta)}*\n\n")
        if a.tags:
            out.write("الوسوم: " + "، ".join(md_escape(t) for t in a.tags) + "\n\n")
        for field, text in fields.items():
            if field == "title" or not text:
                continue
            body = _marked(item, field, text, _md_mark)
            out.write(f"> {body}\n\n" if field in ("lede", "caption") else f"{body}\n\n")
        if item.notes:
            out.write("### ملاحظات\n\n")
            for note in item.notes:
                line = f"- «{md_escape(note.quote)}»"
                out.write(line + (f" — {md_escape(note.text)}" if note.text else "") + "\n")
            out.write("\n")
        out.write(f"الملف: `{a.path.replace('`', '')}`\n\n---\n\n")
        count += 1
    return count


_HTML_STYLE = """body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.8}
mark{background:#fff3a0}article{border-bottom:1px solid #ccc;padding-bottom:1em}
.meta{color:#555}.notes{background:#f6f6f6;padding:.5em 1em}"""


def _html_mark(run: str, highlighted: bool) -> str:
    escaped = html.escape(run)
    return f"<mark>{escaped}</mark>" if highlighted else escaped


def _html(out: TextIO, articles: Iterable[ExportItem], title: str) -> int:
    e = html.escape
    out.write(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title or 'أخبار')}</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n"
    )
    if title:
        out.write(f"<h1>{e(title)}</h1>\n")
    count = 0
    for item in articles:
        a = item.article
        fields = article_fields(a.title, a.lede, a.caption, a.paragraphs)
        out.write(f'<article id="article-{a.id}">\n')
        out.write(f"<h2>{_marked(item, 'title', a.title, _html_mark)}</h2>\n")
        meta = " · ".join(x for x in (a.source, iso(a.published), a.dateline) if x)
        out.write(f'<p class="meta">{e(meta)}</p>\n')
        if a.tags:
            out.write('<p class="tags">' + "، ".join(e(t) for t in a.tags) + "</p>\n")
        for field, text in fields.items():
            if field == "title" or not text:
                continue
            tag = {"lede": "strong", "caption": "em"}.get(field)
            body = _marked(item, field, text, _html_mark)
            out.write(f"<p><{tag}>{body}</{tag}></p>\n" if tag else f"<p>{body}</p>\n")
        if item.notes:
            out.write('<section class="notes">\n<h3>ملاحظات</h3>\n<ul>\n')
            for note in item.notes:
                text = f" — {e(note.text)}" if note.text else ""
                out.write(f"<li><q>{e(note.quote)}</q>{text}</li>\n")
            out.write("</ul>\n</section>\n")
        out.write(f'<p class="meta" dir="ltr">{e(a.path)}</p>\n</article>\n')
        count += 1
    out.write("</body>\n</html>\n")
    return count


# -- citations ----------------------------------------------------------------------------


def csl_item(item: ExportItem) -> dict:
    """One CSL-JSON item: a newspaper article (`container-title` is the paper)."""
    a = item.article
    data: dict = {
        "id": f"akhbar-{a.id}",
        "type": "article-newspaper",
        "title": a.title,
        "container-title": a.source,
        "language": "ar",
        "abstract": a.lede,
        "archive": "Akhbar",
        "archive_location": a.path,
    }
    if a.published:
        data["issued"] = {"date-parts": [[a.published.year, a.published.month, a.published.day]]}
    if a.tags:
        data["keyword"] = ", ".join(a.tags)
    if item.notes:
        data["note"] = "\n".join(_note_line(n) for n in item.notes)
    return data


def _csljson(out: TextIO, articles: Iterable[ExportItem], _title: str) -> int:
    out.write("[")
    count = 0
    for item in articles:
        out.write(("," if count else "") + "\n  ")
        out.write(json.dumps(csl_item(item), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_escape(text: str) -> str:
    """Text for a braced BibTeX value: LaTeX's special characters escaped (so braces
    always balance), one line."""
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in " ".join(text.split()))


def bibtex_entry(item: ExportItem) -> str:
    a = item.article
    fields = [("title", a.title), ("journal", a.source)]
    if a.published:
        fields += [("year", str(a.published.year)), ("date", a.published.isoformat())]
    fields += [("language", "arabic"), ("abstract", a.lede), ("note", a.path)]
    if a.tags:
        fields.append(("keywords", ", ".join(a.tags)))
    if item.notes:
        fields.append(("annote", " | ".join(_note_line(n) for n in item.notes)))
    body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields)
    month = f",\n  month = {_MONTHS[a.published.month - 1]}" if a.published else ""
    return f"@article{{akhbar{a.id},\n{body}{month}\n}}\n\n"


def _bibtex(out: TextIO, item: ExportItem) -> None:
    out.write(bibtex_entry(item))


def ris_record(item: ExportItem) -> str:
    """One RIS record (TY NEWS … ER), every value on one line."""
    a = item.article
    lines = [("TY", "NEWS"), ("ID", f"akhbar-{a.id}"), ("TI", a.title), ("T2", a.source)]
    if a.published:
        lines += [("PY", str(a.published.year)), ("DA", a.published.strftime("%Y/%m/%d/"))]
    lines += [("LA", "ar"), ("AB", a.lede), ("L1", a.path)]
    lines += [("KW", tag) for tag in a.tags]
    lines += [("N1", _note_line(n)) for n in item.notes]
    text = "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines)
    return text + "ER  - \n\n"


def _ris(out: TextIO, item: ExportItem) -> None:
    out.write(ris_record(item))


WRITERS: dict[str, Callable[[TextIO, Iterable[ExportItem], str], int]] = {
    "jsonl": _counted(_jsonl),
    "csv": _csv,
    "md": _md,
    "html": _html,
    "csljson": _csljson,
    "bibtex": _counted(_bibtex),
    "ris": _counted(_ris),
}
