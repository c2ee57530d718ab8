"""History: a parameter with one recorded row, or rows between gaps, is drawn as points.

A line needs two points, so a short run watched with the History tab hidden left the plot
with a scale and nothing on it. Each row of a sparse series gets a mark on the median and
a dash at each percentile; a dense series stays lines and bands.
"""

import numpy as np

from explorer.core.monitor import PERCENTILES
from explorer.core.progress import Progress
from tests.ui.test_run_views import train_and_report


def drawn_points(item) -> np.ndarray:
    """The (x, y) of the marks the item's scatter draws (none without a symbol; NaN: none)."""
    if item.opts["symbol"] is None or not item.scatter.isVisible():
        return np.zeros((0, 2))
    points = np.array([(p.pos().x(), p.pos().y()) for p in item.scatter.points()])
    return points[np.isfinite(points).all(axis=1)]


def test_one_row_recorded_with_the_tab_hidden_shows_as_a_point_and_dashes(window):
    window.show_tab("TrainingTab")  # History hidden during the run
    window.selection.select_parameter("2.weight")
    train_and_report(window, 1)
    view = window.part("history_view")
    assert not view.isVisible()
    window.show_tab("HistoryTab")
    steps, rows = view.history.series("2.weight")
    assert list(steps) == [1] and view.param.currentText() == "2.weight"
    assert view.median.opts["symbol"] == "o"
    np.testing.assert_array_equal(drawn_points(view.median), [[1.0, rows[0, 3]]])
    median = PERCENTILES.index(50.0)
    for col, line in enumerate(view.lines):
        if col == median:  # drawn by the median's dot
            assert line.opts["symbol"] is None
            continue
        assert line.opts["symbol"] == "_"
        np.testing.assert_array_equal(drawn_points(line), [[1.0, rows[0, col]]])
    low, high = view.plot.getViewBox().viewRange()[0]
    assert low < 1.0 < high and abs((low + high) / 2 - 1.0) < 0.01  # in the middle
    assert view.empty.textItem.toPlainText() == ""  # a scale, not the "No runs yet" sentence
    axis = view.plot.getAxis("bottom")
    assert axis._tickSpacing == [(1, 0), (1, 0)]  # whole steps: no 0.5 ticks around step 1
    train_and_report(window, 3)  # steps 1-3 again: only 2 and 3 are new, now a line
    assert list(view.history.series("2.weight")[0]) == [1, 2, 3]
    assert view.median.opts["symbol"] is None and axis._tickSpacing is None


def test_a_dense_series_is_lines_without_marks(window):
    window.show_tab("HistoryTab")
    window.selection.select_parameter("0.bias")
    train_and_report(window, 4)
    view = window.part("history_view")
    steps, rows = view.history.series("0.bias")
    assert list(steps) == [1, 2, 3, 4]
    assert view.median.opts["symbol"] is None
    assert all(line.opts["symbol"] is None for line in view.lines)
    x, y = view.median.getData()
    np.testing.assert_array_equal(y, rows[:, 3])


def test_a_row_between_gaps_gets_its_mark(window):
    """A NaN row (a parameter that was all NaN at that step) leaves the row before it alone."""
    window.show_tab("HistoryTab")
    view = window.part("history_view")
    gap = np.full(len(PERCENTILES), np.nan)
    rows = {1: np.linspace(-1, 1, len(PERCENTILES)), 2: gap}
    rows |= {s: np.linspace(-2, 2, len(PERCENTILES)) for s in (3, 4, 5)}
    for step, row in rows.items():
        window.run_progressed.emit(
            Progress(step=step, total=5, probes={"views.history": {"w": row}})
        )
    assert view.param.currentText() == "w"
    assert view.median.opts["symbol"] == "o"
    x, y = view.median.getData()
    np.testing.assert_array_equal(x, [1, 2, 3, 4, 5])
    points = drawn_points(view.median)
    # every finite row is marked (the lone step 1 is otherwise invisible), the gap is not
    np.testing.assert_array_equal(points[:, 0], [1, 3, 4, 5])
    np.testing.assert_array_equal(points[:, 1], [0, 0, 0, 0])
