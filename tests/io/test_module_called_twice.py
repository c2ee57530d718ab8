"""A module that ``forward`` calls twice: a row per call, as forward hooks see the calls.

The book's ``FixedHiddenMLP`` (d2l 5.1) runs ``self.linear`` twice and then halves its
second output in place (``X /= 2``). Compared with forward hooks on a hand-made instance
that record each call in order (a clone: the hook sees the output before the halving).
"""

from __future__ import annotations

import pytest
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from explorer.core.module_source import module_report
from explorer.core.module_summary import hooked_forward, module_rows
from explorer.core.monitor import activations
from explorer.io.module_file import load_class_model
from tests.io.test_class_rows import hand_class
from tests.io.test_module_file import write

FIXED_HIDDEN_MLP = """\
import torch
from torch import nn
from torch.nn import functional as F

class FixedHiddenMLP(nn.Module):
    def __init__(self):
        super().__init__()
        # 不计算梯度的随机权重参数。因此其在训练期间保持不变
        self.rand_weight = torch.rand((20, 20), requires_grad=False)
        self.linear = nn.Linear(20, 20)

    def forward(self, X):
        X = self.linear(X)
        # 使用创建的常量参数以及relu和mm函数
        X = F.relu(torch.mm(X, self.rand_weight) + 1)
        # 复用全连接层。这相当于两个全连接层共享参数
        X = self.linear(X)
        # 控制流
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()
"""

TWICE_IN_A_BLOCK = """\
import torch
from torch import nn

class Twice(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.Linear(4, 6)
        self.body = nn.Sequential(nn.Linear(6, 6), nn.ReLU())
        self.linear = nn.Linear(6, 6)
        self.head = nn.Linear(6, 2)

    def forward(self, X):
        X = self.body(self.first(X))
        X = self.body(self.linear(self.linear(X)))
        return self.head(X)
"""

CASES = [(FIXED_HIDDEN_MLP, "FixedHiddenMLP", (2, 20)), (TWICE_IN_A_BLOCK, "Twice", (3, 4))]
IDS = ["FixedHiddenMLP", "twice-in-a-block"]


def hooked_calls(
    net: nn.Module, x: torch.Tensor, leaves_only: bool
) -> list[tuple[str, torch.Tensor]]:
    """Every call of every submodule, in the order its forward hook fired, output cloned."""
    calls: list[tuple[str, torch.Tensor]] = []
    handles = [
        m.register_forward_hook(lambda _m, _a, y, k=key: calls.append((k, y.detach().clone())))
        for key, m in net.named_modules()
        if key and not (leaves_only and list(m.children()))
    ]
    with torch.no_grad():
        net(x)
    for h in handles:
        h.remove()
    return calls


def opened(tmp_path, text, name, shape):
    model = load_class_model(write(tmp_path, text), name, input_shape=shape)
    torch.manual_seed(3)
    net = model.build("cpu")
    hand = hand_class(text, name)()
    hand.load_state_dict(net.state_dict())
    if hasattr(hand, "rand_weight"):
        hand.rand_weight = net.rand_weight  # a plain attribute, not in the state_dict
    return model, net, hand


@pytest.mark.parametrize(("text", "name", "shape"), CASES, ids=IDS)
def test_activations_have_a_row_per_call_with_the_outputs_hooks_see(tmp_path, text, name, shape):
    _, net, hand = opened(tmp_path, text, name, shape)
    x = torch.randn(shape, generator=torch.Generator().manual_seed(0))
    rows = activations(net, x)
    calls = hooked_calls(hand, x, leaves_only=True)
    assert [r.layer for r in rows] == [k for k, _ in calls]
    seen: dict[str, int] = {}
    for row, (key, y) in zip(rows, calls, strict=True):
        seen[key] = seen.get(key, 0) + 1
        assert row.call == seen[key]
        assert row.shape == tuple(y.shape)
        assert row.mean == pytest.approx(float(y.mean()), rel=1e-6, abs=1e-7)
        assert row.std == pytest.approx(float(y.std(correction=0)), rel=1e-6, abs=1e-7)
        assert int(row.hist.counts.sum()) == y.numel()
    assert max(seen.values()) == 2


def test_the_fixed_hidden_mlps_second_linear_row_is_its_output_before_the_halving(tmp_path):
    _, net, hand = opened(tmp_path, FIXED_HIDDEN_MLP, "FixedHiddenMLP", (2, 20))
    x = torch.rand(2, 20)
    first, second = activations(net, x)
    with torch.no_grad():
        h = hand.linear(torch.relu(hand.linear(x) @ hand.rand_weight + 1))
    assert (first.layer, first.call, second.layer, second.call) == ("linear", 1, "linear", 2)
    assert second.mean == pytest.approx(float(h.mean()), abs=1e-6)
    assert second.std == pytest.approx(float(h.std(correction=0)), rel=1e-5)
    assert h.abs().sum() > 1  # the in-place halving would have changed what was shown


@pytest.mark.parametrize(("text", "name", "shape"), CASES, ids=IDS)
def test_summary_rows_add_a_shared_row_per_later_call_with_its_shapes(tmp_path, text, name, shape):
    model, net, hand = opened(tmp_path, text, name, shape)
    report = module_report(model, net, shape, "float32")
    calls = hooked_calls(hand, torch.zeros(shape), leaves_only=False)
    per_key: dict[str, list[torch.Tensor]] = {}
    for key, y in calls:
        per_key.setdefault(key, []).append(y)
    keys = [k for k, m in hand.named_modules() if k]
    # every module once in named_modules() order, each later call after the module's rows
    assert sorted((r.key, r.call) for r in report.rows) == sorted(
        (k, i + 1) for k in keys for i in range(len(per_key[k]))
    )
    assert [r.key for r in report.rows if r.call == 1] == keys
    for r in report.rows:
        assert r.out_shape == tuple(per_key[r.key][r.call - 1].shape), (r.key, r.call)
        assert r.shared == (r.call > 1)
        if r.call > 1:
            assert r.params == 0  # the parameters are counted once, on the first row
            assert [x.key for x in report.rows].index(r.key) < report.rows.index(r)
    assert sum(r.params for r in report.rows if r.depth == 0) == sum(
        p.numel() for p in hand.parameters()
    )
    # the total counts what the rows count (FixedHiddenMLP's meta forward fails: its
    # summary runs a copy on zeros, whose FLOPs were shown per row but totalled 0)
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        hand(torch.zeros(shape))
    assert report.total_flops == counter.get_total_flops() > 0
    assert report.total_flops >= sum(r.flops for r in report.rows if r.depth == 0)


def test_each_calls_flops_are_its_own_and_add_up_to_the_modules_total():
    torch.manual_seed(0)
    net = hand_class(TWICE_IN_A_BLOCK, "Twice")()
    x = torch.empty((3, 4), device="meta")
    net = net.to("meta")
    run = hooked_forward(net, x)
    rows = module_rows(net, run)
    linear = [r for r in rows if r.key == "linear"]
    assert [r.call for r in linear] == [1, 2]
    assert linear[0].flops == linear[1].flops == 2 * 3 * 6 * 6
    assert sum(r.flops for r in linear) == run.flops["Twice.linear"]
    body = [r for r in rows if r.key == "body"]
    assert sum(r.flops for r in body) == run.flops["Twice.body"]
