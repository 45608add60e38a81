"""Backing a library up to one file, and restoring it from one, without losing either.

A backup is a consistent snapshot taken with SQLite's online backup API, so it can be
made while the window or an import is using the library. A restore first proves the
backup sound (integrity_check, a schema this Akhbar can read, the library tables), then
keeps the current library aside (`library.db.before-restore-<timestamp>`) rather than
overwriting it, and only then moves the restored copy into place.

A restore holds the library's lock exclusively (storage/locks.py): it waits a few
seconds for a write in hand to finish and refuses while an import or an upgrade runs, so
that no process reports articles that the restore sweeps aside. The file changes hands
through storage/swap.py, so a kill at any step is finished or undone at the next open.
Other processes that have the library open notice the new file (Library.replaced) and
reopen it; the window does so by itself. The caller's own connections should be closed.

The copying and the checks' SQL live in storage (storage/copies.py); this module decides
what they mean and what the user is told. A restore reports `Changes.everything()`.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app.model import Changes
from desktop_app.storage import schema
from desktop_app.storage.copies import check_copy, copy_file
from desktop_app.storage.errors import StorageError
from desktop_app.storage.library import Library, LibraryError
from desktop_app.storage.locks import library_lock
from desktop_app.storage.safety import Clock, is_writable
from desktop_app.storage.swap import finish_interrupted_swap, swap_in, timestamp

log = logging.getLogger(__name__)

# How long a restore waits for other processes' writes before it gives up.
RESTORE_WAIT_SECONDS = 5.0


class BackupError(LibraryError):
    """A backup that cannot be written or a file that cannot be restored; one line."""


@dataclass(frozen=True)
class BackupResult:
    path: Path  # the backup written, or the library restored into
    articles: int
    previous: Path | None = None  # restore: where the replaced library was kept
    # What the library went through: nothing for a backup, everything for a restore.
    changes: Changes = field(default_factory=Changes.none, compare=False)


def backup_library(
    library: Library,
    destination: str | Path,
    overwrite: bool = False,
    clock: Clock = datetime.now,
) -> BackupResult:
    """Copy an open library to `destination` (a file, or a folder to put a dated file in).

    In a folder the name is `akhbar-backup-YYYYMMDD-HHMMSS.db`, with `-1`, `-2` … when
    several are made in one second: two backups never share a name or replace each other.
    """
    destination = Path(destination)
    in_folder = destination.is_dir()
    folder = destination if in_folder else destination.parent
    if not in_folder:
        if _same_file(destination, library.path):
            raise BackupError(f"cannot back the library up onto itself: {destination}")
        if destination.exists() and not overwrite:
            raise BackupError(f"{destination} already exists; choose another name")
    if not folder.is_dir():
        raise BackupError(f"no such folder: {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        target = destination if not in_folder else folder
        raise BackupError(
            f"cannot write the backup {target}: permission denied (the folder {folder} is "
            "not writable)"
        )
    names = _dated_names(folder, "akhbar-backup", timestamp(clock)) if in_folder else None
    while True:
        if names is not None:
            destination = next(names)
        try:
            library.snapshot(destination, overwrite=overwrite and names is None)
            break
        except FileExistsError:
            if names is None:
                raise BackupError(f"{destination} already exists; choose another name") from None
        except (StorageError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise BackupError(f"cannot write the backup {destination}: {reason}") from error
    return BackupResult(destination, check_backup(destination))


def _dated_names(folder: Path, prefix: str, stamp: str) -> Iterator[Path]:
    yield folder / f"{prefix}-{stamp}.db"
    for counter in itertools.count(1):
        yield folder / f"{prefix}-{stamp}-{counter}.db"


# -- automatic backups --------------------------------------------------------------------

BACKUPS_FOLDER = "backups"
KEEP_DAILY = 7  # the last week of days on which Akhbar was used


def backups_dir(library_path: Path) -> Path:
    """`backups/` beside the library: where the automatic backups go."""
    return Path(library_path).parent / BACKUPS_FOLDER


def _daily_pattern(library_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(library_path).stem) + r"-\d{8}\.db")


def daily_backups(library_path: Path) -> list[Path]:
    """The automatic backups of this library, oldest first."""
    folder = backups_dir(library_path)
    pattern = _daily_pattern(library_path)
    try:
        found = [p for p in folder.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def latest_backup(library_path: Path) -> Path | None:
    found = daily_backups(library_path)
    return found[-1] if found else None


def daily_backup(
    library: Library, clock: Clock = datetime.now, keep: int = KEEP_DAILY
) -> Path | None:
    """Back the library up once a day (at its first use of the day), keeping `keep` days.

    `backups/library-YYYYMMDD.db` beside the library. Nothing is done for an empty
    library, when today's backup exists (or another process is making it), or when the
    disk has not twice the library's size free (a warning in the log: a backup must never
    be what fills the disk). Returns the backup made, or None.
    """
    folder = backups_dir(library.path)
    target = folder / f"{library.path.stem}-{clock().strftime('%Y%m%d')}.db"
    if target.exists() or library.is_empty():
        return None
    size = sum(
        Path(f"{library.path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{library.path}{suffix}").exists()
    )
    try:
        folder.mkdir(exist_ok=True)
        free = shutil.disk_usage(folder).free
    except OSError as error:
        log.warning("no automatic backup of %s: %s", library.path, error)
        return None
    if free < 2 * size:
        log.warning("no automatic backup of %s: only %d bytes free", library.path, free)
        return None
    try:
        library.snapshot(target, overwrite=False)
    except FileExistsError:
        return None  # another process made today's at the same moment
    except (StorageError, OSError) as error:
        log.warning("automatic backup of %s failed: %s", library.path, error)
        return None
    for old in daily_backups(library.path)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    log.info("automatic backup of %s: %s", library.path, target)
    return target


def check_backup(path: str | Path) -> int:
    """The number of articles in a sound backup; BackupError saying what is wrong if not."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder, not a backup file")
    if not path.is_file():
        raise BackupError(f"no such backup file: {path}")
    try:
        found = check_copy(path)
    except StorageError as error:
        raise BackupError(f"{path} is not an Akhbar backup: {error}") from error
    if found.problems:
        raise BackupError(f"{path} is damaged: {found.problems[0][:120]}")
    if not found.is_library or found.articles is None:
        raise BackupError(f"{path} is not an Akhbar library (no articles table)")
    if found.schema_version > schema.SCHEMA_VERSION:
        raise BackupError(
            f"{path} was written by a newer Akhbar (schema {found.schema_version}; this "
            f"version reads up to {schema.SCHEMA_VERSION})"
        )
    return found.articles


def restore_library(
    library_path: str | Path,
    backup: str | Path,
    clock: Clock = datetime.now,
    wait: float = RESTORE_WAIT_SECONDS,
) -> BackupResult:
    """Replace the library with a checked copy of `backup`; the old one is kept aside.

    Raises BackupError for a backup that cannot be restored, LibraryBusy when another
    process imports or upgrades the library (nothing is changed then).
    """
    library_path, backup = Path(library_path), Path(backup)
    if _same_file(backup, library_path):
        raise BackupError(f"{backup} is the library itself")
    articles = check_backup(backup)
    if not is_writable(library_path):
        raise BackupError(f"cannot restore: the library {library_path} is read-only")
    library_path.parent.mkdir(parents=True, exist_ok=True)
    with library_lock(library_path, exclusive=True, wait=wait, doing="restore"):
        finish_interrupted_swap(library_path)  # an earlier restore killed half way
        previous = swap_in(
            library_path, lambda incoming: copy_file(backup, incoming), str(backup), clock=clock
        )
        # An older backup is migrated here; the backup file itself stays as it was.
        with Library(library_path) as restored:
            articles = restored.count()
    return BackupResult(library_path, articles, previous, changes=Changes.everything())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
