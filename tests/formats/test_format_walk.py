"""walk(): folders in, sources out, and every entry not imported listed with its reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_app.formats import Skipped, Source, read, walk
from desktop_app.model import ParsedArticle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def entries(*paths, **kwargs) -> tuple[list[tuple[str, str | None]], dict[str, str]]:
    """(sources as (relative path, format)), {relative path: skip reason}."""
    sources, skipped = [], {}
    for entry in walk(paths, **kwargs):
        if isinstance(entry, Skipped):
            skipped[entry.origin] = entry.reason
        else:
            assert isinstance(entry, Source)
            sources.append((entry.origin, entry.format))
    return sources, skipped


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "2024" / "march").mkdir(parents=True)
    shutil.copy(FIXTURES / "articles.json", root / "2024" / "march" / "day.json")
    shutil.copy(FIXTURES / "seed.txt", root / "2024" / "seed.txt")
    shutil.copy(FIXTURES / "page.html", root / "page.html")
    shutil.copytree(FIXTURES / "page_files", root / "page_files")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (root / "archive.rar").write_bytes(b"Rar!\x1a\x07\x00")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    os.mkfifo(root / "pipe.txt")
    (root / "dangling.json").symlink_to(root / "gone.json")
    (root / "2024" / "march" / "loop").symlink_to(root / "2024")
    (root / "self").symlink_to(root / "self")
    os.link(root / "2024" / "seed.txt", root / "hardlink.txt")
    with open(root / "huge.txt", "wb") as huge:  # sparse: 11 MiB on paper only
        huge.truncate(11 * 1024 * 1024)
    return root


def test_walk_lists_sources_and_every_skip_with_its_reason(folder):
    sources, skipped = entries(folder)
    root = str(folder)
    assert sources == [
        (f"{root}/2024/march/day.json", "json"),
        (f"{root}/2024/seed.txt", "seed"),
        (f"{root}/page.html", "html"),
    ]
    assert skipped == {
        f"{root}/.DS_Store": "hidden file: not read",
        f"{root}/.git": "hidden folder: not read",
        f"{root}/2024/march/loop": "link loop: a link back to a folder that holds it",
        f"{root}/archive.rar": (
            "unsupported file type: RAR archives cannot be read: unpack it first"
        ),
        f"{root}/dangling.json": "dangling link: what it points to does not exist",
        f"{root}/hardlink.txt": f"same file as {root}/2024/seed.txt: already read",
        f"{root}/huge.txt": "too large for a text file (11 MiB; limit 10 MiB)",
        f"{root}/page_files": "resources of the saved page page.html",
        f"{root}/photo.png": "unsupported file type (.png)",
        f"{root}/pipe.txt": "a named pipe, not a file: not read",
        f"{root}/self": "link loop: the link leads back to itself",
    }


def test_walk_names_missing_paths_and_reads_files_given_directly(folder):
    seed = folder / "2024" / "seed.txt"
    sources, skipped = entries(seed, folder / "missing.json", seed)
    assert sources == [(str(seed), "seed")]
    assert skipped == {
        str(folder / "missing.json"): "no such file or folder",
        str(seed): f"same file as {seed}: already read",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_files_and_folders_are_listed(folder):
    secret = folder / "secret.json"
    secret.write_text("[]")
    secret.chmod(0)
    closed = folder / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        _, skipped = entries(folder)
    finally:
        secret.chmod(0o644)
        closed.chmod(0o755)
    assert skipped[str(secret)].startswith("unreadable: ")
    assert skipped[str(closed)].startswith("unreadable folder: ")


def test_sources_from_walk_read_their_articles(folder):
    titles = []
    for entry in walk([folder]):
        if isinstance(entry, Source):
            titles += [item.title for item in read(entry) if isinstance(item, ParsedArticle)]
    assert len(titles) == 5  # 3 from day.json, the seed article, the page


def test_keep_heads_spares_a_second_read_of_small_files(folder):
    (source,) = [e for e in walk([folder / "2024" / "seed.txt"], keep_heads=True)]
    (folder / "2024" / "seed.txt").unlink()  # the head held the whole file
    (article,) = read(source)
    assert isinstance(article, ParsedArticle)


def test_unreadable_entries_as_the_system_reports_them(folder, monkeypatch):
    """The same, for any user: the system's refusals are simulated."""
    import sys

    from desktop_app.formats import sources

    walk_module = sys.modules["desktop_app.formats.walk"]  # the name `walk` is the function

    secret = folder / "secret.json"
    secret.write_text("[]")
    closed = folder / "closed"
    closed.mkdir()
    real_open, real_listdir = open, os.listdir

    def refusing_open(path, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    def refusing_listdir(path):
        if str(path) == str(closed):
            raise PermissionError(13, "Permission denied")
        return real_listdir(path)

    monkeypatch.setattr(sources, "open", refusing_open, raising=False)
    monkeypatch.setattr(walk_module.os, "listdir", refusing_listdir)
    _, skipped = entries(folder)
    assert skipped[str(secret)] == "unreadable: Permission denied"
    assert skipped[str(closed)] == "unreadable folder: Permission denied"
