"""The depth probe shows vanishing activations under the default init of a deep tanh MLP."""

import math

import pytest
import torch

from explorer.core.build import build
from explorer.core.init import LazyParameterError
from explorer.core.init_probe import depth_probe, growth, probe_scheme
from explorer.io.project import load_project
from explorer.resources import examples_dir


def load(stem):
    return load_project(examples_dir() / f"{stem}.nnx.json").spec


def test_default_init_vanishes_while_xavier_with_the_tanh_gain_keeps_the_scale():
    spec = load("09-deep-tanh-mlp")
    torch.manual_seed(0)
    net = build(spec)
    default = probe_scheme(net, spec.input_shape, "default", seed=0)
    xavier = probe_scheme(net, spec.input_shape, "xavier_uniform", {"gain": 5 / 3}, seed=0)
    assert len(default.rows) == len(spec.children)
    assert growth(default) < 0.3 < 0.8 < growth(xavier) < 1.25
    first_grad = [r.weight_grad_std for r in default.rows if r.weight_grad_std is not None][0]
    first_grad_x = [r.weight_grad_std for r in xavier.rows if r.weight_grad_std is not None][0]
    assert first_grad < first_grad_x / 50  # the default's gradients vanish towards the input


def test_probe_matches_a_hand_computed_forward_and_backward_and_leaves_grads_alone():
    spec = load("03-parameter-access")
    net = build(spec)
    result = depth_probe(net, spec.input_shape, batch=64, seed=2)
    assert all(p.grad is None for p in net.parameters())
    gen = torch.Generator().manual_seed(2)
    x = torch.randn((64, 4), generator=gen)
    h = net[0](x)
    h.retain_grad()
    y = net[2](net[1](h))
    y.backward(torch.randn(y.shape, generator=gen))
    assert [r.key for r in result.rows] == ["0", "1", "2"]
    assert result.rows[0].act_std == pytest.approx(float(h.detach().std()), rel=1e-5)
    assert result.rows[0].grad_std == pytest.approx(float(h.grad.std()), rel=1e-5)
    assert result.rows[0].weight_grad_std == pytest.approx(
        float(net[0].weight.grad.std()), rel=1e-5
    )
    assert result.rows[1].weight_grad_std is None


def test_each_use_of_a_tied_layer_is_its_own_row():
    spec = load("05-shared-layer")
    result = depth_probe(build(spec), spec.input_shape)
    assert [r.key for r in result.rows] == ["0", "1", "2", "3", "4", "5", "6"]
    assert all(math.isfinite(r.act_std) for r in result.rows)


def test_lazy_models_must_be_materialized_first():
    spec = load("06-lazy-mlp")
    with pytest.raises(LazyParameterError):
        depth_probe(build(spec), spec.input_shape)
