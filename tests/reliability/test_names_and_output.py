"""Issue 15, items 11-13, 15 and 16: names, output and the small things.

11. A file name that is not valid UTF-8 is stored and reported (readably, its bytes kept
    to open it again); `--json` is valid UTF-8 JSON whatever the locale.
12. Control characters and bidi overrides in article text show as escapes in output for
    people; JSON stays exact.
13. `akhbar list | head -1` ends quietly.
15. The log file rotates.
16. Clear messages: `--limit abc`, `restore FOLDER`, a backup to a place that cannot be
    written, a bookmark added twice, a bookmark removed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.storage.library import Library
from tests.helpers import stored, write_article
from tests.reliability.support import akhbar, akhbar_args, akhbar_as_user, open_folder

# -- 11: names that are not UTF-8, output in any locale ---------------------------------


def test_a_file_name_that_is_not_utf8_is_stored_reported_and_reopened(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    raw_name = os.fsencode(folder) + b"/caf\xe9-\xff\xfe.txt"  # Latin-1 and stray bytes
    text = tmp_path / "x.txt"
    write_article(tmp_path, "x.txt", "خبر باسم ملف غريب")
    with open(raw_name, "wb") as file:
        file.write(text.read_bytes())
    text.unlink()
    db = tmp_path / "library.db"
    result = subprocess.run(
        akhbar_args(db, "import", str(folder), "--json"), capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.decode("utf-8"))  # strict: valid UTF-8
    [imported] = report["imported"]
    assert imported["path"].endswith("caf\\xe9-\\xff\\xfe.txt")
    shown = json.loads(akhbar(db, "show", str(imported["id"]), "--json").stdout)
    assert shown["path"] == imported["path"]
    with Library(db) as library:
        reopened = library.file_path(imported["id"])
    assert os.fsencode(reopened) == raw_name  # the bytes kept: the file opens again
    again = subprocess.run(akhbar_args(db, "import", str(folder)), capture_output=True)
    assert again.returncode == 0
    assert b"caf\\xe9-\\xff\\xfe.txt" in again.stdout  # readable in the human summary
    again.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1256", "ascii", "latin-1"])
def test_json_is_utf8_whatever_the_locale(tmp_path, encoding):
    db = tmp_path / "library.db"
    with Library(db) as library:
        stored(library, "تحديث ✓ للتطبيق ڤيديو 😀", name="a.txt")  # none of it in cp1256
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LC_ALL": "C"}
    out = tmp_path / "list.json"
    with open(out, "wb") as stdout:
        code = subprocess.run(
            akhbar_args(db, "list", "--json"), stdout=stdout, stderr=subprocess.PIPE, env=env
        )
    assert code.returncode == 0, code.stderr
    [row] = json.loads(out.read_bytes().decode("utf-8"))
    assert row["title"] == "تحديث ✓ للتطبيق ڤيديو 😀"
    human = subprocess.run(akhbar_args(db, "list"), capture_output=True, env=env)
    assert human.returncode == 0 and human.stderr == b""  # readable or replaced, never a crash


# -- 12: control characters in output for people ----------------------------------------

HOSTILE_TITLE = "خبر \x1b]0;pwned\x07 عاجل \u202eabc \x9b31m"
UNSAFE = ["\x1b", "\x07", "\x9b", "\u202e", "\u2066"]


def test_control_characters_show_harmlessly_and_json_stays_exact(tmp_path):
    db = tmp_path / "library.db"
    with Library(db) as library:
        article_id = stored(
            library,
            HOSTILE_TITLE,
            ["نص عاجل فيه \x1b[2J ومسح للشاشة \u2066معزول."],
            caption="صورة \x1b[31mحمراء",
            related=("عنوان \x1b]8;;http://x\x07رابط",),
        )
        library.add_bookmark(article_id, 0)
    outputs = {
        "list": akhbar(db, "list"),
        "show": akhbar(db, "show", str(article_id)),
        "search": akhbar(db, "search", "عاجل"),
        "bookmark list": akhbar(db, "bookmark", "list"),
    }
    for name, result in outputs.items():
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.strip(), name
        for char in UNSAFE:
            assert char not in result.stdout, (name, char)
        assert "\\x1b" in result.stdout, name  # shown as what it is
    assert "\\u202e" in outputs["list"].stdout
    [row] = json.loads(akhbar(db, "list", "--json").stdout)
    assert row["title"] == HOSTILE_TITLE  # JSON: exact
    shown = json.loads(akhbar(db, "show", str(article_id), "--json").stdout)
    assert shown["related"][0]["text"] == "عنوان \x1b]8;;http://x\x07رابط"


def test_error_lines_show_control_characters_harmlessly(tmp_path):
    db = tmp_path / "library.db"
    Library(db).close()
    result = akhbar(db, "restore", str(tmp_path / "evil\x1b[2J.db"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


# -- 13: a reader that goes away ---------------------------------------------------------


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    db = tmp_path / "library.db"
    with Library(db) as library:
        for i in range(1500):  # ~150 KB of output: more than a pipe holds
            stored(library, f"خبر رقم {i} عن أحوال الطقس والأسواق في المدن", name=f"{i}.txt",
                   paragraphs=(f"نص الخبر {i}.",))  # fmt: skip
    process = subprocess.Popen(
        akhbar_args(db, "list", "--limit", "100000"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    err = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=60)
    assert err == b"", err
    assert process.returncode in (0, 141)
    shell = subprocess.run(
        [
            "bash",
            "-c",
            f"set -o pipefail; {' '.join(akhbar_args(db, 'list', '--limit', '100000'))} | head -1",
        ],
        capture_output=True,
        text=True,
    )
    assert shell.stderr == "" and len(shell.stdout.splitlines()) == 1


# -- 15: the log rotates -----------------------------------------------------------------

LOG_A_LOT = """
import logging
from desktop_app.services.log import log_path, setup_logging
setup_logging()
log = logging.getLogger("desktop_app.test")
for i in range(40000):
    log.info("a line of about a hundred characters, number %06d, written to fill the log", i)
print(log_path())
"""


def test_the_log_rotates(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-c", LOG_A_LOT], capture_output=True, text=True, env=env, check=True
    )
    log = Path(done.stdout.strip())
    files = sorted(p.name for p in log.parent.iterdir())
    assert files == ["akhbar.log", "akhbar.log.1", "akhbar.log.2", "akhbar.log.3"], files
    assert all(p.stat().st_size <= 1_000_000 for p in log.parent.iterdir())
    failed = subprocess.run(
        akhbar_args(tmp_path / "none.db", "list"), capture_output=True, text=True, env=env
    )
    assert failed.returncode == 1
    assert "command failed" in log.read_text(encoding="utf-8")  # still written to


# -- 16: clearer messages ----------------------------------------------------------------


def test_a_count_that_is_not_a_number_says_so(tmp_path):
    db = tmp_path / "library.db"
    Library(db).close()
    for command, option in ((["list", "--limit", "abc"], "--limit"), (["show", "abc"], "id")):
        result = akhbar(db, *command)
        assert result.returncode == 2
        [line] = result.stderr.strip().splitlines()
        assert f"{option}: 'abc' is not a whole number" in line, line


def test_restoring_a_folder_says_it_is_a_folder(tmp_path):
    db = tmp_path / "library.db"
    Library(db).close()
    result = akhbar(db, "restore", str(tmp_path))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert f"{tmp_path} is a folder, not a backup file" in line


def test_a_backup_to_a_place_that_cannot_be_written_names_it():
    with open_folder() as shared:
        db = shared / "library.db"
        with Library(db) as library:
            stored(library, "خبر للنسخ الاحتياطي")
        db.chmod(0o644)
        locked = shared / "locked"
        locked.mkdir(mode=0o755)  # root's; an ordinary user may not write in it
        target = locked / "copy.db"
        result = akhbar_as_user(db, "backup", str(target), home=shared / "home")
    assert result.returncode == 1, result.stdout
    [line] = result.stderr.strip().splitlines()[-1:]
    assert str(target) in line and "Traceback" not in result.stderr, result.stderr
    assert "permission denied" in line.lower() or "cannot write" in line, line


def test_bookmarking_twice_says_it_already_existed_and_removing_confirms(tmp_path):
    db = tmp_path / "library.db"
    with Library(db) as library:
        article_id = stored(library, "خبر", related=("عنوان مرتبط",))
    first = akhbar(db, "bookmark", "add", str(article_id), "0")
    again = akhbar(db, "bookmark", "add", str(article_id), "0")
    assert first.returncode == again.returncode == 0
    assert "already" not in first.stdout
    assert "already existed" in again.stdout
    as_json = [json.loads(akhbar(db, "bookmark", "add", str(article_id), "0", "--json").stdout)]
    assert set(as_json[0]) == {"id", "headline", "article_id", "position", "target_article_id",
                               "created"}  # fmt: skip
    removed = akhbar(db, "bookmark", "remove", str(as_json[0]["id"]))
    assert removed.returncode == 0
    assert removed.stdout.strip() == f"removed bookmark {as_json[0]['id']}"
