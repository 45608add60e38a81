"""Background list queries: a newer query of the same kind stops the older one."""

from __future__ import annotations

import time

from desktop_app.gui.workers import JobRunner
from desktop_app.storage.library import Library

ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
    "SELECT count(*) FROM c WHERE x < 1000000000000"
)


def test_a_new_query_interrupts_the_running_one(qtbot, tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    runner = JobRunner(path)
    started = []

    def endless(library):
        started.append(True)
        return library.db.execute(ENDLESS).fetchone()

    runner.start("search", endless)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    begun = time.monotonic()
    with qtbot.waitSignal(runner.result, timeout=5000) as answer:
        runner.start("search", lambda library: 42)
    assert answer.args == ["search", 42]
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert time.monotonic() - begun < 2.0  # the endless query was stopped, not waited for
    runner.wait()


def test_queries_of_other_kinds_are_left_alone(qtbot, tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    runner = JobRunner(path)
    results = []
    runner.result.connect(lambda kind, value: results.append((kind, value)))
    runner.start("choices", lambda library: "sources")
    runner.start("search", lambda library: "ids")
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert sorted(results) == [("choices", "sources"), ("search", "ids")]
    runner.wait()
