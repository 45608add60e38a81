"""Background library jobs: each answers through its own callbacks; a cancelled job is
stopped mid-query and its answer dropped."""

from __future__ import annotations

import time

from desktop_app.gui.workers import JobRunner
from desktop_app.storage.library import Library

ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
    "SELECT count(*) FROM c WHERE x < 1000000000000"
)


def test_cancelling_interrupts_the_running_query_and_drops_its_answer(qtbot, tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    runner = JobRunner(path)
    started = []
    answers: list[tuple[str, object]] = []

    def endless(library):
        started.append(True)
        return library.db.execute(ENDLESS).fetchone()

    old = runner.start(
        endless,
        lambda result: answers.append(("old done", result)),
        lambda message: answers.append(("old error", message)),
    )
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    begun = time.monotonic()
    old.cancel()  # what a newer search does to the one still running
    runner.start(lambda library: 42, lambda result: answers.append(("new", result)))
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert time.monotonic() - begun < 2.0  # the endless query was stopped, not waited for
    assert answers == [("new", 42)]
    runner.wait()


def test_every_job_answers_its_own_callbacks(qtbot, tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    runner = JobRunner(path)
    results: list[tuple[str, object]] = []
    runner.start(lambda library: "sources", lambda value: results.append(("choices", value)))
    runner.start(lambda library: "ids", lambda value: results.append(("list", value)))
    runner.start(
        lambda library: library.get_no_such_method(),
        lambda value: results.append(("never", value)),
        lambda message: results.append(("failed", "get_no_such_method" in message)),
    )
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert sorted(results) == [("choices", "sources"), ("failed", True), ("list", "ids")]
    runner.wait()
