"""The `akhbar` command line contract, end to end through real subprocesses."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import write_article


def akhbar(*args, db=None, env=None):
    full_env = {**os.environ, **(env or {})}
    prefix = ["--db", str(db)] if db else []
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *prefix, *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "1.txt", "افتتاح معرض الكتاب", date="2024-01-10",
                  related=("إطلاق قمر صناعي", "خبر غير موجود"))  # fmt: skip
    write_article(folder, "2.txt", "اطلاق قمر صناعي", date="2024-02-10",
                  paragraphs=("جدة - أُطلق القمر الصناعي بنجاح من المحطة.",))  # fmt: skip
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "dup.txt").write_bytes((folder / "1.txt").read_bytes())
    return folder


def test_import_json_contract_and_exit_code(tmp_path, folder):
    result = akhbar("import", str(folder), "--json", db=tmp_path / "lib.db")
    assert result.returncode == 1, result.stderr  # one input failed
    report = json.loads(result.stdout)
    assert set(report) == {"imported", "duplicates", "failed", "warnings"}
    assert len(report["imported"]) == 2
    assert all(set(item) == {"path", "id"} for item in report["imported"])
    assert [os.path.basename(d["path"]) for d in report["duplicates"]] == ["dup.txt"]
    assert report["failed"][0]["path"].endswith("bad.txt")
    assert "binary" in report["failed"][0]["reason"]
    assert "Traceback" not in result.stderr


def test_list_show_search_bookmark(tmp_path, folder):
    db = tmp_path / "lib.db"
    akhbar("import", str(folder), db=db)
    listed = json.loads(akhbar("list", "--json", db=db).stdout)
    assert [item["title"] for item in listed] == ["اطلاق قمر صناعي", "افتتاح معرض الكتاب"]
    assert set(listed[0]) == {"id", "published", "title", "source"}
    assert listed[0]["published"] == "2024-02-10"

    one = json.loads(akhbar("show", str(listed[1]["id"]), "--json", db=db).stdout)
    # issue 11 added tags, starred, read and notes
    assert set(one) == {"id", "published", "title", "lede", "source", "caption", "dateline",
                        "paragraphs", "related", "path", "tags", "starred", "read",
                        "notes"}  # fmt: skip
    assert one["related"][0] == {
        "position": 0, "text": "إطلاق قمر صناعي",
        "article_id": listed[0]["id"], "bookmarked": False,
    }  # fmt: skip
    assert one["related"][1]["article_id"] is None

    hits = json.loads(akhbar("search", "اطلق", "--json", db=db).stdout)
    assert [h["id"] for h in hits] == [listed[0]["id"]]
    assert set(hits[0]) == {"id", "title", "published", "source", "snippet"}

    added = akhbar("bookmark", "add", str(one["id"]), "0", "--json", db=db)
    bookmark = json.loads(added.stdout)
    assert bookmark["headline"] == "إطلاق قمر صناعي"
    marks = json.loads(akhbar("bookmark", "list", "--json", db=db).stdout)
    assert set(marks[0]) == {"id", "headline", "article_id", "position",
                             "target_article_id", "created"}  # fmt: skip
    assert marks[0]["target_article_id"] == listed[0]["id"]
    found = akhbar("bookmark", "list", "--search", "والقمر", "--json", db=db)
    assert [m["id"] for m in json.loads(found.stdout)] == [bookmark["id"]]
    missed = akhbar("bookmark", "list", "--search", "معرض", "--json", db=db)
    assert json.loads(missed.stdout) == []
    again = json.loads(akhbar("show", str(one["id"]), "--json", db=db).stdout)
    assert again["related"][0]["bookmarked"] is True
    assert akhbar("bookmark", "remove", str(bookmark["id"]), db=db).returncode == 0
    assert json.loads(akhbar("bookmark", "list", "--json", db=db).stdout) == []


def test_errors_are_one_line_with_exit_codes(tmp_path):
    from desktop_app.storage.library import Library

    db = tmp_path / "lib.db"
    Library(db).close()  # an empty library (a read command never creates one: issue 15)
    missing = akhbar("show", "42", db=db)
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == ["akhbar: error: no article with id 42"]
    usage = akhbar("frobnicate", db=db)
    assert usage.returncode == 2
    assert len(usage.stderr.strip().splitlines()) == 1
    assert akhbar("list", "--limit", "x", db=db).returncode == 2
    assert akhbar("bookmark", "remove", "7", db=db).returncode == 1


def test_db_from_environment(tmp_path, folder):
    db = tmp_path / "env.db"
    assert akhbar("import", str(folder / "1.txt"), env={"AKHBAR_DB": str(db)}).returncode == 0
    assert db.exists()


def test_console_script_is_the_same_entry_point():
    from desktop_app import __main__, cli

    assert __main__.main_entry is cli.main_entry


def test_window_without_a_display_is_one_line_not_a_core_dump(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "lib.db")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "akhbar: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
        "unset); the commands work without one: akhbar --help"
    ]


def test_streamed_import_json_equals_the_report(capsys):
    from desktop_app.cli.cmd_import import _write_import_json
    from desktop_app.model import ImportOutcome, ImportReport
    from desktop_app.services.exports import import_report_json

    for outcomes in (
        [],
        [
            ImportOutcome("a.txt", "imported", article_id=1, warnings=("truncated: …",)),
            ImportOutcome("b.txt", "imported", article_id=2),
            ImportOutcome("c.txt", "duplicate", article_id=1),
            ImportOutcome('"d".txt', "failed", reason="empty file"),
        ],
    ):
        report = ImportReport()
        for outcome in outcomes:
            report.add(outcome)
        _write_import_json(report)
        assert json.loads(capsys.readouterr().out) == import_report_json(report)
