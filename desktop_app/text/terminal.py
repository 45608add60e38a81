"""Text from files, shown where it cannot do harm: a terminal, a UTF-8 file or database.

- `terminal_safe(text)`: what the command line prints for people. Article text is data:
  an escape sequence in a title (`ESC ] 0 ; … BEL` sets the terminal's title, others
  move the cursor or recolour it) or a bidi override (U+202E reorders the line) must
  show as what it is, not act. Such characters become visible escapes (`\\x1b`,
  `\\u202e`); everything else, Arabic and its marks included, is left alone. JSON output
  is never passed through this: it stays exact.
- `readable_path(path)` / `path_bytes(path)`: a file name that is not valid UTF-8 arrives
  from the operating system as a str with lone surrogates (os.fsdecode's surrogateescape),
  which no UTF-8 file, JSON document or SQLite text can hold. It is shown and stored in a
  readable form (each undecodable byte as `\\xNN`), and its bytes are kept to open it again.
"""

from __future__ import annotations

import os
import re

# C0 controls but tab and line feed; DEL and the C1 controls; the bidi embeddings,
# overrides and isolates; the line and paragraph separators; lone surrogates (bytes a
# file name could not decode, shown as the byte they stand for).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte it stands for
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every character that could act on a terminal shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def readable_path(path: str | os.PathLike[str]) -> str:
    """A file name as valid text: undecodable bytes shown as `\\xNN`, the rest unchanged."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return name


def path_bytes(path: str | os.PathLike[str]) -> bytes | None:
    """The file name's bytes when they are not valid UTF-8 (None when they are)."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return None
