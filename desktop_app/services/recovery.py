"""What to do with a damaged library: rebuild it from what can still be read, and the one
line that tells the user what happened and what they can do.

`recover_library(path)` reads every article, related headline and bookmark that still
reads (storage/recovery.py) into a new library and puts it in the damaged one's place;
the damaged file is kept beside it, untouched (`library.db.damaged-<stamp>`). With `out`
the new library is written there and the damaged one is left where it is. The swap goes
through storage/swap.py under the library's exclusive lock, like a restore.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app.model import Changes
from desktop_app.services.backup import latest_backup
from desktop_app.storage.identity import Kind, identify
from desktop_app.storage.library import LibraryError
from desktop_app.storage.locks import library_lock
from desktop_app.storage.recovery import salvage
from desktop_app.storage.swap import Clock, finish_interrupted_swap, swap_in

RECOVERY_WAIT_SECONDS = 5.0


class RecoveryError(LibraryError):
    """The library cannot be rebuilt (not a library, not there, no room …); one line."""


@dataclass(frozen=True)
class RecoveryResult:
    path: Path  # the rebuilt library
    articles: int
    bookmarks: int
    lost: int  # articles the damaged library named but that could not be read
    repaired: int  # articles kept with text that no longer decoded (U+FFFD in its place)
    damaged: Path | None  # where the damaged library was kept, when it was replaced
    changes: Changes = field(default_factory=Changes.everything, compare=False)


def damage_advice(library_path: Path) -> str:
    """What the user can do about a damaged library, in one sentence."""
    newest = latest_backup(library_path)
    restore = (
        f"'akhbar restore {newest}' (the newest automatic backup)"
        if newest
        else ("'akhbar restore BACKUP'")
    )
    return (
        "nothing more is written to it; 'akhbar recover' rebuilds it from everything "
        f"that can still be read, or {restore} puts a backup in its place"
    )


def recover_library(
    library_path: str | Path,
    out: str | Path | None = None,
    clock: Clock = datetime.now,
    wait: float = RECOVERY_WAIT_SECONDS,
) -> RecoveryResult:
    library_path = Path(library_path)
    found = identify(library_path)
    if found.kind is Kind.MISSING:
        raise RecoveryError(f"there is no library at {library_path}")
    if found.kind not in (Kind.OURS, Kind.LEGACY):
        what = found.reason or found.kind.value
        raise RecoveryError(f"{library_path} is not an Akhbar library that can be read ({what})")
    if out is not None:
        target = Path(out)
        if target.exists():
            raise RecoveryError(f"{target} already exists; choose another name")
        result = salvage(library_path, target)
        return _result(target, result, None)
    with library_lock(library_path, exclusive=True, wait=wait, doing="recover the library"):
        finish_interrupted_swap(library_path)
        stamp = clock().strftime("%Y%m%d-%H%M%S")
        rebuilt = library_path.with_name(f"{library_path.name}.recovering-{stamp}-{os.getpid()}")
        try:
            result = salvage(library_path, rebuilt)
            damaged = swap_in(
                library_path,
                lambda incoming: os.replace(rebuilt, incoming),
                "a recovery",
                label="damaged",
                clock=clock,
            )
        finally:
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(f"{rebuilt}{suffix}").unlink(missing_ok=True)
    return _result(library_path, result, damaged)


def _result(path: Path, found, damaged: Path | None) -> RecoveryResult:
    return RecoveryResult(
        path, found.articles, found.bookmarks, found.lost, found.repaired, damaged
    )
