"""Is the library sound? SQLite's quick check, and when it was last run.

A flipped byte inside a page does not show in the file's header; SQLite notices it only
when that page is read, or when `PRAGMA quick_check` reads them all. The check reads the
whole file, so it runs now and then (CHECK_INTERVAL), in the background in the window and
before an import on the command line; its last success is kept in the library itself
(`library_facts`). Corruption met anywhere else arrives as LibraryDamaged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.storage.errors import LibraryDamaged, StorageError
from desktop_app.storage.library import Library

CHECK_INTERVAL = timedelta(days=7)
LAST_CHECK = "last_check"


def quick_check(library: Library) -> list[str]:
    """SQLite's verdict: [] when the library is sound, else its first complaints.

    `integrity_check`, not `quick_check`: it also proves every index entry matches its
    row, which a flipped byte in an index page breaks while quick_check still says ok.
    It reads the whole file, so it runs only now and then (CHECK_INTERVAL).
    """
    try:
        rows = [str(row) for row in library.db.column("PRAGMA integrity_check(5)")]
    except LibraryDamaged as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def last_checked(library: Library) -> datetime | None:
    try:
        value = library.fact(LAST_CHECK)
    except StorageError:  # an old library opened read-only has no such table yet
        return None
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def check_due(library: Library, now: datetime | None = None) -> bool:
    """Has the library gone unchecked for CHECK_INTERVAL (or ever)?"""
    last = last_checked(library)
    now = now or datetime.now(UTC)
    return last is None or now - last >= CHECK_INTERVAL or last > now


def record_check(library: Library, when: datetime | None = None) -> None:
    """Note a successful check (a write: not on a read-only library)."""
    library.set_fact(LAST_CHECK, (when or datetime.now(UTC)).isoformat(timespec="seconds"))


def checked(library: Library, now: datetime | None = None, force: bool = False) -> None:
    """Check the library if it is due (or `force`); LibraryDamaged when it is not sound.

    A sound result is recorded when the library can be written.
    """
    if not force and not check_due(library, now):
        return
    problems = quick_check(library)
    if problems:
        damaged = LibraryDamaged(f"the check found: {problems[0][:160]}")
        damaged.code = 11  # SQLITE_CORRUPT
        raise damaged
    if not library.read_only:
        record_check(library, now)
