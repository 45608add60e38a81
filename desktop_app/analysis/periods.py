"""Periods of a timeline: days, ISO weeks and months, Gregorian or Hijri. Pure.

A period is named by a string that sorts in time order:
  day   YYYY-MM-DD
  week  YYYY-Www, the ISO 8601 week (Monday to Sunday; its year is the ISO year, so
        2014-12-29 is in 2015-W01)
  month YYYY-MM, Gregorian, or with `hijri` the Umm al-Qura month (hijridate) as YYYY-MM.
Hijri weeks are the same seven days as Gregorian ones, so `hijri` changes only months
(and days, which stay Gregorian dates: a day is a day). Dates outside the range
hijridate knows (1924-08-01 to 2077-11-16) have no Hijri month and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from hijridate import Gregorian, Hijri

Granularity = Literal["day", "week", "month"]
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month")


@lru_cache(maxsize=65536)
def period_of(day: str, by: Granularity, hijri: bool = False) -> str | None:
    """The period holding the ISO date `day`; None when it has none (see module doc)."""
    if by == "day":
        return day
    value = date.fromisoformat(day)
    if by == "week":
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if not hijri:
        return day[:7]
    try:
        converted = Gregorian(value.year, value.month, value.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return f"{converted.year:04d}-{converted.month:02d}"


def roll_up(day_counts: dict[str, int], by: Granularity, hijri: bool = False) -> dict[str, int]:
    """Counts per day summed into counts per period."""
    out: dict[str, int] = {}
    for day, count in day_counts.items():
        period = period_of(day, by, hijri)
        if period is not None:
            out[period] = out.get(period, 0) + count
    return out


def period_range(period: str, hijri: bool = False) -> tuple[date, date]:
    """The first and last Gregorian day of a period (to filter the list by it)."""
    if len(period) == 10:
        day = date.fromisoformat(period)
        return day, day
    if "-W" in period:
        iso_year, week = period.split("-W")
        monday = date.fromisocalendar(int(iso_year), int(week), 1)
        return monday, monday + timedelta(days=6)
    year, month = (int(part) for part in period.split("-"))
    if hijri:
        first = Hijri(year, month, 1)
        start = first.to_gregorian()
        start_date = date(start.year, start.month, start.day)
        return start_date, start_date + timedelta(days=first.month_length() - 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def sorted_periods(periods: Iterable[str]) -> list[str]:
    """Periods in time order (their names sort so)."""
    return sorted(set(periods))
