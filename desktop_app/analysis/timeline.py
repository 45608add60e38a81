"""Attention over time: how many articles match each query per day, week or month.

Counts come from the full-text index through the same query language as the headline
list (storage/analysis.py); `total` is every article of the period under the same
filters without the query, so count / total is the share of the period's coverage.
Periods are those in which the (filtered) library has dated articles, so a period
with articles but no match appears with a count of 0; undated articles are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from desktop_app.analysis.periods import Granularity, roll_up, sorted_periods
from desktop_app.storage.analysis import DAY, MONTH, AnalysisRepository
from desktop_app.storage.library import ListFilter


@dataclass(frozen=True)
class Timeline:
    """Counts per period for one or more queries, with the period totals.

    `counts[query][i]` and `totals[i]` belong to `periods[i]`. With `by_source`, every
    series is split: `source_counts[query][source][i]`, `source_totals[source][i]`.
    """

    by: Granularity
    hijri: bool
    periods: list[str]
    totals: list[int]
    counts: dict[str, list[int]]
    source_totals: dict[str, list[int]] = field(default_factory=dict)
    source_counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def rows(self, query: str) -> list[dict]:
        """`akhbar timeline --json`: [{"period", "count", "total"}] for one query."""
        return [
            {"period": p, "count": c, "total": t}
            for p, c, t in zip(self.periods, self.counts[query], self.totals, strict=True)
        ]

    def share(self, query: str) -> list[float]:
        """count / total per period (0 where the period has no article)."""
        return [c / t if t else 0.0 for c, t in zip(self.counts[query], self.totals, strict=True)]


def timeline(
    repo: AnalysisRepository,
    queries: list[str],
    by: Granularity = "month",
    hijri: bool = False,
    filters: ListFilter | None = None,
    by_source: bool = False,
) -> Timeline:
    """The timeline of each query under `filters` (its own `query` field is ANDed in).

    Raises SearchCancelled when `repo.interrupt()` is called from another thread.
    """
    base = filters or ListFilter()
    length = MONTH if by == "month" and not hijri else DAY

    def per_period(query: str | None) -> dict[tuple[str, str], int]:
        combined = " ".join(q for q in (base.query, query) if q) or None
        raw = repo.period_counts(replace(base, query=combined), length, by_source)
        if length == MONTH:
            return raw
        by_key: dict[str, dict[str, int]] = {}
        for (source, day), count in raw.items():
            by_key.setdefault(source, {})[day] = count
        return {
            (source, period): count
            for source, days in by_key.items()
            for period, count in roll_up(days, by, hijri).items()
        }

    totals = per_period(None)
    series = {query: per_period(query) for query in queries}
    periods = sorted_periods(period for _, period in totals)
    sources = sorted({source for source, _ in totals})

    def column(counts: dict[tuple[str, str], int], source: str | None) -> list[int]:
        if source is not None:
            return [counts.get((source, p), 0) for p in periods]
        summed: dict[str, int] = {}
        for (_, period), count in counts.items():
            summed[period] = summed.get(period, 0) + count
        return [summed.get(p, 0) for p in periods]

    return Timeline(
        by=by,
        hijri=hijri,
        periods=periods,
        totals=column(totals, None),
        counts={q: column(series[q], None) for q in queries},
        source_totals={s: column(totals, s) for s in sources} if by_source else {},
        source_counts=(
            {q: {s: column(series[q], s) for s in sources} for q in queries} if by_source else {}
        ),
    )
