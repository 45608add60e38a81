"""The organising commands (issue 11): saved, tag, star, unstar, mark, note, delete, trash,
export, and list's new filters and show's new fields. Exit codes 0/1/2, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.helpers import write_article


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    folder = tmp_path / "in"
    write_article(folder, "1.txt", "خفض إنتاج النفط", ["الرياض - قررت الدول خفض إنتاج النفط."],
                  date="2024-01-10", source="عكاظ", related=("إطلاق قمر صناعي",))  # fmt: skip
    write_article(folder, "2.txt", "إطلاق قمر صناعي", ["جدة - أطلقت الوكالة قمرا للنفط."],
                  date="2024-02-10", source="الحياة")  # fmt: skip
    write_article(folder, "3.txt", "معرض الكتاب", date="2024-03-10", source="عكاظ")
    path = tmp_path / "lib.db"
    assert main(["--db", str(path), "import", str(folder)]) == 0
    capsys.readouterr()
    return path


def run(capsys, db: Path, *args: str, code: int = 0):
    """JSON output of a command that must exit with `code` (0: parsed; else the error)."""
    exit_code = main(["--db", str(db), *args, "--json"])
    out, err = capsys.readouterr()
    assert exit_code == code, err
    if code:
        assert out == "" and err.count("\n") == 1, err  # one line
        return err
    return json.loads(out)


def human(capsys, db: Path, *args: str) -> str:
    assert main(["--db", str(db), *args]) == 0
    return capsys.readouterr().out


def ids_by_title(capsys, db: Path) -> dict[str, int]:
    return {item["title"]: item["id"] for item in run(capsys, db, "list")}


def test_saved_search_reports_new_matches_until_shown(tmp_path, db, capsys):
    added = run(capsys, db, "saved", "add", "نفط", "النفط")
    assert added == {"name": "نفط", "query": "النفط", "count": 2, "new": 0}
    write_article(tmp_path / "more", "4.txt", "أسعار النفط ترتفع", date="2020-01-01")
    main(["--db", str(db), "import", str(tmp_path / "more")])
    capsys.readouterr()
    assert run(capsys, db, "saved", "list") == [
        {"name": "نفط", "query": "النفط", "count": 3, "new": 1}
    ]
    assert "نفط: 3 match(es), 1 new" in human(capsys, db, "saved", "list")
    hits = run(capsys, db, "saved", "show", "نفط", "--limit", "2")
    assert len(hits) == 2 and set(hits[0]) == {"id", "title", "published", "source", "snippet"}
    assert run(capsys, db, "saved", "list")[0]["new"] == 0
    assert run(capsys, db, "saved", "remove", "نفط") == {"name": "نفط", "removed": True}
    assert run(capsys, db, "saved", "list") == []


def test_saved_search_takes_the_list_filters(db, capsys):
    added = run(capsys, db, "saved", "add", "عكاظ", "النفط", "--source", "عكاظ")
    assert added["count"] == 1
    assert "akhbar: error: a saved search named 'عكاظ' already exists" in run(
        capsys, db, "saved", "add", "عكاظ", "x", code=1
    )
    assert "no saved search named 'غائب'" in run(capsys, db, "saved", "show", "غائب", code=1)
    assert "no saved search named 'غائب'" in run(capsys, db, "saved", "remove", "غائب", code=1)


def test_tags_add_remove_list_and_filter(db, capsys):
    ids = ids_by_title(capsys, db)
    oil, moon, fair = ids["خفض إنتاج النفط"], ids["إطلاق قمر صناعي"], ids["معرض الكتاب"]
    assert run(capsys, db, "tag", "add", "طاقة", str(oil), str(moon)) == {
        "tag": "طاقة", "articles": [oil, moon]
    }  # fmt: skip
    run(capsys, db, "tag", "add", "ثقافة", str(fair))
    assert run(capsys, db, "tag", "list") == [
        {"tag": "ثقافة", "count": 1}, {"tag": "طاقة", "count": 2}
    ]  # fmt: skip
    assert [a["id"] for a in run(capsys, db, "list", "--tag", "طاقة")] == [moon, oil]
    assert run(capsys, db, "tag", "remove", "طاقة", str(moon)) == {
        "tag": "طاقة",
        "articles": [moon],
    }
    assert run(capsys, db, "show", str(oil))["tags"] == ["طاقة"]
    assert "no article with id 404" in run(capsys, db, "tag", "add", "طاقة", "404", code=1)
    assert "no tag named 'غائب'" in run(capsys, db, "tag", "remove", "غائب", str(oil), code=1)
    assert "no tag named 'غائب'" in run(capsys, db, "list", "--tag", "غائب", code=1)
    assert run(capsys, db, "tag", "rename", "طاقة", "نفط") == {"tag": "نفط", "count": 1}
    assert run(capsys, db, "tag", "delete", "نفط") == {"tag": "نفط", "removed": True}
    assert "tagged 1 article(s): ثقافة" in human(capsys, db, "tag", "add", "ثقافة", str(oil))


def test_star_unstar_mark_and_the_list_filters(db, capsys):
    ids = ids_by_title(capsys, db)
    oil, moon, fair = ids["خفض إنتاج النفط"], ids["إطلاق قمر صناعي"], ids["معرض الكتاب"]
    assert run(capsys, db, "star", str(oil), str(fair)) == {
        "articles": [oil, fair],
        "starred": True,
    }
    assert run(capsys, db, "unstar", str(fair)) == {"articles": [fair], "starred": False}
    assert [a["id"] for a in run(capsys, db, "list", "--starred")] == [oil]
    assert run(capsys, db, "mark", "read", str(oil), str(moon)) == {
        "articles": [oil, moon], "read": True
    }  # fmt: skip
    assert [a["id"] for a in run(capsys, db, "list", "--unread")] == [fair]
    assert run(capsys, db, "mark", "unread", str(moon))["read"] is False
    shown = run(capsys, db, "show", str(moon))
    assert (shown["read"], shown["starred"]) == (False, False)
    assert run(capsys, db, "show", str(oil))["starred"] is True
    listed = run(capsys, db, "list", "--source", "عكاظ", "--from", "2024-02-01")
    assert [a["id"] for a in listed] == [fair]
    listed = run(capsys, db, "list", "--to", "2024-02-10", "--from", "2024-01-10")
    assert [a["id"] for a in listed] == [moon, oil]
    assert "no article with id 99" in run(capsys, db, "star", str(oil), "99", code=1)
    assert run(capsys, db, "list", "--starred")[0]["id"] == oil  # nothing changed by the error
    assert "no article with id 99" in run(capsys, db, "mark", "read", "99", code=1)
    assert main(["--db", str(db), "mark", "done", str(oil)]) == 2
    assert main(["--db", str(db), "list", "--from", "yesterday"]) == 2
    assert main(["--db", str(db), "star"]) == 2
    capsys.readouterr()


def test_notes_add_list_search_remove(db, capsys):
    ids = ids_by_title(capsys, db)
    oil, moon = ids["خفض إنتاج النفط"], ids["إطلاق قمر صناعي"]
    note = run(capsys, db, "note", "add", str(oil), "--quote", "خفض إنتاج", "--text", "قرار أوبك")
    assert set(note) == {"id", "article_id", "quote", "text", "field", "start", "end", "created"}
    assert (note["field"], note["start"], note["end"]) == ("title", 0, 9)
    assert note["article_id"] == oil and note["text"] == "قرار أوبك"
    body = run(capsys, db, "note", "add", str(moon), "--quote", "قمرا للنفط")
    shown = run(capsys, db, "show", str(moon))
    paragraph = int(body["field"].split("/")[1])
    assert shown["paragraphs"][paragraph][body["start"] : body["end"]] == "قمرا للنفط"
    assert shown["notes"] == [body]
    assert [n["id"] for n in run(capsys, db, "note", "list")] == [body["id"], note["id"]]
    assert run(capsys, db, "note", "list", "--article", str(oil)) == [note]
    assert run(capsys, db, "note", "list", "--search", "اوبك") == [note]
    assert "does not occur in article" in run(
        capsys, db, "note", "add", str(oil), "--quote", "جملة غائبة", code=1
    )
    assert "no article with id 77" in run(capsys, db, "note", "list", "--article", "77", code=1)
    assert run(capsys, db, "note", "remove", str(note["id"])) == {"id": note["id"], "removed": True}
    assert f"no note with id {note['id']}" in run(
        capsys, db, "note", "remove", str(note["id"]), code=1
    )
    assert main(["--db", str(db), "note", "add", str(oil)]) == 2  # --quote is required
    capsys.readouterr()


def test_delete_trash_restore_and_empty(tmp_path, db, capsys):
    ids = ids_by_title(capsys, db)
    oil, moon = ids["خفض إنتاج النفط"], ids["إطلاق قمر صناعي"]
    assert run(capsys, db, "delete", str(moon)) == {"articles": [moon], "trashed": True}
    assert moon not in [a["id"] for a in run(capsys, db, "list")]
    assert run(capsys, db, "search", "قمر") == []
    assert run(capsys, db, "show", str(oil))["related"][0]["article_id"] is None
    assert f"article {moon} is in the trash" in run(capsys, db, "show", str(moon), code=1)
    trashed = run(capsys, db, "trash", "list")
    assert [t["id"] for t in trashed] == [moon]
    assert set(trashed[0]) == {"id", "published", "title", "source", "deleted"}
    assert f"article {oil} is not in the trash" in run(
        capsys, db, "trash", "restore", str(oil), code=1
    )
    assert run(capsys, db, "trash", "restore", str(moon)) == {"articles": [moon], "trashed": False}
    assert run(capsys, db, "show", str(oil))["related"][0]["article_id"] == moon
    run(capsys, db, "delete", str(moon))
    assert run(capsys, db, "trash", "empty") == {"articles": [moon], "removed": True}
    assert run(capsys, db, "trash", "list") == []
    assert f"no article with id {moon}" in run(capsys, db, "show", str(moon), code=1)
    assert "no article with id 404" in run(capsys, db, "delete", "404", code=1)
    assert "removed for good: 0 article(s)" in human(capsys, db, "trash", "empty")


def test_export_every_format_and_set(tmp_path, db, capsys):
    ids = ids_by_title(capsys, db)
    oil, moon = ids["خفض إنتاج النفط"], ids["إطلاق قمر صناعي"]
    run(capsys, db, "tag", "add", "طاقة", str(oil), str(moon))
    run(capsys, db, "saved", "add", "قمر", "قمر")
    out = tmp_path / "out"
    out.mkdir()
    for fmt, ext in [("jsonl", "jsonl"), ("csv", "csv"), ("md", "md"), ("html", "html"),
                     ("csljson", "json"), ("bibtex", "bib"), ("ris", "ris")]:  # fmt: skip
        made = run(capsys, db, "export", "--tag", "طاقة", "--format", fmt, "--out", str(out))
        assert made == {"path": str(out / f"طاقة.{ext}"), "articles": 2}
        assert Path(made["path"]).stat().st_size > 0
    assert run(capsys, db, "export", "--saved", "قمر", "--format", "ris", "--out", str(out))[
        "path"
    ] == str(out / "قمر.ris")
    one = run(capsys, db, "export", "--ids", f"{oil}", "--format", "md", "--out", str(out))
    assert one["path"] == str(out / "خفض إنتاج النفط.md")
    file = tmp_path / "set.jsonl"
    made = run(capsys, db, "export", "النفط", "--format", "jsonl", "--out", str(file))
    assert made == {"path": str(file), "articles": 2}
    lines = file.read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [moon, oil]
    assert "no article with id 9" in run(
        capsys, db, "export", "--ids", f"{oil},9", "--format", "csv", "--out", str(file), code=1
    )
    for bad in (
        ["export", "--format", "csv", "--out", str(file)],  # no set
        ["export", "q", "--tag", "طاقة", "--format", "csv", "--out", str(file)],  # two sets
        ["export", "q", "--format", "pdf", "--out", str(file)],
        ["export", "--ids", "1,x", "--format", "csv", "--out", str(file)],
    ):
        assert main(["--db", str(db), *bad]) == 2, bad
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("akhbar"), err
