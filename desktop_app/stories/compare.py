"""Word-level differences between two versions of a story.

Words are compared after normalisation (so أمس and امس, or a word with and without its
diacritics, count as the same word) but every change carries the original spelling of
both sides. Each token keeps the whitespace that follows it, so joining the `a` sides
of all changes gives back text a exactly, and the `b` sides text b: a view can mark
the changes in place without losing paragraph breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, cast

from desktop_app.text.normalize import words

Op = Literal["insert", "delete", "replace", "equal"]

# A run of non-space characters with the whitespace after it.
_TOKEN = re.compile(r"\S+\s*")
_LEADING_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Change:
    """One run of the alignment: `a` and `b` are original text ("" on the side that lacks it)."""

    op: Op
    a: str
    b: str


def tokens(text: str) -> list[str]:
    """The word tokens of a text, each with its trailing whitespace; leading space kept."""
    found = _TOKEN.findall(text)
    lead = _LEADING_SPACE.match(text)
    if lead and lead.end():
        if found:
            found[0] = lead.group() + found[0]
        else:
            found = [lead.group()]
    return found


def _key(token: str) -> str:
    """What a token is compared by: its normalised words, punctuation ignored.

    A token of punctuation only is compared as written, so a dash never matches a comma.
    """
    return " ".join(words(token)) or token.strip()


def compare(a_text: str, b_text: str) -> list[Change]:
    """The changes that turn a_text into b_text, word by word, in reading order."""
    a_tokens, b_tokens = tokens(a_text), tokens(b_text)
    matcher = SequenceMatcher(
        None, [_key(t) for t in a_tokens], [_key(t) for t in b_tokens], autojunk=False
    )
    changes: list[Change] = []
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        a_side, b_side = "".join(a_tokens[a_start:a_end]), "".join(b_tokens[b_start:b_end])
        changes.append(Change(cast(Op, op), a_side, b_side))
    return changes


def similarity(changes: list[Change]) -> float:
    """Share of the words of both texts that are unchanged: 2·equal / (words in a + in b).

    1.0 for texts with the same words in the same order, 0.0 for texts with none in common.
    """
    equal = total = 0
    for change in changes:
        a_count, b_count = len(_TOKEN.findall(change.a)), len(_TOKEN.findall(change.b))
        total += a_count + b_count
        if change.op == "equal":
            equal += a_count + b_count
    return equal / total if total else 1.0
