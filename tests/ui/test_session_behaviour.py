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
    printed = window.run_actions.output_view.main.text
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
    assert window.builder.export_code(str(path))
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == printed.toPlainText().strip()  # bit for bit
