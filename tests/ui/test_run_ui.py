"""Forward, Backward, Step and Train through the real actions and shortcuts."""

import copy

import pytest
import torch
from PySide6.QtCore import Qt

from explorer.core import edits
from explorer.core.data import make_input
from explorer.core.spec import LayerSpec


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, reason="done"):
    with qtbot.waitSignal(window.run_finished, timeout=20000) as blocker:
        qtbot.keyClick(window, key, modifier)
    assert blocker.args == [reason], window.status_text()


@pytest.fixture
def run(window):
    return window.part("run_actions")


def use_loss(run, name):
    run.loss.setCurrentIndex(run.loss.findData(name))


def test_f5_shows_the_output_as_pytorch_prints_it(qtbot, window, run):
    plain = copy.deepcopy(window.document.net)
    press(qtbot, window, Qt.Key.Key_F5)
    expected = str(plain(make_input((2, 20), "rand", seed=0)))
    assert run.output_view.main.text.toPlainText() == expected
    assert "grad_fn=<AddmmBackward0>" in expected
    assert "grad_fn AddmmBackward0" in run.output_view.main.title.text()
    assert window.tensors["output"].shape == (2, 10)
    assert window.bottom_tabs.currentWidget() is run.output_view


def test_f6_twice_doubles_the_gradients_like_plain_pytorch(qtbot, window, run):
    use_loss(run, "sum")
    plain = copy.deepcopy(window.document.net)
    x = make_input((2, 20), "rand", seed=0)
    press(qtbot, window, Qt.Key.Key_F6)
    assert "grad norm None ->" in window.status_text()
    press(qtbot, window, Qt.Key.Key_F6)
    assert "gradients accumulate" in window.status_text()
    plain(x).sum().backward()
    plain(x).sum().backward()
    for p, q in zip(window.document.net.parameters(), plain.parameters(), strict=True):
        assert torch.equal(p.grad, q.grad)
    run.actions["zero_grad"].trigger()
    assert all(p.grad is None for p in window.document.net.parameters())


def test_zero_grad_before_each_backward_option_keeps_one_backward(qtbot, window, run):
    use_loss(run, "sum")
    run.zero_first.setChecked(True)
    press(qtbot, window, Qt.Key.Key_F6)
    first = [p.grad.clone() for p in window.document.net.parameters()]
    press(qtbot, window, Qt.Key.Key_F6)
    assert all(
        torch.equal(p.grad, g) for p, g in zip(window.document.net.parameters(), first, strict=True)
    )


def test_f7_steps_the_optimizer_as_plain_sgd(qtbot, window, run):
    use_loss(run, "mse")
    plain = copy.deepcopy(window.document.net)
    press(qtbot, window, Qt.Key.Key_F6)
    press(qtbot, window, Qt.Key.Key_F7)
    x, y = window.tensors["input"], window.tensors["target"]
    torch.nn.functional.mse_loss(plain(x), y).backward()
    torch.optim.SGD(plain.parameters(), lr=0.05).step()
    for p, q in zip(window.document.net.parameters(), plain.parameters(), strict=True):
        assert torch.equal(p, q)
    assert "parameters moved by" in window.status_text()


def test_ctrl_enter_trains_with_a_live_loss_curve_and_publishes_progress(qtbot, window, run):
    tv = run.training_view
    tv.steps.setValue(60)
    progress, changes = [], []
    window.run_progressed.connect(progress.append)
    window.document.weights_changed.connect(lambda: changes.append(1))
    window.run_probes["mean"] = lambda net, xb: float(xb.mean())
    before = copy.deepcopy(window.document.net.state_dict())
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [s for p in progress for s, _ in p.losses] == list(range(1, 61))
    assert any(isinstance(p.probes.get("mean"), float) for p in progress)
    assert len(tv.raw_curve.getData()[0]) == 60 and len(tv.smooth_curve.getData()[0]) == 60
    assert tv.progress.value() == 60 and "steps/s" in tv.rate.text()
    assert changes and window.document.busy is None
    after = window.document.net.state_dict()
    assert any(not torch.equal(before[k], after[k]) for k in before)
    assert "Training done · steps: 60 ·" in window.status_text()


def test_a_second_train_keeps_a_costly_view_probe_to_its_share_of_the_run(qtbot, window, run):
    """The first Train cannot know what the views' probes cost: they run at its first tick.

    The controller keeps their cost for the next Train of the same model, which runs them
    only when 2% of its time pays for them (100 ms: after 5 s), and at its last step.
    """
    import time

    run.training_view.steps.setValue(1000)

    def slow(net, xb):
        time.sleep(0.1)
        return 1.0

    window.run_probes["slow"] = slow
    probed = []
    seen = lambda p: probed[-1].append(p.step) if "slow" in p.probes else None  # noqa: E731
    window.run_progressed.connect(seen)
    for _ in range(2):
        probed.append([])
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first, second = probed
    assert len(first) >= 2 and first[0] < 1000  # at the first tick, before its cost was known
    assert second == [2000]  # the second run continues from step 1000: only its last tick


def test_edits_are_blocked_while_training_and_esc_cancels_at_a_step_boundary(qtbot, window, run):
    run.training_view.steps.setValue(10_000_000)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        run.actions["train"].trigger()
    spec = window.document.spec
    assert not window.push_spec(edits.insert(spec, (), 1, LayerSpec.make("Dropout", p=0.5)), "Add")
    assert "training is running" in window.status_text()
    assert window.document.spec == spec
    press(qtbot, window, Qt.Key.Key_Escape, reason="cancelled")
    assert window.document.busy is None
    assert window.push_spec(edits.insert(spec, (), 1, LayerSpec.make("Dropout", p=0.5)), "Add")
    window.undo_stack.undo()  # leave the window clean: no "unsaved changes" prompt at teardown


def test_an_exception_in_the_worker_is_reported_and_the_next_run_works(
    qtbot, window, run, monkeypatch
):
    import explorer.ui.run.run_controller as rc

    real = rc.run_forward

    def broken(net, x):
        raise RuntimeError("CUDA error: an illegal memory access was encountered")

    monkeypatch.setattr(rc, "run_forward", broken)
    press(qtbot, window, Qt.Key.Key_F5, reason="error")
    assert (
        window.status_text() == "RuntimeError: CUDA error: an illegal memory access was encountered"
    )
    assert window.part("log_view").counts["error"] >= 1 and window.document.busy is None
    monkeypatch.setattr(rc, "run_forward", real)
    press(qtbot, window, Qt.Key.Key_F5)
    assert "Forward: output (2, 10)" in window.status_text()


def test_data_that_does_not_fit_is_reported_before_training(qtbot, window, run):
    tv = run.training_view
    tv.source.setCurrentIndex(tv.source.findData("spiral"))
    run.actions["train"].trigger()
    assert not run.controller.runner.running
    assert "spiral has samples of shape (2,)" in window.status_text()


def test_closing_the_window_stops_and_waits_for_training(qtbot, window, run):
    run.training_view.steps.setValue(10_000_000)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        run.actions["train"].trigger()
    window.mark_saved()
    window.close()
    assert not run.controller.runner.running


def test_mode_badge_switches_train_and_eval_and_compare_shows_dropout(
    qtbot, window, run, example_paths
):
    path = next(p for p in example_paths if "dropout" in p.name)
    window.part("file_actions").open_example(path)
    qtbot.mouseClick(run.badge, Qt.MouseButton.LeftButton)
    assert not window.document.net.training and run.badge.text() == "mode: EVAL"
    qtbot.mouseClick(run.badge, Qt.MouseButton.LeftButton)
    assert window.document.net.training and run.badge.text() == "mode: TRAIN"
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        window.findChild(type(run.actions["forward"]), "action_compare").trigger()
    assert run.output_view.compare_box.isVisible()
    assert "Largest difference" in run.output_view.difference.text()


def test_export_training_script_writes_a_runnable_python_file(window, run, tmp_path):
    path = tmp_path / "train.py"
    assert run.export_to(path)
    text = path.read_text()
    compile(text, str(path), "exec")
    assert (
        "nn.Linear(in_features=20, out_features=256" in text and "DistributedDataParallel" in text
    )


def test_run_settings_round_trip_through_the_session(window, run):
    from explorer.app.run_settings import RunSettings

    session = window.session
    tv = run.training_view
    tv.optimizer.setCurrentIndex(tv.optimizer.findData("adamw"))
    tv.lr.setValue(0.003)
    run.seed.setValue(42)
    use_loss(run, "l1")
    saved = session.settings.to_dict()
    tv.optimizer.setCurrentIndex(0)
    run.seed.setValue(0)
    use_loss(run, "mse")
    session.set_settings(RunSettings.from_dict(saved))
    assert session.settings.to_dict() == saved
    assert tv.config().optimizer.name == "adamw" and tv.config().seed == 42
    assert tv.config().loss == "l1" and run.seed.value() == 42
    assert tv.optimizer.currentData() == "adamw" and tv.lr.value() == 0.003


def test_one_loss_shown_the_same_in_the_toolbar_and_the_training_tab(window, run):
    from PySide6.QtWidgets import QComboBox

    box = window.findChild(QComboBox, "training_loss")
    box.setCurrentIndex(box.findData("cross_entropy"))
    assert run.loss.currentData() == "cross_entropy" == window.session.settings.loss
    use_loss(run, "l1")
    assert box.currentData() == "l1" == run.controller.loss == run.training_view.config().loss
    assert box.currentText() == run.loss.currentText()


def test_a_layer_added_in_eval_mode_is_in_eval_mode_and_back_in_train_mode(qtbot, window, run):
    """Edits rebuild only changed modules; the new ones take the window's mode, as
    ``net.eval()`` in PyTorch leaves every module of the model in eval mode."""
    from explorer.core import edits
    from explorer.core.spec import LayerSpec

    qtbot.mouseClick(run.badge, Qt.MouseButton.LeftButton)
    assert not window.document.net.training
    spec = window.document.spec
    window.push_spec(edits.insert(spec, (), len(spec.children), LayerSpec.make("Dropout")), "Add")
    assert not any(m.training for m in window.document.net.modules())
    qtbot.mouseClick(run.badge, Qt.MouseButton.LeftButton)
    assert all(m.training for m in window.document.net.modules())
    window.mark_saved()
