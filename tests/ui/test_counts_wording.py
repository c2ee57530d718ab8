"""Counts are shown without a fixed plural ("Training done: 1 steps"): "steps: 1", en and zh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.core.format import group_digits
from explorer.ui.shell import i18n

FIXED_PLURAL = re.compile(r"tr\(\s*\"[^\"]*\{\d+\}\)? (steps|tensors|parameters|params)\b(?!/)")


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def train_one_step(qtbot, window):
    tv = window.part("run_actions").training_view
    tv.steps.setValue(1)
    with qtbot.waitSignal(window.run_finished, timeout=20000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["done"], window.status_text()


def test_one_training_step_reads_steps_1_in_english(qtbot, window):
    train_one_step(qtbot, window)
    status = window.status_text()
    assert "Training done · steps: 1 · loss " in status and "1 steps" not in status
    n = sum(p.numel() for p in window.document.net.parameters())
    totals = window.part("param_tree").totals.text()
    assert totals.startswith(f"parameters: {group_digits(n)} (trainable: {group_digits(n)})")


def test_one_training_step_reads_in_chinese(qtbot, chinese, window):
    train_one_step(qtbot, window)
    assert "训练完成 · 步数：1 · 损失 " in window.status_text()
    n = sum(p.numel() for p in window.document.net.parameters())
    totals = window.part("param_tree").totals.text()
    assert totals.startswith(f"参数：{group_digits(n)}（可训练：{group_digits(n)}）")


def test_no_interface_string_puts_a_count_before_a_fixed_plural():
    root = Path(__file__).resolve().parents[2] / "explorer" / "ui"
    found = [
        f"{path.relative_to(root)}: {m.group(0)}"
        for path in root.rglob("*.py")
        for m in FIXED_PLURAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


#: A count written before a plural noun in a string of the command line or the core:
#: ``f"{n} layers"``, ``"{n} tensors"`` (Message templates, f-strings).
COUNT_BEFORE_PLURAL = re.compile(r"\{[^{}\n]*\}\)? (steps|tensors|parameters|params|layers)\b(?!/)")


def test_no_cli_or_core_string_puts_a_count_before_a_fixed_plural():
    root = Path(__file__).resolve().parents[2] / "explorer"
    found = [
        f"{path.relative_to(root)}: {m.group(0)}"
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] != "ui"  # the tr() strings: the test above
        for m in COUNT_BEFORE_PLURAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_finds_the_fixed_plurals_it_is_for():
    assert COUNT_BEFORE_PLURAL.search("f\"total {_group(n, ',')} params (\"")
    assert COUNT_BEFORE_PLURAL.search('Message("nn.Sequential of {n} layers, read")')
    assert COUNT_BEFORE_PLURAL.search('f"weights written ({tensors} tensors)"')
    assert not COUNT_BEFORE_PLURAL.search('"total params: {n} (trainable: {m})"')
    assert FIXED_PLURAL.search('self.tr("Training done: {0} steps")')
