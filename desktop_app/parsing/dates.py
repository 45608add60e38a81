"""Date strings from article headers → `datetime.date`.

Accepts what collected files carry: ISO dates, `2017/12/07`, `7 December 2017`,
Arabic-Indic digits, Arabic month names in the Egyptian/Gulf form (ديسمبر) and the
Levantine form (كانون الأول), and Hijri dates marked هـ (converted with the Umm al-Qura
calendar). Numeric dates without a year first are read day first, as Arabic sources write
them. The final reading is python-dateutil's; this module only translates Arabic into
something it understands.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop_app.text.normalize import normalize

# Keys are normalised (hamza, ة and ى folded), so spelling variants match too.
_MONTHS: dict[str, int] = {
    # Egyptian / Gulf (transliterated Latin month names)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9,
    "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi (Syriac month names)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
}  # fmt: skip

_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخره": 6,
    "جمادي الاخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}  # fmt: skip

_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip

_WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت")


def _alternation(names: list[str]) -> re.Pattern[str]:
    # Longest first so that "كانون الثاني" wins over any shorter name inside it.
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


_MONTH_RE = _alternation(list(_MONTHS))
_HIJRI_MONTH_RE = _alternation(list(_HIJRI_MONTHS))
_WEEKDAY_RE = _alternation(list(_WEEKDAYS))
_HIJRI_MARK = re.compile(r"(?<!\w)هـ?(?!\w)|هجري|هجريه")
_GREGORIAN_MARK = re.compile(r"(?<=\d)\s*م(?!\w)|ميلادي|ميلاديه")
_YEAR_FIRST = re.compile(r"^\d{4}\D")

# Two different fill-in dates: if dateutil's answer depends on which we give it, the
# string did not name a whole date (e.g. "December 2017").
_PROBE_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def parse_date(raw: str) -> date | None:
    """Return the date a header names, or None when it cannot be read completely."""
    text = normalize(raw).replace("،", " ").replace(",", " ").strip()
    if not text:
        return None
    text = _WEEKDAY_RE.sub(" ", text)
    if _HIJRI_MARK.search(text) or _HIJRI_MONTH_RE.search(text):
        return _parse_hijri(_HIJRI_MARK.sub(" ", text))
    text = _GREGORIAN_MARK.sub(" ", text)
    text = _MONTH_RE.sub(lambda m: " " + _EN_MONTHS[_MONTHS[m.group(1)] - 1] + " ", text)
    text = " ".join(text.split())
    return _sane(_dateutil(text))


def _dateutil(text: str) -> date | None:
    # Imported here: the window imports this module but parses dates only when importing.
    from dateutil import parser as dateutil_parser

    yearfirst = bool(_YEAR_FIRST.match(text))
    answers = set()
    for default in _PROBE_DEFAULTS:
        try:
            answers.add(
                dateutil_parser.parse(
                    text, default=default, dayfirst=not yearfirst, yearfirst=yearfirst
                ).date()
            )
        except (ValueError, OverflowError, dateutil_parser.ParserError):
            return None
    return answers.pop() if len(answers) == 1 else None


def _parse_hijri(text: str) -> date | None:
    from hijridate import Hijri

    text = _HIJRI_MONTH_RE.sub(lambda m: f" {_HIJRI_MONTHS[m.group(1)]} ", text)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) != 3:
        return None
    if numbers[0] > 31:  # year first
        year, month, day = numbers
    else:
        day, month, year = numbers
    try:
        return _sane(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError):
        return None


def _sane(value: date | None) -> date | None:
    if value is None or not 1800 <= value.year <= 2200:
        return None
    return date(value.year, value.month, value.day)
