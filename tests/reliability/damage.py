"""Libraries damaged the way disks damage them: bytes flipped inside pages, the header
(and so Akhbar's mark) intact. Deterministic for a seed."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from desktop_app.storage.library import Library
from tests.helpers import stored

PAGE = 4096


def library_of(path: Path, articles: int, bookmarks: int = 0) -> Path:
    """A closed library (one file, no -wal) of `articles` articles of a few pages each."""
    with Library(path) as library:
        for i in range(articles):
            article_id = stored(
                library,
                f"خبر رقم {i} عن المكتبة العامة في المدينة",
                [
                    f"الرياض - فقرة {j} من الخبر {i} تحكي ما جرى في افتتاح المكتبة."
                    for j in range(12)
                ],
                name=f"{i}.txt",
                related=(f"عنوان مرتبط {i}",),
            )
            if i < bookmarks:
                library.add_bookmark(article_id, 0)
    return path


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def flip_bytes(path: Path, seed: int, share: float = 0.05, per_page: int = 8) -> None:
    """Flip bytes inside a share of the pages after the first, until SQLite's integrity
    check fails (flips in unused space change nothing it checks)."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    while True:
        for page in rng.sample(range(1, pages), max(1, int(pages * share))):
            for _ in range(per_page):
                data[page * PAGE + rng.randrange(PAGE)] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        if integrity(path) != ["ok"]:
            return


def flip_data_bytes(path: Path, seed: int) -> None:
    """flip_bytes, but only damage that opening does not meet: the schema still reads.

    With more tables the schema spans pages beyond the first, and a flip there is the
    other case (the file is set aside when it is opened), tested on its own.
    """
    import shutil
    import sqlite3

    sound = path.with_name(path.name + ".sound")
    shutil.copyfile(path, sound)
    for attempt in range(seed, seed + 100):
        shutil.copyfile(sound, path)
        flip_bytes(path, seed=attempt)
        try:
            with sqlite3.connect(path) as conn:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute("SELECT * FROM articles LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            continue
        break
    sound.unlink()
