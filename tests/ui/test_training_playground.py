"""The Training tab as a playground: fit the data, accuracy, decision regions, Reset weights.

Driven through the real tab (its buttons, the toolbar actions, the undo stack); every
number shown is checked against plain PyTorch on the same weights and data.
"""

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from explorer.core.metrics import grid_points
from tests.ui.training_helpers import spiral_ready, use


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def train(qtbot, window, tv, reason="done"):
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        click(qtbot, tv.buttons["train"])
    assert blocker.args == [reason], window.status_text()


def plain_accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        acc = (net(x).argmax(1) == y).float().mean().item()
    net.train()
    return acc


def test_spiral_offers_the_fit_in_one_click_and_undo_puts_the_model_back(qtbot, window, run, tv):
    before = window.document.spec
    use(tv.source, "spiral")
    offer = tv.fit_offer
    assert offer.isVisible() and offer.button.isVisible()
    assert "(20,)" in offer.text.text() and "0.in_features 20 -> 2" in offer.text.text()
    click(qtbot, offer.button)
    spec = window.document.spec
    assert spec.input_shape == (32, 2)
    assert spec.children[0].args["in_features"] == 2
    assert spec.children[-1].args["out_features"] == 3
    assert window.document.net(torch.randn(32, 2)).shape == (32, 3)
    assert not offer.isVisible()
    assert window.undo_stack.undoText() == "Fit the model to the data"
    window.undo_stack.undo()
    assert window.document.spec == before
    assert offer.isVisible()
    window.undo_stack.redo()
    assert window.document.spec == spec and not offer.isVisible()


def test_a_csv_data_file_gets_the_same_offer(qtbot, window, run, tv, tmp_path):
    rows = [f"{i / 10},{(i % 7) / 7},{i % 5 / 3},{i % 4}" for i in range(40)]
    path = tmp_path / "d.csv"
    path.write_text("a,b,c,label\n" + "\n".join(rows) + "\n")
    tv.use_file(str(path))
    assert tv.fit_offer.isVisible()
    click(qtbot, tv.fit_offer.button)
    spec = window.document.spec
    assert spec.input_shape == (32, 3) and spec.children[-1].args["out_features"] == 4


def test_training_shows_accuracy_equal_to_plain_pytorch_on_the_same_weights(qtbot, window, run, tv):
    spiral_ready(qtbot, window, run, tv)
    finals = []
    run.controller.training_finished.connect(finals.append)
    live = []
    window.run_progressed.connect(lambda p: live.append(p.probes.get("metrics.accuracy")))
    train(qtbot, window, tv)
    data = run.controller.dataset
    net = window.document.net
    train_acc = plain_accuracy(net, data.X, data.y)
    held = plain_accuracy(net, data.X_eval, data.y_eval)
    acc = finals[-1].accuracy
    assert acc.train == pytest.approx(train_acc, abs=1e-7)
    assert acc.held_out == pytest.approx(held, abs=1e-7)
    assert any(a is not None for a in live)  # measured live, at display rate
    qtbot.wait(50)  # the redraw after the run keeps the final label
    text = tv.accuracy.text()
    assert text.startswith("Accuracy (final)")
    assert f"{train_acc:.1%}" in text and f"{held:.1%}" in text
    assert "Training done · steps: 30 ·" in window.status_text() and "accuracy" in window.status_text()


def test_decision_regions_are_the_models_argmax_on_the_grid(qtbot, window, run, tv):
    spiral_ready(qtbot, window, run, tv)
    grids = []
    window.run_progressed.connect(lambda p: grids.append(p.probes.get("metrics.regions")))
    train(qtbot, window, tv)
    assert any(isinstance(g, np.ndarray) and g.dtype == np.uint8 for g in grids)
    plot = tv.data_plot
    qtbot.waitUntil(lambda: plot.last_grid is not None)
    req = plot.grid_request
    net = window.document.net
    net.eval()
    with torch.no_grad():
        expected = net(grid_points(req)).argmax(1).reshape(req.resolution, req.resolution)
    net.train()
    qtbot.wait(50)  # the redraw after the run's last weights
    assert np.array_equal(plot.last_grid, expected.numpy())
    assert plot.regions.isVisible()


def test_reset_weights_is_undoable_and_the_next_train_starts_at_step_0(qtbot, window, run, tv):
    spiral_ready(qtbot, window, run, tv, steps=20)
    train(qtbot, window, tv)
    assert run.controller.steps_done == 20 and tv.buttons["train"].text() == "Continue"
    # Continue: the second run counts on from 21, on the loss plot and in History
    progress = []
    window.run_progressed.connect(progress.append)
    train(qtbot, window, tv)
    assert [s for p in progress for s, _ in p.losses] == list(range(21, 41))
    assert list(tv.raw_curve.getData()[0]) == list(range(1, 41))
    hist_steps, _ = window.part("history_view").history.series("0.weight")
    assert hist_steps[0] <= 20 < hist_steps[-1] <= 40  # one axis: History went on too
    trained = {k: v.clone() for k, v in window.document.net.state_dict().items()}

    click(qtbot, tv.buttons["reset_weights"])
    torch.manual_seed(run.controller.seed)
    plain = torch.nn.Sequential(torch.nn.Linear(2, 256), torch.nn.ReLU(), torch.nn.Linear(256, 3))
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in plain.state_dict().items())
    assert run.controller.steps_done == 0 and tv.buttons["train"].text() == "Train"
    assert len(tv.raw_curve.getData()[0] or []) == 0
    window.undo_stack.undo()
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in trained.items())
    assert run.controller.steps_done == 40
    window.undo_stack.redo()
    progress.clear()
    train(qtbot, window, tv)
    assert progress[0].losses[0][0] == 1
    assert list(tv.raw_curve.getData()[0]) == list(range(1, 21))
    hist_steps, _ = window.part("history_view").history.series("0.weight")
    assert hist_steps[0] == 0 and hist_steps[-1] <= 20  # History started over, at the reset weights


def test_regression_on_sine_draws_the_fitted_curve_of_the_model(qtbot, window, run, tv):
    use(tv.source, "sine")
    use(run.loss, "mse")
    click(qtbot, tv.fit_offer.button)
    tv.steps.setValue(10)
    tv.lr.setValue(0.005)
    train(qtbot, window, tv)
    curve = tv.data_plot.curve
    qtbot.waitUntil(lambda: curve.getData()[0] is not None and len(curve.getData()[0]) > 0)
    qtbot.wait(50)
    xs, ys = curve.getData()
    net = window.document.net
    net.eval()
    with torch.no_grad():
        plain = net(torch.tensor(xs, dtype=torch.float32)[:, None])[:, 0].numpy()
    net.train()
    np.testing.assert_allclose(ys, plain, rtol=1e-5, atol=1e-6)
    assert tv.accuracy.text() == ""  # no accuracy for regression


def test_log_scale_toggle_switches_the_loss_axis(qtbot, tv):
    box = tv.log_scale
    at = QPoint(8, box.height() // 2)  # on the indicator
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=at)
    assert box.isChecked() and tv.loss_plot.getPlotItem().getAxis("left").logMode
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=at)
    assert not tv.loss_plot.getPlotItem().getAxis("left").logMode


def test_pause_agrees_in_toolbar_and_tab_and_the_eta_is_for_after_resume(qtbot, window, run, tv):
    spiral_ready(qtbot, window, run, tv, steps=10_000_000)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        click(qtbot, tv.buttons["train"])
    click(qtbot, tv.buttons["pause"])
    qtbot.waitUntil(lambda: run.controller.runner.paused)
    assert run.actions["pause"].text() == tv.buttons["pause"].text() == "Resume"
    qtbot.waitUntil(lambda: "Paused at step" in tv.rate.text())
    assert "after Resume" in tv.rate.text()
    run.actions["pause"].trigger()
    assert run.actions["pause"].text() == tv.buttons["pause"].text() == "Pause"
    run.actions["step"].trigger()  # one step, then paused again
    qtbot.waitUntil(lambda: run.controller.runner.paused)
    assert run.actions["pause"].text() == tv.buttons["pause"].text() == "Resume"
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    assert run.actions["pause"].text() == tv.buttons["pause"].text() == "Pause"


def test_data_that_does_not_fit_shows_the_error_in_the_tab(qtbot, window, run, tv):
    use(tv.source, "spiral")
    click(qtbot, tv.buttons["train"])
    assert not run.controller.runner.running
    assert "spiral has samples of shape (2,)" in tv.rate.text()
    assert tv.rate.text().startswith("Training stopped:") and "d64545" in tv.rate.styleSheet()


def test_a_failure_during_training_shows_in_the_tab(qtbot, window, run, tv, monkeypatch):
    import explorer.ui.run.run_controller as rc

    def broken(net, data, config, **kwargs):
        raise RuntimeError("CUDA error: device-side assert triggered")
        yield  # a generator, as core's train() is

    monkeypatch.setattr(rc, "train", broken)
    spiral_ready(qtbot, window, run, tv)
    train(qtbot, window, tv, reason="error")
    assert (
        tv.rate.text() == "Training stopped: RuntimeError: CUDA error: device-side assert triggered"
    )
    assert "d64545" in tv.rate.styleSheet()
