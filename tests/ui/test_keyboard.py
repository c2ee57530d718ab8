"""The builder by keyboard: filter + Enter appends, Alt+Up/Down reorders (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.builder_helpers import click_row, types

ALT = Qt.KeyboardModifier.AltModifier


def test_typing_a_filter_and_enter_appends_that_layer_after_the_selection(window, qtbot):
    palette = window.part("palette_view")
    click_row(qtbot, window.part("canvas"), 1)  # the first Linear
    palette.filter.setFocus()
    qtbot.keyClicks(palette.filter, "tanh")
    assert palette.tree.currentItem() is palette.items["Tanh"]  # what Enter will add
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert types(window.document.spec) == ["Linear", "Tanh", "ReLU", "Linear"]
    palette.filter.clear()
    qtbot.keyClicks(palette.filter, "relu")  # exact name first, not LeakyReLU
    qtbot.keyClick(palette.filter, Qt.Key.Key_Enter)
    assert types(window.document.spec)[2] == "ReLU"
    assert "Add ReLU" in window.undo_action.text()


def test_alt_down_and_alt_up_move_the_selected_card_and_undo_restores(window, qtbot):
    canvas = window.part("canvas")
    spec = window.document.spec
    click_row(qtbot, canvas, 1)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert types(window.document.spec) == ["ReLU", "Linear", "Linear"]
    assert "Move layer" in window.undo_action.text() and "1 layers" not in window.undo_action.text()
    moved = window.document.spec.children[1].id
    assert window.selection.layers == (moved,)
    assert canvas.currentIndex().row() == canvas.row_of_id(moved)  # focus sits on the selection
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert [n.id for n in window.document.spec.children][2] == moved
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)  # already last: nothing happens
    assert window.undo_stack.count() == 2
    qtbot.keyClick(canvas, Qt.Key.Key_Up, ALT)
    assert window.undo_stack.count() == 3
    for _ in range(3):
        window.undo_stack.undo()
    assert window.document.spec == spec


def test_the_parameter_outline_never_sits_on_another_card_than_the_selection(window, qtbot):
    canvas = window.part("canvas")
    click_row(qtbot, canvas, 1)
    window.selection.select_parameter("0.weight")
    assert canvas.highlighted_rows() == [1]
    click_row(qtbot, canvas, 2)  # ReLU: no parameter of its own
    assert canvas.highlighted_rows() in ([], [2])
