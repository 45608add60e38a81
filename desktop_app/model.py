"""Plain data objects shared by every layer: frozen dataclasses, no behaviour beyond shape."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ParsedArticle:
    """What the parser read from one file, before it is stored."""

    title: str
    lede: str
    source: str
    caption: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    related: tuple[str, ...]
    published: date | None
    path: str
    encoding: str
    content_hash: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelatedHeadline:
    position: int
    text: str
    article_id: int | None
    bookmarked: bool


@dataclass(frozen=True)
class Article:
    """A stored article, as the library returns it."""

    id: int
    title: str
    lede: str
    source: str
    caption: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    related: tuple[RelatedHeadline, ...]
    published: date | None
    path: str
    read: bool = False


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the headline list."""

    id: int
    title: str
    source: str
    published: date | None
    read: bool = False


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    source: str
    published: date | None
    snippet: str


@dataclass(frozen=True)
class Bookmark:
    id: int
    headline: str
    article_id: int
    position: int
    target_article_id: int | None
    created: str
    article_title: str = ""


@dataclass(frozen=True, slots=True)  # one per file of an import: keep it small
class ImportOutcome:
    """What happened to one file: status is 'imported', 'duplicate' or 'failed'."""

    path: str
    status: str
    article_id: int | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class ImportReport:
    imported: list[ImportOutcome] = field(default_factory=list)
    duplicates: list[ImportOutcome] = field(default_factory=list)
    failed: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    def add(self, outcome: ImportOutcome) -> None:
        {"imported": self.imported, "duplicate": self.duplicates, "failed": self.failed}[
            outcome.status
        ].append(outcome)

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.failed)

    def warnings(self) -> list[tuple[str, str]]:
        return [
            (o.path, message) for o in [*self.imported, *self.duplicates] for message in o.warnings
        ]

    def json_sections(self) -> dict[str, Iterator[dict]]:
        """The `akhbar import --json` fields, each an iterator of its items (streamable)."""
        return {
            "imported": ({"path": o.path, "id": o.article_id} for o in self.imported),
            "duplicates": ({"path": o.path, "id": o.article_id} for o in self.duplicates),
            "failed": ({"path": o.path, "reason": o.reason} for o in self.failed),
            "warnings": ({"path": p, "message": m} for p, m in self.warnings()),
        }

    def to_json(self) -> dict:
        return {name: list(items) for name, items in self.json_sections().items()}
