"""A Python class's Summary and Activations rows: PyTorch's own names, shapes and counts.

Compared with plain PyTorch: forward hooks on a hand-made instance of the same class,
parameter counts from its ``named_parameters()``.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
import torch
from torch import nn

from explorer.core.module_source import module_report
from explorer.core.monitor import activations
from explorer.io.module_file import load_class_model
from tests.io.test_module_file import NOTES_MLP, HandMLP, write

NESTED = """\
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
        self.head = nn.Linear(8, 3)
        self.head.weight.requires_grad_(False)

    def forward(self, X):
        return self.head(self.body(X) * 2)
"""


def hand_class(text: str, name: str) -> type[nn.Module]:
    """The class of ``text``, defined by plain Python (no explorer code)."""
    scope: dict = {}
    exec(compile(text, "<hand>", "exec"), scope)  # noqa: S102 - the test's own source
    return scope[name]


def hooked_outputs(net: nn.Module, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Each submodule's first output, by its ``named_modules()`` key, seen by forward hooks."""
    outs: dict[str, torch.Tensor] = {}
    handles = [
        m.register_forward_hook(lambda _m, _a, y, k=key: outs.setdefault(k, y))
        for key, m in net.named_modules()
        if key
    ]
    with torch.no_grad():
        net(x)
    for h in handles:
        h.remove()
    return outs


def counts_by_module(net: nn.Module, trainable: bool = False) -> dict[str, int]:
    """numel per submodule key (a block: its subtree), from ``named_parameters()``."""
    counts: dict[str, int] = defaultdict(int)
    for name, p in net.named_parameters():
        if trainable and not p.requires_grad:
            continue
        parts = name.split(".")[:-1]
        for i in range(1, len(parts) + 1):
            counts[".".join(parts[:i])] += p.numel()
    return counts


CASES = [(NOTES_MLP, "MLP", None), (NESTED, "Net", (5, 4))]


@pytest.mark.parametrize(("text", "name", "shape"), CASES, ids=["notes-MLP", "nested"])
def test_a_class_report_has_a_row_per_named_module_with_pytorchs_shapes_and_counts(
    tmp_path, text, name, shape
):
    model = load_class_model(write(tmp_path, text), name, input_shape=shape)
    report = module_report(model, model.build("cpu"), model.input_shape, "float32")
    hand = hand_class(text, name)()
    outs = hooked_outputs(hand, torch.zeros(model.input_shape))

    assert [r.key for r in report.rows] == [k for k, _ in hand.named_modules()][1:]
    assert {r.key: r.out_shape for r in report.rows} == {k: tuple(y.shape) for k, y in outs.items()}
    counts, trainable = counts_by_module(hand), counts_by_module(hand, trainable=True)
    assert {r.key: r.params for r in report.rows} == {r.key: counts[r.key] for r in report.rows}
    assert {r.key: r.trainable for r in report.rows} == {
        r.key: trainable[r.key] for r in report.rows
    }
    assert sum(r.params for r in report.rows if not r.is_block) == report.total_params
    assert report.total_params == sum(p.numel() for p in hand.parameters())
    assert report.output_shape == tuple(hand(torch.zeros(model.input_shape)).shape)
    linear = next(r for r in report.rows if r.type == "Linear")
    n_in, n_out = linear.in_shape[-1], linear.out_shape[-1]
    assert linear.flops == 2 * model.input_shape[0] * n_in * n_out  # torch's FlopCounterMode


def test_a_class_whose_forward_fails_still_lists_its_modules_and_counts(tmp_path):
    model = load_class_model(write(tmp_path, NOTES_MLP), "MLP", input_shape=(2, 7))
    report = module_report(model, model.build("cpu"), (2, 7), "float32")
    assert report.error is not None and report.output_shape is None
    hand = HandMLP()
    assert [r.key for r in report.rows] == ["hidden", "out"]
    assert [r.params for r in report.rows] == [
        sum(p.numel() for p in m.parameters()) for m in (hand.hidden, hand.out)
    ]
    assert all(r.out_shape is None for r in report.rows)


@pytest.mark.parametrize(("text", "name", "shape"), CASES, ids=["notes-MLP", "nested"])
def test_a_class_activations_are_its_leaf_outputs_as_forward_hooks_see_them(
    tmp_path, text, name, shape
):
    model = load_class_model(write(tmp_path, text), name, input_shape=shape)
    torch.manual_seed(3)
    net = model.build("cpu")
    hand = hand_class(text, name)()
    hand.load_state_dict(net.state_dict())
    x = torch.randn(16, *model.input_shape[1:])
    outs = hooked_outputs(hand, x)
    leaves = [k for k, m in hand.named_modules() if k and not list(m.children())]

    rows = activations(net, x)

    assert [r.layer for r in rows] == leaves  # here the forward reaches them in this order
    for r in rows:
        y = outs[r.layer]
        assert r.shape == tuple(y.shape) and r.type == type(hand.get_submodule(r.layer)).__name__
        assert r.mean == pytest.approx(float(y.mean()), abs=1e-6)
        assert r.std == pytest.approx(float(y.std(correction=0)), rel=1e-5)
        assert int(r.hist.counts.sum()) == y.numel()
        if r.type == "ReLU":
            assert r.dead == pytest.approx(float((y == 0).all(dim=0).float().mean()))
    assert torch.equal(net(x), hand(x))  # looking changed nothing
