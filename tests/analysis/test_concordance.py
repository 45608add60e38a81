"""Concordance lines: every spelling the highlighter matches, context in reading order."""

import csv
import io

import pytest

from desktop_app.analysis.concordance import concordance, lines_in, sort_lines
from desktop_app.analysis.export import kwic_csv
from desktop_app.search.snippets import word_matcher
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.library import ListFilter
from tests.helpers import parsed

# Every one of these is the word اسرائيل to the reader and to the index: hamza or none,
# the article, the conjunction, endings, a diacritic, a tatweel.
VARIANTS = [
    "إسرائيل", "اسرائيل", "الإسرائيلية", "والإسرائيليين", "إسرائيلُ", "الإسرائيلي",
    "إسرائيـل", "وإسرائيل",
]  # fmt: skip


@pytest.fixture
def repo(library):
    texts = [
        f"قال المتحدث إن {VARIANTS[0]} أعلنت موقفها. ثم أكد أن {VARIANTS[1]} ستشارك.",
        f"وصل الوفد {VARIANTS[2]} إلى القاهرة أمس، وعاد الوفد {VARIANTS[3]} مساء.",
        f"{VARIANTS[4]} في أول الفقرة، وفي آخرها {VARIANTS[5]}",
        f"كتب المراسل عن {VARIANTS[6]} وعن {VARIANTS[7]} في تقرير طويل عن المنطقة.",
    ]
    for i, text in enumerate(texts):
        library.add(
            parsed(f"خبر رقم {i}", name=f"{i}.txt", paragraphs=(text, "فقرة أخرى بلا ذكر."))
        )
    library.add(parsed("خبر بلا الكلمة", name="x.txt", paragraphs=("لا شيء هنا عن ذلك.",)))
    return AnalysisRepository(library.db)


def test_every_variant_spelling_is_a_line_as_written(repo):
    lines = list(concordance(repo, "اسرائيل", width=30))
    assert sorted(line.match for line in lines) == sorted(VARIANTS)
    assert len({line.id for line in lines}) == 4


def test_before_and_after_are_in_reading_order(repo, library):
    for line in concordance(repo, "اسرائيل", width=30):
        article = library.get(line.id)
        parts = [article.title, article.lede, article.caption or "", *article.paragraphs]
        text = parts[line.part]
        end = line.start + len(line.match)
        assert text[line.start : end] == line.match
        # before is the text the reader meets just before the match, after just after it
        assert text[: line.start].rstrip().endswith(line.before.rstrip())
        assert text[end:].lstrip().startswith(line.after.lstrip())
        assert len(line.before) <= 30 and len(line.after) <= 30
    first = next(concordance(repo, "اسرائيل", width=30))
    assert (first.before, first.match) == ("قال المتحدث إن ", "إسرائيل")
    assert first.after == " أعلنت موقفها. ثم أكد أن"


def test_context_is_cut_at_whole_words_and_stays_in_its_paragraph():
    text = "الكلمة الأولى الثانية الثالثة إسرائيل الرابعة الخامسة السادسة"
    (line,) = lines_in(7, 3, text, word_matcher("اسرائيل"), 18)
    # 18 characters back ends inside الأولى: the partial word is dropped
    assert line.before == "الثانية الثالثة "
    assert line.after == " الرابعة الخامسة"
    (at_start,) = lines_in(7, 3, "إسرائيل في أول الفقرة", word_matcher("اسرائيل"), 40)
    assert at_start.before == ""


def test_limit_filters_and_sorting(repo):
    assert len(list(concordance(repo, "اسرائيل", limit=3))) == 3
    narrowed = list(concordance(repo, "اسرائيل", filters=ListFilter(query="القاهرة")))
    assert sorted(line.match for line in narrowed) == sorted(VARIANTS[2:4])
    lines = list(concordance(repo, "اسرائيل", width=30))
    # by the normalised word right after the match (none first), then the match itself
    by_after = [line.match for line in sort_lines(lines, "after")]
    assert by_after == [
        "الإسرائيلي",  # ends its paragraph
        "إسرائيل",  # أعلنت
        "الإسرائيلية",  # إلى
        "اسرائيل",  # ستشارك
        "إسرائيلُ",  # في
        "وإسرائيل",  # في
        "والإسرائيليين",  # مساء
        "إسرائيـل",  # وعن
    ]
    by_before = [line.match for line in sort_lines(lines, "before")]
    assert by_before == [
        "إسرائيلُ",  # starts its paragraph
        "الإسرائيلي",  # آخرها
        "الإسرائيلية",  # الوفد
        "والإسرائيليين",  # الوفد
        "إسرائيل",  # إن
        "اسرائيل",  # أن
        "إسرائيـل",  # عن
        "وإسرائيل",  # وعن
    ]


def test_no_words_no_lines(repo):
    assert list(concordance(repo, "source:x")) == []
    assert list(concordance(repo, "")) == []


def test_kwic_csv_has_the_json_fields(repo):
    lines = list(concordance(repo, "اسرائيل", width=20, limit=2))
    rows = list(csv.DictReader(io.StringIO(kwic_csv(lines))))
    assert [dict(r) for r in rows] == [
        {k: str(v) for k, v in line.json().items()} for line in lines
    ]
    assert list(rows[0]) == ["id", "before", "match", "after"]


def test_a_stop_request_ends_the_stream(repo):
    from desktop_app.storage.errors import SearchCancelled

    asked = []

    def stop():
        asked.append(1)
        return len(asked) > 2  # let two articles through, then stop

    lines = concordance(repo, "اسرائيل", stop=stop)
    with pytest.raises(SearchCancelled):
        list(lines)
    assert len(asked) == 3
