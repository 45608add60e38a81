"""The story sketch: compact, deterministic, and its estimates track the exact values."""

import random
import subprocess
import sys

import pytest

from desktop_app.stories import sketch as S
from desktop_app.text.normalize import normalize

BODY = (
    "أعلنت وزارة الزراعة اليوم افتتاح سوق جديد للتمور في مدينة بريدة بمشاركة أكثر من "
    "مئتي مزارع من مختلف مناطق المملكة، وقال مدير السوق إن الموسم الحالي يشهد وفرة في "
    "الإنتاج وتحسنا في الأسعار مقارنة بالعام الماضي، مشيرا إلى أن السوق يفتح أبوابه "
    "يوميا من السادسة صباحا حتى الظهر، وأن فرق الرقابة تتابع جودة المعروض وتمنع البيع "
    "خارج الساحات المخصصة. وأضاف أن الوزارة خصصت مواقف للشاحنات ومظلات للباعة "
    "ومركزا لفحص العينات، وأن الزوار يستطيعون الشراء بالجملة أو بالتجزئة."
)


def _words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    stock = [f"كلمة{n}" for n in range(400)]
    return [rng.choice(stock) for _ in range(count)]


def test_sketch_is_compact_bytes_of_fixed_size():
    data = S.sketch(BODY)
    assert isinstance(data, bytes)
    assert len(data) == S.SKETCH_BYTES == 5 + 256


def test_same_text_is_identical_and_spelling_variants_fold():
    assert S.sketch(BODY) == S.sketch(BODY)
    variant = BODY.replace("أعلنت", "اعلنت").replace("الإنتاج", "الانتاج").replace("ة", "ه")
    assert S.similarity(S.sketch(BODY), S.sketch(variant)) == 1.0


def test_sketch_is_the_same_in_another_process():
    """Stored sketches must compare with new ones: no per-process hash seed."""
    code = (
        "from desktop_app.stories.sketch import sketch; import sys; "
        f"sys.stdout.write(sketch({BODY!r}).hex())"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    )
    assert other.stdout == S.sketch(BODY).hex()


def test_unrelated_texts_are_not_similar():
    other = "خسر الفريق مباراته الأولى في الدوري بهدفين نظيفين وسط حضور جماهيري كبير في الملعب."
    assert S.similarity(S.sketch(BODY), S.sketch(other)) < 0.05


def test_light_edit_keeps_most_of_the_similarity():
    edited = BODY.replace("اليوم", "أمس").replace("مئتي", "مائتي")
    assert S.similarity(S.sketch(BODY), S.sketch(edited)) > 0.7


@pytest.mark.parametrize("shared", [0.2, 0.5, 0.8])
def test_jaccard_estimate_tracks_the_exact_value(shared):
    """Averaged over 40 pairs the estimate is within 0.03 of the exact Jaccard."""
    errors = []
    for seed in range(40):
        words = _words(400, seed)
        keep = int(len(words) * shared)
        a = " ".join(words)
        b = " ".join(words[:keep] + _words(len(words) - keep, seed + 1000))
        shingles = [set(zip(w, w[1:], w[2:], strict=False)) for w in (a.split(), b.split())]
        exact = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
        errors.append(S.similarity(S.sketch(a), S.sketch(b)) - exact)
    assert abs(sum(errors) / len(errors)) < 0.03
    assert max(map(abs, errors)) < 0.2


def test_containment_is_high_for_a_copy_cut_short():
    words = _words(600, 7)
    full, cut = " ".join(words), " ".join(words[:200])
    a, b = S.sketch(full), S.sketch(cut)
    assert S.similarity(a, b) < 0.45
    assert S.containment(a, b) > 0.85
    assert S.containment(b, a) == S.containment(a, b)


def test_short_and_empty_texts():
    short, empty = S.sketch("خبر عاجل"), S.sketch("  ...  ")
    assert S.shingle_count(short) == 1
    assert S.shingle_count(empty) == 0
    assert S.similarity(short, S.sketch("خبر  عاجل!")) == 1.0
    assert S.similarity(empty, empty) == 0.0
    assert S.band_keys(empty) == []


def test_band_keys_are_distinct_int64_per_band_and_shared_by_copies():
    keys = S.band_keys(S.sketch(BODY))
    assert len(keys) == S.BANDS
    assert all(-(2**63) <= k < 2**63 for k in keys)
    assert len({k >> (S.ROWS * S.VALUE_BITS) for k in keys}) == S.BANDS  # band in high bits
    edited = S.sketch(BODY.replace("اليوم", "أمس"))
    assert set(keys) & set(S.band_keys(edited))
    unrelated = S.sketch("خسر الفريق مباراته الأولى في الدوري بهدفين نظيفين وسط حضور كبير.")
    assert not set(keys) & set(S.band_keys(unrelated))


def test_a_foreign_blob_is_refused():
    with pytest.raises(ValueError):
        S.similarity(b"\x00" * 10, S.sketch(BODY))
    wrong_format = b"\x09" + S.sketch(BODY)[1:]
    with pytest.raises(ValueError):
        S.shingle_count(wrong_format)


def test_sketch_normalised_matches_sketch():
    assert S.sketch_normalised(normalize(BODY)) == S.sketch(BODY)
