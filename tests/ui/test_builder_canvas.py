"""The canvas: drops from the palette, moves, grouping, tying, keyboard edits, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from torch import nn

from explorer.core.spec import BlockSpec, LayerSpec, sequential
from tests.ui.builder_helpers import (
    above,
    below,
    card_rect,
    click_row,
    drag_over,
    drop,
    palette_mime,
    types,
)

CTRL = Qt.KeyboardModifier.ControlModifier
L = LayerSpec.make


def focus(qtbot, window):
    window.activateWindow()
    window.part("canvas").setFocus()
    qtbot.waitUntil(lambda: window.part("canvas").hasFocus())


def test_dropping_dropout_between_two_layers_inserts_it_at_index_1(window):
    canvas = window.part("canvas")
    steps = window.undo_stack.count()
    shown, event = drop(canvas, palette_mime(window, "Dropout"), below(canvas, 1))
    # While dragging, the insertion line sits exactly between card 0 and card 1.
    assert (shown.parent, shown.index) == ((), 1)
    assert shown.line_y == card_rect(canvas, 1).bottom() + 1
    assert event.isAccepted() and canvas.drop_target is None
    assert types(window.document.spec) == ["Linear", "Dropout", "ReLU", "Linear"]
    assert isinstance(window.document.net[1], nn.Dropout)
    assert canvas.texts(2)["layer"] == "Dropout(p=0.5)"
    assert window.undo_stack.count() == steps + 1  # one drop, one undo step
    window.undo_stack.undo()
    assert types(window.document.spec) == ["Linear", "ReLU", "Linear"]


def test_a_dropped_linear_takes_its_in_features_from_the_shape_that_reaches_it(window):
    canvas = window.part("canvas")
    drop(canvas, palette_mime(window, "Linear"), above(canvas, 3))  # before the last Linear
    new = window.document.spec.children[2]
    assert new.type == "Linear" and new.args["in_features"] == 256
    assert window.selection.layers == (new.id,)  # the new card is selected


def test_dragging_the_last_card_above_the_first_reorders_the_model(window, qtbot):
    canvas = window.part("canvas")
    last = window.document.spec.children[2]
    click_row(qtbot, canvas, 3)
    assert window.selection.layers == (last.id,)
    shown, _ = drop(canvas, canvas.selection_mime(), above(canvas, 1))
    assert (shown.parent, shown.index) == ((), 0)
    assert window.document.spec.children[0].id == last.id
    assert window.document.net[0].out_features == 10
    assert canvas.texts(1)["layer"] == "Linear(256 -> 10)"
    window.undo_stack.undo()
    assert window.document.spec.children[2].id == last.id


def test_ctrl_g_groups_the_selection_and_ctrl_shift_g_ungroups(window, qtbot):
    canvas = window.part("canvas")
    original = window.document.spec
    click_row(qtbot, canvas, 1)
    click_row(qtbot, canvas, 2, CTRL)
    focus(qtbot, window)
    qtbot.keyClick(canvas, Qt.Key.Key_G, CTRL)
    spec = window.document.spec
    assert isinstance(spec.children[0], BlockSpec) and len(spec.children[0].children) == 2
    assert "0.0.weight" in window.document.net.state_dict()
    assert [canvas.texts(r)["name"] for r in (1, 2, 3, 4)] == ["0", "0.0", "0.1", "1"]
    qtbot.keyClick(canvas, Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.spec.children == original.children


def test_collapsing_a_block_hides_its_cards_and_dropping_on_it_inserts_into_it(window, qtbot):
    canvas = window.part("canvas")
    window.part("builder").window.selection.select_layers(
        [c.id for c in window.document.spec.children]
    )
    window.part("builder").group()
    assert canvas.model().rowCount() == 6  # input, block, 3 layers, total
    block_rect = card_rect(canvas, 1)
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=block_rect.topLeft() + type(block_rect.topLeft())(16, 20),
    )
    assert window.document.spec.children[0].collapsed
    assert canvas.model().rowCount() == 3
    shown, _ = drop(canvas, palette_mime(window, "Tanh"), card_rect(canvas, 1).center())
    assert shown.block_row == 1 and shown.line_y is None
    block = window.document.spec.children[0]
    assert [c.type for c in block.children] == ["Linear", "ReLU", "Linear", "Tanh"]
    assert isinstance(window.document.net[0][3], nn.Tanh)


def test_add_shared_use_ties_highlights_edits_all_counts_once_and_removal_keeps_the_other(
    window, qtbot
):
    doc = window.document
    doc.load_spec(
        sequential(
            L("Linear", in_features=4, out_features=8),
            L("ReLU"),
            L("Linear", in_features=8, out_features=8),
            L("Linear", in_features=8, out_features=1),
            input_shape=(2, 4),
        )
    )
    canvas = window.part("canvas")
    before = doc.report.total_params
    click_row(qtbot, canvas, 3)
    focus(qtbot, window)
    qtbot.keyClick(canvas, Qt.Key.Key_T, CTRL)  # Add shared use
    assert doc.net[2] is doc.net[3]
    assert doc.report.total_params == before  # counted once
    assert canvas.highlighted_rows() == [3, 4]  # both uses light up
    assert "tied ×2" in canvas.badges(3) and "tied ×2" in canvas.badges(4)
    # Editing the second use edits the first (through the properties pane).
    box = window.part("properties").fields["bias"].widget
    box.setChecked(False)
    assert doc.spec.children[2].args["bias"] is False and doc.net[2].bias is None
    assert doc.net[2] is doc.net[3]
    # Removing one use keeps the other.
    focus(qtbot, window)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert types(doc.spec) == ["Linear", "ReLU", "Linear", "Linear"]
    assert doc.spec.children[2].tie is None and isinstance(doc.net[2], nn.Linear)


def test_copy_paste_duplicate_and_delete_from_the_keyboard(window, qtbot):
    canvas = window.part("canvas")
    doc = window.document
    click_row(qtbot, canvas, 2)  # ReLU
    focus(qtbot, window)
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_V, CTRL)
    assert types(doc.spec) == ["Linear", "ReLU", "ReLU", "Linear"]
    assert doc.spec.children[1].id != doc.spec.children[2].id
    qtbot.keyClick(canvas, Qt.Key.Key_D, CTRL)
    assert types(doc.spec) == ["Linear", "ReLU", "ReLU", "ReLU", "Linear"]
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert types(doc.spec) == ["Linear", "ReLU", "ReLU", "Linear"]


def test_a_shape_error_marks_the_first_bad_card_and_greys_the_rest(window):
    doc = window.document
    window.push_spec(doc.spec.__class__(doc.spec.children, (2, 30), doc.spec.dtype), "input")
    canvas = window.part("canvas")
    assert canvas.badges(1) == ["error"]
    row = canvas.model().rows[1].info
    assert row.error == "Linear(20 -> 256) at index 0 expects last dimension 20, got 30"
    assert not canvas.model().rows[2].info.reached and canvas.texts(2)["shape"] == ""


def test_a_lazy_layer_shows_in_unknown_until_a_forward_materializes_it(window):
    import torch

    from explorer.resources import examples_dir

    window.part("file_actions").open_example(examples_dir() / "06-lazy-mlp.nnx.json")
    canvas = window.part("canvas")
    assert "in: ?" in canvas.badges(1)
    window.document.net(torch.rand(2, 20))
    window.document.notify_weights_changed()
    assert "in: 20" in canvas.badges(1)


def test_a_thousand_layers_are_rows_not_widgets(window):
    from PySide6.QtWidgets import QWidget

    window.document.load_spec(sequential(*[L("ReLU") for _ in range(1000)]))
    canvas = window.part("canvas")
    assert canvas.model().rowCount() == 1002
    assert len(canvas.viewport().findChildren(QWidget)) < 10


def test_drag_over_a_foreign_payload_is_refused(window):
    from PySide6.QtCore import QMimeData

    foreign = QMimeData()
    foreign.setText("hello")
    assert drag_over(window.part("canvas"), foreign, below(window.part("canvas"), 1)) is None


def test_selecting_a_parameter_highlights_every_card_that_uses_it(window):
    from explorer.resources import examples_dir

    window.part("file_actions").open_example(examples_dir() / "05-shared-layer.nnx.json")
    window.selection.select_parameter("4.weight")  # the second use of the shared layer
    assert window.part("canvas").highlighted_rows() == [3, 5]
    window.selection.select_parameter("0.bias")
    assert window.part("canvas").highlighted_rows() == [1]
