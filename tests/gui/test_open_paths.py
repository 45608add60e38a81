"""`akhbar FILE_OR_FOLDER…` with no command (the desktop file's `Exec=akhbar %F`): the
window opens and imports them through its import worker. The CLI contract is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import desktop_app.gui.app as gui_app
from desktop_app.cli import EXIT_USAGE, main, split_open_paths
from desktop_app.storage.library import Library

from .conftest import write_article, write_many


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "drop"
    write_many(folder, 3, year=2021)
    single = write_article(tmp_path / "one", "single.txt", "خبر منفرد", ["صنعاء - خبر واحد."])
    return folder, single


def test_split_finds_paths_only_where_a_command_would_be(files, tmp_path):
    folder, single = files
    f, s = str(folder), str(single)
    assert split_open_paths([f, s]) == ([], [f, s])
    assert split_open_paths(["--db", "x.db", "--lang", "ar", f]) == (
        ["--db", "x.db", "--lang", "ar"],
        [f],
    )
    assert split_open_paths(["--db=x.db", "--", f]) == (["--db=x.db"], [f])
    assert split_open_paths([f, str(tmp_path / "gone.txt")]) == (
        [],
        [f, str(tmp_path / "gone.txt")],
    )
    for unchanged in (
        [],
        ["--smoke-test"],
        ["import", f],
        ["list", "--limit", "3"],
        ["frobnicate"],
        ["--db", f],  # the value of --db, not a path to import
        [str(tmp_path / "gone.txt"), f],  # the first word decides
    ):
        assert split_open_paths(unchanged) == (unchanged, []), unchanged


def test_an_unknown_word_that_is_no_path_is_still_a_usage_error(capsys, monkeypatch):
    opened: list = []
    monkeypatch.setattr(gui_app, "run_window", lambda *a, **k: opened.append(a) or 0)
    assert main(["frobnicate"]) == EXIT_USAGE
    assert main(["--db", "x.db", "no-such-file.txt"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("invalid choice" in line for line in err)
    assert opened == []


def test_a_command_still_wins_over_a_path_of_the_same_name(tmp_path, monkeypatch, capsys):
    (tmp_path / "list").mkdir()
    monkeypatch.chdir(tmp_path)
    opened: list = []
    monkeypatch.setattr(gui_app, "run_window", lambda *a, **k: opened.append(a) or 0)
    Library(tmp_path / "l.db").close()  # `list` reads a library, never creates one
    assert main(["--db", str(tmp_path / "l.db"), "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert opened == []


def test_window_opens_and_imports_the_paths(qtbot, qapp, library_path, files, monkeypatch):
    from desktop_app.gui.app import install_translator

    folder, single = files
    seen: dict = {}

    def event_loop(app, window):  # instead of app.exec(): wait for the import, then close
        qtbot.addWidget(window)
        seen["shown"] = window.isVisible()
        with qtbot.waitSignal(window.importing.finished, timeout=30000) as finished:
            pass
        seen["report"] = finished.args[0]
        qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 7, timeout=5000)
        seen["rows"] = window.headlines.model.rowCount()
        window.close()
        window.session.library.close()
        return 0

    monkeypatch.setattr(gui_app, "run_event_loop", event_loop)
    try:
        code = main(["--db", str(library_path), "--lang", "en", str(folder), str(single)])
    finally:
        install_translator(qapp, "en")
    assert code == 0
    assert seen["shown"] and seen["rows"] == 7
    report = seen["report"]
    assert len(report.imported) == 4 and not report.failed
    with Library(library_path) as library:
        assert library.count() == 7
