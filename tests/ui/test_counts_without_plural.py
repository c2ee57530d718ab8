"""Counts in the builder read "layers: N", never "1 layers" (en and zh), driven by the user.

The selection's title, Copy's status line and Delete's undo text say how many layers
without a plural that could be wrong; a Conv1d's kernel field hints "a number", not
"a number, or 1 numbers". The sentences of round 6 are scanned in test_counts_wording.
"""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from explorer.core.shapes import infer_shapes
from explorer.core.spec import LayerSpec, sequential
from tests.ui.builder_helpers import click_row
from tests.ui.test_i18n import chinese_window  # noqa: F401 - the zh_CN window fixture

CTRL = Qt.KeyboardModifier.ControlModifier


def test_selection_copy_and_delete_count_layers_without_a_plural(window, qtbot):
    canvas, props = window.part("canvas"), window.part("properties")
    click_row(qtbot, canvas, 1)  # the first Linear
    click_row(qtbot, canvas, 3, CTRL)  # and the last
    assert len(window.selection.layers) == 2
    assert props.title.text() == "layers selected: 2"

    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)
    assert window.status_text() == "Copied layers: 2"
    click_row(qtbot, canvas, 2)  # one layer: no "1 layers"
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)
    assert window.status_text() == "Copied layers: 1"

    click_row(qtbot, canvas, 1)
    click_row(qtbot, canvas, 2, CTRL)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert [n.type for n in window.document.spec.children] == ["Linear"]
    assert window.undo_action.text().endswith("Delete layers: 2")
    window.undo_stack.undo()
    assert [n.type for n in window.document.spec.children] == ["Linear", "ReLU", "Linear"]


def test_a_conv1d_kernel_hint_asks_for_a_number_and_a_conv2d_for_one_or_two(window, qtbot):
    spec = sequential(
        LayerSpec.make("Conv1d", in_channels=1, out_channels=4, kernel_size=3),
        LayerSpec.make("Conv2d", in_channels=1, out_channels=4, kernel_size=3),
        input_shape=(2, 1, 16),
    )
    assert window.push_spec(spec, "convs")
    canvas, props = window.part("canvas"), window.part("properties")
    click_row(qtbot, canvas, 1)
    assert props.fields["kernel_size"].widget.placeholderText() == "a number"
    assert props.fields["padding"].widget.placeholderText() == "a number, same or valid"
    click_row(qtbot, canvas, 2)
    assert props.fields["kernel_size"].widget.placeholderText() == "a number, or 2 numbers"
    assert props.fields["padding"].widget.placeholderText() == "a number, 2 numbers, same or valid"

    click_row(qtbot, canvas, 1)
    field = props.fields["kernel_size"]
    field.widget.selectAll()
    qtbot.keyClicks(field.widget, "3, 3")
    qtbot.keyClick(field.widget, Qt.Key.Key_Return)
    assert window.document.spec == spec  # refused: nothing changed
    assert "one per dimension (dimensions: 1); numbers given: 2" in field.error.text()


def test_a_one_channel_conv_on_three_channels_is_refused_as_pytorch_refuses_it():
    """LeNet's first layer (1 channel) given colour images: PyTorch raises, and so do we."""
    conv = nn.Conv2d(1, 6, kernel_size=5, padding=2)
    with pytest.raises(RuntimeError, match="channels"):
        conv(torch.zeros(2, 3, 28, 28))
    spec = sequential(
        LayerSpec.make("Conv2d", in_channels=1, out_channels=6, kernel_size=5, padding=2),
        input_shape=(2, 3, 28, 28),
    )
    text = str(infer_shapes(spec).error)
    assert "expects dimension 1 of size 1 (channels), got 3" in text and "1 channels" not in text


def test_the_chinese_builder_counts_the_selection(qtbot, chinese_window):  # noqa: F811
    window, _ = chinese_window
    canvas = window.part("canvas")
    click_row(qtbot, canvas, 1)
    click_row(qtbot, canvas, 3, CTRL)
    assert window.part("properties").title.text() == "已选中 2 个层"
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)
    assert window.status_text() == "已复制 2 个层"
