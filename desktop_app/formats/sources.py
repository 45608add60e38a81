"""Where a format reads from: a file on disk or a member inside an archive, as a stream.

A `Source` names its origin (what outcomes show), the name its format is sniffed by, its
size when known, and opens a binary stream on demand. Members of archives are streamed
straight out of the archive (nothing is unpacked to disk) through a `GuardedStream` that
counts every decompressed byte against the archive's `Budget`, so an archive bomb is
stopped by `LimitExceeded` instead of filling memory or disk.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from desktop_app.formats.items import one_line

HEAD_BYTES = 16 * 1024  # what sniffing sees
MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """Archive-bomb limits, per top-level archive (nested archives share their parent's)."""

    max_total_bytes: int = 32 * GiB  # decompressed bytes read from one archive tree
    max_members: int = 1_000_000  # files inside one archive tree
    max_ratio: int = 200  # decompressed : compressed; real text stays under ~20
    ratio_floor: int = 8 * MiB  # small files may compress better than that
    max_depth: int = 4  # archives inside archives
    nested_in_memory: int = 64 * MiB  # a nested zip is read into memory up to this size


class LimitExceeded(Exception):
    """An archive limit was crossed. `fatal`: stop the whole archive, not just one member."""

    def __init__(self, reason: str, *, fatal: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fatal = fatal


class DamagedData(OSError):
    """The bytes under a stream could not be read or decompressed (a damaged archive)."""


class Budget:
    """What one archive tree has used so far: decompressed bytes and members."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total_bytes = 0
        self.members = 0

    def add_bytes(self, count: int) -> None:
        self.total_bytes += count
        if self.total_bytes > self.limits.max_total_bytes:
            raise LimitExceeded(
                f"archive bomb protection: more than {_size(self.limits.max_total_bytes)} "
                "uncompressed in one archive",
                fatal=True,
            )

    def add_member(self) -> None:
        self.members += 1
        if self.members > self.limits.max_members:
            raise LimitExceeded(
                f"archive bomb protection: more than {self.limits.max_members:,} files in "
                "one archive",
                fatal=True,
            )


class Counter:
    """Counts the compressed bytes a decompressor pulls from its input."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.stream.close()

    @property
    def closed(self) -> bool:
        return bool(getattr(self.stream, "closed", False))


class GuardedStream(io.RawIOBase):
    """A member's decompressed bytes, counted against the budget and the member's own cap.

    `max_bytes`: more than this from one member is refused (a zip member that inflates
    beyond its declared ratio). `compressed`: the counter under a streaming decompressor,
    for the ratio check. Errors of the layers below become `DamagedData` (an OSError).
    """

    def __init__(
        self,
        stream: BinaryIO,
        budget: Budget,
        *,
        what: str,
        max_bytes: int | None = None,
        compressed: Counter | None = None,
    ) -> None:
        super().__init__()
        self._stream = stream
        self._budget = budget
        self._what = what
        self._max_bytes = max_bytes
        self._compressed = compressed
        self._read1 = getattr(stream, "read1", None)
        self.count = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        try:
            return bool(self._stream.seekable())
        except (AttributeError, ValueError, OSError):
            return False

    def seek(self, offset: int, whence: int = 0) -> int:
        try:
            return self._stream.seek(offset, whence)
        except (LimitExceeded, DamagedData):
            raise
        except Exception as error:
            raise DamagedData(f"damaged data in {self._what}: {one_line(error)}") from error

    def tell(self) -> int:
        return self._stream.tell()

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        view = memoryview(buffer).cast("B")
        try:
            # read1: what one step of the decompressor gives, so the bytes before a cut
            # or a damaged block reach the reader before the error does.
            data = self._read1(len(view)) if self._read1 else self._stream.read(len(view))
        except (LimitExceeded, DamagedData):
            raise
        except Exception as error:  # zlib, lzma, bz2, zipfile, tarfile and OS errors
            raise DamagedData(f"damaged data in {self._what}: {one_line(error)}") from error
        count = len(data)
        view[:count] = data
        self._account(count)
        return count

    def _account(self, count: int) -> None:
        self.count += count
        self._budget.add_bytes(count)
        limits = self._budget.limits
        if self._max_bytes is not None and self.count > self._max_bytes:
            raise LimitExceeded(
                f"archive bomb protection: {self._what} inflates beyond "
                f"{limits.max_ratio}:1 of its compressed size",
                fatal=False,
            )
        if (
            self._compressed is not None
            and self.count > limits.ratio_floor
            and self.count > limits.max_ratio * max(1, self._compressed.count)
        ):
            raise LimitExceeded(
                f"archive bomb protection: {self._what} inflates more than {limits.max_ratio}:1",
                fatal=True,
            )

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a damaged member's close must not hide why
            self._stream.close()
        super().close()


class Prefixed(io.RawIOBase):
    """Bytes already read (a sniffed head) followed by the rest of a one-pass stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._offset = 0
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        view = memoryview(buffer).cast("B")
        if self._offset < len(self._head):
            chunk = self._head[self._offset : self._offset + len(view)]
            self._offset += len(chunk)
        else:
            chunk = self._rest.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._rest.close()
        super().close()


class Source:
    """One file to read: `origin` for outcomes, `name` for sniffing, a stream on demand.

    `depth` counts the archives around it; `budget` is the enclosing archive's (None for
    a file on disk). A one-pass source (a member of a tar stream) can be opened once;
    its sniffed head is kept and replayed.
    """

    __slots__ = (
        "_head",
        "_one_pass",
        "_opened",
        "_opener",
        "budget",
        "depth",
        "format",
        "name",
        "origin",
        "size",
    )

    def __init__(
        self,
        origin: str,
        name: str,
        opener: Callable[[], BinaryIO] | None = None,
        *,
        size: int | None = None,
        depth: int = 0,
        budget: Budget | None = None,
        one_pass: bool = False,
    ) -> None:
        """`opener` None: the origin is a path on disk, opened as it is."""
        self.origin = origin
        self.name = name
        self.size = size
        self.depth = depth
        self.budget = budget
        self.format: str | None = None  # set by walk() or the registry's detect()
        self._opener = opener
        self._one_pass = one_pass
        self._opened = False
        self._head: bytes | None = None

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Source:
        name = os.fspath(path)
        try:
            size: int | None = os.stat(name).st_size
        except OSError:
            size = None
        return cls(name, os.path.basename(name), size=size)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, origin: str | None = None) -> Source:
        return cls(origin or name, name, lambda: io.BytesIO(data), size=len(data))

    def _open_raw(self) -> BinaryIO:
        if self._opener is None:
            return open(self.origin, "rb")
        return self._opener()

    def open(self) -> BinaryIO:
        """A binary stream from the start (OSError when it cannot be read)."""
        if not self._one_pass:
            if self._head is not None and len(self._head) < HEAD_BYTES:
                return io.BytesIO(self._head)  # the head was the whole file
            return self._open_raw()
        if self._opened:
            raise OSError(f"{self.origin} can be read only once")
        self._opened = True
        stream = self._open_raw()
        if self._head is None:
            return stream
        return io.BufferedReader(Prefixed(self._head, stream))  # type: ignore[return-value]

    def head(self) -> bytes:
        """The first bytes, for sniffing (read once and kept)."""
        if self._head is None:
            if self._one_pass:
                stream = self._open_raw()
                self._head = read_up_to(stream, HEAD_BYTES)
                self._opener = lambda: stream
            else:
                with self._open_raw() as stream:
                    self._head = read_up_to(stream, HEAD_BYTES)
        return self._head

    def forget_head(self) -> None:
        """Drop the sniffed head (a long list of sources should not hold them)."""
        if not self._one_pass:
            self._head = None

    def __repr__(self) -> str:
        return f"Source({self.origin!r})"


def read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes (fewer only at the end of the stream)."""
    parts = []
    left = limit
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_all(source: Source, limit: int) -> bytes:
    """The whole source, refusing more than `limit` bytes (ValueError says so)."""
    with source.open() as stream:
        data = read_up_to(stream, limit + 1)
    if len(data) > limit:
        raise ValueError(f"too large to read as one document (more than {_size(limit)})")
    return data


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _size(count: int) -> str:
    if count >= GiB:
        return f"{count / GiB:.1f} GiB".replace(".0 ", " ")
    if count >= MiB:
        return f"{count / MiB:.1f} MiB".replace(".0 ", " ")
    return f"{count:,} bytes"


size_text = _size
