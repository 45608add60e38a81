"""The format registry: which format a file is (by name and first bytes), and reading it.

Each format module has `NAME`, `MAX_BYTES` (None when it streams any size), `sniff(name,
head) -> bool` and `read(source, options) -> Iterator[Item]`. Formats are tried in the
order of `FORMATS`; the first whose sniff says yes reads the file. Reading never raises:
bad input becomes `Failed` items, and a bug in a format becomes a `Failed` whose reason
starts with "unexpected error" (the tests check no fixture or fuzzed input reaches it).
Third-party libraries are imported by the formats that need them, only when such a file
is met, so start-up does not pay for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.formats import (
    archives,
    csv_records,
    feeds,
    html_pages,
    json_records,
    plaintext,
    seed,
    sgml_docs,
)
from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.sources import (
    DamagedData,
    LimitExceeded,
    Limits,
    Source,
    extension,
    size_text,
)

log = logging.getLogger(__name__)
UNEXPECTED = "unexpected error"


@dataclass(frozen=True)
class ReadOptions:
    """How to read: `field_map` from `--map FIELD=NAME`; `doc_types` of `<DOC type=…>` kept
    (None keeps every type); archive-bomb `limits`."""

    field_map: Mapping[str, str] = field(default_factory=dict)
    doc_types: frozenset[str] | None = frozenset({"story"})
    limits: Limits = field(default_factory=Limits)


DEFAULT_OPTIONS = ReadOptions()


@dataclass(frozen=True)
class Format:
    name: str
    sniff: Callable[[str, bytes], bool]
    read: Callable[[Source, ReadOptions], Iterator[Item]]
    max_bytes: int | None


def _format(module: Any) -> Format:
    return Format(module.NAME, module.sniff, module.read, module.MAX_BYTES)


# Order matters: archives by their magic bytes first, then formats known by extension,
# then by content (a Gigaword file has no extension), and plain text last.
FORMATS: tuple[Format, ...] = tuple(
    _format(m)
    for m in (
        archives.zip_format,
        archives.tar_format,
        archives.compressed_format,
        json_records,
        csv_records,
        feeds,
        html_pages,
        sgml_docs,
        seed,
        plaintext,
    )
)
BY_NAME = {f.name: f for f in FORMATS}

_KNOWN_UNSUPPORTED = {
    ".rar": "RAR archives cannot be read: unpack it first",
    ".7z": "7-Zip archives cannot be read: unpack it first",
    ".pdf": "PDF files are not supported",
    ".doc": "Word documents are not supported",
    ".docx": "Word documents are not supported",
    ".mht": "MHTML web archives are not supported: save the page as HTML",
    ".mhtml": "MHTML web archives are not supported: save the page as HTML",
    ".webarchive": "Safari web archives are not supported: save the page as HTML",
}


def detect(name: str, head: bytes) -> Format | None:
    """The format of a file with this name and these first bytes, or None."""
    for candidate in FORMATS:
        try:
            if candidate.sniff(name, head):
                return candidate
        except Exception:  # a sniffer bug must not stop a whole folder
            log.exception("sniffing %s as %s failed", name, candidate.name)
    return None


def unsupported_reason(name: str) -> str:
    ext = extension(name)
    if ext in _KNOWN_UNSUPPORTED:
        return f"unsupported file type: {_KNOWN_UNSUPPORTED[ext]}"
    return f"unsupported file type ({ext or 'no extension'})"


def read(source: Source, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Every item of one source: articles, failures and skips. Never raises, except
    `LimitExceeded` inside an archive (the archive reader turns it into items)."""
    chosen = BY_NAME.get(source.format or "")
    if chosen is None:
        try:
            head = source.head()
        except LimitExceeded:
            raise
        except DamagedData as error:
            yield Failed(source.origin, one_line(error))
            return
        except OSError as error:
            yield Failed(source.origin, f"cannot read the file: {_os_reason(error)}")
            return
        chosen = detect(source.name, head)
        if chosen is None:
            yield Skipped(source.origin, unsupported_reason(source.name))
            return
        source.format = chosen.name
    if chosen.max_bytes is not None and source.size is not None and source.size > chosen.max_bytes:
        yield Skipped(
            source.origin,
            f"too large for a {chosen.name} file ({size_text(source.size)}; limit "
            f"{size_text(chosen.max_bytes)})",
        )
        return
    try:
        yield from chosen.read(source, options)
    except LimitExceeded as error:
        if source.budget is not None:  # the enclosing archive's reader decides
            raise
        yield Failed(source.origin, error.reason)
    except DamagedData as error:
        yield Failed(source.origin, one_line(error))
    except OSError as error:
        yield Failed(source.origin, f"cannot read the file: {_os_reason(error)}")
    except Exception as error:  # a bug in a format: report it, keep importing
        log.exception("reading %s as %s failed", source.origin, chosen.name)
        yield Failed(source.origin, f"{UNEXPECTED} reading this {chosen.name} file: {error!r}")


def read_path(path: str, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Every item of one file on disk (a convenience for tests and scripts)."""
    return read(Source.from_path(path), options)


def _os_reason(error: OSError) -> str:
    return one_line(error.strerror or error)
