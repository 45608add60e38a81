from datetime import date

import pytest

from desktop_app.parsing.dates import parse_date

DEC7 = date(2017, 12, 7)


@pytest.mark.parametrize(
    "raw",
    [
        "2017-12-07",
        "2017/12/07",
        "7 December 2017",
        "December 7, 2017",
        "٢٠١٧-١٢-٠٧",
        "٧ ديسمبر ٢٠١٧",
        "7 كانون الأول 2017",
        "7 كانون الاول 2017",
        "الخميس 7 ديسمبر 2017م",
        "07/12/2017",  # day first, as Arabic sources write it
        "2017-12-07T10:30:00",
        "19 ربيع الأول 1439 هـ",  # Hijri (Umm al-Qura)
    ],
)
def test_spellings_of_one_date(raw):
    assert parse_date(raw) == DEC7


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15 تشرين الثاني 2019", date(2019, 11, 15)),
        ("1 كانون الثاني 2020", date(2020, 1, 1)),
        ("3 آذار 2020", date(2020, 3, 3)),
        ("12 أيار 2016", date(2016, 5, 12)),
        ("1 آب 2015", date(2015, 8, 1)),
        ("9 أيلول 2018", date(2018, 9, 9)),
        ("7 يونيه 2017", date(2017, 6, 7)),
        ("20 أبريل 2021", date(2021, 4, 20)),
        ("20 ابريل 2021", date(2021, 4, 20)),
        ("4 أغسطس 2014", date(2014, 8, 4)),
    ],
)
def test_month_names(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "قريبا", "December 2017", "30 February 2017", "2017", "xx"])
def test_unreadable_or_incomplete_dates_give_none(raw):
    assert parse_date(raw) is None
