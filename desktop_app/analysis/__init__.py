"""Seeing the archive: attention over time, a concordance, top terms, sources. No Qt.

Each analysis takes an `AnalysisRepository` (storage/analysis.py) over the library's
connection and the list's current filters (`ListFilter`), and returns plain data for the
command line and the window: `timeline.timeline`, `concordance.concordance`,
`terms.top_terms`, `sources.library_stats` / `sources.articles_per_source`; CSV files
in `export.py`. Long runs can be stopped: `stop()` callbacks raise SearchCancelled and
`AnalysisRepository.interrupt()` stops a running query from another thread.
"""
