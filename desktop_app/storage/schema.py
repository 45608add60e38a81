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
# Forgetting a row of the contentless index: FTS5 must be told the values it indexed.
FTS_DELETE = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {', '.join(FTS_COLUMNS)}) "
    f"VALUES ('delete', {', '.join('?' * (len(FTS_COLUMNS) + 1))})"
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


def _v4_organise(db: Database) -> None:
    """Tags, stars, notes and highlights, saved searches and the trash (issue 11).

    Each is a table of its own keyed by article id (ON DELETE CASCADE), so the articles
    table is not rewritten; only an index on the read mark is built (Unread counts and
    lists without reading every row: a few seconds on 300,000 articles).
    """
    db.execute(
        """CREATE TABLE trash (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            deleted TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE stars (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE article_tags (
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (tag_id, article_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX article_tags_article ON article_tags(article_id)")
    db.execute(
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            anchor_start INTEGER NOT NULL,
            anchor_end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            CHECK (0 <= anchor_start AND anchor_start < anchor_end)
        )"""
    )
    db.execute("CREATE INDEX notes_article ON notes(article_id)")
    db.execute(
        """CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            query TEXT NOT NULL DEFAULT '',
            filters TEXT NOT NULL DEFAULT '{}',
            seen_id INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            opened TEXT
        )"""
    )
    db.execute("CREATE INDEX articles_unread ON articles(read, sort_date DESC, id DESC)")


# "Akhb": SQLite's application_id, in the file's header, says the file is an Akhbar library
# (storage/identity.py), so that a file that is not one is never written to.
APPLICATION_ID = 0x416B6862


def _mark_as_akhbar_library(db: Database) -> None:
    """Mark the file as an Akhbar library and add the small side tables of issue 15.

    `library_facts`: what the library knows about itself (when it was last checked for
    damage). `article_files`: the original bytes of file names that are not valid UTF-8
    (the `path` column holds a readable form of them). Nothing is rewritten: cheap on any
    library size.
    """
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        """CREATE TABLE IF NOT EXISTS library_facts (
            key TEXT PRIMARY KEY, value TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS article_files (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            raw_path BLOB NOT NULL
        )"""
    )


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
    _v4_organise,
    _mark_as_akhbar_library,
    _v4_id_date_index,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Connection | Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    assert row is not None
    return row[0]


def newer_library(version: int) -> NotALibrary:
    return NotALibrary(
        f"this library was written by a newer Akhbar (schema {version}, "
        f"this version knows up to {SCHEMA_VERSION})"
    )


def migrate(connection: Connection, before_migration: Callable[[int], None] | None = None) -> bool:
    """Bring the database up to SCHEMA_VERSION, one transaction per step.

    True when an existing library was migrated (its rows may all have changed).
    Raises NotALibrary for a library from a newer Akhbar, StorageError if a step fails.

    Safe with any number of processes opening the library at once: each step takes the
    write lock first (BEGIN IMMEDIATE) and reads the version again inside it, so a step
    another process has just committed is skipped, never run twice. (storage/library.py
    also holds the library's lock file around this, so the backup is taken once.)
    """
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise newer_library(current)
    if current == SCHEMA_VERSION:
        return False
    if current > 0 and before_migration:
        before_migration(current)
    with translating():  # sqlite-utils speaks to sqlite3 directly
        db = connection.as_sqlite_utils()  # the migrations are written with sqlite-utils
        while True:
            connection.execute("BEGIN IMMEDIATE")
            try:
                version = schema_version(connection)
                if version >= SCHEMA_VERSION:
                    connection.execute("COMMIT")
                    break
                MIGRATIONS[version](db)
                db.execute(f"PRAGMA user_version = {version + 1}")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
    return current > 0
