"""v3: the issue 16 stemmer stems differently, so an older library's stem columns are
written again when it is opened."""

from __future__ import annotations

import sqlite3

from desktop_app.storage.library import Library
from desktop_app.storage.schema import SCHEMA_VERSION
from tests.helpers import stored


def test_an_older_library_is_indexed_again_with_todays_stemmer(tmp_path):
    db = tmp_path / "lib.db"
    with Library(db) as library:
        article = stored(library, "بيانات الوزارة", ["أصدرت الوزارة بياناتها اليوم."])
    # What a v2 library holds for this article: stems written by an older stemmer. Here
    # the index is emptied outright, which only a rebuild can mend.
    raw = sqlite3.connect(db)
    raw.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    with Library(db) as library:
        assert [hit.id for hit in library.search("بيان")] == [article]
        version = library.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION >= 3
