"""What a format reader yields: one item per article, or per thing it did not import.

An item is a `model.ParsedArticle` (read), a `Failed` (meant to be an article or a readable
file, but broken) or a `Skipped` (deliberately not imported: an unsupported file, a record
without text, a web page's resource folder). Every item names its `origin`: the file, then
the member inside an archive, then `#N` for the Nth article of a many-article file
(counting from 1), e.g. `day.zip/2015-07-21.json#17`. A ParsedArticle carries it in `path`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.model import ParsedArticle

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
REASON_MAX = 300


@dataclass(frozen=True, slots=True)
class Failed:
    """An article or file that could not be read; `reason` is one line a user can act on."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something deliberately not imported, and why (nothing is skipped in silence)."""

    origin: str
    reason: str


Item = ParsedArticle | Failed | Skipped


def origin_of(item: Item) -> str:
    return item.path if isinstance(item, ParsedArticle) else item.origin


def one_line(text: object, limit: int = REASON_MAX) -> str:
    """Any message (an exception's text, a value from a file) as one short, printable line."""
    line = " ".join(_CONTROL.sub(" ", str(text)).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
