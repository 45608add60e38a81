"""Bytes → text: pick the encoding of an article file and say which one was chosen.

Files arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1256 from
older Arabic Windows tools. UTF-8 is tried first because a cp1256 decode never fails
and would turn damaged UTF-8 into mojibake; a UTF-8 file with a cut last character or
a few broken bytes stays UTF-8 and is reported as damaged.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from desktop_app.parsing.errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of replacement characters among non-ASCII characters above which a failed
# UTF-8 decode is taken to be another encoding rather than damaged UTF-8.
_DAMAGE_LIMIT = 0.02


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> DecodedText:
    """Decode article bytes; raise ParseError for files that are not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data, name)
    utf16 = _sniff_bomless_utf16(data)
    if utf16:
        decoded = _decode_unicode(data, utf16)
        if _mostly_arabic_or_latin(decoded.text):
            return decoded
    if b"\x00" in data:
        raise ParseError("binary file (contains NUL bytes), not a text article", "binary")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _damaged_utf8_or_cp1256(data, error)


def _decode_unicode(data: bytes, name: str) -> DecodedText:
    try:
        return DecodedText(data.decode(name), name)
    except UnicodeDecodeError:
        # Lone surrogates or an odd byte count: keep what can be read, say so.
        text = data.decode(name, errors="replace")
        return DecodedText(text, name, (f"damaged {name} text: unreadable bytes replaced",))


def _sniff_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: NUL in every other byte of mostly-ASCII-block text."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    # Arabic in UTF-16 has 0x06 high bytes rather than NULs, so also accept those.
    even_high = sum(1 for b in sample[0::2] if b in (0, 6)) / (len(sample) / 2)
    odd_high = sum(1 for b in sample[1::2] if b in (0, 6)) / (len(sample) / 2)
    if odd_high > 0.9 and odd_nuls > 0.05:
        return "utf-16-le"
    if even_high > 0.9 and even_nuls > 0.05:
        return "utf-16-be"
    return None


def _mostly_arabic_or_latin(text: str) -> bool:
    expected = sum(1 for ch in text if ord(ch) < 0x250 or 0x600 <= ord(ch) <= 0x6FF)
    return expected >= 0.5 * max(1, len(text))


def _damaged_utf8_or_cp1256(data: bytes, error: UnicodeDecodeError) -> DecodedText:
    # A download cut in the middle of a multi-byte letter: everything before is fine.
    if error.start >= len(data) - 3 and "unexpected end" in error.reason:
        text = data[: error.start].decode("utf-8")
        return DecodedText(text, "utf-8", ("damaged UTF-8: the last character was cut off",))
    text = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    broken = text.count("\ufffd")
    if non_ascii and broken / non_ascii <= _DAMAGE_LIMIT:
        return DecodedText(text, "utf-8", (f"damaged UTF-8: {broken} unreadable byte(s) replaced",))
    return DecodedText(data.decode("cp1256", errors="replace"), "cp1256")
