"""The Autograd tab: real clicks on its buttons; grads and node names as torch gives them."""

import torch
from PySide6.QtCore import Qt

from explorer.core.autograd_graph import Leaf
from explorer.ui.autograd.scratchpad_panel import ScratchpadPanel


def panel_of(window) -> ScratchpadPanel:
    window.show_tab("AutogradTab")
    return window.bottom_tabs.currentWidget()


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_notes_example_draws_the_graph_and_backward_accumulates(window, qtbot):
    panel = panel_of(window)
    assert isinstance(panel, ScratchpadPanel)
    assert not panel.backward_button.isEnabled()
    click(qtbot, panel.evaluate_button)
    x = torch.tensor(3.0, requires_grad=True)
    y = torch.tensor(2.0, requires_grad=True)
    z = x * y + x**2
    assert panel.value.text() == f"z = {z.item()}"
    names = [panel.graph.text_of(i).splitlines()[0] for i in range(len(panel.graph.nodes))]
    assert names == ["AddBackward0  [z]", "MulBackward0", "PowBackward0",
                     "AccumulateGrad", "AccumulateGrad"]  # fmt: skip
    z.backward()
    panel.retain.setChecked(True)
    click(qtbot, panel.backward_button)
    assert panel.grads.text() == f"x.grad = {x.grad.item()}\ny.grad = {y.grad.item()}"
    leaf_x = next(n.index for n in panel.graph.nodes if n.leaf == "x")
    assert panel.graph.text_of(leaf_x).endswith(f"x.grad = {x.grad.item()}")
    click(qtbot, panel.backward_button)  # again, without zeroing: accumulates
    assert panel.grads.text() == f"x.grad = {2 * x.grad.item()}\ny.grad = {2 * y.grad.item()}"
    click(qtbot, panel.zero_button)
    assert panel.grads.text() == "x.grad = 0.0\ny.grad = 0.0"


def test_a_freed_graph_and_a_non_scalar_result_are_explained_in_place(window, qtbot):
    panel = panel_of(window)
    click(qtbot, panel.evaluate_button)
    click(qtbot, panel.backward_button)
    before = panel.grads.text()
    click(qtbot, panel.backward_button)
    assert "retain_graph=True" in panel.message.text()
    assert panel.grads.text() == before  # nothing changed
    panel.set_leaves([Leaf("x", "torch.arange(3.0)")])
    panel.code.setPlainText("x * 2")
    click(qtbot, panel.evaluate_button)
    assert panel.message.text() == ""
    click(qtbot, panel.backward_button)
    assert "gradient=" in panel.message.text()
    panel.gradient.setText("torch.ones(3)")
    click(qtbot, panel.backward_button)
    assert panel.grads.text() == "x.grad = [2.0, 2.0, 2.0]" and panel.message.text() == ""


def test_requires_grad_unticked_and_in_place_leaf_changes_are_explained(window, qtbot):
    panel = panel_of(window)
    panel.leaves.item(0, 2).setCheckState(Qt.CheckState.Unchecked)
    panel.leaves.item(1, 2).setCheckState(Qt.CheckState.Unchecked)
    click(qtbot, panel.evaluate_button)
    assert panel.graph.nodes == ()
    click(qtbot, panel.backward_button)
    assert "requires_grad" in panel.message.text()
    panel.leaves.item(0, 2).setCheckState(Qt.CheckState.Checked)
    panel.code.setPlainText("x.add_(1)\nz = x * y")
    click(qtbot, panel.evaluate_button)
    assert panel.message.text().startswith("line 1: an in-place change")
    assert panel.graph.nodes == ()  # the last good graph stays


def test_adding_a_leaf_and_a_matrix_product_gives_torchs_grads(window, qtbot):
    panel = panel_of(window)
    panel.set_leaves([Leaf("w", "torch.ones(2, 3)")])
    panel.add_leaf(Leaf("x", "torch.arange(3.0)"))
    panel.code.setPlainText("y = w @ x\ny.sum()")
    click(qtbot, panel.evaluate_button)
    click(qtbot, panel.backward_button)
    w = torch.ones(2, 3, requires_grad=True)
    x = torch.arange(3.0, requires_grad=True)
    (w @ x).sum().backward()
    assert panel.grads.text() == f"w.grad = {w.grad.tolist()}\nx.grad = {x.grad.tolist()}"
    assert {n.name for n in panel.graph.nodes} == {"SumBackward0", "MvBackward0", "AccumulateGrad"}


def test_the_models_loss_graph_after_forward_is_grouped_by_layer(window, qtbot):
    panel = panel_of(window)
    click(qtbot, panel.model_button)
    assert "Run Forward first" in panel.message.text()
    forward = next(a for a in window.actions() if a.iconText() == "Forward")
    forward.trigger()
    qtbot.waitUntil(lambda: "output" in window.tensors, timeout=10000)
    click(qtbot, panel.model_button)
    assert panel.message.text() == ""
    nodes = panel.graph.nodes
    assert nodes[0].name == "MseLossBackward0" and nodes[0].group is None
    leaves = {n.leaf: n.group for n in nodes if n.leaf}
    assert leaves == {"0.weight": "0", "0.bias": "0", "2.weight": "2", "2.bias": "2"}
    assert {n.group for n in nodes if n.name == "ReluBackward0"} == {"1"}
    # the same graph as torch's own walk of the same loss
    net = window.document.net
    out = torch.nn.functional.mse_loss(net(window.tensors["input"]), window.tensors["target"])
    from tests.core.test_autograd_graph import torch_walk

    assert [(n.name, n.next) for n in nodes] == torch_walk(out.grad_fn)
