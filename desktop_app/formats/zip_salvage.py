"""What can be saved from a zip cut short: its members, read from their local headers.

A zip's table of contents (the central directory) sits at its end, so a download cut
off anywhere loses it and zipfile refuses the whole archive. Every member also starts
with a local header naming it and its sizes, so the members before the cut can still
be read in order: stored or deflated, their checksums verified, under the same
archive-bomb limits as any member. The member the cut falls in fails with that reason,
and the archive itself is reported as damaged with how many members were saved.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from desktop_app.formats.items import Failed, Item, one_line
from desktop_app.formats.sources import (
    Budget,
    DamagedData,
    GuardedStream,
    LimitExceeded,
    Source,
    size_text,
)

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

_LOCAL = struct.Struct("<4s5H3L2H")
_LOCAL_MAGIC = b"PK\x03\x04"
_DESCRIPTOR_MAGIC = b"PK\x07\x08"
_STORED, _DEFLATED = 0, 8
_CHUNK = 64 * 1024


class _LocalMember(io.RawIOBase):
    """One member's bytes, inflated straight from the archive stream, CRC checked."""

    def __init__(self, stream: BinaryIO, method: int, size: int | None, crc: int | None) -> None:
        super().__init__()
        self._stream = stream
        self._left = size  # compressed bytes still to read; None: deflate until its end
        self._inflate = zlib.decompressobj(-15) if method == _DEFLATED else None
        self._crc_expected = crc
        self._crc = 0
        self._pending = b""
        self.done = False
        self.count = 0  # compressed bytes consumed (for the ratio check)
        self._produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        view = memoryview(buffer).cast("B")
        while not self._pending and not self.done:
            self._pending = self._step()
        count = min(len(view), len(self._pending))
        view[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def _step(self) -> bytes:
        if self._inflate is not None and self._inflate.unconsumed_tail:
            return self._checked(self._inflated(self._inflate.unconsumed_tail))
        if self._left == 0:
            if self._inflate is not None and not self._inflate.eof:
                raise DamagedData("damaged data: the member's compressed stream is incomplete")
            return self._finish()
        want = _CHUNK if self._left is None else min(_CHUNK, self._left)
        data = self._stream.read(want)
        if not data:
            raise DamagedData("cut off: the archive ends inside this member")
        self.count += len(data)
        if self._left is not None:
            self._left -= len(data)
        if self._inflate is None:
            return self._checked(data)
        out = self._inflated(data)
        if self._inflate.eof and self._left is None:
            # The deflate stream ended inside this chunk: give the rest back.
            unused = len(self._inflate.unused_data)
            self._stream.seek(-unused, io.SEEK_CUR)
            self.count -= unused
            self._left = 0
        return self._checked(out)

    def _inflated(self, data: bytes) -> bytes:
        assert self._inflate is not None
        try:
            return self._inflate.decompress(data, _CHUNK)
        except zlib.error as error:
            raise DamagedData(f"damaged data: {one_line(error)}") from error

    def _checked(self, out: bytes) -> bytes:
        self._crc = zlib.crc32(out, self._crc)
        self._produced += len(out)
        if not out and self._inflate is not None and self._inflate.eof and self._left == 0:
            return self._finish()
        return out

    def drain(self, budget: Budget) -> None:
        """Read past what the format left, to find where the next member starts."""
        self._pending = b""
        while not self.done:
            out = self._step()
            budget.add_bytes(len(out))
            limits = budget.limits
            if self._produced > max(limits.ratio_floor, limits.max_ratio * max(1, self.count)):
                raise LimitExceeded(
                    f"archive bomb protection: a member inflates more than {limits.max_ratio}:1",
                    fatal=True,
                )

    def _finish(self) -> bytes:
        self.done = True
        if self._crc_expected is not None and self._crc != self._crc_expected:
            raise DamagedData("damaged data: the member's checksum does not match")
        return b""


def salvage(
    stream: BinaryIO, source: Source, options: ReadOptions, budget: Budget, why: str
) -> Iterator[Item]:
    """Members read from local headers (the stream is seekable), then the archive's verdict."""
    from desktop_app.formats.archives import _member_path, _read_member, _Skips

    limits = options.limits
    skips = _Skips(source.origin)
    saved = 0
    stream.seek(0)
    while True:
        header = stream.read(_LOCAL.size)
        if len(header) < _LOCAL.size or not header.startswith(_LOCAL_MAGIC):
            break
        _, _, flags, method, _, _, crc, packed, size, name_length, extra_length = _LOCAL.unpack(
            header
        )
        raw_name = stream.read(name_length)
        stream.seek(extra_length, io.SEEK_CUR)
        path = _member_path(raw_name, utf8=bool(flags & 0x800))
        origin = f"{source.origin}/{path}"
        has_descriptor = bool(flags & 0x8)
        start = stream.tell()
        if path.endswith("/") and not packed:
            continue  # a folder entry
        budget.add_member()
        if flags & 0x1 or method not in (_STORED, _DEFLATED):
            problem = (
                "encrypted: cannot be read without its password"
                if flags & 0x1
                else f"compression method {method} cannot be read from a damaged zip"
            )
            if has_descriptor:
                yield Failed(origin, problem)
                break  # its end cannot be found without the lost table of contents
            yield Failed(origin, problem)
            stream.seek(start + packed)
            continue
        if has_descriptor and method == _STORED:
            yield Failed(origin, "stored with unknown size: cannot be found in a damaged zip")
            break
        known = None if has_descriptor else packed
        member = _LocalMember(stream, method, known, None if has_descriptor else crc)
        cap = None
        if known is not None:
            cap = max(limits.ratio_floor, limits.max_ratio * max(1, known))
            if size > cap:
                yield Failed(
                    origin,
                    f"archive bomb protection: {size_text(size)} packed into {known:,} bytes "
                    f"(over {limits.max_ratio}:1): not read",
                )
                stream.seek(start + known)
                continue
        guarded = io.BufferedReader(
            GuardedStream(
                member,  # type: ignore[arg-type]
                budget,
                what=origin,
                max_bytes=cap,
                compressed=member if known is None else None,  # type: ignore[arg-type]
            ),
            _CHUNK,
        )
        skipped = skips.check(path)
        failed = False
        if skipped is None:
            member_source = Source(
                origin,
                path.rsplit("/", 1)[-1],
                lambda stream=guarded: stream,  # type: ignore[misc]
                size=size if known is not None else None,
                depth=source.depth + 1,
                budget=budget,
                one_pass=True,
            )
            for item in _read_member(member_source, options):
                failed = failed or isinstance(item, Failed)
                yield item
        elif skipped is not True:
            yield skipped  # type: ignore[misc]
        try:
            member.drain(budget)
        except DamagedData as error:
            if skipped is None and not failed:
                yield Failed(origin, one_line(error))
            break
        if known is not None:
            stream.seek(start + known)
        elif stream.read(4) != _DESCRIPTOR_MAGIC:  # CRC, sizes (the signature is optional)
            stream.seek(8, io.SEEK_CUR)
        else:
            stream.seek(12, io.SEEK_CUR)
        saved += 1
    yield Failed(
        source.origin,
        f"damaged or truncated zip ({why}): {saved} member(s) read from their local headers",
    )
