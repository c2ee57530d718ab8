"""Theoretical densities are densities, and 100k drawn values fit them (Kolmogorov-Smirnov)."""

import math

import numpy as np
import pytest
import torch
from torch import nn

from explorer.core.init import Target, initialize
from explorer.core.init_dists import (
    Normal,
    SphereCoordinate,
    TruncatedNormal,
    Uniform,
    ks_critical,
    ks_statistic,
)
from explorer.core.init_theory import fans, fit, theory_for, theory_for_parameter

SHAPE = (400, 250)  # 100 000 values; fan_in 250, fan_out 400

FIT_ARGS = {
    "normal": {"mean": 0.5, "std": 0.02},
    "uniform": {"a": -0.1, "b": 0.3},
    "constant": {"val": 0.1},
    "zeros": {},
    "ones": {},
    "xavier_uniform": {"gain": 5 / 3},
    "xavier_normal": {"gain": 1.0},
    "kaiming_uniform": {"a": math.sqrt(5), "mode": "fan_in", "nonlinearity": "leaky_relu"},
    "kaiming_normal": {"a": 0.0, "mode": "fan_out", "nonlinearity": "relu"},
    "trunc_normal": {"mean": 0.0, "std": 1.0, "a": -0.5, "b": 2.0},
    "orthogonal": {"gain": 2.0},
    "eye": {},
}


def test_fans_are_torch_own():
    assert fans((400, 250)) == (250, 400)
    assert fans((16, 3, 5, 5)) == (75, 400)


@pytest.mark.parametrize(
    "dist",
    [
        Normal(0.3, 0.05),
        Uniform(-0.2, 0.5),
        TruncatedNormal(0.0, 1.0, -0.5, 2.0),
        TruncatedNormal(1.0, 0.1, 0.0, 3.0),
        SphereCoordinate(4),
        SphereCoordinate(64, 2.0),
        SphereCoordinate(5000),
    ],
    ids=repr,
)
def test_densities_integrate_to_one_and_match_their_cdf(dist):
    lo, hi = dist.support()
    x = np.linspace(lo - 1, hi + 1, 400_001)
    y = dist.pdf(x)
    assert np.sum((y[1:] + y[:-1]) / 2 * np.diff(x)) == pytest.approx(1.0, abs=1e-3)
    mid = (lo + hi) / 2
    inside = x[(x > lo) & (x < mid)]
    integral = np.sum(dist.pdf(inside)[:-1] * np.diff(inside)) + dist.cdf(np.array([inside[0]]))[0]
    assert integral == pytest.approx(dist.cdf(np.array([mid]))[0], abs=2e-3)


@pytest.mark.parametrize("name", sorted(FIT_ARGS))
def test_100k_values_from_each_builtin_fit_the_theory(name):
    net = nn.Sequential(nn.Linear(SHAPE[1], SHAPE[0], bias=False))
    values = initialize(net, Target(), name, FIT_ARGS[name], seed=0)["0.weight"]
    theory = theory_for(name, FIT_ARGS[name], SHAPE)
    assert theory.dist is not None
    d = ks_statistic(values.numpy(), theory.dist)
    assert d < ks_critical(values.numel(), alpha=0.01)


def test_pytorch_default_weights_and_biases_fit_the_default_theory():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(100, 1000), nn.BatchNorm1d(1000))
    for name in ("0.weight", "0.bias", "1.weight", "1.bias"):
        f = fit(net.get_parameter(name), theory_for_parameter(net, name, "default"))
        assert f.ks < ks_critical(f.sampled, alpha=0.01), name
    t = theory_for_parameter(net, "0.bias", "default")
    assert t.dist == Uniform(-0.1, 0.1)  # 1 / sqrt(fan_in) with the weight's fan_in 100


def test_the_wrong_theory_is_rejected():
    values = torch.empty(SHAPE).normal_(0, 0.1, generator=torch.Generator().manual_seed(0))
    d = ks_statistic(values.numpy(), Uniform(-0.1, 0.1))
    assert d > 10 * ks_critical(values.numel())


def test_ks_statistic_is_the_supremum_of_the_cdf_gap():
    samples = np.array([0.1, 0.2, 0.7])
    # F_n jumps to 1/3, 2/3, 1; F(x) = x on [0, 1]: the largest gap is 2/3 - 0.2 just after 0.2
    assert ks_statistic(samples, Uniform(0, 1)) == pytest.approx(2 / 3 - 0.2)


def test_xavier_bound_is_shown_with_its_numbers():
    t = theory_for("xavier_uniform", {"gain": 1.0}, (256, 20))
    bound = math.sqrt(6 / (20 + 256))
    assert (t.dist.low, t.dist.high) == pytest.approx((-bound, bound), rel=1e-12)
    assert "√(6 / (20 + 256))" in t.lines[0] and f"{bound:.4g}" in t.lines[0]
    assert (t.fan_in, t.fan_out) == (20, 256)


def test_constant_values_fit_a_point_mass_exactly():
    f = fit(torch.full((5, 5), 0.1), theory_for("constant", {"val": 0.1}, (5, 5)))
    assert f.ks == 0.0 and f.atoms == (0.1,)


def test_ks_pvalue_follows_the_kolmogorov_distribution():
    from explorer.core.init_dists import ks_pvalue

    n = 10_000
    assert ks_pvalue(ks_critical(n, 0.05), n) == pytest.approx(0.05, abs=0.002)
    assert ks_pvalue(ks_critical(n, 0.01), n) == pytest.approx(0.01, abs=0.001)
    assert ks_pvalue(0.0, n) == 1.0
