"""User query → a safe FTS5 MATCH expression over the normalised index.

Every word becomes a quoted FTS5 string, so characters that mean something to FTS5
(quotes, parentheses, NEAR, AND/OR, ^, :) are only ever searched for, never obeyed.
"""

from __future__ import annotations

import re

from desktop_app.text.normalize import words

_PREFIX = re.compile(r"(\w+)\*")


def query_terms(query: str) -> list[tuple[str, bool]]:
    """(normalised word, is_prefix) for each word of the query."""
    prefixed = {w for m in _PREFIX.finditer(query) for w in words(m.group(1))}
    return [(w, w in prefixed) for w in words(query)]


def build_match(query: str | None) -> str | None:
    """All words must match; None when the query holds no searchable word."""
    terms = query_terms(query or "")
    if not terms:
        return None
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms)
