"""Import article files into a library: paths in, ImportReport out.

Runs on its own connection so it can work on a background thread or process. Files are
parsed outside any transaction, then written in batches; each article is written inside
a savepoint so one failing insert never spoils its batch, and each batch commits as a
whole so a crash leaves only complete articles behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop_app.model import ImportOutcome, ImportReport, ParsedArticle
from desktop_app.parsing.article import check_size, parse_article
from desktop_app.parsing.errors import ParseError
from desktop_app.storage.library import Library

ProgressCallback = Callable[[int, int, ImportOutcome], None]
BATCH_SIZE = 100
# The warning of a file whose article was deleted to the trash: it stays there.
TRASHED_DUPLICATE = "the stored copy of this article is in the trash"


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
    with Library(library_path) as library:
        for batch in _batches(files, batch_size):
            if should_cancel and should_cancel():
                report.cancelled = True
                break
            outcomes = _import_batch(library, batch, should_cancel)
            for outcome in outcomes:
                report.add(outcome)
                done += 1
                if progress:
                    progress(done, total, outcome)
            if len(outcomes) < len(batch):
                report.cancelled = True
                break
    return report


def _import_batch(library: Library, batch: list[str], should_cancel) -> list[ImportOutcome]:
    # Read and parse first, so the write lock is held only for the inserts.
    parsed: list[tuple[str, ParsedArticle | None, str | None]] = []
    for path in batch:
        if should_cancel and should_cancel():
            break
        parsed.append((path, *read_and_parse(path)))
    with library.transaction():
        return [_store(library, path, article, reason) for path, article, reason in parsed]


def _store(
    library: Library, path: str, article: ParsedArticle | None, reason: str | None
) -> ImportOutcome:
    name = os.fspath(path)
    if article is None:
        return ImportOutcome(name, "failed", reason=reason)
    try:
        article_id, is_new = library.add(article)
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
