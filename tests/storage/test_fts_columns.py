"""One list of the full-text index's columns (search/index.py): the schema, the insert,
the ranking weights and the query language all follow it."""

from __future__ import annotations

import re

from desktop_app.search import query as query_module
from desktop_app.search.index import (
    BM25_WEIGHTS,
    EXACT_COLUMNS,
    FTS_COLUMNS,
    FTS_FIELDS,
    STEM_COLUMNS,
    index_values,
)
from desktop_app.search.query import parse_query
from desktop_app.storage import schema
from desktop_app.storage.library import Library, connect
from tests.helpers import stored


def fts_columns(library: Library) -> tuple[str, ...]:
    return tuple(row["name"] for row in library.db.execute("PRAGMA table_info(articles_fts)"))


def test_the_schema_creates_the_listed_columns(library):
    assert fts_columns(library) == FTS_COLUMNS
    assert FTS_COLUMNS == EXACT_COLUMNS + STEM_COLUMNS
    assert tuple(name for name, _ in FTS_FIELDS) == EXACT_COLUMNS


def test_a_migrated_library_has_the_listed_columns(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    schema.MIGRATIONS[0](db.as_sqlite_utils())
    db.execute("PRAGMA user_version = 1")
    db.close()
    with Library(path) as library:
        assert fts_columns(library) == FTS_COLUMNS


def test_the_insert_fills_the_listed_columns_in_order(library):
    named = re.search(r"\((.*?)\)", schema.FTS_INSERT)
    assert named is not None
    assert tuple(c.strip() for c in named.group(1).split(",")) == ("rowid", *FTS_COLUMNS)
    assert len(index_values("عنوان", "مقدمة", "", "نص")) == len(FTS_COLUMNS)
    article_id = stored(library, "الوزارة", caption="صورة المدرسة")
    for column, expected in [("caption_stem", "مدرس"), ("title_stem", "زار")]:
        found = library.db.column(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
            [f'{{{column}}} : "{expected}"'],
        )
        assert found == [article_id], column


def test_ranking_weighs_every_listed_column():
    assert len(BM25_WEIGHTS) == len(FTS_COLUMNS)


def test_the_query_language_names_the_listed_columns():
    match = parse_query("مدرسة").match()
    assert match is not None
    assert "{" + " ".join(STEM_COLUMNS) + "}" in match
    exact = parse_query("مدرسة").exact_match()
    assert exact is not None and "{" + " ".join(EXACT_COLUMNS) + "}" in exact
    assert query_module.EXACT_COLUMNS is EXACT_COLUMNS
