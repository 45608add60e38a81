"""Sources at a glance: a table of sources with their counts and date ranges, and the
number of articles each source has per period."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.analysis.periods import Granularity
from desktop_app.analysis.timeline import timeline
from desktop_app.storage.analysis import AnalysisRepository
from desktop_app.storage.library import ListFilter


@dataclass(frozen=True)
class SourceStats:
    name: str
    articles: int
    first: str | None  # ISO date of its oldest dated article; None if none is dated
    last: str | None


@dataclass(frozen=True)
class LibraryStats:
    articles: int
    first: str | None
    last: str | None
    sources: list[SourceStats]

    def json(self) -> dict:
        """`akhbar stats --json`."""
        return {
            "articles": self.articles,
            "first": self.first,
            "last": self.last,
            "sources": [
                {"name": s.name, "articles": s.articles, "first": s.first, "last": s.last}
                for s in self.sources
            ],
        }


def library_stats(repo: AnalysisRepository) -> LibraryStats:
    """Every source, largest first, and the library's totals."""
    sources = [SourceStats(*row) for row in repo.source_table()]
    firsts = [s.first for s in sources if s.first]
    lasts = [s.last for s in sources if s.last]
    return LibraryStats(
        articles=sum(s.articles for s in sources),
        first=min(firsts) if firsts else None,
        last=max(lasts) if lasts else None,
        sources=sources,
    )


def articles_per_source(
    repo: AnalysisRepository,
    by: Granularity = "month",
    hijri: bool = False,
    filters: ListFilter | None = None,
) -> list[dict]:
    """[{"source", "period", "articles"}] for every source and period that has articles."""
    found = timeline(repo, [], by=by, hijri=hijri, filters=filters, by_source=True)
    return [
        {"source": source, "period": period, "articles": count}
        for source, counts in found.source_totals.items()
        for period, count in zip(found.periods, counts, strict=True)
        if count
    ]
