"""The lede shown once: the body to show under a lede that its first paragraph repeats.

News sites print the lede (the summary under the title) and then the article, whose first
paragraph often begins with the very same words; in the SaudiNewsNet corpus 29,662 of
30,666 articles do (the lede is that paragraph cut at a word). A reader shown both reads
the opening twice. `body_without_lede` gives the paragraphs to show below the lede, with
the repeated words taken off the first one. It is for display: what is stored stays as
the file had it, and search still finds every word where it was written.

The comparison looks at letters and digits only, so spacing, punctuation, diacritics,
tatweel, invisible characters and HTML character references (`&quot;`) may differ; a
dateline ("الرياض - ", "واس - الرياض: ") before the repeated words is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from desktop_app.text.bidi import clean
from desktop_app.text.entities import decode_references

_TATWEEL = "\u0640"
# The end of a "DATELINE - ", "DATELINE: " or "AGENCY - PLACE: " prefix: a dash or colon
# within the first 60 characters, with no sentence punctuation before it.
_PREFIX_END = re.compile(r"(?:\s[-–—]|[-–—]\s|[:：])\s*")
_PREFIX_MAX = 60
_SENTENCE_MARKS = re.compile(r"[.!?؟،,؛;]")


def _letters(text: str) -> list[tuple[str, int]]:
    """(comparable character, index just after it in `text`) for each letter or digit."""
    out = []
    for index, char in enumerate(text):
        if char == _TATWEEL or not char.isalnum():
            continue
        for folded in unicodedata.normalize("NFKC", char).casefold():
            if folded.isalnum() and unicodedata.category(folded) != "Mn":
                out.append((folded, index + 1))
    return out


def _repeated_end(lede_key: list[str], paragraph: str, start: int) -> int | None:
    """Where in `paragraph` the lede's letters end, if they run on from `start`."""
    letters = _letters(paragraph[start:])
    if len(letters) < len(lede_key):
        return None
    if [char for char, _ in letters[: len(lede_key)]] != lede_key:
        return None
    end = start + letters[len(lede_key) - 1][1]
    # Marks and tatweel on the last letter belong to it; a letter after it means the lede
    # stopped inside a word ("الملك" is not "الملكة").
    while end < len(paragraph) and (
        paragraph[end] == _TATWEEL or unicodedata.category(paragraph[end]) == "Mn"
    ):
        end += 1
    if end < len(paragraph) and paragraph[end].isalnum():
        return None
    return end


def _rest_after(paragraph: str, end: int, lede: str) -> str:
    """The paragraph after the repeated lede, without the punctuation the lede ended with."""
    tail = set(lede[len(lede.rstrip(".،,؛;:!?؟…\"'”»)]-–— ")) :])
    rest = paragraph[end:]
    skip = 0
    while skip < len(rest) and (rest[skip].isspace() or rest[skip] in tail):
        skip += 1
    return rest[skip:]


def body_without_lede(
    lede: str, paragraphs: Sequence[str], dateline: str | None = None
) -> tuple[str, ...]:
    """The paragraphs to show below `lede`, the first one without the lede's words when it
    begins with them (after its dateline, if it has one). A first paragraph that is only
    the lede is left out. Paragraphs that do not repeat the lede come back unchanged."""
    paragraphs = tuple(paragraphs)
    if not paragraphs:
        return paragraphs
    readable_lede = decode_references(clean(lede)).strip()
    lede_key = [char for char, _ in _letters(readable_lede)]
    if not lede_key:
        return paragraphs
    first = decode_references(clean(paragraphs[0]))
    starts = [0]
    if dateline and first.startswith(dateline):
        prefix = re.match(r"\s*[-–—:،,]*\s*", first[len(dateline) :])
        starts.append(len(dateline) + (prefix.end() if prefix else 0))
    for separator in _PREFIX_END.finditer(first, 0, _PREFIX_MAX):
        if separator.start() == 0 or _SENTENCE_MARKS.search(first, 0, separator.start()):
            break
        starts.append(separator.end())
    for start in starts:
        end = _repeated_end(lede_key, first, start)
        if end is None:
            continue
        rest = _rest_after(first, end, readable_lede)
        if not rest.strip():
            return paragraphs[1:]
        return (first[:start] + rest, *paragraphs[1:])
    return paragraphs


def repeats_lede(lede: str, paragraphs: Sequence[str], dateline: str | None = None) -> bool:
    """Whether the first paragraph begins with the lede (what `body_without_lede` removes)."""
    return body_without_lede(lede, paragraphs, dateline) != tuple(paragraphs)
