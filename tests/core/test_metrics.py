"""Accuracy, decision regions and the fitted curve against plain PyTorch on the same weights."""

import numpy as np
import pytest
import torch

from explorer.core.data import DataSpec, make_dataset
from explorer.core.metrics import (
    CurveRequest,
    GridRequest,
    accuracy,
    dataset_accuracy,
    decision_grid,
    fitted_curve,
    grid_for,
    metrics_probe,
    with_final_accuracy,
)
from explorer.core.training import TrainConfig, train


def mlp(classes=3, p=0.0):
    torch.manual_seed(1)
    return torch.nn.Sequential(
        torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Dropout(p), torch.nn.Linear(16, classes)
    )


def test_accuracy_equals_a_plain_argmax_count_in_eval_mode_and_keeps_the_mode():
    data = make_dataset(DataSpec("spiral", n=300))
    net = mlp(p=0.5)
    net.train()
    got = accuracy(net, data.X, data.y)
    net.eval()
    with torch.no_grad():
        plain = (net(data.X).argmax(1) == data.y).float().mean().item()
    net.train()
    assert got == plain
    assert net.training


def test_a_single_output_column_is_read_as_a_logit():
    x = torch.tensor([[1.0, 0.0], [-1.0, 0.0], [2.0, 0.0]])
    net = torch.nn.Linear(2, 1)
    with torch.no_grad():
        net.weight.copy_(torch.tensor([[1.0, 0.0]]))
        net.bias.zero_()
    assert accuracy(net, x, torch.tensor([1, 0, 0])) == pytest.approx(2 / 3)


def test_dataset_accuracy_and_the_probe_give_train_and_held_out():
    data = make_dataset(DataSpec("moons", n=200))
    net = mlp(classes=2)
    acc = dataset_accuracy(net, data)
    with torch.no_grad():
        train = (net(data.X).argmax(1) == data.y).float().mean().item()
        held = (net(data.X_eval).argmax(1) == data.y_eval).float().mean().item()
    assert (acc.train, acc.held_out) == (train, held)
    assert metrics_probe(data)(net, data.X[:4]) == acc


def test_decision_grid_is_the_models_argmax_on_the_grid():
    net = mlp()
    req = GridRequest(-1.0, 1.0, -0.5, 0.5, resolution=7)
    grid = decision_grid(net, req)
    assert grid.shape == (7, 7) and grid.dtype == np.uint8
    xs, ys = np.linspace(-1, 1, 7), np.linspace(-0.5, 0.5, 7)
    for j in (0, 3, 6):
        for i in (0, 2, 6):
            with torch.no_grad():
                out = net(torch.tensor([[xs[i], ys[j]]], dtype=torch.float32))
            assert grid[j, i] == int(out.argmax(1))


def test_grid_covers_the_data_with_a_margin():
    x = np.array([[0.0, -1.0], [2.0, 1.0]])
    req = grid_for(x, resolution=10, margin=0.1)
    assert (req.x0, req.x1, req.y0, req.y1) == (-0.2, 2.2, -1.2, 1.2)


def test_fitted_curve_is_the_first_output_along_x():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
    xs, ys = fitted_curve(net, CurveRequest(-3.0, 3.0, points=5))
    with torch.no_grad():
        plain = net(torch.linspace(-3, 3, 5)[:, None])[:, 0].numpy()
    np.testing.assert_allclose(xs, np.linspace(-3, 3, 5), rtol=1e-6)
    np.testing.assert_allclose(ys, plain, rtol=1e-6)


def test_final_accuracy_is_measured_after_the_last_step_on_all_the_data():
    data = make_dataset(DataSpec("blobs", n=200))
    net = mlp()
    gen = with_final_accuracy(
        train(net, data, TrainConfig(loss="cross_entropy", steps=20)), net, data
    )
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            final = stop.value
            break
    assert final.steps == 20 and final.loss is not None
    assert final.accuracy == dataset_accuracy(net, data)
