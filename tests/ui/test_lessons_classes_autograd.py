"""The lessons on the notes' MLP class and on the Autograd scratchpad, performed end to end."""

from __future__ import annotations

import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from explorer.ui.pyclass.class_dialog import ClassDialog
from tests.io.test_module_file import HandMLP
from tests.ui.test_lessons import LEFT, key, panel, start, wait_finished, wait_step  # noqa: F401


def test_mlp_class_lesson_open_convert_forward_backward(qtbot, window, panel, monkeypatch):  # noqa: F811
    def convert(dialog):
        qtbot.addWidget(dialog)
        assert dialog.tree.topLevelItemCount() == 2
        qtbot.mouseClick(dialog.convert_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(ClassDialog, "exec", convert)
    start(qtbot, panel, "mlp-class")
    window.findChild(QAction, "example_mlp_class_py").trigger()
    wait_step(qtbot, panel, 1)
    key(qtbot, window, Qt.Key.Key_F5)
    wait_step(qtbot, panel, 2)
    key(qtbot, window, Qt.Key.Key_F6)
    wait_finished(qtbot, panel)
    hand = HandMLP()
    hand.load_state_dict(window.document.net.state_dict(), strict=True)
    x = window.tensors["input"]
    assert torch.allclose(hand(x), window.tensors["output"])


def test_autograd_scratchpad_lesson_evaluate_backward_freed_accumulate_zero(
    qtbot,
    window,
    panel,  # noqa: F811
):
    start(qtbot, panel, "autograd-scratchpad")

    def click(name):
        from PySide6.QtWidgets import QAbstractButton

        qtbot.mouseClick(window.findChild(QAbstractButton, name), LEFT)

    click("AutogradEvaluate")
    wait_step(qtbot, panel, 1)
    click("AutogradBackward")
    wait_step(qtbot, panel, 2)
    click("AutogradBackward")
    wait_step(qtbot, panel, 3)
    click("AutogradRetain")
    click("AutogradEvaluate")
    click("AutogradBackward")
    click("AutogradBackward")
    wait_step(qtbot, panel, 4)
    click("AutogradZero")
    wait_finished(qtbot, panel)
