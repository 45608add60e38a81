"""CSV files of the analyses: a timeline (one column per query) and a concordance.

Kept here while services/exports.py is being changed elsewhere; they belong beside the
other shapes there. Written as exports.py writes CSV: a header row, CRLF line ends, and
UTF-8 with a BOM (`write_csv`) so that spreadsheets read the Arabic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from desktop_app.analysis.concordance import KwicLine
from desktop_app.analysis.terms import TopTerms
from desktop_app.analysis.timeline import Timeline

KWIC_FIELDS = ("id", "before", "match", "after")


def timeline_csv(found: Timeline, share: bool = False) -> str:
    """period, total, then one column per query (counts, or shares of the total)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    queries = list(found.counts)
    writer.writerow(["period", "total", *queries])
    columns = [found.share(q) if share else found.counts[q] for q in queries]
    for i, period in enumerate(found.periods):
        values = [round(c[i], 6) if share else c[i] for c in columns]
        writer.writerow([period, found.totals[i], *values])
    return out.getvalue()


def kwic_csv(lines: Iterable[KwicLine]) -> str:
    """id, before, match, after: the `akhbar kwic --json` fields, in reading order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=KWIC_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for line in lines:
        writer.writerow(line.json())
    return out.getvalue()


def terms_json(found: TopTerms, limit: int, keyness: bool = False) -> list[dict]:
    """`akhbar terms --json`: [{"term", "count"}], with "score" under --keyness.

    Without keyness: the `limit` most frequent terms, words and two-word phrases
    together (a phrase is its two words with a space), most frequent first. With it:
    the `limit` words most distinctive of the set, highest log-likelihood first (the
    index holds no counts of word pairs, so phrases get no score).
    """
    if keyness:
        return [t.json(keyness=True) for t in found.keywords[:limit]]
    merged = sorted([*found.words, *found.phrases], key=lambda t: (-t.count, t.term))
    return [t.json() for t in merged[:limit]]


def write_csv(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8-sig", newline="")
