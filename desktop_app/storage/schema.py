"""The library's tables, indexes and full-text index, and the migrations between versions.

The schema version lives in PRAGMA user_version. Each migration is a function that takes
the database from version N-1 to N inside one transaction; opening a library applies the
missing ones in order, so a library made by any earlier release keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.search.index import FTS_COLUMNS, index_values
from desktop_app.storage.connection import Connection
from desktop_app.storage.errors import NotALibrary, translating

if TYPE_CHECKING:
    from sqlite_utils import Database

FTS_TABLE = "articles_fts"
# One index row per article, its rowid the article's id, its columns those of
# search/index.py's list, filled by index_values() in the same order.
FTS_INSERT = (
    f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(FTS_COLUMNS) + 1))})"
)


def _create_fts(db: Database) -> None:
    """The full-text table of the current schema, its columns from FTS_COLUMNS.

    Contentless: the original text is in `articles`; the index holds normalised text.
    """
    db.execute(
        f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
            {", ".join(FTS_COLUMNS)},
            content='', tokenize='unicode61 remove_diacritics 2'
        )"""
    )


def _v1_initial(db: Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "published": str,  # ISO date or NULL
            "sort_date": str,  # published or '' so that keyset paging never meets NULL
            "title": str,
            "lede": str,
            "source": str,
            "caption": str,
            "dateline": str,
            "body": str,  # paragraphs joined by "\n" (a paragraph never holds one)
            "path": str,
            "encoding": str,
            "content_hash": str,
            "title_key": str,
            "imported": str,
            "read": int,
        },
        pk="id",
        not_null={"sort_date", "title", "lede", "source", "body", "path", "content_hash",
                  "title_key", "imported", "read"},
        defaults={"read": 0, "sort_date": "", "lede": "", "source": ""},
    )  # fmt: skip
    db.table("articles").create_index(["content_hash"], unique=True)
    db.table("articles").create_index(["title_key"])
    db.execute("CREATE INDEX articles_newest ON articles(sort_date DESC, id DESC)")
    db.execute("CREATE INDEX articles_source ON articles(source, sort_date DESC, id DESC)")
    db.execute(
        """CREATE TABLE related (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID"""
    )
    db.table("related").create_index(["key"])
    db.execute(
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            headline TEXT NOT NULL,
            key TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (article_id, position)
        )"""
    )
    db.table("bookmarks").create_index(["key"])
    # The index as version 1 made it (frozen here: _v2_stemmed_index replaces it with
    # the current column list).
    db.execute(
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, lede, caption, body,
            content='', tokenize='unicode61 remove_diacritics 2'
        )"""
    )


_REBUILD_BATCH = 500


def _v2_stemmed_index(db: Database) -> None:
    """Index every field twice: normalised (exact) and stemmed; rebuild from `articles`.

    A contentless FTS5 table cannot gain columns, so the v1 table is replaced. Exact
    columns keep their v1 names; plain words are looked up in the stem columns and the
    exact ones rank the hits that use the words as typed (see search/query.py).
    """
    db.execute(f"DROP TABLE {FTS_TABLE}")
    _create_fts(db)
    _fill_index(db)


def _fill_index(db: Database) -> None:
    """Index every stored article again (the index is contentless: it cannot re-derive)."""
    rows = db.execute("SELECT id, title, lede, caption, body FROM articles ORDER BY id")
    while batch := rows.fetchmany(_REBUILD_BATCH):
        db.conn.executemany(
            FTS_INSERT, [(r[0], *index_values(r[1], r[2], r[3] or "", r[4])) for r in batch]
        )


def _v3_restemmed_index(db: Database) -> None:
    """The stemmer of issue 16 (sound plurals, pronoun suffixes, relative ي) stems many
    words differently: every article's stem columns are written again."""
    db.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    _fill_index(db)


ID_DATE_INDEX = "articles_id_date"


def _v4_id_date_index(db: Database) -> None:
    """An index on (id, sort_date): search ranks its hits by score, then newer first,
    reading each hit's date from this small index instead of its row (the row holds the
    whole text). About 1 s for 300,000 articles."""
    db.execute(f"CREATE INDEX IF NOT EXISTS {ID_DATE_INDEX} ON articles(id, sort_date)")


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial,
    _v2_stemmed_index,
    _v3_restemmed_index,
    _v4_id_date_index,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Connection | Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    assert row is not None
    return row[0]


def migrate(connection: Connection, before_migration: Callable[[int], None] | None = None) -> bool:
    """Bring the database up to SCHEMA_VERSION, one transaction per step.

    True when an existing library was migrated (its rows may all have changed).
    Raises NotALibrary for a library from a newer Akhbar, StorageError if a step fails.
    """
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise NotALibrary(
            f"this library was written by a newer Akhbar (schema {current}, "
            f"this version knows up to {SCHEMA_VERSION})"
        )
    if current < SCHEMA_VERSION and current > 0 and before_migration:
        before_migration(current)
    if current == SCHEMA_VERSION:
        return False
    with translating():  # sqlite-utils speaks to sqlite3 directly
        db = connection.as_sqlite_utils()  # the migrations are written with sqlite-utils
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                MIGRATIONS[version - 1](db)
                db.execute(f"PRAGMA user_version = {version}")
    return current > 0
