"""`akhbar search`: a query that starts with -, --sort, --offset, --count and the exact
options (issue 16), through main(argv)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import EXIT_OK, EXIT_USAGE, main
from desktop_app.storage.library import Library
from tests.helpers import stored


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as library:
        stored(library, "إيران والنفط", ["جدة - صادرات إيران من النفط."], name="a.txt",
               date="2015-01-01", source="عكاظ")  # fmt: skip
        stored(library, "أسعار النفط", ["جدة - ارتفعت أسعار النفط."], name="b.txt",
               date="2016-01-01", source="سبق")  # fmt: skip
        stored(library, "نفط الخليج", ["جدة - النفط في الخليج."], name="c.txt",
               date="2017-01-01", source="الرياض")  # fmt: skip
        stored(library, "الامير يزور", ["جدة - زار الامير المدينة."], name="d.txt",
               date="2018-01-01", source="الرياضي")  # fmt: skip
    return path


def search(capsys, db, *args, code=EXIT_OK):
    assert main(["--db", str(db), "search", "--json", *args]) == code
    out = capsys.readouterr()
    return json.loads(out.out) if code == EXIT_OK else out.err


def titles(capsys, db, *args):
    return [hit["title"] for hit in search(capsys, db, *args)]


def test_a_query_starting_with_a_minus_is_a_query_not_an_option(capsys, db):
    assert titles(capsys, db, "-إيران", "--sort", "oldest") == [
        "أسعار النفط", "نفط الخليج", "الامير يزور"
    ]  # fmt: skip
    assert titles(capsys, db, "-source:عكاظ", "--sort", "newest") == [
        "الامير يزور", "نفط الخليج", "أسعار النفط"
    ]  # fmt: skip
    assert titles(capsys, db, "--sort", "newest", "--", "-إيران")[0] == "الامير يزور"
    # Its own options still work, and an unknown one is still a usage error.
    assert "unrecognized arguments: --nonsense" in search(
        capsys, db, "نفط", "--nonsense", code=EXIT_USAGE
    )


def test_sort_offset_and_limit(capsys, db):
    assert titles(capsys, db, "نفط", "--sort", "newest") == [
        "نفط الخليج", "أسعار النفط", "إيران والنفط"
    ]  # fmt: skip
    assert titles(capsys, db, "نفط", "--sort", "oldest", "--offset", "1", "--limit", "1") == [
        "أسعار النفط"
    ]
    assert len(titles(capsys, db, "نفط")) == 3  # relevance, the default
    assert "invalid choice" in search(capsys, db, "نفط", "--sort", "x", code=EXIT_USAGE)
    assert "must be 0 or more" in search(capsys, db, "نفط", "--offset", "-1", code=EXIT_USAGE)


def test_count(capsys, db):
    assert search(capsys, db, "نفط", "--count") == {"count": 3}
    assert search(capsys, db, "نفط -source:عكاظ", "--count") == {"count": 2}
    assert search(capsys, db, "source:عكاظ OR source:سبق", "--count") == {"count": 2}
    assert main(["--db", str(db), "search", "نفط", "--count"]) == EXIT_OK
    assert capsys.readouterr().out == "3\n"


def test_source_is_the_whole_name_unless_a_star(capsys, db):
    assert titles(capsys, db, "source:الرياض") == ["نفط الخليج"]
    assert sorted(titles(capsys, db, "source:الرياض*")) == ["الامير يزور", "نفط الخليج"]


def test_exact_hamza_and_diacritics(capsys, db):
    assert titles(capsys, db, "الأمير") == ["الامير يزور"]
    assert titles(capsys, db, "الأمير", "--exact-hamza") == []
    assert titles(capsys, db, "الامير", "--exact-hamza") == ["الامير يزور"]
    assert titles(capsys, db, "الأَمير", "--exact-diacritics") == []
    assert search(capsys, db, "إيران", "--exact-hamza", "--count") == {"count": 1}
