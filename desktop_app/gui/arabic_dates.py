"""Dates written the Arabic way, Gregorian and Hijri. Pure functions, no Qt.

Months use the names common to Egyptian and Gulf papers (يناير …); the Hijri date comes
from the `hijridate` package (Umm al-Qura calendar) with the Arabic month names.
"""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian

from desktop_app.text.bidi import arabic_indic_digits

GREGORIAN_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def _digits(text: str, arabic_digits: bool) -> str:
    return arabic_indic_digits(text) if arabic_digits else text


def gregorian_arabic(value: date, arabic_digits: bool = True, weekday: bool = True) -> str:
    """'الخميس 18 يناير 2024' (or with ١٨ … ٢٠٢٤)."""
    text = f"{value.day} {GREGORIAN_MONTHS[value.month - 1]} {value.year}"
    if weekday:
        text = f"{WEEKDAYS[value.weekday()]} {text}"
    return _digits(text, arabic_digits)


def hijri_arabic(value: date, arabic_digits: bool = True) -> str | None:
    """'6 رجب 1445 هـ', or None outside the range the Hijri tables cover."""
    try:
        hijri = Gregorian(value.year, value.month, value.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return _digits(f"{hijri.day} {HIJRI_MONTHS[hijri.month - 1]} {hijri.year} هـ", arabic_digits)
