"""Hostile article files: what a careless copy, a broken tool or a malicious folder hands
the importer. `hostile_file(rng)` builds one from a random.Random, so the same generator
serves hypothesis (st.randoms(), which it can shrink) and a seeded 1,000-file import."""

from __future__ import annotations

import codecs
import random

from tests.helpers import NBSP, article_text

WORDS = [
    "الرياض", "جدة", "خبر", "أعلنت", "الوزارة", "اليوم", "عن", "افتتاح", "مشروع", "جديد",
    "في", "المدينة", "قال", "إن",
]  # fmt: skip
ODD = ["\u200f", "\u202e", "\u2066", "\u0651", "\ufeff", "\u00ad", "\t", "\x0b", "😀", "\u2028"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256",
             "latin-1", "iso-8859-6"]  # fmt: skip


def words(rng: random.Random, low: int = 1, high: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def section_soup(rng: random.Random) -> str:
    """Pieces of the real layout, some missing, some repeated, in a random order."""
    pieces = [
        f"First Published: {rng.choice(['2015-07-21', '٢٠١٥/٠٧/٢١', '21 يوليو 2015', 'xx'])}",
        words(rng),
        NBSP,
        words(rng, 5, 30) + ".",
        "صحيفة " + rng.choice(WORDS),
        rng.choice(WORDS) + " - " + words(rng, 10, 60) + ".",
        ">>",
        "",
        rng.choice(ODD) * rng.randint(1, 50),
        "<b>" + words(rng) + "</b><script>alert(1)</script>",
    ]
    chosen = [rng.choice(pieces) for _ in range(rng.randint(0, 40))]
    return "\n".join(chosen)


def base_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:  # a sound article, to be damaged below
        return article_text(
            words(rng),
            lede=words(rng, 3, 20) + ".",
            paragraphs=tuple(words(rng, 5, 40) + "." for _ in range(rng.randint(1, 6))),
            related=tuple(words(rng) for _ in range(rng.randint(0, 12))),
        )
    if kind < 0.8:
        return section_soup(rng)
    if kind < 0.9:  # one very long line
        return article_text(words(rng), paragraphs=(words(rng) * rng.randint(2000, 12000),))
    return "".join(chr(rng.randint(1, 0x10FFFF)) for _ in range(rng.randint(0, 300)))


def encode(text: str, rng: random.Random) -> bytes:
    eol = rng.choice(["\n", "\r\n", "\r"])
    text = text.replace("\n", eol)
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")
    if encoding in ("utf-16-le", "utf-16-be") and rng.random() < 0.5:
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    return data


def damage(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.choice([0, 0, 1, 2, 5])):
        kind = rng.randrange(6)
        at = rng.randint(0, len(data))
        if kind == 0:  # cut short (a download that stopped)
            data = data[:at]
        elif kind == 1:  # NUL bytes
            data = data[:at] + b"\x00" * rng.randint(1, 8) + data[at:]
        elif kind == 2:  # lone UTF-16 surrogates, at an even offset
            at -= at % 2
            data = data[:at] + rng.choice([b"\x00\xd8", b"\xd8\x00", b"\xff\xdf"]) + data[at:]
        elif kind == 3:  # flipped bytes
            if data:
                i = rng.randrange(len(data))
                data = data[:i] + bytes([data[i] ^ rng.randint(1, 255)]) + data[i + 1 :]
        elif kind == 4:  # a BOM in the wrong place, or a second one
            data = data[:at] + rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE]) + data[at:]
        else:  # random bytes spliced in
            data = data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]
    return data


def hostile_file(rng: random.Random) -> bytes:
    if rng.random() < 0.1:
        return rng.randbytes(rng.randint(0, 3000))
    return damage(encode(base_text(rng), rng), rng)
