"""The Training tab's loss plot before any run: a sentence in the plot, no scale, no key.

The sentence goes on the first drawn step (the axes get their numbers and the key comes
back) and returns when Reset weights (Run menu, Ctrl+Shift+R) clears the curves.
"""

from PySide6.QtCore import Qt

from tests.ui.training_helpers import use


def axes_show_values(plot):
    return [plot.getPlotItem().getAxis(side).style["showValues"] for side in ("left", "bottom")]


def assert_empty(plot):
    assert plot.empty
    assert plot.placeholder.isVisible() and plot.placeholder.toPlainText().startswith("No runs yet")
    assert axes_show_values(plot) == [False, False]
    assert not plot.legend.isVisible()
    x_range, y_range = plot.getViewBox().viewRange()
    assert x_range == [0, 1] and y_range == [0, 1]  # the unit square the sentence sits in


def train_three_steps(qtbot, window, run, tv):
    """Spiral data, cross-entropy, the fit offer taken, 3 steps of Train; drawn at once."""
    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(3)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.run_finished, timeout=60000):
        run.actions["train"].trigger()
    tv.flush()


def test_empty_loss_plot_says_so_until_the_first_step_and_after_a_reset(qtbot, window, run, tv):
    window.resize(1280, 800)
    window.show()
    plot = tv.loss_plot
    assert_empty(plot)
    # the sentence is wrapped to the view: it stays inside the plot
    assert plot.placeholder.textItem.textWidth() <= plot.getViewBox().width()

    train_three_steps(qtbot, window, run, tv)
    assert not plot.empty and plot.placeholder.toPlainText() == ""
    assert axes_show_values(plot) == [True, True] and plot.legend.isVisible()
    assert list(tv.raw_curve.xData) == [1, 2, 3]
    x_range, _ = plot.getViewBox().viewRange()
    assert x_range[1] >= 3  # the scale is the run's, not the placeholder's unit square

    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert run.controller.steps_done == 0
    assert_empty(plot)

    window.undo_stack.undo()  # the curves come back, and with them the scale
    assert not plot.empty and axes_show_values(plot) == [True, True]
    assert list(tv.raw_curve.xData) == [1, 2, 3]


def test_a_new_model_shows_the_empty_loss_plot_not_the_last_models_curve(qtbot, window, run, tv):
    train_three_steps(qtbot, window, run, tv)
    assert not tv.loss_plot.empty
    window.mark_saved()  # no "save changes?" prompt
    window.part("file_actions").new()
    tv.flush()
    assert_empty(tv.loss_plot)
    assert len(tv.raw_curve.xData or []) == 0
