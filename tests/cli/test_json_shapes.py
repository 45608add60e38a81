"""Every `--json` output has exactly the keys README.md's "JSON shapes" documents.

The shapes are read from the README itself, so the documentation and the output
(made by services/exports.py) cannot drift apart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.cli import COMMANDS, main
from tests.helpers import article_text, write_article

README = Path(__file__).resolve().parents[2] / "README.md"
_TOKEN = re.compile(r'[{}\[\]:,]|"[^"]*"|[A-Za-z_]+')


def documented_shapes() -> dict[str, object]:
    """README's shapes by command: a dict of key → nested shape (None: a plain value),
    a one-item list for "a list of these", None for a plain value."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("JSON shapes:") :].split("\n\n")[1]
    shapes = {
        command.removesuffix(" --json"): _parse(_TOKEN.findall(shape))
        for command, shape in re.findall(r"`([a-z][a-z -]*)`: `([\[{][^`]*)`", section)
    }
    assert "`bookmark list`: a list of those" in section
    shapes["bookmark list"] = [shapes["bookmark add"]]
    return shapes


def _parse(tokens: list[str]) -> object:
    shape, rest = _value(tokens)
    assert rest == [], rest
    return shape


def _value(tokens: list[str]) -> tuple[object, list[str]]:
    first, rest = tokens[0], tokens[1:]
    if first == "[":
        item, rest = _value(rest)
        assert rest[0] == "]"
        return [item], rest[1:]
    if first != "{":
        return None, rest  # str, true, …
    keys: dict[str, object] = {}
    while rest[0] != "}":
        key, rest = rest[0].strip('"'), rest[1:]
        keys[key] = None
        if rest[0] == ":":
            keys[key], rest = _value(rest[1:])
        if rest[0] == ",":
            rest = rest[1:]
    return keys, rest[1:]


def assert_shape(value: object, shape: object, where: str = "") -> None:
    if isinstance(shape, dict):
        assert isinstance(value, dict), where
        assert set(value) == set(shape), where
        for key, inner in shape.items():
            if inner is not None:
                assert_shape(value[key], inner, f"{where}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list) and value, f"{where}: an empty list shows no shape"
        for item in value:
            assert_shape(item, shape[0], f"{where}[]")


def akhbar_json(capsys, db: Path, *args: str, code: int = 0) -> object:
    assert main(["--db", str(db), *args, "--json"]) == code, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_readme_documents_every_command():
    shapes = documented_shapes()
    assert {name.split()[0] for name in shapes} == set(COMMANDS)
    assert shapes["bookmark remove"] == {"id": None, "removed": None}
    assert shapes["show"]["related"] == [  # type: ignore[index]
        {"position": None, "text": None, "article_id": None, "bookmarked": None}
    ]


@pytest.fixture
def shapes() -> dict[str, object]:
    return documented_shapes()


def test_every_json_output_has_the_documented_keys(tmp_path, capsys, shapes):
    folder = tmp_path / "in"
    write_article(folder, "1.txt", "افتتاح معرض الكتاب في الرياض", date="2024-01-10",
                  related=("إطلاق قمر صناعي", "عنوان لا مقال له"))  # fmt: skip
    write_article(folder, "2.txt", "إطلاق قمر صناعي", date="2024-02-10")
    (folder / "3.txt").write_bytes((folder / "1.txt").read_bytes())  # a duplicate
    (folder / "4.txt").write_bytes(b"")  # fails: empty
    cut = article_text("خبر قطع آخره", date="2024-03-01").rsplit(">>", 1)[0]
    (folder / "5.txt").write_text(cut, encoding="utf-8")  # imported, with a warning
    db = tmp_path / "lib.db"

    report = akhbar_json(capsys, db, "import", str(folder), code=1)
    assert_shape(report, shapes["import"], "import")

    listed = akhbar_json(capsys, db, "list")
    assert_shape(listed, shapes["list"], "list")
    first = next(item["id"] for item in listed if item["title"].startswith("افتتاح"))
    akhbar_json(capsys, db, "tag", "add", "ثقافة", str(first))  # so that no list is empty
    akhbar_json(capsys, db, "note", "add", str(first), "--quote", "معرض الكتاب")
    assert_shape(akhbar_json(capsys, db, "show", str(first)), shapes["show"], "show")
    assert_shape(akhbar_json(capsys, db, "search", "قمر"), shapes["search"], "search")
    counted = akhbar_json(capsys, db, "search", "قمر", "--count")
    assert_shape(counted, shapes["search --count"], "search --count")
    assert counted == {"count": 1}

    added = akhbar_json(capsys, db, "bookmark", "add", str(first), "0")
    assert_shape(added, shapes["bookmark add"], "bookmark add")
    assert_shape(akhbar_json(capsys, db, "bookmark", "list"), shapes["bookmark list"], "list")
    removed = akhbar_json(capsys, db, "bookmark", "remove", str(added["id"]))
    assert_shape(removed, shapes["bookmark remove"], "bookmark remove")
    assert removed == {"id": added["id"], "removed": True}

    copy = tmp_path / "copy.db"
    assert_shape(akhbar_json(capsys, db, "backup", str(copy)), shapes["backup"], "backup")
    restored = akhbar_json(capsys, db, "restore", str(copy))
    assert_shape(restored, shapes["restore"], "restore")
    assert restored["articles"] == 3
    # Into a new library nothing is replaced: `previous` is there, and null.
    fresh = akhbar_json(capsys, tmp_path / "fresh.db", "restore", str(copy))
    assert_shape(fresh, shapes["restore"], "restore")
    assert fresh["previous"] is None
    rebuilt = akhbar_json(capsys, db, "recover", "--out", str(tmp_path / "rebuilt.db"))
    assert_shape(rebuilt, shapes["recover"], "recover")
    assert rebuilt["articles"] == 3 and rebuilt["damaged"] is None


def test_every_organising_command_has_the_documented_keys(tmp_path, capsys, shapes):
    folder = tmp_path / "in"
    write_article(folder, "1.txt", "افتتاح معرض الكتاب في الرياض", date="2024-01-10")
    write_article(folder, "2.txt", "إطلاق قمر صناعي", date="2024-02-10")
    db = tmp_path / "lib.db"
    akhbar_json(capsys, db, "import", str(folder))
    ids = sorted(item["id"] for item in akhbar_json(capsys, db, "list"))
    first, second = map(str, ids)

    def check(command: str, *args: str) -> object:
        value = akhbar_json(capsys, db, *command.split(), *args)
        assert_shape(value, shapes[command], command)
        return value

    assert check("saved add", "معرض", "معرض") == {
        "name": "معرض", "query": "معرض", "count": 1, "new": 0
    }  # fmt: skip
    check("saved list")
    check("saved show", "معرض")
    assert check("tag add", "ثقافة", first, second) == {"tag": "ثقافة", "articles": ids}
    check("tag list")
    assert check("tag remove", "ثقافة", second) == {"tag": "ثقافة", "articles": [ids[1]]}
    assert check("tag rename", "ثقافة", "فنون") == {"tag": "فنون", "count": 1}
    assert check("tag delete", "فنون") == {"tag": "فنون", "removed": True}
    assert check("star", first) == {"articles": [ids[0]], "starred": True}
    assert check("unstar", first) == {"articles": [ids[0]], "starred": False}
    assert check("mark", "read", first) == {"articles": [ids[0]], "read": True}
    assert check("mark", "unread", first) == {"articles": [ids[0]], "read": False}
    note = check("note add", first, "--quote", "معرض الكتاب", "--text", "مهم")
    check("note list")
    assert check("note remove", str(note["id"])) == {"id": note["id"], "removed": True}
    assert check("delete", second) == {"articles": [ids[1]], "trashed": True}
    check("trash list")
    assert check("trash restore", second) == {"articles": [ids[1]], "trashed": False}
    check("delete", second)
    assert check("trash empty") == {"articles": [ids[1]], "removed": True}
    out = tmp_path / "out.csv"
    assert check("export", "معرض", "--format", "csv", "--out", str(out)) == {
        "path": str(out), "articles": 1
    }  # fmt: skip
    assert check("saved remove", "معرض") == {"name": "معرض", "removed": True}
