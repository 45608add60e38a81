"""Article files of a given size, written for the tests: sentences of our own, shuffled
from a fixed word list (the same seed gives the same files)."""

from __future__ import annotations

import random
from pathlib import Path

from tests.helpers import write_article

_SENTENCES = (
    "أعلنت البلدية اليوم عن افتتاح مكتبة عامة جديدة في الحي الشرقي وتضم المكتبة قاعات "
    "للقراءة والدراسة ومختبرا للحاسوب وركنا للأطفال وقال مدير المشروع إن العمل استغرق "
    "عامين بمشاركة مهندسين وفنيين من المدينة وإن المكتبة ستفتح أبوابها طوال أيام الأسبوع "
    "للطلاب والباحثين والزوار من المدن المجاورة"
)
WORDS = _SENTENCES.split()


def paragraphs(size_bytes: int, rng: random.Random) -> list[str]:
    """Paragraphs of about 120 words each, `size_bytes` of UTF-8 in all."""
    found: list[str] = []
    total = 0
    while total < size_bytes:
        text = " ".join(rng.choice(WORDS) for _ in range(120)) + "."
        found.append(text)
        total += len(text.encode("utf-8")) + 2
    return found


def write_big_articles(folder: Path, sizes_mb: list[float], seed: int = 5) -> list[Path]:
    rng = random.Random(seed)
    return [
        write_article(
            folder,
            f"big-{i:02}.txt",
            f"تقرير مطول رقم {i} عن المكتبة الجديدة",
            paragraphs(int(size * 1_000_000), rng),
        )
        for i, size in enumerate(sizes_mb)
    ]
