"""The Parameters dock: PyTorch's names for every example, tied rows, buffers, selection."""

import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from torch import nn

from explorer.core.spec import LayerSpec, sequential
from explorer.ui.inspect.param_tree import NAMES_ROLE
from tests.conftest import EXAMPLES

L = LayerSpec.make


def tree_names(window):
    return [item.data(0, NAMES_ROLE) for item in window.part("param_tree").entry_rows()]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_tree_names_are_state_dict_keys_and_grads_appear_after_backward(window, path):
    window.part("file_actions").open_example(path)
    net = window.document.net
    tree = window.part("param_tree")
    names = tree_names(window)
    assert sorted(n for group in names for n in group) == sorted(net.state_dict().keys())
    params = dict(net.named_parameters())
    assert [g[0] for g in names if g[0] in params] == list(params)
    assert [g[0] for g in names if g[0] not in params] == [n for n, _ in net.named_buffers()]
    for group in names:
        if group[0] in params:
            assert tree.row_for(group[0]).text(6) == "None"
    x = torch.randn(tuple(window.document.spec.input_shape))
    net(x).sum().backward()
    window.document.notify_weights_changed()
    for name, p in net.named_parameters():
        assert tree.row_for(name).text(6) == str(tuple(p.grad.shape)).replace(",)", ")")
        window.selection.select_parameter(name)
        _, grad_snap = window.part("tensor_view").snaps
        assert grad_snap.stats.numel == p.grad.numel()
        assert grad_snap.stats.max == float(p.grad.max())
        assert grad_snap.stats.min == float(p.grad.min())


def test_tied_layer_is_one_row_with_both_names_and_selects_both_layers(window, qtbot):
    window.part("file_actions").open_example(next(p for p in EXAMPLES if "shared" in p.name))
    tree = window.part("param_tree")
    row = tree.row_for("2.weight")
    assert row is tree.row_for("4.weight")
    assert row.text(0) == "2.weight = 4.weight" and not row.icon(0).isNull()
    net = window.document.net
    assert tree.totals.text().startswith(f"parameters: {sum(p.numel() for p in net.parameters())}")
    tree.tree.scrollToItem(row)
    rect = tree.tree.visualItemRect(row)
    pos = QPoint(rect.left() + 30, rect.center().y())  # on the name, inside the viewport
    assert tree.tree.viewport().rect().contains(pos)
    qtbot.mouseClick(tree.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.parameter == "2.weight"
    spec = window.document.spec
    assert window.selection.layers == (spec.children[2].id, spec.children[4].id)
    assert window.part("tensor_view").header.text().startswith("2.weight = 4.weight  (8, 8)")


def test_buffers_are_state_dict_only_rows_and_lazy_parameters_show_no_shape(window):
    window.document.load_spec(
        sequential(L("LazyLinear", out_features=3), L("BatchNorm1d", num_features=3))
    )
    tree = window.part("param_tree")
    weight = tree.row_for("0.weight")
    assert weight.text(1) == "? UninitializedParameter" and weight.text(5) == "?"
    assert tree.row_for("1.running_mean").text(4) == "—"
    assert "Buffer" in tree.row_for("1.num_batches_tracked").toolTip(0)
    assert "2 uninitialized" in tree.totals.text()
    window.selection.select_parameter("0.weight")
    assert "UninitializedParameter" in window.part("tensor_view").header.text()
    window.document.net(torch.zeros(2, 20))  # the first forward materializes it
    window.document.notify_weights_changed()
    assert weight is not tree.row_for("0.weight")
    assert tree.row_for("0.weight").text(1) == "(3, 20)"


def test_selecting_a_layer_elsewhere_selects_its_parameters_and_shows_the_first(window):
    layer = window.document.spec.children[2]
    window.selection.select_layers([layer.id])
    selected = [i.data(0, NAMES_ROLE)[0] for i in window.part("param_tree").tree.selectedItems()]
    assert selected == ["2.weight", "2.bias"]
    assert window.selection.parameter == "2.weight"
    assert window.part("tensor_view").snaps[0].shape == (10, 256)


def test_state_dict_pane_prints_what_pytorch_prints_for_the_selected_layer(window, qtbot):
    tree = window.part("param_tree")
    qtbot.mouseClick(tree.state_button, Qt.MouseButton.LeftButton)
    assert tree.state_text.isVisible()
    net = window.document.net
    twin = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    twin.load_state_dict(net.state_dict())
    assert tree.state_text.toPlainText() == f">>> print(net.state_dict())\n{twin.state_dict()}"
    window.selection.select_parameter("2.bias")
    text = tree.state_text.toPlainText()
    assert text == f">>> print(net[2].state_dict())\n{twin[2].state_dict()}"
    assert list(twin[2].state_dict()) == ["weight", "bias"]


def test_a_backward_updates_grad_states_in_place_keeping_rows_and_selection(window):
    window.selection.select_parameter("2.bias")
    row = window.part("param_tree").row_for("2.bias")
    window.document.net(torch.randn(2, 20)).sum().backward()
    window.document.notify_weights_changed()
    assert window.part("param_tree").row_for("2.bias") is row and row.isSelected()
    assert row.text(6) == "(10)"


def snapshot(tree):
    """Everything a row shows, nested as the tree nests it (expansion aside)."""
    from explorer.ui.inspect.param_tree import ID_ROLE, KEY_ROLE

    def row(item):
        shown = tuple(item.text(c) for c in range(item.columnCount()))
        extra = (
            item.toolTip(0),
            item.icon(0).isNull(),
            item.font(0).italic(),
            item.data(0, NAMES_ROLE),
            item.data(0, KEY_ROLE),
            item.data(0, ID_ROLE),
        )
        return shown, extra, [row(item.child(i)) for i in range(item.childCount())]

    t = tree.tree
    return [row(t.topLevelItem(i)) for i in range(t.topLevelItemCount())], tree.totals.text()


def test_the_tree_follows_edits_and_undo_as_a_rebuilt_tree_would_keeping_rows(window):
    from tests.core.test_param_rows import EDITS

    tree = window.part("param_tree")
    window.document.load_spec(
        sequential(
            L("Linear", in_features=4, out_features=8),
            L("BatchNorm1d", num_features=8),
            L("Linear", in_features=8, out_features=2),
            input_shape=(3, 4),
        )
    )
    last = window.document.spec.children[2]
    window.selection.select_parameter("2.bias")
    for edit in EDITS:
        window.push_spec(edit(window.document.spec), "edit")
        shown = snapshot(tree)
        net = window.document.net
        names = [n for group in tree_names(window) for n in group]
        assert sorted(names) == sorted(net.state_dict().keys())
        params = dict(net.named_parameters())
        assert [g[0] for g in tree_names(window) if g[0] in params] == list(params)
        key = next(k for k, m in net.named_modules() if m is window.document.modules[last.id])
        assert window.selection.parameter == f"{key}.bias"  # the selection follows the layer
        assert tree.row_for(f"{key}.bias").isSelected()
        tree.refresh()  # built from scratch
        assert snapshot(tree) == shown
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        shown = snapshot(tree)
        tree.refresh()
        assert snapshot(tree) == shown
    assert tree_names(window) == [
        ("0.weight",),
        ("0.bias",),
        ("1.weight",),
        ("1.bias",),
        ("1.running_mean",),
        ("1.running_var",),
        ("1.num_batches_tracked",),
        ("2.weight",),
        ("2.bias",),
    ]


def test_an_insertion_keeps_rows_folds_and_the_scroll_position(window):
    from explorer.core import edits

    window.document.load_spec(
        sequential(
            *[L("Linear", in_features=8, out_features=8) for _ in range(60)], input_shape=(2, 8)
        )
    )
    tree = window.part("param_tree")
    folded = tree.row_for("5.weight").parent()
    folded.setExpanded(False)
    kept = tree.row_for("40.weight")
    tree.tree.scrollToItem(kept, tree.tree.ScrollHint.PositionAtTop)
    top = tree.tree.verticalScrollBar().value()
    window.push_spec(edits.insert(window.document.spec, (), 50, L("ReLU")), "Add ReLU")
    assert tree.row_for("40.weight") is kept and not folded.isExpanded()
    assert tree.row_for("5.weight").parent() is folded
    assert tree.tree.verticalScrollBar().value() == top
    assert tree.row_for("51.weight").text(0) == "51.weight"  # renamed behind the insertion
    assert tree.row_for("50.weight") is None
    relu = tree.tree.topLevelItem(0).child(50)
    assert relu.text(0) == "50  ReLU" and relu.childCount() == 0
