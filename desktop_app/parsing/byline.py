"""Bylines: who wrote an article, for which agency or publication, and where. Pure.

The first paragraph of a news article often opens with a byline before the text:
`أحمد علي- سبق- القاهرة: …`, `واس - الرياض …`, `عين اليوم – الرياض سجل …`,
`(رويترز) - بنغازي: …`, or the Saudi Press Agency's `الرياض 26 شوال 1436 هـ الموافق …
واس …`. Its segments (between dashes, up to a colon) are each a place, an agency, a
credit note ("متابعات") or a person. A segment is a place or an agency only if the
gazetteer lists it; it is a person only if it has a name's shape and the byline also
holds a place, an agency or a credit note, so a sentence that happens to contain a dash
("شهدت الحدود التركية - السورية …") is no byline at all.

Every value is folded: bidi controls, invisible characters and joiners removed, spaces
collapsed, so "\u200bسبق" and "سبق" are one agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.parsing import gazetteer
from desktop_app.text.bidi import BIDI_CONTROLS, INVISIBLE
from desktop_app.text.normalize import normalize, strip_diacritics

# Direction marks and joiners too: in a name or a place they carry nothing.
_INVISIBLE = dict.fromkeys(map(ord, BIDI_CONTROLS + INVISIBLE + "\u200e\u200f\u061c\u200c\u200d"))
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def fold_invisible(text: str) -> str:
    """`text` without bidi controls and invisible characters, its spaces collapsed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


@dataclass(frozen=True)
class Byline:
    """What a byline says; None for what it does not say."""

    author: str | None = None
    agency: str | None = None
    place: str | None = None


# -- lookups ---------------------------------------------------------------------------

_QUOTES = "\"'«»“”‘’()[]{}<>.,،؛;*"


def _key(text: str) -> str:
    """The spelling-insensitive form names are looked up by."""
    folded = normalize(fold_invisible(text)).replace(".", " ")
    return " ".join(folded.strip(_QUOTES + " ").split())


def _table(pairs) -> dict[str, str]:
    return {_key(spelling): stored for spelling, stored in pairs}


_PLACES = _table(
    [
        (name, name)
        for block in (
            gazetteer.SAUDI_REGIONS,
            gazetteer.SAUDI_CITIES,
            gazetteer.ARAB_PLACES,
            gazetteer.WORLD_PLACES,
        )
        for name in gazetteer.entries(block)
    ]
    + list(gazetteer.PLACE_ALIASES.items())
)
_AGENCIES = _table([(spelling, line[0]) for line in gazetteer.agency_lines() for spelling in line])
_CREDITS = {_key(name) for name in gazetteer.entries(gazetteer.CREDITS)}
_COMMON_WORDS = {_key(name) for name in gazetteer.entries(gazetteer.COMMON_WORD_NAMES)}

_NOT_NAMES = {_key(word) for word in gazetteer.NOT_NAME_WORDS.split()}
_GIVEN_NAMES = {_key(name) for name in gazetteer.GIVEN_NAMES_THAT_ARE_PLACES.split()}
_ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3]{2,}$")


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(_ARABIC_WORD.match(word) for word in words)
        and not any(_key(word) in _NOT_NAMES for word in words)
        and not any(word.startswith("و") and _key(word[1:]) in _NOT_NAMES for word in words)
        and not any(word.endswith("\u064b") for word in words)  # tanween fath: an adverb
        # "الرياض تصوير", "سبق الطائف", "عبدالله البرقاوي سبق": two segments run together,
        # not a person; but a person's name may well be a place ("بدر الجبل", "لجين الأحمدي")
        and not any(_key(word) in _CREDITS or _key(word) in _AGENCIES for word in words)
        and (_key(words[0]) not in _PLACES or _key(words[0]) in _GIVEN_NAMES)
    )


_PLACE_QUALIFIER = re.compile(r"\s*\((?P<inner>[^()]{2,30})\)$")
_DAY_NUMBER = re.compile(r"\s+[\d٠-٩]{1,2}$")  # "طوكيو 01- واس"


def classify(segment: str) -> tuple[str, str | None] | None:
    """("place" | "agency" | "credit" | "author", value) for one byline segment, or None
    for a segment that is none of them."""
    text = fold_invisible(segment).strip(_QUOTES + " -–—ـ")
    if not text:
        return None
    key = _key(text)
    if key in _PLACES:
        return "place", _PLACES[key]
    day = _DAY_NUMBER.search(text)  # "طوكيو 01- واس"
    if day and _key(text[: day.start()]) in _PLACES:
        return "place", _PLACES[_key(text[: day.start()])]
    qualified = _PLACE_QUALIFIER.search(fold_invisible(segment).strip(" -–—ـ:"))
    if qualified and _key(qualified.group("inner")) in _PLACES:
        # "بنغازي (ليبيا)": a town named with its country is a place even when the
        # gazetteer does not know the town ("صور (لبنان)"); a known one is stored plain.
        town = fold_invisible(segment).strip(" -–—ـ:")[: qualified.start()].strip(_QUOTES + " ")
        if _key(town) in _PLACES:
            return "place", _PLACES[_key(town)]
        if 1 <= len(town.split()) <= 3 and all(_ARABIC_WORD.match(w) for w in town.split()):
            return "place", f"{town} ({fold_invisible(qualified.group('inner'))})"
    if key in _AGENCIES:
        return "agency", _AGENCIES[key]
    if key in _CREDITS:
        return "credit", None
    if _looks_like_name(text):
        return "author", strip_diacritics(text)
    return None


_PAIRS = [{"agency", "place"}, {"place", "credit"}, {"agency", "credit"}, {"author", "agency"}]


def _classify_run(piece: str) -> list[tuple[str, str | None]]:
    """The classified segment, or an agency and a place written without a dash between
    them ("سبق الطائف"); empty if the piece is neither."""
    kind = classify(piece)
    if kind:
        return [kind]
    words = fold_invisible(piece).split(" ")
    for cut in range(1, len(words)):
        first, second = classify(" ".join(words[:cut])), classify(" ".join(words[cut:]))
        if first and second and {first[0], second[0]} in _PAIRS:
            return [first, second]
    return []


def _combine(found: list[tuple[str, str | None]]) -> Byline | None:
    """A byline from classified segments, if any of them is more than a name."""
    if not any(kind in ("place", "agency", "credit") for kind, _ in found):
        return None
    first: dict[str, str] = {}
    for kind, value in found:
        if value is not None:
            first.setdefault(kind, value)
    return Byline(first.get("author"), first.get("agency"), first.get("place"))


# -- bylines on their own, and at the start of a paragraph ------------------------------

# A dash (with or without spaces), a tatweel after a space standing as a dash ("سبق ـ
# أبها"; the one in "لـ" belongs to its letter), or a colon.
_SEPARATOR = re.compile(r"\s*[-–—]+\s*|\s+ـ+\s*|\s*[:：]\s*")
_COLON = re.compile(r"[:：]")
_JUNK = re.compile(r"\bNext\s+Previous\s*", re.IGNORECASE)  # a web page's pager, saved too
_BYLINE_MAX = 90  # a byline is short; past this the text is the article
# The Saudi Press Agency: "PLACE 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس ".
_SPA_DATE = re.compile(
    r"^(?P<place>[^\d٠-٩:،.]{2,30}?)\s+[\d٠-٩]{1,2}\s+\S+\s+[\d٠-٩]{4}\s*هـ?\s*"
    r"(?:الموافق\s+[\d٠-٩]{1,2}\s+\S+\s+[\d٠-٩]{4}\s*م?\s*)?(?P<agency>واس)\s+"
)


def split_byline(text: str) -> Byline:
    """A byline given on its own ("أحمد علي — سبق- القاهرة", "جدة: محمد الغامدي"), split.

    Segments that are none of place, agency, credit or name are left out; a name alone is
    taken as the author here, since the caller says this is a byline.
    """
    text = _JUNK.sub("", fold_invisible(text))
    found = [kind for piece in _SEPARATOR.split(text) for kind in _classify_run(piece)]
    byline = _combine(found)
    if byline is None:
        authors = [value for kind, value in found if kind == "author"]
        return Byline(author=authors[0] if authors else None)
    return byline


def read_byline(paragraph: str) -> tuple[Byline, str] | None:
    """The byline a paragraph opens with, and the paragraph's text after it (folded as
    `fold_invisible` folds it); None when the paragraph opens with no byline."""
    text = fold_invisible(paragraph)
    text = _JUNK.sub("", text[:_BYLINE_MAX]) + text[_BYLINE_MAX:]
    start = 0

    spa = _SPA_DATE.match(text, start)
    place = classify(spa.group("place")) if spa else None
    if spa and place and place[0] == "place":
        return Byline(agency="واس", place=place[1]), text[spa.end() :]

    found: list[tuple[str, str | None]] = []
    position = start
    closed = False
    while position - start < _BYLINE_MAX:
        separator = _SEPARATOR.search(text, position, start + _BYLINE_MAX)
        if separator is None or separator.start() == position:
            break
        kinds = _classify_run(text[position : separator.start()])
        if not kinds:
            break
        found += kinds
        position = separator.end()
        if _COLON.search(separator.group()):
            closed = True
            break
    if found and (not closed or _combine(found) is None):
        # After "إبراهيم الحذيفي – نايف عبدالله: " the agency still follows the colon.
        # "عين اليوم – الرياض سجل مؤشر …": the last segment runs into the text.
        words = text[position:].split(" ")
        for count in (4, 3, 2, 1):
            if len(words) <= count:
                continue
            words_there = " ".join(words[:count])
            kind = classify(words_there)
            if _key(words_there) in _COMMON_WORDS:
                continue  # "اليوم" running into a sentence is "today", not the newspaper
            if kind and kind[0] in ("place", "agency", "credit"):
                found.append(kind)
                position += len(" ".join(words[:count])) + 1
                break
    byline = _combine(found)
    if byline is None:
        return None
    return byline, text[position:].lstrip(" -–—:،")


def strip_byline(paragraph: str) -> str:
    """The paragraph without the byline it opens with (the pane shows the byline apart)."""
    read = read_byline(paragraph)
    return read[1] if read else paragraph
