"""v3: the issue 16 stemmer stems differently, so an older library's stem columns are
written again when it is opened."""

from __future__ import annotations

import sqlite3

from desktop_app.storage import schema
from desktop_app.storage.library import Library
from tests.helpers import stored


def test_an_older_library_is_indexed_again_with_todays_stemmer(tmp_path, monkeypatch):
    db = tmp_path / "lib.db"
    with monkeypatch.context() as older:  # an Akhbar that knew schema 2
        older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        older.setattr(schema, "SCHEMA_VERSION", 2)
        with Library(db) as library:
            article = stored(library, "بيانات الوزارة", ["أصدرت الوزارة بياناتها اليوم."])
    # What a v2 library holds for this article: stems written by an older stemmer. Here
    # the index is emptied outright, which only a rebuild can mend.
    raw = sqlite3.connect(db)
    raw.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    raw.commit()
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    raw.close()
    with Library(db) as library:
        assert [hit.id for hit in library.search("بيان")] == [article]
        assert schema.schema_version(library.db) == schema.SCHEMA_VERSION > 3
