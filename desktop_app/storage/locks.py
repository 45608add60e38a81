"""The library's lock file (`library.db.lock`): who may replace or reshape the file.

SQLite's own locks keep each transaction whole, but some work spans many transactions or
no connection at all: a restore swaps the file itself, a migration must back up once and
upgrade once, an import must not report articles that a restore has just swept aside.
Those take this lock, beside the library:

- shared: an import, for its whole length; a write from the window, for that write;
- exclusive: a restore (the file is swapped), creating or migrating the schema (with its
  backup), finishing an interrupted restore, a recovery.

It is a reader/writer lock between processes (flock on POSIX, LockFileEx on Windows)
that the operating system drops when a process dies, so a kill never leaves it held.
Within one process it is re-entrant: a thread that holds it shared may also take it
exclusive (a migration inside an import) and the process keeps one lock.

The file is never deleted: removing a lock file while another process waits on it would
let two processes each hold "the" lock.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.storage.errors import LibraryBusy

POLL_SECONDS = 0.02

_registry_lock = threading.Lock()
_registry: dict[str, _Held] = {}


class _Held:
    """This process's hold on one lock file: its descriptor and how many hold it how."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.shared = 0
        self.exclusive = 0


def lock_path(library: str | Path) -> Path:
    library = Path(library)
    return library.with_name(library.name + ".lock")


@contextmanager
def library_lock(
    library: str | Path, *, exclusive: bool, wait: float | None, doing: str = ""
) -> Iterator[None]:
    """Hold the library's lock while the block runs.

    `wait`: seconds to wait for other processes (None: as long as it takes). Raises
    LibraryBusy naming `doing` when the wait runs out.
    """
    key = os.path.abspath(lock_path(library))
    _acquire(key, exclusive, wait, doing)
    try:
        yield
    finally:
        _release(key, exclusive)


def _acquire(key: str, exclusive: bool, wait: float | None, doing: str) -> None:
    deadline = None if wait is None else time.monotonic() + wait
    while True:
        with _registry_lock:
            held = _registry.get(key)
            if held is None:
                held = _registry[key] = _Held(_open(key))
            if held.fd < 0:  # no lock file can exist here (see _open): nothing to share
                held.exclusive += exclusive
                held.shared += not exclusive
                return
            if exclusive and held.exclusive:
                held.exclusive += 1
                return
            if not exclusive and (held.shared or held.exclusive):
                held.shared += 1
                return
            if _try_lock(held.fd, exclusive, converting=bool(held.shared)):
                if exclusive:
                    held.exclusive += 1
                else:
                    held.shared += 1
                return
            if not held.shared and not held.exclusive:
                _close(key, held)
        if deadline is not None and time.monotonic() >= deadline:
            what = f"cannot {doing}: " if doing else ""
            raise LibraryBusy(
                f"{what}another Akhbar is using the library (an import, a restore or an "
                "upgrade); try again when it has finished"
            )
        time.sleep(POLL_SECONDS)


def _release(key: str, exclusive: bool) -> None:
    with _registry_lock:
        held = _registry[key]
        if exclusive:
            held.exclusive -= 1
        else:
            held.shared -= 1
        if held.exclusive:
            return
        if held.shared:
            if exclusive and held.fd >= 0:  # back to shared: let other readers in again
                if os.name == "nt":  # Windows cannot convert a lock
                    _unlock(held.fd)
                _lock(held.fd, exclusive=False, blocking=True)
            return
        if held.fd >= 0:
            _unlock(held.fd)
        _close(key, held)


def _close(key: str, held: _Held) -> None:
    if held.fd >= 0:
        os.close(held.fd)
    del _registry[key]


def _open(key: str) -> int:
    """The lock file's descriptor; -1 when it cannot be made (a folder nobody may write
    to holds a library that can only be read, and readers need no lock)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(key, flags, 0o666)
    except PermissionError:  # another user's lock file: locking needs no write access
        try:
            return os.open(key, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            return -1
    except OSError:
        return -1


def _try_lock(fd: int, exclusive: bool, converting: bool) -> bool:
    """Try once. `converting`: this process holds it shared and wants it exclusive.

    Converting is not atomic (flock drops the shared lock first, and a failed attempt may
    leave none; Windows cannot convert at all), so after a failure the shared lock is
    taken again, as it was.
    """
    if converting and os.name == "nt":
        _unlock(fd)
    if _lock(fd, exclusive, blocking=False):
        return True
    if converting:
        _lock(fd, exclusive=False, blocking=True)
    return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY, _LOCKFILE_EXCLUSIVE_LOCK = 0x1, 0x2
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    def _lock(fd: int, exclusive: bool, blocking: bool) -> bool:
        flags = (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0) | (
            0 if blocking else _LOCKFILE_FAIL_IMMEDIATELY
        )
        handle = msvcrt.get_osfhandle(fd)
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_Overlapped())))

    def _unlock(fd: int) -> None:
        handle = msvcrt.get_osfhandle(fd)
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_Overlapped()))

else:
    import fcntl

    def _lock(fd: int, exclusive: bool, blocking: bool) -> bool:
        operation = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (
            0 if blocking else fcntl.LOCK_NB
        )
        try:
            fcntl.flock(fd, operation)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
