"""JSON arrays of articles, JSON Lines, and one-article JSON files, streamed.

- A top-level array is read item by item with ijson (its C backend), so a file of any
  size never sits in memory; `#N` is the Nth item, counting from 1.
- JSON Lines (`.jsonl`, `.ndjson`, or a `.json` whose first line is a whole object) are
  read line by line; `#N` is the line number. A bad line fails alone.
- A single object (e.g. one news-please file) is one article; an object holding a list
  of articles (`{"articles": [...]}`) is read like an array. Both up to 64 MiB.
Field names: see `records.py`. When the first record has no title or no text field,
the whole file is skipped with the fields it does have, so `--map` can name them.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.records import FieldResolver, record_article
from desktop_app.formats.sources import MiB, Prefixed, Source, extension, read_up_to

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "json"
MAX_BYTES: int | None = None
ARRAY_EXTENSIONS = (".json",)
LINES_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines", ".jl")
OBJECT_MAX = 64 * MiB
LINE_MAX = 64 * MiB
_WHITESPACE = b" \t\r\n"
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff(name: str, head: bytes) -> bool:
    ext = extension(name)
    if ext in ARRAY_EXTENSIONS or ext in LINES_EXTENSIONS:
        return True
    if ext:
        return False
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(_WHITESPACE)[:64]
    opener = start[:1]
    rest = start[1:].lstrip(_WHITESPACE)[:1]
    return (opener == b"[" and rest in (b"{", b"]")) or (opener == b"{" and rest == b'"')


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    resolver = FieldResolver(options.field_map)
    with source.open() as raw:
        stream, encoding = _utf8_stream(raw)
        first = stream.peek(1)[:1]
        if not first:
            yield Failed(source.origin, "empty file: no JSON in it")
            return
        if first == b"[":
            yield from _read_array(stream, source.origin, encoding, resolver)
        elif first == b"{":
            if extension(source.name) in LINES_EXTENSIONS:
                yield from _read_lines(stream, source.origin, resolver)
            else:
                yield from _read_object_or_lines(stream, source.origin, resolver)
        elif extension(source.name) in LINES_EXTENSIONS:
            yield from _read_lines(stream, source.origin, resolver)
        else:
            yield Failed(
                source.origin, "not JSON articles: the file starts with neither '[' nor '{'"
            )


def _utf8_stream(raw: BinaryIO) -> tuple[io.BufferedReader, str]:
    """A buffered UTF-8 byte stream positioned at the first non-blank byte."""
    head = read_up_to(raw, 4096)
    encoding = "utf-8"
    for bom, name in _UTF16_32_BOMS:
        if head.startswith(bom):
            text = io.TextIOWrapper(
                io.BufferedReader(Prefixed(head, raw)), encoding=name, errors="replace"
            )
            return _skip_blank(io.BufferedReader(_Utf8(text), 1 << 20)), name
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return _skip_blank(io.BufferedReader(Prefixed(head, raw), 1 << 20)), encoding


def _skip_blank(stream: io.BufferedReader) -> io.BufferedReader:
    while True:
        peeked = stream.peek(4096)
        if not peeked:
            return stream
        blank = len(peeked) - len(peeked.lstrip(_WHITESPACE))
        if blank < len(peeked):
            stream.read(blank)
            return stream
        stream.read(len(peeked))


class _Utf8(io.RawIOBase):
    """A text stream re-encoded as UTF-8 bytes (for UTF-16/32 JSON files)."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        super().__init__()
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        view = memoryview(buffer).cast("B")
        while not self._pending:
            chunk = self._text.read(max(1, len(view) // 4))
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", "surrogatepass")
        count = min(len(view), len(self._pending))
        view[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def close(self) -> None:
        self._text.close()
        super().close()


def _read_array(
    stream: BinaryIO, origin: str, encoding: str, resolver: FieldResolver
) -> Iterator[Item]:
    import ijson  # only when a JSON array is met

    index = 0
    checked = False
    try:
        for index, record in enumerate(ijson.items(stream, "item", use_float=True), 1):
            if not checked and isinstance(record, Mapping):
                checked = True
                reason = resolver.missing_reason(record.keys())
                if reason:
                    yield Skipped(origin, reason)
                    return
            yield _record_item(record, f"{origin}#{index}", encoding, resolver)
    except ijson.JSONError as error:
        yield Failed(f"{origin}#{index + 1}", f"malformed JSON after item {index}: {_why(error)}")
    except UnicodeDecodeError:  # a byte that is not UTF-8 inside a string
        yield Failed(
            f"{origin}#{index + 1}", f"malformed JSON after item {index}: text that is not UTF-8"
        )


def _read_object_or_lines(
    stream: io.BufferedReader, origin: str, resolver: FieldResolver
) -> Iterator[Item]:
    """A `.json` starting with `{`: JSON Lines when its first line is a whole object."""
    first = stream.peek(LINE_MAX)
    newline = first.find(b"\n")
    if newline >= 0 and first[newline + 1 :].strip():
        try:
            json.loads(first[:newline])
        except ValueError:
            pass
        else:
            yield from _read_lines(stream, origin, resolver)
            return
    data = read_up_to(stream, OBJECT_MAX + 1)
    if len(data) > OBJECT_MAX:
        yield Failed(origin, "a JSON object over 64 MiB: write it as an array or JSON Lines")
        return
    try:
        value = json.loads(data)
    except ValueError as error:
        yield Failed(origin, f"malformed JSON: {_why(error)}")
        return
    except RecursionError:
        yield Failed(origin, "malformed JSON: nested too deeply")
        return
    yield from _read_object(value, origin, resolver)


def _read_object(value: Any, origin: str, resolver: FieldResolver) -> Iterator[Item]:
    if not isinstance(value, dict):
        yield Failed(origin, "not JSON articles: expected an object or an array of objects")
        return
    if resolver.missing_reason(value.keys()) is None:
        yield _record_item(value, origin, "utf-8", resolver)
        return
    for inner in value.values():  # {"articles": [...]}, {"data": [...]} …
        if isinstance(inner, list) and inner and isinstance(inner[0], dict):
            reason = resolver.missing_reason(inner[0].keys())
            if reason:
                yield Skipped(origin, reason)
                return
            for index, record in enumerate(inner, 1):
                yield _record_item(record, f"{origin}#{index}", "utf-8", resolver)
            return
    yield Skipped(origin, resolver.missing_reason(value.keys()) or "not JSON articles")


def _read_lines(stream: io.BufferedReader, origin: str, resolver: FieldResolver) -> Iterator[Item]:
    checked = False
    for number, line in _numbered_lines(stream):
        where = f"{origin}#{number}"
        if line is None:
            yield Failed(where, "line longer than 64 MiB: not read")
            continue
        if not line.strip():
            continue
        encoding = "utf-8"
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            encoding = "cp1256"
            try:
                record = json.loads(line.decode("cp1256", errors="replace"))
            except ValueError as error:
                yield Failed(where, f"malformed JSON on line {number}: {_why(error)}")
                continue
        except ValueError as error:
            yield Failed(where, f"malformed JSON on line {number}: {_why(error)}")
            continue
        except RecursionError:
            yield Failed(where, f"JSON nested too deeply on line {number}")
            continue
        if not checked and isinstance(record, dict):
            checked = True
            reason = resolver.missing_reason(record.keys())
            if reason:
                yield Skipped(origin, reason)
                return
        yield _record_item(record, where, encoding, resolver)


def _numbered_lines(stream: io.BufferedReader) -> Iterable[tuple[int, bytes | None]]:
    number = 0
    while True:
        line = stream.readline(LINE_MAX + 1)
        if not line:
            return
        number += 1
        if len(line) > LINE_MAX and not line.endswith(b"\n"):
            while True:  # drop the rest of the over-long line
                rest = stream.readline(LINE_MAX)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def _record_item(record: Any, origin: str, encoding: str, resolver: FieldResolver) -> Item:
    if not isinstance(record, dict):
        kind = type(record).__name__
        return Failed(origin, f"not an article: a JSON {_json_kind(kind)}, not an object")
    fields = resolver.resolve(record.keys())
    notes = () if encoding == "utf-8" else (f"encoding: read as {encoding}",)
    return record_article(record, fields, origin, encoding, notes)


def _json_kind(python_kind: str) -> str:
    return {
        "list": "array",
        "str": "string",
        "int": "number",
        "float": "number",
        "Decimal": "number",
        "bool": "true/false",
        "NoneType": "null",
    }.get(python_kind, python_kind)


def _why(error: BaseException) -> str:
    text = str(error)
    if text.startswith(("b'", 'b"')):
        text = text[2:]
    return one_line(text.split("\n")[0].split("\\n")[0], 160)
