"""Watching a run: percentile history in bounded memory, gradient flow, activations."""

import numpy as np
import pytest
import torch
from torch import nn

from explorer.core.monitor import (
    PERCENTILES,
    History,
    activations,
    distribution_probe,
    grad_flow,
    percentiles,
)


def test_percentiles_match_numpy_with_exact_extremes():
    torch.manual_seed(0)
    t = torch.randn(1000)
    row = percentiles(t)
    np.testing.assert_allclose(row, np.percentile(t.numpy(), PERCENTILES), rtol=1e-5, atol=1e-6)


def test_distribution_probe_lists_each_tied_parameter_once():
    shared = nn.Linear(3, 3)
    net = nn.Sequential(shared, nn.ReLU(), shared)
    assert list(distribution_probe(net, None)) == ["0.weight", "0.bias"]


def test_history_memory_is_bounded_and_spans_the_whole_run():
    h = History(capacity=8)
    for step in range(1, 101):
        h.add(step, {"w": np.full(len(PERCENTILES), float(step))})
    steps, rows = h.series("w")
    assert len(steps) <= 8 + 1
    assert steps[0] == 1 and steps[-1] >= 90
    np.testing.assert_array_equal(rows[:, 3], steps)


def test_gradient_flow_is_none_before_backward_and_marks_vanishing_layers():
    net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    assert [r.state for r in grad_flow(net)] == ["none", "none"]
    net(torch.ones(4, 2)).sum().backward()
    net[0].weight.grad.mul_(1e-12)
    net[0].bias.grad.mul_(1e-12)
    rows = grad_flow(net)
    assert [r.layer for r in rows] == ["0", "2"]
    assert rows[0].state == "vanishing" and rows[1].state == "ok"
    g = net[2].weight.grad.abs().flatten().tolist() + net[2].bias.grad.abs().flatten().tolist()
    assert rows[1].mean_abs == pytest.approx(sum(g) / len(g))
    assert rows[1].max_abs == pytest.approx(max(g))


def test_activations_report_dead_relu_units_and_leave_the_model_untouched():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Dropout(0.5))
    with torch.no_grad():
        net[0].weight[1:] = 0
        net[0].bias[1:] = -1  # units 1..3 are never positive after the linear
        net[1].weight.fill_(1.0)
    x = torch.randn(8, 2)
    before = {k: v.clone() for k, v in net.state_dict().items()}
    rng = torch.get_rng_state()
    rows = activations(net, x)
    assert [r.layer for r in rows] == ["0", "1", "2", "3"]
    assert rows[2].dead is None or rows[2].dead >= 0  # ReLU reports a share
    assert rows[0].dead is None
    assert torch.equal(torch.get_rng_state(), rng)
    for k, v in net.state_dict().items():
        assert torch.equal(v, before[k]), k
    assert rows[3].hist.counts.sum() == 8 * 4


def test_dead_share_counts_units_zero_for_every_sample():
    net = nn.Sequential(nn.ReLU())
    x = torch.tensor([[1.0, -1.0, -2.0, 0.0], [2.0, -1.0, 3.0, -5.0]])
    (row,) = activations(net, x)
    assert row.dead == pytest.approx(0.5)  # units 1 and 3 are never active


def test_activations_run_a_tied_layer_at_each_of_its_uses_as_the_sequential_does():
    """The book's tying example: ``shared`` at positions 2 and 4. Sequential.forward runs
    both uses; named_children() would list the module once and skip the second."""
    torch.manual_seed(0)
    shared = nn.Linear(8, 8)
    net = nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1)
    )
    x = torch.rand(2, 4)
    rows = activations(net, x)
    assert [r.layer for r in rows] == ["0", "1", "2", "3", "4", "5", "6"]
    with torch.no_grad():
        y = x
        for row, layer in zip(rows, net, strict=True):
            y = layer(y)
            assert row.mean == pytest.approx(float(y.mean()), abs=1e-6)
        assert rows[-1].mean == pytest.approx(float(net(x).mean()), abs=1e-6)
