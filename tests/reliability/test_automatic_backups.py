"""Issue 15, item 9: automatic backups, so that recovery has something to restore, and
`akhbar backup` names that never collide.

One backup a day, at the library's first use of the day (the window, in the background;
`akhbar import`, before it writes), in `backups/` beside the library, the last seven
kept. A damaged library's message names the newest one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta

from desktop_app.services.backup import (
    backup_library,
    backups_dir,
    check_backup,
    daily_backup,
    daily_backups,
)
from desktop_app.storage.library import Library
from tests.helpers import stored, write_article
from tests.reliability.damage import flip_bytes, library_of
from tests.reliability.support import akhbar, akhbar_args


def test_the_first_import_of_the_day_backs_the_library_up_first(tmp_path):
    db = tmp_path / "library.db"
    first = tmp_path / "first"
    write_article(first, "1.txt", "الخبر الأول")
    assert akhbar(db, "import", str(first)).returncode == 0
    assert not backups_dir(db).exists()  # a new, empty library: nothing to keep yet
    second = tmp_path / "second"
    write_article(second, "2.txt", "الخبر الثاني")
    assert akhbar(db, "import", str(second)).returncode == 0
    [backup] = daily_backups(db)
    assert backup.name == f"library-{datetime.now():%Y%m%d}.db"
    assert check_backup(backup) == 1  # the library as it was before the day's import
    third = tmp_path / "third"
    write_article(third, "3.txt", "الخبر الثالث")
    assert akhbar(db, "import", str(third)).returncode == 0
    assert daily_backups(db) == [backup]  # once a day


def test_the_last_seven_days_are_kept(tmp_path):
    db = tmp_path / "library.db"
    start = datetime(2026, 3, 1, 9, 0)
    with Library(db) as library:
        for day in range(10):
            stored(library, f"خبر اليوم {day}", name=f"{day}.txt")
            made = daily_backup(library, clock=lambda day=day: start + timedelta(days=day))
            assert made is not None
            again = daily_backup(library, clock=lambda day=day: start + timedelta(days=day))
            assert again is None
    kept = daily_backups(db)
    assert [p.name for p in kept] == [f"library-202603{d:02}.db" for d in range(4, 11)]
    assert check_backup(kept[-1]) == 10


def test_a_damaged_library_names_its_newest_backup(tmp_path):
    db = library_of(tmp_path / "library.db", 150)
    with Library(db) as library:
        backup = daily_backup(library)
    assert backup is not None
    flip_bytes(db, seed=3)
    result = akhbar(db, "search", "المكتبة", "--limit", "1000")
    if result.returncode == 0:
        result = akhbar(db, "import", str(tmp_path))  # the check finds it
    assert result.returncode == 1
    assert f"akhbar restore {backup}" in result.stderr


def test_two_backups_in_one_second_get_two_names(tmp_path):
    db = tmp_path / "library.db"
    with Library(db) as library:
        stored(library, "خبر")
        folder = tmp_path / "saved"
        folder.mkdir()
        now = datetime(2026, 3, 1, 9, 0, 0)
        made = [backup_library(library, folder, clock=lambda: now).path for _ in range(3)]
    assert [p.name for p in made] == [
        "akhbar-backup-20260301-090000.db",
        "akhbar-backup-20260301-090000-1.db",
        "akhbar-backup-20260301-090000-2.db",
    ]
    # And two processes at the same moment, through the command line.
    start = time.time() + 1.5
    script = "import sys, time\nwhile time.time() < float(sys.argv[1]): time.sleep(0.001)\n" + (
        "from desktop_app.cli import main\nsys.exit(main(sys.argv[2:]))"
    )
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                script,
                str(start),
                *akhbar_args(db, "backup", str(folder), "--json")[3:],
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    paths = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        paths.append(json.loads(out)["path"])
    assert len(set(paths)) == 2
    assert all(check_backup(path) == 1 for path in paths)
