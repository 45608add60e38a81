"""Putting another file in the library's place (a restore, a recovery) so that a kill at
any moment is finished or undone at the next open, and never leaves no library at all.

A swap writes a small journal beside the library (`library.db.restoring-journal`) before
it starts and removes it when done:

1. the new library is written as `library.db.restoring` (under a `.partial-…` name until
   whole, then renamed: `.restoring` is always a complete file);
2. the current library is renamed aside (`library.db.before-restore-<stamp>`, with its
   -wal/-shm), the journal saying where to;
3. `.restoring` is renamed to `library.db`.

`finish_interrupted_swap` reads what a killed swap left: with no library but a whole
`.restoring`, it finishes step 3; with no library and nothing to put in, it moves the old
one back; with the library still in place, it removes the unfinished copy. It says what it
did in one line, for the user. Both run under the library's exclusive lock
(storage/locks.py), so no other Akhbar uses the file while it changes hands.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop_app.storage.locks import library_lock

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SIDECARS = ("-wal", "-shm", "-journal")
# How long finishing an interrupted swap waits for other users of the library.
FINISH_WAIT_SECONDS = 30.0


def timestamp(clock: Clock = datetime.now) -> str:
    """The stamp in the names of set-aside libraries and backups: YYYYMMDD-HHMMSS."""
    return clock().strftime("%Y%m%d-%H%M%S")


def aside_name(path: Path, label: str, clock: Clock = datetime.now) -> Path:
    """A free name `<name>.<label>-<timestamp>[-N]` beside `path` (sidecars free too)."""
    stamp = timestamp(clock)
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists() or any(sidecar(target, s).exists() for s in SIDECARS):
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
        counter += 1
    return target


def move_with_sidecars(source: Path, target: Path) -> None:
    os.rename(source, target)
    for suffix in SIDECARS:
        if sidecar(source, suffix).exists():
            os.rename(sidecar(source, suffix), sidecar(target, suffix))


def set_aside(path: Path, label: str, clock: Clock = datetime.now) -> Path:
    """Rename `path` (and its -wal/-shm/-journal) to `<name>.<label>-<timestamp>`; unique."""
    target = aside_name(path, label, clock)
    move_with_sidecars(path, target)
    return target


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def incoming_path(library: Path) -> Path:
    return sidecar(library, ".restoring")


def journal_path(library: Path) -> Path:
    return sidecar(library, ".restoring-journal")


def swap_in(
    library: Path,
    fill: Callable[[Path], None],
    source: str,
    label: str = "before-restore",
    clock: Clock = datetime.now,
) -> Path | None:
    """Replace `library` with the file `fill(path)` writes; returns where the old one went.

    The caller holds the library's lock exclusively. `source` names where the new library
    comes from, for the notice an interrupted swap leaves.
    """
    incoming, journal = incoming_path(library), journal_path(library)
    _write_journal(journal, source, None, replacing=False)
    fill(incoming)
    previous = aside_name(library, label, clock) if library.exists() else None
    _write_journal(journal, source, previous, replacing=True)
    if previous is not None:
        move_with_sidecars(library, previous)
    os.replace(incoming, library)
    journal.unlink(missing_ok=True)
    return previous


def interrupted_swap(library: Path) -> bool:
    """Did a swap stop before it finished? (Cheap: a few stat calls, no lock.)"""
    return (
        journal_path(library).exists()
        or incoming_path(library).exists()
        or bool(_partials(library))
    )


def _partials(library: Path) -> list[str]:
    """Half-written copies and journals of killed swaps."""
    return [
        name
        for path in (incoming_path(library), journal_path(library))
        for name in glob.glob(glob.escape(str(path)) + ".partial-*")
    ]


def finish_interrupted_swap(library: Path, wait: float = FINISH_WAIT_SECONDS) -> str | None:
    """Finish or undo a swap that was killed; one line saying what was done, or None."""
    if not interrupted_swap(library):
        return None
    with library_lock(library, exclusive=True, wait=wait, doing="finish an interrupted restore"):
        return _finish(library)


def _finish(library: Path) -> str | None:
    incoming, journal = incoming_path(library), journal_path(library)
    for partial in _partials(library):
        Path(partial).unlink(missing_ok=True)
    if not journal.exists() and not incoming.exists():
        return None  # only a half-written copy: the swap never began to move files
    source, previous, replacing = _read_journal(journal)
    kept = f" (the library it replaced is kept as {previous.name})" if previous else ""
    if not library.exists() and incoming.exists():
        os.replace(incoming, library)
        notice = (
            f"a restore from {source} was interrupted at its last step; it has now been "
            f"completed{kept}"
        )
    elif not library.exists() and previous is not None and previous.exists():
        move_with_sidecars(previous, library)
        notice = f"a restore from {source} was interrupted; the library was put back as it was"
    elif incoming.exists():
        incoming.unlink()
        notice = (
            f"a restore from {source} was interrupted before it replaced the library; "
            "the library is as it was"
        )
    elif library.exists() and replacing:
        notice = f"a restore from {source} had finished{kept}"
    elif library.exists():
        notice = (
            f"a restore from {source} was interrupted before it replaced the library; "
            "the library is as it was"
        )
    else:
        notice = f"a restore from {source} was interrupted before it copied anything"
    journal.unlink(missing_ok=True)
    log.warning("%s: %s", library, notice)
    return notice


def _write_journal(journal: Path, source: str, previous: Path | None, replacing: bool) -> None:
    """`replacing`: the new file is whole and about to take the library's place."""
    partial = sidecar(journal, f".partial-{os.getpid()}")
    data = {
        "source": source,
        "previous": str(previous) if previous else None,
        "replacing": replacing,
    }
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, journal)


def _read_journal(journal: Path) -> tuple[str, Path | None, bool]:
    data: dict = {}
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(journal.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        data = {}
    previous = data.get("previous")
    source = str(data.get("source") or "a backup")
    return source, Path(previous) if previous else None, bool(data.get("replacing"))
