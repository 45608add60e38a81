"""CSV and TSV with a header row: one article per row, streamed.

The header names the columns with the same field names as JSON (`records.py`) and
`--map`; a header naming no title or no text column skips the file with the columns it
has. Encoding: a BOM (UTF-8, UTF-16), else UTF-8 when the first 64 KiB are valid UTF-8,
else Windows-1256. The delimiter: tab for `.tsv`/`.tab`, else whichever of `, ; tab |`
the header line holds most. `#N` is the Nth data row, counting from 1.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop_app.formats.items import Failed, Item, Skipped, one_line
from desktop_app.formats.records import FieldResolver, record_article, stream_encoding
from desktop_app.formats.sources import MiB, Prefixed, Source, extension, read_up_to

if TYPE_CHECKING:
    from desktop_app.formats.registry import ReadOptions

NAME = "csv"
MAX_BYTES: int | None = None
EXTENSIONS: dict[str, str | None] = {".csv": None, ".tsv": "\t", ".tab": "\t"}
FIELD_MAX = 64 * MiB
_DELIMITERS = (",", "\t", ";", "|")


def sniff(name: str, head: bytes) -> bool:
    return extension(name) in EXTENSIONS


def read(source: Source, options: ReadOptions) -> Iterator[Item]:
    resolver = FieldResolver(options.field_map)
    if csv.field_size_limit() < FIELD_MAX:  # article bodies are longer than csv's 128 KiB
        csv.field_size_limit(FIELD_MAX)
    with source.open() as raw:
        head = read_up_to(raw, 64 * 1024)
        if not head.strip():
            yield Failed(source.origin, "empty file: no header row")
            return
        encoding = stream_encoding(head)
        text = io.TextIOWrapper(
            io.BufferedReader(Prefixed(head, raw)), encoding=encoding, errors="replace", newline=""
        )
        delimiter = EXTENSIONS.get(extension(source.name)) or _delimiter(head, encoding)
        reader = csv.reader(text, delimiter=delimiter)
        row_number = 0
        try:
            header = next(reader, None)
            if header is None:
                yield Failed(source.origin, "empty file: no header row")
                return
            header = [cell.strip().lstrip("\ufeff") for cell in header]
            reason = resolver.missing_reason(header)
            if reason:
                yield Skipped(source.origin, reason.replace(" field", " column"))
                return
            fields = resolver.resolve(header)
            columns = {key: header.index(key) for key in fields.values()}
            for row_number, row in enumerate(reader, 1):
                if not any(cell.strip() for cell in row):
                    continue
                record = {key: row[i] if i < len(row) else None for key, i in columns.items()}
                yield record_article(record, fields, f"{source.origin}#{row_number}", encoding)
        except csv.Error as error:
            where = f"{source.origin}#{row_number + 1}"
            yield Failed(where, f"malformed CSV after row {row_number}: {one_line(error)}")


def _delimiter(head: bytes, encoding: str) -> str:
    text = head.decode(encoding, errors="replace")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
