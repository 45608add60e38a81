"""Every file format Akhbar reads, behind one registry. Pure: no Qt, no storage.

    for entry in walk(paths):                    # Source | Skipped, folders recursed
        if isinstance(entry, Skipped): ...        # listed with its reason
        for item in read(entry, options):         # ParsedArticle | Failed | Skipped
            ...

`read` never raises on bad input; each item names its origin (`day.zip/day.json#17`).
See `registry.py` for the order formats are tried in and `records.py` for field names
and the dedupe hash of record formats.
"""

from desktop_app.formats.items import Failed, Item, Skipped, origin_of
from desktop_app.formats.records import ALIASES, parse_field_map
from desktop_app.formats.registry import (
    DEFAULT_OPTIONS,
    FORMATS,
    Format,
    ReadOptions,
    detect,
    read,
    read_path,
)
from desktop_app.formats.sources import Limits, Source
from desktop_app.formats.walk import walk

__all__ = [
    "ALIASES",
    "DEFAULT_OPTIONS",
    "FORMATS",
    "Failed",
    "Format",
    "Item",
    "Limits",
    "ReadOptions",
    "Skipped",
    "Source",
    "detect",
    "origin_of",
    "parse_field_map",
    "read",
    "read_path",
    "walk",
]
