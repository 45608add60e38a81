"""Rebuilding a library from a damaged one: everything that can still be read, row by row.

What SQLite's `.recover` does for any database, done for an Akhbar library: the damaged
file is opened so that nothing is written to it (immutable), every article id any table
still names is tried one at a time (a damaged page spoils the rows on it, not a point
lookup elsewhere), and each article that reads whole goes into a new, sound library with
its related headlines, its original file name and its search-index row made afresh.
Bookmarks follow their articles. Text whose bytes no longer decode keeps its readable
part (U+FFFD for what was lost) rather than being dropped.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop_app.search.index import index_values
from desktop_app.storage.library import Library
from desktop_app.storage.schema import FTS_INSERT
from desktop_app.text.normalize import title_key

ARTICLE_COLUMNS = (
    "published", "sort_date", "title", "lede", "source", "caption", "dateline", "body",
    "path", "encoding", "content_hash", "title_key", "imported", "read",
)  # fmt: skip
NOT_NULL_TEXT = {"sort_date", "title", "lede", "source", "body", "path", "content_hash",
                 "title_key", "imported"}  # fmt: skip
# Ids are tried up to this far past the highest one any table still names.
PROBE_BEYOND = 2000
BATCH = 500


@dataclass(frozen=True)
class Salvage:
    articles: int  # articles rebuilt whole
    repaired: int  # of those, articles with text that no longer decoded (kept with U+FFFD)
    lost: int  # articles some table names but that could not be read
    bookmarks: int


def salvage(damaged: Path, out: Path) -> Salvage:
    """Read what can be read of the library at `damaged` into a new library at `out`.

    `out` must not exist. The damaged file is never written to.
    """
    if out.exists():
        raise FileExistsError(f"{out} already exists")
    source = _open_damaged(damaged)
    try:
        with Library(out) as rebuilt:
            known = _known_ids(source)
            found = repaired = 0
            kept: set[int] = set()
            batch: list[tuple[int, dict, list[tuple[int, str]], bytes | None]] = []
            for article_id in _candidates(source, known):
                row = _article(source, article_id)
                if row is None:
                    continue
                fields, was_repaired = row
                batch.append(
                    (article_id, fields, _related(source, article_id), _raw(source, article_id))
                )
                repaired += was_repaired
                if len(batch) >= BATCH:
                    found += _store(rebuilt, batch, kept)
                    batch = []
            found += _store(rebuilt, batch, kept)
            bookmarks = _copy_bookmarks(source, rebuilt, kept)
    finally:
        source.close()
    return Salvage(found, repaired, len(known - kept), bookmarks)


def _open_damaged(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(path.as_posix(), safe='/:')}"
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    conn = sqlite3.connect(f"{uri}?{mode}", uri=True)
    conn.text_factory = bytes  # decode ourselves: a damaged byte must not lose the row
    return conn


def _column(conn: sqlite3.Connection, sql: str) -> Iterator[int]:
    """The values of a one-column query, as far as they can be read."""
    with contextlib.suppress(sqlite3.Error):
        for (value,) in conn.execute(sql):
            if isinstance(value, int):
                yield value


def _known_ids(conn: sqlite3.Connection) -> set[int]:
    """Every article id any table (or index) still names."""
    known: set[int] = set()
    for sql in (
        "SELECT id FROM articles",
        "SELECT id FROM articles INDEXED BY articles_newest",
        "SELECT id FROM articles ORDER BY id DESC",
        "SELECT article_id FROM related",
        "SELECT article_id FROM bookmarks",
        "SELECT article_id FROM article_files",
        "SELECT id FROM articles_fts_docsize",
        "SELECT max(id) FROM articles",
    ):
        known.update(_column(conn, sql))
    return known


def _candidates(conn: sqlite3.Connection, known: set[int]) -> Iterable[int]:
    """1 … past the highest known id: ids no table names any more may still be there."""
    return range(1, max(known, default=0) + PROBE_BEYOND + 1)


def _text(value: object) -> tuple[str | None, bool]:
    if value is None or isinstance(value, int | float):
        return (None if value is None else str(value)), False
    if isinstance(value, str):
        return value, False
    if not isinstance(value, bytes | bytearray | memoryview):
        return str(value), False
    raw = bytes(value)
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace"), True


def _article(conn: sqlite3.Connection, article_id: int) -> tuple[dict, bool] | None:
    try:
        row = conn.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    fields: dict = {}
    repaired = False
    for name, value in zip(ARTICLE_COLUMNS, row, strict=True):
        if name == "read":
            fields[name] = 1 if value in (1, b"1") else 0
            continue
        text, bad = _text(value)
        repaired |= bad
        fields[name] = text if text is not None or name not in NOT_NULL_TEXT else ""
    if not fields["title"] or not fields["content_hash"]:
        return None
    fields["sort_date"] = fields["published"] or ""
    fields["title_key"] = title_key(fields["title"])
    return fields, repaired


def _related(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, str]]:
    try:
        rows = conn.execute(
            "SELECT position, text FROM related WHERE article_id = ? ORDER BY position",
            [article_id],
        ).fetchall()
    except sqlite3.Error:
        return []
    found = []
    for position, value in rows:
        text, _bad = _text(value)
        if isinstance(position, int) and text:
            found.append((position, text))
    return found


def _raw(conn: sqlite3.Connection, article_id: int) -> bytes | None:
    try:
        row = conn.execute(
            "SELECT raw_path FROM article_files WHERE article_id = ?", [article_id]
        ).fetchone()
    except sqlite3.Error:
        return None
    return bytes(row[0]) if row and row[0] is not None else None


def _store(
    library: Library,
    batch: list[tuple[int, dict, list[tuple[int, str]], bytes | None]],
    kept: set[int],
) -> int:
    stored = 0
    with library.transaction():
        for article_id, fields, related, raw in batch:
            duplicate = library.db.scalar(
                "SELECT 1 FROM articles WHERE content_hash = ?", [fields["content_hash"]]
            )
            if duplicate:
                continue
            names = ", ".join(("id", *ARTICLE_COLUMNS))
            marks = ", ".join("?" * (len(ARTICLE_COLUMNS) + 1))
            library.db.execute(
                f"INSERT INTO articles ({names}) VALUES ({marks})",
                [article_id, *(fields[name] for name in ARTICLE_COLUMNS)],
            )
            library.db.executemany(
                "INSERT INTO related (article_id, position, text, key) VALUES (?, ?, ?, ?)",
                [(article_id, position, text, title_key(text)) for position, text in related],
            )
            if raw is not None:
                library.db.execute(
                    "INSERT INTO article_files (article_id, raw_path) VALUES (?, ?)",
                    [article_id, raw],
                )
            row = index_values(
                fields["title"], fields["lede"], fields["caption"] or "", fields["body"]
            )
            library.db.execute(FTS_INSERT, [article_id, *row])
            kept.add(article_id)
            stored += 1
    return stored


def _copy_bookmarks(conn: sqlite3.Connection, library: Library, kept: set[int]) -> int:
    ids = set(_column(conn, "SELECT id FROM bookmarks"))
    ids.update(range(1, max(ids, default=0) + PROBE_BEYOND + 1))
    copied = 0
    with library.transaction():
        for bookmark_id in sorted(ids):
            try:
                row = conn.execute(
                    "SELECT article_id, position, created FROM bookmarks WHERE id = ?",
                    [bookmark_id],
                ).fetchone()
            except sqlite3.Error:
                continue
            if row is None or row[0] not in kept:
                continue
            article_id, position, created = row
            headline = library.db.scalar(
                "SELECT text FROM related WHERE article_id = ? AND position = ?",
                [article_id, position],
            )
            if headline is None:
                continue
            created_text, _bad = _text(created)
            library.db.execute(
                """INSERT INTO bookmarks (id, article_id, position, headline, key, created)
                   VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                [bookmark_id, article_id, position, headline, title_key(headline),
                 created_text or ""],
            )  # fmt: skip
            copied += 1
    return copied
