"""Plain data objects shared by every layer: frozen dataclasses, no behaviour beyond shape."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


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
    # From the byline the first paragraph opens with (parsing/byline.py), or named by a
    # record format (JSON, CSV, pages, feeds); `dateline` above is the place only.
    author: str | None = None
    agency: str | None = None
    url: str | None = None  # record formats often name it; the seed layout does not


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
    starred: bool = False
    tags: tuple[str, ...] = ()  # its tags, by name


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the headline list."""

    id: int
    title: str
    source: str
    published: date | None
    read: bool = False


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles to show: every field set narrows the list; None means no limit.

    The one filter value of the library: the headline list's filters, and the
    `source:`/`from:`/`to:` of the query language (ParsedQuery.filters) are both one of
    these, and storage turns it into SQL in one place. Pure and serialisable
    (`to_json`/`from_json`), so a saved search can keep it.

    `sources` and `excluded_sources` hold what a reader typed after `source:` and
    `-source:`: a name that must equal the whole source name once both are normalised,
    or `NAME*` for the names starting with it. Several `sources` are alternatives.
    """

    source: str | None = None  # exactly this source, as stored (the list's source box)
    source_prefix: str | None = None  # this source or one whose name starts with it (older)
    date_from: date | None = None  # published on or after
    date_to: date | None = None  # published on or before (undated articles left out)
    dateline: str | None = None
    unread_only: bool = False
    query: str | None = None  # query-language text: words, and any filters typed in it
    tag: str | None = None  # tagged with this tag (its name)
    starred: bool = False  # starred articles only
    sources: tuple[str, ...] = ()  # any of these names (source:), NAME* a prefix
    excluded_sources: tuple[str, ...] = ()  # none of these (-source:)
    not_from: date | None = None  # leave out articles published on or after (-from:)
    not_to: date | None = None  # leave out articles published on or before (-to:)
    # The query's words must be written with the hamza / the diacritics as typed.
    exact_hamza: bool = False
    exact_diacritics: bool = False

    def is_unfiltered(self) -> bool:
        return self == ArticleFilter()

    def to_json(self) -> dict:
        """The fields that are set, dates as YYYY-MM-DD, lists of names as lists."""
        data: dict = {}
        for name in _FILTER_TEXT:
            if getattr(self, name):
                data[name] = getattr(self, name)
        for name in _FILTER_DATES:
            if getattr(self, name):
                data[name] = getattr(self, name).isoformat()
        for name in _FILTER_LISTS:
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        for name in _FILTER_FLAGS:
            if getattr(self, name):
                data[name] = True
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> ArticleFilter:
        """The filter `to_json` wrote; unknown keys (from a newer Akhbar) are ignored.

        Raises ValueError for a value of the wrong type or a date that is not one.
        """
        values: dict = {}
        for name in _FILTER_TEXT:
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"filter field {name} must be text, not {value!r}")
            values[name] = value or None
        for name in _FILTER_DATES:
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"filter field {name} must be a date, not {value!r}")
            values[name] = date.fromisoformat(value) if value else None
        for name in _FILTER_LISTS:
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"filter field {name} must be a list of text, not {value!r}")
            values[name] = tuple(value)
        for name in _FILTER_FLAGS:
            flag = data.get(name, False)
            if not isinstance(flag, bool):
                raise ValueError(f"filter field {name} must be true or false, not {flag!r}")
            values[name] = flag
        return cls(**values)


_FILTER_TEXT = ("source", "source_prefix", "dateline", "query", "tag")
_FILTER_DATES = ("date_from", "date_to", "not_from", "not_to")
_FILTER_LISTS = ("sources", "excluded_sources")
_FILTER_FLAGS = ("unread_only", "starred", "exact_hamza", "exact_diacritics")


class SearchOrder(StrEnum):
    """How search results are listed: best match first, or by date."""

    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    source: str
    published: date | None
    snippet: str


@dataclass(frozen=True)
class HitContext:
    """What the headline list shows under a search result: a line of context around
    the first match (an HTML fragment, as SearchHit.snippet) and how many words of the
    article the query matched."""

    snippet: str
    matches: int


@dataclass(frozen=True)
class Bookmark:
    id: int
    headline: str
    article_id: int
    position: int
    target_article_id: int | None
    created: str
    article_title: str = ""


@dataclass(frozen=True)
class Note:
    """A highlighted passage of an article, with the reader's note (empty: a highlight).

    `field` names the text holding the passage as `akhbar show --json` gives it
    ("title", "lede", "caption" or "paragraphs/N", 0-based) and `start`/`end` are
    character offsets into it; `quote` is the passage. `anchored` is False when the
    passage is no longer found in the article (the offsets are then the stored ones).
    The article's title, source and date come along for the notes panel.
    """

    id: int
    article_id: int
    field: str
    start: int
    end: int
    quote: str
    text: str
    created: str
    anchored: bool = True
    article_title: str = ""
    article_source: str = ""
    article_published: date | None = None


@dataclass(frozen=True)
class TagCount:
    name: str
    count: int  # articles with the tag (not those in the trash)


@dataclass(frozen=True)
class SavedSearch:
    """A query and list filters kept under a name; `seen_id` marks what was seen.

    Matches with an id above `seen_id` arrived since the saved search was last opened
    (article ids only grow: see storage/saved_searches.py).
    """

    id: int
    name: str
    filter: ArticleFilter  # its `query` is the saved query
    seen_id: int
    created: str
    opened: str | None = None

    @property
    def query(self) -> str:
        return self.filter.query or ""


@dataclass(frozen=True)
class SavedSearchCount:
    saved: SavedSearch
    count: int  # every match
    new: int  # matches that arrived since it was last opened


@dataclass(frozen=True)
class TrashedArticle:
    summary: ArticleSummary
    deleted: str  # when it was moved to the trash (ISO, UTC)


@dataclass(frozen=True)
class SidebarCounts:
    """The numbers of the window's sidebar (articles in the trash count only there)."""

    articles: int
    unread: int
    starred: int
    tags: tuple[TagCount, ...]
    saved_searches: tuple[SavedSearchCount, ...]
    notes: int
    trash: int


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
    # Why the import stopped before the end (a full disk, a damaged library), or None.
    # What the lists hold was saved; the files after it were not imported.
    stopped: str | None = None

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

    @property
    def changes(self) -> Changes:
        """What the import changed: the articles it added (duplicates change nothing)."""
        ids = [o.article_id for o in self.imported if o.article_id is not None]
        return Changes.of(ChangeKind.ARTICLES, ids) if ids else Changes.none()


class ChangeKind(StrEnum):
    """The kinds of things a write can change; later features add their own kinds.

    The ids of each kind are article ids, except BOOKMARKS (bookmark ids) and
    SAVED_SEARCHES (saved search ids).
    """

    ARTICLES = "articles"  # added, removed (to the trash too) or their text changed
    READ = "read"  # read marks
    BOOKMARKS = "bookmarks"  # bookmarked related headlines
    TAGS = "tags"  # tags given or taken (the articles); a tag renamed or deleted
    STARS = "stars"  # starred or unstarred
    NOTES = "notes"  # notes and highlights added, changed or removed (their articles)
    SAVED_SEARCHES = "saved_searches"  # added, removed, renamed, changed or opened
    TRASH = "trash"  # moved to the trash, restored, or removed for good


@dataclass(frozen=True)
class Changes:
    """What one write changed, so every part of the window refreshes only its own part.

    `kinds` maps each changed kind to the ids that changed, or to None when they are not
    known (all of that kind may have changed). A commit by another process arrives as
    `Changes.everything()`. Changes combine with `|`.
    """

    kinds: Mapping[ChangeKind, frozenset[int] | None] = field(default_factory=dict)
    everything_changed: bool = False

    @classmethod
    def of(cls, kind: ChangeKind, ids: Iterable[int] | None = None) -> Changes:
        return cls({kind: None if ids is None else frozenset(ids)})

    @classmethod
    def everything(cls) -> Changes:
        return cls(everything_changed=True)

    @classmethod
    def none(cls) -> Changes:
        return cls()

    def touches(self, *kinds: ChangeKind) -> bool:
        return self.everything_changed or any(kind in self.kinds for kind in kinds)

    def ids(self, kind: ChangeKind) -> frozenset[int] | None:
        """The changed ids of `kind`: None when unknown (or everything changed)."""
        if self.everything_changed:
            return None
        return self.kinds.get(kind, frozenset())

    def __bool__(self) -> bool:
        return self.everything_changed or bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[ChangeKind, frozenset[int] | None] = dict(self.kinds)
        for kind, ids in other.kinds.items():
            if kind in merged:
                mine = merged[kind]
                merged[kind] = None if mine is None or ids is None else mine | ids
            else:
                merged[kind] = ids
        return Changes(merged, self.everything_changed or other.everything_changed)
