"""Import article files into a library: paths in, ImportReport out.

Runs on its own connection so it can work on a background thread or process. Files are
parsed, and their index rows normalised and stemmed, outside any transaction, then
written in batches bounded by count and by size (BATCH_CHARS), so that the write lock is
held only for the inserts and never long: other writers (a bookmark, a read mark) wait
well under a second even while articles of several megabytes come in. Each article is
written inside a savepoint so one failing insert never spoils its batch, and each batch
commits as a whole so a crash leaves only complete articles behind.

A full disk, a damaged or read-only library stop the import: the batch in hand is rolled
back and the report says what was saved and why it stopped (`ImportReport.stopped`).
The import holds the library's lock shared for its whole length (storage/locks.py), so a
restore cannot swap the file under it: every article it reports is in the library.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop_app.model import ImportOutcome, ImportReport, ParsedArticle
from desktop_app.parsing.article import check_size, parse_article
from desktop_app.parsing.errors import ParseError
from desktop_app.search.index import index_values
from desktop_app.storage.errors import DiskFull, LibraryDamaged, LibraryReadOnly, StorageError
from desktop_app.storage.library import Library
from desktop_app.storage.locks import library_lock

ProgressCallback = Callable[[int, int, ImportOutcome], None]
BATCH_SIZE = 100
# The warning of a file whose article was deleted to the trash: it stays there.
TRASHED_DUPLICATE = "the stored copy of this article is in the trash"
# At most this much text (characters: title, lede, caption, body) per write transaction;
# an article longer than this is written on its own. Storing and indexing a megabyte of
# Arabic text takes SQLite about 0.1 s, so the write lock is never held for long.
BATCH_CHARS = 1_000_000
# Failures of the library rather than of one file: the import stops there.
STOPPING_ERRORS = (DiskFull, LibraryDamaged, LibraryReadOnly)
# How long an import waits for a restore (or an upgrade) by another process to finish.
LOCK_WAIT_SECONDS = 600.0


def collect_files(paths: Iterable[str | Path]) -> tuple[list[str], list[ImportOutcome]]:
    """Files to import (folders recursively, *.txt only) and outcomes for bad paths.

    Plain strings, not Path objects: a list of 300,000 files is held for the whole
    import, and every byte per file counts there.
    """
    files: list[str] = []
    missing: list[ImportOutcome] = []
    seen: set[str] = set()
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found = sorted(
                os.path.join(folder, name)
                for folder, _dirs, names in os.walk(path)
                for name in names
                if name.lower().endswith(".txt")
            )
        elif os.path.isfile(path):
            found = [path]
        else:
            missing.append(ImportOutcome(path, "failed", reason="no such file or folder"))
            continue
        for file in found:
            key = os.path.realpath(file)
            if key not in seen and os.path.isfile(file):
                seen.add(key)
                files.append(file)
    return files, missing


def read_and_parse(path: str | Path) -> tuple[ParsedArticle | None, str | None]:
    """(ParsedArticle, None) or (None, reason)."""
    try:
        check_size(os.stat(path).st_size)  # before reading a huge file into memory
        with open(path, "rb") as file:
            data = file.read()
        return parse_article(str(path), data), None
    except OSError as error:
        return None, f"cannot read the file: {error.strerror or error}"
    except ParseError as error:
        return None, error.reason


def import_paths(
    library_path: str | Path,
    paths: Iterable[str | Path],
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    files, missing = collect_files(paths)
    report = ImportReport()
    total = len(files) + len(missing)
    done = 0
    for outcome in missing:
        report.add(outcome)
        done += 1
        if progress:
            progress(done, total, outcome)
    library = Library(library_path)
    try:
        with library_lock(library_path, exclusive=False, wait=LOCK_WAIT_SECONDS, doing="import"):
            if library.replaced():  # restored between opening and locking: the new file
                library.close()
                library = Library(library_path)
            for batch in _batches(files, batch_size):
                if should_cancel and should_cancel():
                    report.cancelled = True
                    break
                stored = 0
                try:
                    for outcomes in _import_batch(library, batch, should_cancel):
                        for outcome in outcomes:
                            report.add(outcome)
                            done += 1
                            if progress:
                                progress(done, total, outcome)
                        stored += len(outcomes)
                except STOPPING_ERRORS as error:
                    report.stopped = stopped_reason(error)
                    break
                if stored < len(batch):
                    report.cancelled = True
                    break
    finally:
        library.close()
    return report


def stopped_reason(error: StorageError) -> str:
    """Why an import stopped, in words the user can act on."""
    if isinstance(error, DiskFull):
        return "the disk is full"
    if isinstance(error, LibraryDamaged):
        return f"the library is damaged ({error})"
    return f"the library cannot be written ({error})"


Prepared = tuple[str, ParsedArticle | None, str | None, list[str] | None]


def _import_batch(
    library: Library, batch: list[str], should_cancel
) -> Iterator[list[ImportOutcome]]:
    """Write a batch, in one transaction per BATCH_CHARS of text; yields the outcomes of
    each transaction once it has committed."""
    # Read, parse and index first, so the write lock is held only for the inserts.
    pending: list[Prepared] = []
    chars = 0
    for path in batch:
        if should_cancel and should_cancel():
            break
        article, reason = read_and_parse(path)
        index_row = None
        # A duplicate needs no index row (re-importing a folder stays quick).
        if article is not None and library.find_duplicate(article.content_hash) is None:
            body = "\n".join(article.paragraphs)
            index_row = index_values(article.title, article.lede, article.caption or "", body)
            size = len(article.title) + len(article.lede) + len(article.caption or "")
            chars += size + len(body)
        pending.append((path, article, reason, index_row))
        if chars >= BATCH_CHARS:
            yield _write(library, pending)
            pending, chars = [], 0
    if pending:
        yield _write(library, pending)


def _write(library: Library, pending: list[Prepared]) -> list[ImportOutcome]:
    with library.transaction():
        return [_store(library, *prepared) for prepared in pending]


def _store(
    library: Library,
    path: str,
    article: ParsedArticle | None,
    reason: str | None,
    index_row: list[str] | None = None,
) -> ImportOutcome:
    name = os.fspath(path)
    if article is None:
        return ImportOutcome(name, "failed", reason=reason)
    try:
        article_id, is_new = library.add(article, index_row=index_row)
    except STOPPING_ERRORS:
        raise  # the library's failure, not this file's: the batch is rolled back
    except Exception as error:  # one file's database error must not end the batch
        return ImportOutcome(name, "failed", reason=f"could not store the article: {error}")
    status = "imported" if is_new else "duplicate"
    warnings = article.warnings
    if not is_new and library.in_trash(article_id):
        # Deleted on purpose: importing the folder again must not bring it back.
        warnings = (*warnings, f"{TRASHED_DUPLICATE} (article {article_id}); restore it from there")
    return ImportOutcome(name, status, article_id=article_id, warnings=warnings)


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
