"""The Training tab draws at display rate, not per Progress, and what it shows stays honest.

A run reports ``PROGRESS_HZ`` times a second; the tab draws the newest state at most
``DISPLAY_HZ`` times a second, not at all while hidden, and at once when the run ends,
so the last frame is the run's last step. The loss axis moves only when the data leaves
it, and the data is always inside it.
"""

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.ui.run.loss_plot import loss_axis_range, step_axis_end
from explorer.ui.run.run_controller import PROGRESS_HZ
from explorer.ui.run.training_view import DISPLAY_HZ, FRAME_SHARE, MIN_HZ
from tests.ui.training_helpers import use


def spiral_run(qtbot, window, run, tv):
    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(10_000_000)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    progress = []
    window.run_progressed.connect(progress.append)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        run.actions["train"].trigger()
    return progress


def in_view(plot, xs, ys):
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
    return x0 <= xs.min() and xs.max() <= x1 and y0 <= ys.min() and ys.max() <= y1


def test_a_run_is_drawn_at_display_rate_and_its_last_frame_is_its_last_step(qtbot, window, run, tv):
    progress = spiral_run(qtbot, window, run, tv)
    drawn0, t0, reported0 = tv.loss_plot.redraws, time.perf_counter(), len(progress)
    qtbot.waitUntil(lambda: len(progress) >= 30, timeout=30000)
    reported, reported_in = len(progress) - reported0, time.perf_counter() - t0
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    seconds = time.perf_counter() - t0
    # the run reports no more often than the tab draws (the core's default is 20 a second)
    assert reported <= reported_in * PROGRESS_HZ + 1
    drawn = tv.loss_plot.redraws - drawn0
    assert 1 <= drawn <= seconds * DISPLAY_HZ + 2  # one frame per interval, plus the last
    steps = run.controller.steps_done
    xs, ys = tv.raw_curve.xData, tv.raw_curve.yData  # what was set (getData: as drawn, thinned)
    assert xs[-1] == steps == progress[-1].step  # the last frame: the last step
    assert np.array_equal(xs, tv.history.steps) and np.array_equal(ys, tv.history.raw)
    assert tv.progress.value() == steps and tv.rate.text().startswith(f"step {steps}/")
    assert in_view(tv.loss_plot, xs, np.concatenate([ys, tv.smooth_curve.yData]))


def test_costly_frames_come_less_often_within_their_share_of_the_gui_thread(
    qtbot, window, run, tv, monkeypatch
):
    """A frame's cost (its update plus the plots' paints, GUI-thread CPU) sets the wait for
    the next one: cost / FRAME_SHARE, between 1/DISPLAY_HZ and 1/MIN_HZ seconds."""
    plot = tv.loss_plot
    draw = plot.draw_history

    def costly(*args):  # 12 ms of the GUI thread's CPU per frame
        start = time.thread_time()
        while time.thread_time() - start < 0.012:
            pass
        draw(*args)

    monkeypatch.setattr(plot, "draw_history", costly)
    progress = spiral_run(qtbot, window, run, tv)
    qtbot.waitUntil(lambda: plot.redraws >= 2, timeout=30000)
    assert tv.frame_interval_ms() == round(1000 * min(1 / MIN_HZ, 0.012 / FRAME_SHARE)) == 500
    drawn0, t0 = plot.redraws, time.perf_counter()
    qtbot.waitUntil(lambda: len(progress) >= 30, timeout=30000)
    qtbot.wait(1100)
    seconds = time.perf_counter() - t0
    drawn = plot.redraws - drawn0
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    assert 1 <= drawn <= seconds * MIN_HZ + 1  # not DISPLAY_HZ: about 2 a second
    assert tv.raw_curve.xData[-1] == run.controller.steps_done  # the last frame: the last step
    monkeypatch.setattr(plot, "draw_history", draw)
    tv._frame_cpu, tv._painted_by_then = 0.0, tv._painted()  # a cheap frame: 12 a second
    assert tv.frame_interval_ms() == round(1000 / DISPLAY_HZ)


def test_a_hidden_training_tab_draws_nothing_until_shown(qtbot, window, run, tv):
    progress = spiral_run(qtbot, window, run, tv)
    window.show_tab("OutputTab")
    qtbot.wait(150)  # a frame that was due when the tab was hidden
    drawn, seen = tv.loss_plot.redraws, len(progress)
    qtbot.waitUntil(lambda: len(progress) >= seen + 5, timeout=30000)
    assert tv.loss_plot.redraws == drawn  # progress kept coming, nothing was drawn
    window.show_tab("TrainingTab")
    assert tv.loss_plot.redraws == drawn + 1  # shown: the newest state at once
    assert tv.raw_curve.xData[-1] == tv.history.steps[-1] >= progress[seen + 4].step
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()


@pytest.mark.parametrize("log", [False, True])
def test_the_loss_axis_holds_every_frame_and_moves_a_few_times_a_run(log):
    rng = np.random.default_rng(0)
    steps = np.arange(1, 5001)
    losses = (
        1.1 * np.exp(-steps / 800) + 0.002 + 0.05 * rng.random(len(steps)) * np.exp(-steps / 1500)
    )
    values = np.log10(losses) if log else losses
    current, moves = None, 0
    for end in range(50, len(steps) + 1, 50):  # one frame per 50 steps: 100 frames
        seen = values[:end]
        new = loss_axis_range(current, float(seen.min()), float(seen.max()), log)
        if new is not None:
            current, moves = new, moves + 1
        assert current[0] <= seen.min() and seen.max() <= current[1]
        span = seen.max() - seen.min()
        assert span >= 0.5 * (current[1] - current[0]) - 1e-12  # the data fills half or more
        if not log:
            assert current[0] >= 0  # a loss that is never negative is not drawn below 0
    assert moves <= 10


def test_the_loss_axis_follows_data_that_shrinks_and_refuses_non_finite_bounds():
    assert loss_axis_range((0.0, 10.0), 2.0, 2.1, False) is not None  # 1% of the range
    assert loss_axis_range((0.0, 10.0), 1.0, 9.0, False) is None
    assert loss_axis_range(None, float("nan"), 1.0, False) is None
    low, high = loss_axis_range(None, -3.0, -1.0, False)  # "sum of outputs" goes negative
    assert low < -3.0 and high > -1.0


def test_the_step_axis_doubles_up_to_the_runs_length():
    ends, current = [], None
    for last in range(1, 501):
        new = step_axis_end(current, last, 500)
        if new is not None:
            current = new
            ends.append(new)
        assert last <= current <= max(2 * last, 2)  # the curve fills half the axis or more
    assert ends == [2, 6, 14, 30, 62, 126, 254, 500]
    assert step_axis_end(None, 3000, None) == 6000  # length unknown: doubling only


def test_the_hidden_gradients_tab_keeps_the_newest_rows_and_draws_them_when_shown(window):
    import torch

    from explorer.core.progress import Progress

    view = window.part("gradflow_view")
    window.show_tab("TrainingTab")
    drawn = list(view.max_bars.opts["height"])
    net = window.document.net
    x = torch.randn(tuple(window.document.spec.input_shape))
    net(x).pow(2).mean().backward()
    probe = window.run_probes["views.gradflow"]
    window.run_progressed.emit(Progress(step=1, total=1, probes={"views.gradflow": probe(net, x)}))
    assert list(view.max_bars.opts["height"]) == drawn  # hidden: not drawn
    assert all(r.has_grad for r in view.rows)  # but the newest rows are kept
    window.show_tab("GradientsTab")
    expected = [float(np.log10(max(r.max_abs, 1e-12))) for r in view.rows]
    shown = np.asarray(view.max_bars.opts["height"]) + np.log10(1e-12)
    np.testing.assert_allclose(shown, expected, rtol=1e-6)


def test_after_the_user_zooms_the_loss_plot_the_run_leaves_the_range_alone(qtbot, window, run, tv):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    progress = spiral_run(qtbot, window, run, tv)
    qtbot.waitUntil(lambda: tv.loss_plot.redraws >= 2, timeout=30000)
    view = tv.loss_plot.viewport()
    at = QPointF(view.width() / 2, view.height() / 2)
    wheel = QWheelEvent(
        at,
        view.mapToGlobal(at),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)  # the user zooms in
    assert not tv.loss_plot.following
    zoomed = tv.loss_plot.getViewBox().viewRange()
    seen = len(progress)
    qtbot.waitUntil(lambda: len(progress) >= seen + 5, timeout=30000)
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    assert tv.loss_plot.getViewBox().viewRange() == zoomed
    assert tv.raw_curve.xData[-1] == run.controller.steps_done  # the data is still all there


def test_a_long_curve_is_drawn_thinned_to_each_pixels_min_and_max(qtbot):
    """5,000 steps in a plot about 400 pixels wide: about two points a pixel are drawn
    (pyqtgraph's own threshold is five a pixel, so nothing would be thinned), and the
    drawn line keeps every spike: its extremes are the data's."""
    from explorer.core.loss_history import LossHistory
    from explorer.ui.run.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(460, 300)
    plot.show()
    qtbot.waitExposed(plot)
    rng = np.random.default_rng(1)
    losses = np.exp(-np.arange(5000) / 900) + 0.1 * rng.random(5000)
    losses[3217] = 4.0  # one spike, one step wide
    history = LossHistory()
    history.extend(enumerate(losses, start=1))
    plot.draw_history(history, 5000)
    qtbot.wait(50)
    width = plot.getViewBox().width()
    x, y = plot.raw.getData()  # what is drawn (the data itself: plot.raw.xData)
    assert len(plot.raw.xData) == 5000
    assert 0.5 * width <= len(x) <= 2.2 * width  # min and max a pixel (the range has a margin)
    assert y.max() == losses.max() == 4.0 and y.min() == losses.min()
    sx, sy = plot.smooth.getData()
    assert len(sx) <= 2.2 * width
    assert sy.max() == history.smooth.max()


def test_the_key_lies_in_one_row_where_the_plot_is_wide_enough(qtbot):
    """A column of three entries covers a narrow plot's top right; a wide plot has room for
    them side by side, where the curves (falling from the top left) do not go."""
    from explorer.ui.run.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(700, 300)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.waitUntil(lambda: plot.legend.columnCount == 3)
    assert plot.legend.boundingRect().width() < plot.getViewBox().width()
    plot.resize(260, 300)
    qtbot.waitUntil(lambda: plot.legend.columnCount == 1)
    plot.resize(700, 300)
    qtbot.waitUntil(lambda: plot.legend.columnCount == 3)
