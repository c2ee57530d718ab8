"""The scratchpad mirrors torch.autograd: values, grads, node names, errors."""

import pytest
import torch

from explorer.core.autograd_graph import AutogradError, Leaf, Scratchpad


def torch_walk(root):
    """Breadth-first names and next indices of a graph, walked directly in torch."""
    order, index = [root], {id(root): 0}
    for fn in order:
        for f, _ in fn.next_functions:
            if f is not None and id(f) not in index:
                index[id(f)] = len(order)
                order.append(f)
    return [
        (
            f.name().rsplit("::", 1)[-1],
            tuple(None if g is None else index[id(g)] for g, _ in f.next_functions),
        )
        for f in order
    ]


def test_the_notes_example_gives_torch_grads_and_node_names():
    pad = Scratchpad()
    ev = pad.evaluate([Leaf("x", "3.0"), Leaf("y", "2.0")], "z = x * y + x**2")
    x = torch.tensor(3.0, requires_grad=True)
    y = torch.tensor(2.0, requires_grad=True)
    z = x * y + x**2
    assert ev.value == z.item()
    assert [(n.name, n.next) for n in ev.graph] == torch_walk(z.grad_fn)
    assert [n.name for n in ev.graph] == [
        "AddBackward0",
        "MulBackward0",
        "PowBackward0",
        "AccumulateGrad",
        "AccumulateGrad",
    ]
    assert ev.graph[0].var == "z"
    assert {n.leaf for n in ev.graph if n.name == "AccumulateGrad"} == {"x", "y"}
    grads = pad.backward()
    z.backward()
    assert grads == {"x": x.grad.item(), "y": y.grad.item()}


def test_shapes_are_the_gradient_shapes_and_depth_is_the_longest_path():
    pad = Scratchpad()
    ev = pad.evaluate(
        [Leaf("x", "torch.arange(4.0)"), Leaf("w", "torch.ones(3, 4)")], "y = w @ x\ny.sum()"
    )
    x = torch.arange(4.0, requires_grad=True)
    w = torch.ones(3, 4, requires_grad=True)
    out = (w @ x).sum()
    assert [(n.name, n.next) for n in ev.graph] == torch_walk(out.grad_fn)
    by_name = {n.name: n for n in ev.graph if n.name != "AccumulateGrad"}
    assert by_name["SumBackward0"].shape == ()
    assert by_name["MvBackward0"].shape == (3,)
    leaves = {n.leaf: n for n in ev.graph if n.leaf}
    assert leaves["x"].shape == (4,) and leaves["w"].shape == (3, 4)
    for node in ev.graph:
        for k in node.next:
            if k is not None:
                assert ev.graph[k].depth > node.depth
    pad.backward()
    out.backward()
    assert torch.equal(torch.tensor(pad.grads()["w"]), w.grad)


def test_a_node_used_twice_gets_the_longest_path_layer():
    pad = Scratchpad()
    ev = pad.evaluate([Leaf("x", "2.0")], "y = x * 3\nz = y * y.exp()")
    acc = next(n for n in ev.graph if n.leaf == "x")
    mul_y = next(n for n in ev.graph if n.var == "y")
    assert acc.depth == mul_y.depth + 1
    assert mul_y.depth == max(n.depth for n in ev.graph if mul_y.index in n.next) + 1


def test_backward_twice_accumulates_with_retain_graph_and_zero_clears():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "torch.arange(4.0)")], "(x * x).sum()")
    first = pad.backward(retain_graph=True)
    second = pad.backward()
    assert second["x"] == [2 * g for g in first["x"]]
    assert pad.zero_grad() == {"x": [0.0, 0.0, 0.0, 0.0]}


def test_a_second_backward_on_a_freed_graph_is_explained_and_grads_stay():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "3.0")], "x ** 2")
    assert pad.backward() == {"x": 6.0}
    with pytest.raises(AutogradError) as e:
        pad.backward()
    assert e.value.kind == "freed" and "retain_graph=True" in e.value.message
    assert pad.grads() == {"x": 6.0}


def test_non_scalar_result_needs_gradient_and_gradient_works():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "torch.arange(3.0)")], "z = x * 2")
    with pytest.raises(AutogradError) as e:
        pad.backward()
    assert e.value.kind == "non_scalar" and "gradient=" in e.value.message
    assert "(3,)" in e.value.message
    assert pad.grads() == {"x": None}
    assert pad.backward("torch.tensor([1.0, 10.0, 100.0])") == {"x": [2.0, 20.0, 200.0]}


def test_no_leaf_requiring_grad_is_explained():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "3.0", requires_grad=False)], "x * 2")
    assert pad.graph == ()
    with pytest.raises(AutogradError) as e:
        pad.backward()
    assert e.value.kind == "no_grad" and "requires_grad" in e.value.message


def test_in_place_change_of_a_leaf_is_explained_with_its_line_and_nothing_changes():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "1.0")], "x * 5")
    before = pad.graph
    with pytest.raises(AutogradError) as e:
        pad.evaluate([Leaf("x", "3.0")], "y = x * 2\nx.add_(1)\ny")
    assert e.value.kind == "inplace_leaf" and e.value.line == 2
    assert pad.graph is before


def test_in_place_change_of_a_saved_value_is_explained_at_backward():
    pad = Scratchpad()
    pad.evaluate([Leaf("x", "torch.ones(2)")], "y = x * 2\nw = y ** 2\ny.mul_(3)\nw.sum()")
    with pytest.raises(AutogradError) as e:
        pad.backward()
    assert e.value.kind == "inplace"


@pytest.mark.parametrize(
    ("leaves", "code", "kind"),
    [
        ([Leaf("x", "torch.arange(4)")], "x * 2", "leaf"),
        ([Leaf("x", "1.0"), Leaf("x", "2.0")], "x", "leaf"),
        ([Leaf("x", "1.0")], "z = (x", "syntax"),
        ([Leaf("x", "1.0")], "foo(x)", "eval"),
        ([Leaf("x", "1.0")], "'text'", "eval"),
        ([Leaf("x", "1.0")], "open('notes.txt')", "eval"),
    ],
)
def test_bad_code_is_a_typed_error(leaves, code, kind):
    with pytest.raises(AutogradError) as e:
        Scratchpad().evaluate(leaves, code)
    assert e.value.kind == kind


def test_the_layered_layout_puts_every_edge_downward_and_no_two_nodes_together():
    from explorer.core.graph_layout import layered_positions

    pad = Scratchpad()
    ev = pad.evaluate(
        [Leaf("x", "torch.ones(3)"), Leaf("w", "torch.ones(3)"), Leaf("b", "1.0")],
        "h = (w * x).sum() + b\nz = h.sigmoid() * h + x.mean()",
    )
    pos = layered_positions(ev.graph)
    assert set(pos) == {n.index for n in ev.graph}
    assert len(set(pos.values())) == len(pos)
    for n in ev.graph:
        for k in n.next:
            if k is not None:
                assert pos[k][1] > pos[n.index][1]


def test_a_models_loss_graph_is_torchs_and_grouped_by_layer():
    from torch import nn

    from explorer.core.model_graph import model_loss_graph

    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.BatchNorm1d(3), nn.Linear(3, 2))
    x, y = torch.rand(5, 4), torch.rand(5, 2)
    before = net[2].running_mean.clone()
    nodes, value = model_loss_graph(net, x, y, "mse")
    assert torch.equal(net[2].running_mean, before)  # ran on a copy
    net.train()
    loss = nn.functional.mse_loss(net(x), y)
    assert value == pytest.approx(loss.item())
    assert [(n.name, n.next) for n in nodes] == torch_walk(loss.grad_fn)
    groups = {n.name: n.group for n in nodes if not n.leaf}
    assert groups["MseLossBackward0"] is None and groups["ReluBackward0"] == "1"
    assert groups["NativeBatchNormBackward0"] == "2"
    assert {n.leaf: n.group for n in nodes if n.leaf}["3.weight"] == "3"
