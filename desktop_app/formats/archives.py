"""Zip and tar archives (plain, gzip, bzip2, xz) and single compressed files, read as
folders without unpacking anything to disk.

Members are streamed out of the archive and read by the registry like files, so archives
may nest (a zip of day-zips, a tar.gz of zips). Member origins are the archive's origin,
`/`, and the member's path (`corpus.zip/2015/day.json#3`); a single compressed file
(`afp_arb_200001.gz`) is transparent: its articles are `afp_arb_200001.gz#N`.

Archive bombs are refused by `sources.Limits`, counted over a whole archive tree: total
decompressed bytes, number of members, compression ratio (a zip member's declared sizes
before reading and its real output while reading; a compressed stream's output against
the compressed bytes it has consumed) and nesting depth. A nested zip needs random
access, so it is read into memory, up to `Limits.nested_in_memory`.
"""

from __future__ import annotations

import bz2
import io
import lzma
import os
import posixpath
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from desktop_app.formats import html_pages
from desktop_app.formats.html_pages import saved_page_for
from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.sources import (
    Budget,
    Counter,
    DamagedData,
    GuardedStream,
    LimitExceeded,
    MiB,
    Source,
    extension,
    read_up_to,
    size_text,
)

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

TAR_SUFFIXES = (".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz")
COMPRESSED_SUFFIXES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz"}
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_BUFFER = 1 * MiB
_MACOS_RESOURCES = "__MACOSX"


class _ContainerFormat:
    """The registry's view of one container format (like a format module)."""

    MAX_BYTES: int | None = None

    def __init__(
        self,
        name: str,
        sniff: Callable[[str, bytes], bool],
        read: Callable[[Source, ReadOptions], Iterator[Item]],
    ) -> None:
        self.NAME = name
        self.sniff = sniff
        self.read = read


def compression_of(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def _sniff_zip(name: str, head: bytes) -> bool:
    ext = extension(name)
    return ext == ".zip" or (not ext and head.startswith(_ZIP_MAGIC))


def _sniff_tar(name: str, head: bytes) -> bool:
    lower = name.lower()
    if lower.endswith(TAR_SUFFIXES):
        return True
    kind = compression_of(head)
    if kind is not None:
        return extension(name) in (*COMPRESSED_SUFFIXES, "") and _is_tar_header(
            _decompress_start(kind, head)
        )
    return not extension(name) and _is_tar_header(head[:512])


def _sniff_compressed(name: str, head: bytes) -> bool:
    ext = extension(name)
    return ext in COMPRESSED_SUFFIXES or (not ext and compression_of(head) is not None)


def _is_tar_header(block: bytes) -> bool:
    if len(block) < 512:
        return False
    try:
        tarfile.TarInfo.frombuf(block[:512], "utf-8", "surrogateescape")
    except (tarfile.HeaderError, ValueError):
        return False
    return True


def _decompress_start(kind: str, head: bytes) -> bytes:
    """The first decompressed bytes of a compressed head (b"" when it will not decompress)."""
    try:
        if kind == "gzip":
            return zlib.decompressobj(wbits=47).decompress(head, 1024)
        if kind == "bzip2":
            return bz2.BZ2Decompressor().decompress(head, 1024)
        return lzma.LZMADecompressor().decompress(head, 1024)
    except (zlib.error, OSError, EOFError, lzma.LZMAError, ValueError):
        return b""


def _decompressor(kind: str, stream: BinaryIO | Counter) -> BinaryIO:
    if kind == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[arg-type, return-value]
    if kind == "bzip2":
        return bz2.BZ2File(stream)  # type: ignore[arg-type, return-value]
    return lzma.LZMAFile(stream)  # type: ignore[arg-type, return-value]


# ---------------------------------------------------------------- shared


def _contained(
    source: Source, options: ReadOptions, members: Callable[[Budget], Iterator[Item]]
) -> Iterator[Item]:
    """Run a container reader under its archive tree's budget; report limits once."""
    limits = options.limits
    if source.depth >= limits.max_depth:
        yield Failed(
            source.origin,
            f"archive bomb protection: archives nested more than {limits.max_depth} deep",
        )
        return
    budget = source.budget or Budget(limits)
    try:
        yield from members(budget)
    except LimitExceeded as error:
        if source.budget is not None:  # the outermost archive reports it
            raise
        yield Failed(source.origin, f"archive not read further: {error.reason}")


def _read_member(member: Source, options: ReadOptions) -> Iterator[Item]:
    from desktop_app.formats import registry  # the registry imports this module

    try:
        yield from registry.read(member, options)
    except LimitExceeded as error:
        yield Failed(member.origin, error.reason)
        if error.fatal:
            raise


def _junk_reason(path: str) -> str | None:
    parts = path.split("/")
    if parts[0] == _MACOS_RESOURCES:
        return "macOS resource data (__MACOSX), not articles"
    if any(part.startswith(".") for part in parts if part not in (".", "..")):
        return "hidden file"
    return None


class _Skips:
    """Which members to skip (hidden files, __MACOSX, a saved page's `_files` folder);
    a folder skipped as a whole is reported once."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.reported: set[str] = set()
        self.children: dict[str, set[str]] = {}

    def add(self, path: str) -> None:
        """Remember a member's path, so its folders' siblings are known."""
        parent, _, name = path.rpartition("/")
        while True:
            known = self.children.setdefault(parent, set())
            if name in known:
                return
            known.add(name)
            if not parent:
                return
            parent, _, name = parent.rpartition("/")

    def check(self, path: str) -> Skipped | bool | None:
        """A Skipped to report, True when skipped and already reported, None to read."""
        junk = _junk_reason(path)
        if junk:
            key = _MACOS_RESOURCES if path.startswith(_MACOS_RESOURCES + "/") else path
            return self._once(key, junk)
        if html_pages.RESOURCES_SUFFIX + "/" not in path:
            return None
        parts = path.split("/")
        for depth in range(len(parts) - 1):
            parent = "/".join(parts[:depth])
            page = saved_page_for(parts[depth], self.children.get(parent, ()))
            if page:
                return self._once(
                    "/".join(parts[: depth + 1]), f"resources of the saved page {page}"
                )
        return None

    def _once(self, key: str, reason: str) -> Skipped | bool:
        if key in self.reported:
            return True
        self.reported.add(key)
        return Skipped(f"{self.origin}/{key}", reason)


# ---------------------------------------------------------------- zip


def _read_zip(source: Source, options: ReadOptions) -> Iterator[Item]:
    return _contained(source, options, lambda budget: _zip_members(source, options, budget))


def _zip_members(source: Source, options: ReadOptions, budget: Budget) -> Iterator[Item]:
    limits = options.limits
    stream = source.open()
    try:
        if source.depth > 0 or not _seekable(stream):
            data = read_up_to(stream, limits.nested_in_memory + 1)
            if len(data) > limits.nested_in_memory:
                yield Failed(
                    source.origin,
                    f"a zip inside another archive larger than "
                    f"{size_text(limits.nested_in_memory)}: unpack the outer archive first",
                )
                return
            stream.close()
            stream = io.BytesIO(data)
        try:
            archive = zipfile.ZipFile(stream)
        except Exception as error:  # BadZipFile, NotImplementedError, struct and OS errors …
            why = one_line(error)
            if source.head().startswith(_ZIP_MAGIC[0]):  # members may still be readable
                from desktop_app.formats.zip_salvage import salvage

                yield from salvage(stream, source, options, budget, why)
            else:
                yield Failed(source.origin, f"damaged or truncated zip: {why}")
            return
        with archive:
            infos = archive.infolist()
            skips = _Skips(source.origin)
            for info in infos:
                skips.add(_member_name(info).rstrip("/"))
            for info in infos:
                if info.is_dir():
                    continue
                budget.add_member()
                yield from _zip_member(archive, info, source, options, budget, skips)
    finally:
        stream.close()


def _zip_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    source: Source,
    options: ReadOptions,
    budget: Budget,
    skips: _Skips,
) -> Iterator[Item]:
    limits = options.limits
    path = _member_name(info)
    origin = f"{source.origin}/{path}"
    skipped = skips.check(path)
    if isinstance(skipped, Skipped):
        yield skipped
    if skipped is not None:
        return
    if info.flag_bits & 0x1:
        yield Failed(origin, "encrypted: cannot be read without its password")
        return
    mode = info.external_attr >> 16  # Unix mode, when a Unix tool made the zip
    if mode and stat.S_ISLNK(mode):
        yield Skipped(origin, "a link inside an archive: not followed")
        return
    cap = max(limits.ratio_floor, limits.max_ratio * max(1, info.compress_size))
    if info.file_size > cap:
        yield Failed(
            origin,
            f"archive bomb protection: {size_text(info.file_size)} packed into "
            f"{info.compress_size:,} bytes (over {limits.max_ratio}:1): not read",
        )
        return

    def opener() -> BinaryIO:
        try:
            member = archive.open(info)
        except Exception as error:  # bad local header, unknown compression …
            raise DamagedData(f"cannot open this member: {one_line(error)}") from error
        guarded = GuardedStream(member, budget, what=origin, max_bytes=cap)  # type: ignore[arg-type]
        return io.BufferedReader(guarded, _BUFFER)  # type: ignore[return-value]

    member_source = Source(
        origin,
        posixpath.basename(path),
        opener,
        size=info.file_size,
        depth=source.depth + 1,
        budget=budget,
    )
    yield from _read_member(member_source, options)


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zip names not flagged UTF-8 are cp437 to zipfile; Arabic tools wrote UTF-8 or cp1256."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    return _member_path(raw, utf8=False)


def _member_path(raw: bytes, *, utf8: bool) -> str:
    """A member's name from its bytes: UTF-8 when flagged or valid, else Windows-1256."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8" if utf8 else "cp1256", errors="replace")


def _seekable(stream: BinaryIO) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, ValueError, OSError):
        return False


# ---------------------------------------------------------------- tar


def _read_tar(source: Source, options: ReadOptions) -> Iterator[Item]:
    return _contained(source, options, lambda budget: _tar_members(source, options, budget))


def _tar_members(source: Source, options: ReadOptions, budget: Budget) -> Iterator[Item]:
    kind = compression_of(source.head())
    raw = source.open()
    counter = Counter(raw)
    try:
        layer: BinaryIO | Counter = _decompressor(kind, counter) if kind else counter
        guarded = GuardedStream(
            layer,  # type: ignore[arg-type]
            budget,
            what=source.origin,
            compressed=counter if kind else None,
        )
        stream = io.BufferedReader(guarded, _BUFFER)
        try:
            archive = tarfile.open(fileobj=stream, mode="r|")  # noqa: SIM115 (closed below)
        except (tarfile.TarError, EOFError, OSError) as error:
            yield Failed(source.origin, f"damaged or truncated tar archive: {one_line(error)}")
            return
        with archive:
            skips = _Skips(source.origin)
            try:
                for member in archive:
                    if member.isdir():
                        continue
                    budget.add_member()
                    path = member.name.lstrip("/")
                    skips.add(path)
                    yield from _tar_member(archive, member, path, source, options, budget, skips)
            except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as error:
                yield Failed(source.origin, f"damaged or truncated archive: {one_line(error)}")
    finally:
        raw.close()


def _tar_member(
    archive: tarfile.TarFile,
    member: tarfile.TarInfo,
    path: str,
    source: Source,
    options: ReadOptions,
    budget: Budget,
    skips: _Skips,
) -> Iterator[Item]:
    origin = f"{source.origin}/{path}"
    skipped = skips.check(path)
    if isinstance(skipped, Skipped):
        yield skipped
    if skipped is not None:
        return
    if member.issym() or member.islnk():
        yield Skipped(origin, "a link inside an archive: not followed")
        return
    if not member.isfile():
        yield Skipped(origin, "a special file inside an archive (device or pipe)")
        return
    extracted = archive.extractfile(member)
    if extracted is None:
        yield Skipped(origin, "not a regular file inside the archive")
        return
    member_source = Source(
        origin,
        posixpath.basename(path),
        lambda: extracted,  # type: ignore[arg-type, return-value]
        size=member.size,
        depth=source.depth + 1,
        budget=budget,
        one_pass=True,
    )
    yield from _read_member(member_source, options)


# ---------------------------------------------------------------- single compressed file


def _read_compressed(source: Source, options: ReadOptions) -> Iterator[Item]:
    return _contained(source, options, lambda budget: _compressed(source, options, budget))


def _compressed(source: Source, options: ReadOptions, budget: Budget) -> Iterator[Item]:
    kind = compression_of(source.head())
    if kind is None:
        expected = COMPRESSED_SUFFIXES.get(extension(source.name), "compressed")
        yield Failed(source.origin, f"not a {expected} file: its first bytes say otherwise")
        return
    opened: list[BinaryIO] = []

    def opener() -> BinaryIO:
        raw = source.open()
        opened.append(raw)
        counter = Counter(raw)
        guarded = GuardedStream(
            _decompressor(kind, counter),
            budget,
            what=source.origin,
            compressed=counter,
        )
        return io.BufferedReader(guarded, _BUFFER)  # type: ignore[return-value]

    inner_name = os.path.splitext(source.name)[0]
    inner = Source(
        source.origin,
        inner_name,
        opener,
        size=None,
        depth=source.depth + 1,
        budget=budget,
        one_pass=True,
    )
    try:
        yield from _read_member(inner, options)
    finally:
        for stream in opened:
            stream.close()


zip_format = _ContainerFormat("zip", _sniff_zip, _read_zip)
tar_format = _ContainerFormat("tar", _sniff_tar, _read_tar)
compressed_format = _ContainerFormat("compressed", _sniff_compressed, _read_compressed)
