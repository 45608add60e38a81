"""The headline model over ids: Qt's model checks, lazy rows, inserts without reset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.gui import headline_model
from desktop_app.gui.headline_model import SUMMARY_ROLE, HeadlineModel, merge_positions
from desktop_app.storage.library import Library


def test_model_passes_qt_checks(qtmodeltester, library_path):
    with Library(library_path) as library:
        model = HeadlineModel(library)
        model.set_ids(library.ids())
        qtmodeltester.check(model, force_py=True)
        model.set_ids([3, 1])
        qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_in_blocks_on_demand(library_path, monkeypatch):
    with Library(library_path) as library:
        calls: list[list[int]] = []
        real = library.summaries
        monkeypatch.setattr(library, "summaries", lambda ids: calls.append(list(ids)) or real(ids))
        model = HeadlineModel(library)
        model.set_ids([1, 2, 3])
        assert calls == []  # nothing read until a row is shown
        assert model.index(2).data(SUMMARY_ROLE).id == 3
        assert calls == [[1, 2, 3]]
        model.index(0).data(SUMMARY_ROLE)
        assert len(calls) == 1


def test_cache_is_bounded(library_path, monkeypatch):
    monkeypatch.setattr(headline_model, "CACHE_ROWS", 2)
    monkeypatch.setattr(headline_model, "BLOCK", 1)
    with Library(library_path) as library:
        model = HeadlineModel(library)
        model.set_ids([1, 2, 3])
        for row in range(3):
            model.index(row).data(SUMMARY_ROLE)
        assert len(model._cache) == 2


def test_new_rows_are_inserted_not_reset(qtbot, library_path):
    with Library(library_path) as library:
        model = HeadlineModel(library)
        model.set_ids([1, 3])
        resets: list[bool] = []
        inserted: list[tuple[int, int]] = []
        model.modelReset.connect(lambda: resets.append(True))
        model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
        model.set_ids([1, 2, 3, 4])
        assert resets == [] and inserted == [(1, 1), (3, 3)]
        assert list(model.ids()) == [1, 2, 3, 4]
        model.set_ids([4, 1])  # rows went away: a reset
        assert resets == [True]


@given(st.lists(st.integers(0, 50), unique=True), st.data())
def test_merge_positions_rebuilds_new(new, data):
    old = [v for v in new if data.draw(st.booleans())]
    runs = merge_positions(old, new)
    assert runs is not None
    rebuilt = list(old)
    for row, count in runs:
        rebuilt[row:row] = new[row : row + count]
    assert rebuilt == new


def test_merge_positions_refuses_removals():
    assert merge_positions([1, 2, 3], [1, 3]) is None
    assert merge_positions([1, 2], [2, 1]) is None
