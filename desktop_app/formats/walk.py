"""Paths → the files to import (`Source`, format already sniffed) and what is not imported.

Folders are walked recursively in name order, following links to folders. Nothing is
skipped in silence: every entry not imported comes out as a `Skipped` with its reason —
missing, unreadable, a named pipe, socket or device, a dangling link, a link loop, a
file or folder already reached by another path, a hidden file, a saved page's `_files`
folder, an unsupported type, or a file too large for its format.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

from desktop_app.formats import registry
from desktop_app.formats.html_pages import saved_page_for
from desktop_app.formats.items import Skipped, one_line
from desktop_app.formats.sources import Source, size_text


def walk(
    paths: Iterable[str | os.PathLike[str]], *, keep_heads: bool = False
) -> Iterator[Source | Skipped]:
    """Sources to read with `registry.read`, and Skipped entries, in a stable order.

    A source keeps its sniffed first bytes only with `keep_heads` (saves reading small
    files twice when the sources are read as they come; don't hold many such sources).
    """
    walker = _Walker(keep_heads)
    for raw in paths:
        yield from walker.entry(os.fspath(raw), top=True)


class _Walker:
    def __init__(self, keep_heads: bool) -> None:
        self.keep_heads = keep_heads
        self.files: dict[tuple[int, int], str] = {}
        self.folders: dict[tuple[int, int], str] = {}

    def entry(
        self, path: str, top: bool = False, ancestors: frozenset[tuple[int, int]] = frozenset()
    ) -> Iterator[Source | Skipped]:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            yield Skipped(path, "no such file or folder")
            return
        except OSError as error:
            yield Skipped(path, f"unreadable: {_why(error)}")
            return
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(path)
            except FileNotFoundError:
                yield Skipped(path, "dangling link: what it points to does not exist")
                return
            except OSError as error:
                if error.errno == errno.ELOOP:
                    yield Skipped(path, "link loop: the link leads back to itself")
                else:
                    yield Skipped(path, f"unreadable link: {_why(error)}")
                return
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            yield from self.folder(path, info, ancestors)
        elif stat.S_ISREG(mode):
            yield from self.file(path, info)
        elif stat.S_ISFIFO(mode):
            yield Skipped(path, "a named pipe, not a file: not read")
        elif stat.S_ISSOCK(mode):
            yield Skipped(path, "a socket, not a file: not read")
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            yield Skipped(path, "a device, not a file: not read")
        else:
            yield Skipped(path, "not a regular file: not read")

    def folder(
        self, path: str, info: os.stat_result, ancestors: frozenset[tuple[int, int]]
    ) -> Iterator[Source | Skipped]:
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            yield Skipped(path, "link loop: a link back to a folder that holds it")
            return
        if key in self.folders:
            yield Skipped(path, f"same folder as {self.folders[key]}: already read")
            return
        self.folders[key] = path
        try:
            names = sorted(os.listdir(path))
        except OSError as error:
            yield Skipped(path, f"unreadable folder: {_why(error)}")
            return
        inside = ancestors | {key}
        siblings = set(names)
        for name in names:
            child = os.path.join(path, name)
            if name.startswith("."):
                kind = "folder" if os.path.isdir(child) else "file"
                yield Skipped(child, f"hidden {kind}: not read")
                continue
            page = saved_page_for(name, siblings)
            if page and os.path.isdir(child):
                yield Skipped(child, f"resources of the saved page {page}")
                continue
            yield from self.entry(child, ancestors=inside)

    def file(self, path: str, info: os.stat_result) -> Iterator[Source | Skipped]:
        key = (info.st_dev, info.st_ino)
        if key in self.files:
            yield Skipped(path, f"same file as {self.files[key]}: already read")
            return
        self.files[key] = path
        source = Source(path, os.path.basename(path), size=info.st_size)
        try:
            head = source.head()
        except OSError as error:
            yield Skipped(path, f"unreadable: {_why(error)}")
            return
        found = registry.detect(source.name, head)
        if found is None:
            yield Skipped(path, registry.unsupported_reason(source.name))
            return
        if found.max_bytes is not None and info.st_size > found.max_bytes:
            yield Skipped(
                path,
                f"too large for a {found.name} file ({size_text(info.st_size)}; "
                f"limit {size_text(found.max_bytes)})",
            )
            return
        source.format = found.name
        if not self.keep_heads:
            source.forget_head()
        yield source


def _why(error: OSError) -> str:
    return one_line(error.strerror or error)
