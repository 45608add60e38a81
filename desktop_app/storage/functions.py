"""SQL functions of Akhbar's own, registered on every connection (connection.connect).

- `akhbar_source_key(name)`: a source name as `source:` compares it, its words
  normalised and joined by one space (text/normalize.py), so «الشرق  الأوسط» and
  «الشرق الاوسط» are one name;
- `akhbar_exact(title, lede, caption, body, spec)`: 1 when an article's original text
  holds the query words of `spec` with their hamza and/or diacritics as typed
  (text/exact.py), 0 otherwise. `spec` is the JSON `exact_spec` writes.

Both are deterministic (the same arguments always give the same answer), so SQLite may
compute them once per distinct argument.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from functools import lru_cache

from desktop_app.text.exact import ExactWord, text_holds
from desktop_app.text.normalize import words

# One group of the query: any of its terms; a term: all of its words as typed.
ExactGroups = Sequence[Sequence[Sequence[str]]]


def source_key(name: str | None) -> str:
    """A source name as `source:` compares it: normalised words, one space apart."""
    return " ".join(words(name or ""))


def exact_spec(groups: ExactGroups, hamza: bool, diacritics: bool) -> str | None:
    """The `spec` argument of akhbar_exact; None when there is nothing to check."""
    if not (hamza or diacritics):
        return None
    # A term with no word typed asks nothing (all() of nothing holds): kept as it is.
    kept = [[list(term) for term in group] for group in groups if group]
    if not kept:
        return None
    return json.dumps(
        {"hamza": hamza, "diacritics": diacritics, "groups": kept},
        ensure_ascii=False, sort_keys=True,
    )  # fmt: skip


@lru_cache(maxsize=64)
def _read_spec(spec: str) -> list[list[list[ExactWord]]]:
    data = json.loads(spec)
    hamza, diacritics = bool(data["hamza"]), bool(data["diacritics"])
    return [
        [[ExactWord(w, hamza=hamza, diacritics=diacritics) for w in term] for term in group]
        for group in data["groups"]
    ]


def _exact(title: str, lede: str, caption: str | None, body: str, spec: str) -> int:
    text = "\n".join((title or "", lede or "", caption or "", body or ""))
    groups = _read_spec(spec)
    return int(
        all(any(all(text_holds(text, w) for w in term) for term in group) for group in groups)
    )


def register(conn: sqlite3.Connection) -> None:
    """Make Akhbar's SQL functions known to one connection."""
    conn.create_function("akhbar_source_key", 1, source_key, deterministic=True)
    conn.create_function("akhbar_exact", 5, _exact, deterministic=True)
