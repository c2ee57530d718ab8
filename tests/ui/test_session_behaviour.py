"""What follows from one owner of the session, through the real window."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSpinBox


def trigger_and_wait(qtbot, window, name):
    with qtbot.waitSignal(window.run_finished, timeout=20000) as blocker:
        window.findChild(QAction, name).trigger()
    assert blocker.args == ["done"], window.status_text()


def open_example(window, stem):
    window.findChild(QAction, "example_" + stem).trigger()


@pytest.fixture
def example(window):
    names = [a.objectName() for a in window.findChildren(QAction)]
    return sorted(n for n in names if n.startswith("example_"))[0].removeprefix("example_")


def test_an_example_opened_after_eval_is_in_train_mode(window, example):
    window.findChild(QAction, "action_eval_mode").trigger()
    assert not window.document.net.training
    open_example(window, example)
    assert window.document.net.training and window.session.settings.training
    assert not window.findChild(QAction, "action_eval_mode").isChecked()


def test_forward_backward_and_zero_grad_do_not_mark_the_project(qtbot, window, example):
    open_example(window, example)
    assert not window.isWindowModified()
    trigger_and_wait(qtbot, window, "action_forward")
    trigger_and_wait(qtbot, window, "action_backward")
    window.findChild(QAction, "action_zero_grad").trigger()
    assert not window.isWindowModified()
    trigger_and_wait(qtbot, window, "action_backward")
    trigger_and_wait(qtbot, window, "action_step")
    assert window.isWindowModified() and window.session.unsaved().weights


def test_the_seed_decides_the_output_and_the_exported_code_prints_it(
    qtbot, window, tmp_path, example
):
    printed = window.part("run_actions").output_view.main.text
    window.findChild(QSpinBox, "seed").setValue(3)
    open_example(window, example)
    trigger_and_wait(qtbot, window, "action_forward")
    first = printed.toPlainText()
    assert first.startswith("tensor(")
    torch.rand(1000)  # the global generator moves on in between
    open_example(window, example)  # reopening: the same seed, the same weights
    trigger_and_wait(qtbot, window, "action_forward")
    assert printed.toPlainText() == first
    window.findChild(QSpinBox, "seed").setValue(4)
    open_example(window, example)
    trigger_and_wait(qtbot, window, "action_forward")
    assert printed.toPlainText() != first
    path = tmp_path / "model.py"
    assert window.part("builder").export_code(str(path))
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == printed.toPlainText().strip()  # bit for bit


def test_messages_belong_to_the_model_they_were_about(qtbot, window, example, monkeypatch):
    from explorer.ui.shell import main_window

    window.report_error("Linear: out_features must be at least 1")
    assert window.message_bar.text() and window.status_text()
    open_example(window, example)
    assert window.message_bar.text() == ""
    assert "out_features" not in window.status_text()
    monkeypatch.setattr(main_window, "STATUS_MS", 30)
    window.show_status("Forward: output (2, 10)")
    qtbot.waitUntil(lambda: window.status_text() == "", timeout=3000)  # it expires


def test_opening_another_model_resets_the_output_colour_scale(qtbot, window, example):
    trigger_and_wait(qtbot, window, "action_forward")
    pane = window.part("run_actions").output_view.main
    assert pane.heatmap.bar.levels() != (-1, 1)
    open_example(window, example)
    assert tuple(pane.heatmap.bar.levels()) == (-1, 1) and pane.text.toPlainText() == ""


def test_a_failing_open_stops_the_import_and_changes_nothing(window, tmp_path):
    from torch import nn

    path = tmp_path / "w.pt"
    torch.save(nn.Sequential(nn.Linear(3, 4)).state_dict(), path)
    spec = window.document.spec
    before = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    window.document.set_busy("training is running")
    try:
        assert not window.part("checkpoint_actions").import_path(path)
    finally:
        window.document.set_busy(None)
    assert window.document.spec == spec
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in before.items())
    assert "Cannot open the model" in window.message_bar.text()


def test_a_train_forward_through_batch_norm_marks_the_project_and_says_so(qtbot, window):
    open_example(window, "07-dropout-batchnorm")
    assert not window.isWindowModified()
    trigger_and_wait(qtbot, window, "action_forward")
    assert window.isWindowModified() and "running statistics" in window.status_text()
    open_example(window, "07-dropout-batchnorm")
    window.findChild(QAction, "action_eval_mode").trigger()
    trigger_and_wait(qtbot, window, "action_forward")
    assert not window.isWindowModified()  # eval() reads the statistics, changes nothing


def test_backward_and_step_say_what_target_they_use(qtbot, window):
    trigger_and_wait(qtbot, window, "action_backward")
    assert "against a random target" in window.status_text()
    trigger_and_wait(qtbot, window, "action_step")
    assert "gradients of MSE against a random target" in window.status_text()
