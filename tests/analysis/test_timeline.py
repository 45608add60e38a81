"""Timeline counts: by day, ISO week, month and Hijri month, checked against counts made
independently (by hand for articles written here, from make-corpus's manifest and files
for real ones)."""

import json
import re
from collections import Counter
from datetime import date

import pytest
from hijridate import Gregorian

from desktop_app.analysis.periods import period_of, period_range
from desktop_app.analysis.sources import articles_per_source, library_stats
from desktop_app.analysis.timeline import timeline
from desktop_app.search.match import text_matches
from desktop_app.search.query import parse_query
from desktop_app.services.importer import import_paths
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.library import Library, ListFilter
from desktop_app.text.normalize import words
from tests.conftest import make_corpus
from tests.helpers import parsed

# (date, source, title, body): the dates cross a year boundary in the middle of an ISO
# week and the end of Ramadan 1445 (2024-04-09 is 30 Ramadan, 04-10 is 1 Shawwal).
ARTICLES = [
    ("2023-12-30", "صحيفة أ", "ارتفاع أسعار النفط", "ارتفعت أسعار النفط في الأسواق."),
    ("2023-12-31", "صحيفة أ", "افتتاح معرض الكتاب", "افتتح معرض الكتاب أبوابه للزوار."),
    ("2024-01-01", "صحيفة ب", "النفط يتراجع", "تراجعت أسعار النفطية مع بداية العام."),
    ("2024-01-08", "صحيفة ب", "مباراة الهلال", "فاز الهلال في المباراة."),
    ("2024-04-09", "صحيفة أ", "آخر أيام رمضان", "النفط والغاز في آخر أيام الشهر."),
    ("2024-04-10", "صحيفة ب", "عيد الفطر", "احتفل الناس بعيد الفطر."),
    ("2024-04-10", "صحيفة أ", "العيد والنفط", "أسواق النفط مغلقة في العيد."),
]


@pytest.fixture
def repo(library):
    for i, (day, source, title, body) in enumerate(ARTICLES):
        library.add(parsed(title, name=f"{i}.txt", date=day, source=source, paragraphs=(body,)))
    library.add(parsed("خبر بلا تاريخ عن النفط", name="undated.txt", date="غير معروف"))
    return AnalysisRepository(library.db)


def test_counts_by_day_week_and_month(repo):
    by_day = timeline(repo, ["النفط"], by="day")
    assert by_day.rows("النفط") == [
        {"period": "2023-12-30", "count": 1, "total": 1},
        {"period": "2023-12-31", "count": 0, "total": 1},
        {"period": "2024-01-01", "count": 1, "total": 1},
        {"period": "2024-01-08", "count": 0, "total": 1},
        {"period": "2024-04-09", "count": 1, "total": 1},
        {"period": "2024-04-10", "count": 1, "total": 2},
    ]
    # 2023-12-30 is in ISO week 2023-W52; 12-31 is its Sunday; 2024-01-01 starts W01.
    by_week = timeline(repo, ["النفط"], by="week")
    assert by_week.rows("النفط") == [
        {"period": "2023-W52", "count": 1, "total": 2},
        {"period": "2024-W01", "count": 1, "total": 1},
        {"period": "2024-W02", "count": 0, "total": 1},
        {"period": "2024-W15", "count": 2, "total": 3},
    ]
    by_month = timeline(repo, ["النفط", "الهلال"], by="month")
    assert by_month.periods == ["2023-12", "2024-01", "2024-04"]
    assert by_month.totals == [2, 2, 3]
    assert by_month.counts == {"النفط": [1, 1, 2], "الهلال": [0, 1, 0]}
    assert by_month.share("النفط") == [0.5, 0.5, 2 / 3]


def test_hijri_months_split_at_the_end_of_ramadan(repo):
    found = timeline(repo, ["النفط"], by="month", hijri=True)
    # 2023-12-30 … 2024-01-08 fall in Jumada al-Akhirah 1445 (06), 2024-04-09 in
    # Ramadan (09), 2024-04-10 in Shawwal (10).
    assert found.rows("النفط") == [
        {"period": "1445-06", "count": 2, "total": 4},
        {"period": "1445-09", "count": 1, "total": 1},
        {"period": "1445-10", "count": 1, "total": 2},
    ]
    assert period_range("1445-10", hijri=True) == (date(2024, 4, 10), date(2024, 5, 8))


def test_filters_narrow_counts_and_totals_alike(repo):
    found = timeline(repo, ["النفط"], by="month", filters=ListFilter(source="صحيفة ب"))
    assert found.rows("النفط") == [
        {"period": "2024-01", "count": 1, "total": 2},
        {"period": "2024-04", "count": 0, "total": 1},
    ]
    split = timeline(repo, ["النفط"], by="month", by_source=True)
    assert split.source_counts["النفط"]["صحيفة أ"] == [1, 0, 2]
    assert split.source_totals["صحيفة ب"] == [0, 2, 1]
    # the query's own filters and exclusions count too
    assert timeline(repo, ["النفط -الغاز"], by="month").counts["النفط -الغاز"] == [1, 1, 1]
    assert timeline(repo, ["from:2024-01-01 النفط"], by="month").counts == {
        "from:2024-01-01 النفط": [0, 1, 2]
    }


def test_a_query_without_words_counts_nothing(repo):
    assert timeline(repo, ["«»"], by="month").counts["«»"] == [0, 0, 0]


def test_periods_and_their_ranges():
    assert period_of("2021-01-03", "week") == "2020-W53"
    assert period_range("2020-W53") == (date(2020, 12, 28), date(2021, 1, 3))
    assert period_range("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_range("2024-12") == (date(2024, 12, 1), date(2024, 12, 31))
    assert period_range("2024-03-05") == (date(2024, 3, 5), date(2024, 3, 5))
    assert period_of("1900-01-01", "month", hijri=True) is None  # outside hijridate


def test_library_stats_and_articles_per_source(repo):
    stats = library_stats(repo).json()
    assert stats["articles"] == len(ARTICLES) + 1
    assert (stats["first"], stats["last"]) == ("2023-12-30", "2024-04-10")
    by_name = {s["name"]: s for s in stats["sources"]}
    assert by_name["صحيفة أ"] == {
        "name": "صحيفة أ",
        "articles": 4,
        "first": "2023-12-30",
        "last": "2024-04-10",
    }
    assert by_name["صحيفة الاختبار"]["first"] is None  # only the undated article
    rows = articles_per_source(repo, by="month")
    assert {"source": "صحيفة ب", "period": "2024-01", "articles": 2} in rows
    assert sum(r["articles"] for r in rows) == len(ARTICLES)


# -- the real corpus --------------------------------------------------------------------

_SEPARATOR = re.compile(r"\n\u00a0\n")


def _indexed_text(raw: bytes, encoding: str) -> str:
    """Title, lede and body of a make-corpus file: what the index holds (not the source
    line, not the related headlines). Read here without the project's parser."""
    text = raw.decode(encoding).replace("\r\n", "\n").lstrip("\ufeff")
    sections = _SEPARATOR.split(text)
    title = sections[0].split("\n", 1)[1]
    body = sections[2].strip().split("\n", 1)[1]  # the first line names the source
    return "\n".join((title, sections[1], body))


@pytest.mark.corpus
def test_timeline_counts_equal_counts_from_the_manifest(tmp_path):
    folder = tmp_path / "corpus"
    manifest = make_corpus(folder, 3000, "--mix")
    report = import_paths(tmp_path / "lib.db", [folder])
    assert len(report.imported) == len(manifest)
    texts = {
        m["file"]: _indexed_text((folder / m["file"]).read_bytes(), m["encoding"]) for m in manifest
    }
    queries = ["النفط", "الهلال", "وزارة الصحة", '"خادم الحرمين الشريفين"']
    source = Counter(m["source"] for m in manifest).most_common(1)[0][0]

    def expected(query: str, key, only_source: str | None = None) -> dict[str, int]:
        parsed_query = parse_query(query)
        counted: Counter[str] = Counter()
        for m in manifest:
            if only_source and m["source"] != only_source:
                continue
            text = texts[m["file"]]
            if parsed_query.groups[0][0].exact:  # a phrase: the normalised words in a row
                wanted = " ".join(parsed_query.groups[0][0].words)
                hit = f" {wanted} " in " " + " ".join(words(text)) + " "
            else:
                hit = text_matches(parsed_query, text)
            if hit:
                counted[key(m["published"])] += 1
        return dict(counted)

    def week(day: str) -> str:
        year, number, _ = date.fromisoformat(day).isocalendar()
        return f"{year}-W{number:02d}"

    def hijri(day: str) -> str:
        h = Gregorian(*map(int, day.split("-"))).to_hijri()
        return f"{h.year}-{h.month:02d}"

    def day(value: str) -> str:
        return value

    with Library(tmp_path / "lib.db", read_only=True) as library:
        repo = AnalysisRepository(library.db)
        for by, key, use_hijri in (("day", day, False), ("week", week, False),
                                   ("month", hijri, True)):  # fmt: skip
            found = timeline(repo, queries, by=by, hijri=use_hijri)
            totals = dict(Counter(key(m["published"]) for m in manifest))
            assert dict(zip(found.periods, found.totals, strict=True)) == totals
            for query in queries:
                got = {p: c for p, c in zip(found.periods, found.counts[query], strict=True) if c}
                want = expected(query, key)
                assert want, f"{query} should match some articles"
                assert got == want, (by, query)
        narrowed = timeline(repo, queries[:1], by="day", filters=ListFilter(source=source))
        pairs = zip(narrowed.periods, narrowed.counts[queries[0]], strict=True)
        assert {p: c for p, c in pairs if c} == expected(queries[0], day, source)
    assert json.dumps(found.rows(queries[0]), ensure_ascii=False)


def test_timeline_csv_has_one_column_per_query(repo):
    import csv
    import io

    from desktop_app.analysis.export import timeline_csv

    found = timeline(repo, ["النفط", "الهلال"], by="month")
    rows = list(csv.reader(io.StringIO(timeline_csv(found))))
    assert rows == [
        ["period", "total", "النفط", "الهلال"],
        ["2023-12", "2", "1", "0"],
        ["2024-01", "2", "1", "1"],
        ["2024-04", "3", "2", "0"],
    ]
    shares = list(csv.reader(io.StringIO(timeline_csv(found, share=True))))
    assert shares[1] == ["2023-12", "2", "0.5", "0.0"]
