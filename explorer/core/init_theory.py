"""What theory says an initializer's values look like, and how well values fit it.

Fans and gains are computed by ``torch.nn.init`` itself (``_calculate_fan_in_and_fan_out``,
``calculate_gain``), on a meta tensor of the parameter's shape, so the numbers shown are
the ones PyTorch used. Goodness of fit is the Kolmogorov-Smirnov statistic
``D = sup |F_n(x) - F(x)|`` (``explorer.core.init_dists``, numpy only, no scipy).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from explorer.core.errors import Message
from explorer.core.init import parse_args, scheme
from explorer.core.init_dists import (
    Dist,
    Normal,
    PointMasses,
    SphereCoordinate,
    TruncatedNormal,
    Uniform,
    ks_critical,
    ks_pvalue,
    ks_statistic,
)

if TYPE_CHECKING:
    from torch import nn


# ----- theory of each scheme --------------------------------------------------------------


@dataclass(frozen=True)
class Theory:
    """What a scheme gives a tensor of ``shape``: a distribution (or None) and the numbers.

    ``lines`` are formulas with their numbers filled in, for example
    ``"a = gain · √(6 / (fan_in + fan_out)) = 1 · √(6 / (20 + 256)) = 0.1474"``.
    """

    dist: Dist | None
    lines: tuple[str, ...]
    fan_in: int | None = None
    fan_out: int | None = None


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """``torch.nn.init._calculate_fan_in_and_fan_out`` for a tensor of this shape."""
    import torch
    from torch.nn.init import _calculate_fan_in_and_fan_out

    return _calculate_fan_in_and_fan_out(torch.empty(shape, device="meta"))


def gain(nonlinearity: str, param: float | None = None) -> float:
    from torch.nn.init import calculate_gain

    return float(calculate_gain(nonlinearity, param))


def _g(v: float) -> str:
    return f"{v:.4g}"


def theory_for(
    scheme_name: str,
    args: Mapping[str, Any] | None,
    shape: tuple[int, ...],
    owner_type: str = "",
    leaf: str = "weight",
    weight_shape: tuple[int, ...] | None = None,
    owner_init: float | None = None,
) -> Theory:
    """The theory of ``scheme_name`` for a tensor of ``shape``.

    ``owner_type``, ``leaf``, ``weight_shape`` and ``owner_init`` describe the owning
    layer, which "PyTorch default" needs (a bias's bound comes from its weight's fan-in).
    """
    s = scheme(scheme_name)
    a = parse_args(s.name, args)
    numel = math.prod(shape)
    if s.name == "normal":
        return (
            Theory(
                Normal(a["mean"], a["std"]),
                (
                    Message(
                        "N(mean, std²): mean = {mean}, std = {std}",
                        mean=_g(a["mean"]),
                        std=_g(a["std"]),
                    ),
                ),
            )
            if a["std"] > 0
            else _point(a["mean"])
        )
    if s.name == "uniform":
        if a["a"] == a["b"]:
            return _point(a["a"])
        line = Message("U(a, b): a = {a}, b = {b}", a=_g(a["a"]), b=_g(a["b"]))
        return Theory(Uniform(a["a"], a["b"]), (line,))
    if s.name in ("constant", "zeros", "ones"):
        return _point({"constant": a.get("val", 0.0), "zeros": 0.0, "ones": 1.0}[s.name])
    if s.name == "trunc_normal":
        lines = (
            Message(
                "N(mean, std²) cut to [a, b]: mean = {mean}, std = {std}, "
                "a = {a}, b = {b} (a and b are values, not multiples of std)",
                mean=_g(a["mean"]),
                std=_g(a["std"]),
                a=_g(a["a"]),
                b=_g(a["b"]),
            ),
            Message(
                "density φ((x-mean)/std) / (std · (Φ((b-mean)/std) - Φ((a-mean)/std))) on [a, b]"
            ),
        )
        if a["std"] == 0:
            return _point(min(max(a["mean"], a["a"]), a["b"]))
        return Theory(TruncatedNormal(a["mean"], a["std"], a["a"], a["b"]), lines)
    if s.name == "eye":
        rows, cols = shape
        k = min(rows, cols)
        return Theory(
            PointMasses((0.0, 1.0), (1 - k / numel, k / numel)),
            (
                Message(
                    "identity: ones on the diagonal ({ones}), zeros elsewhere ({zeros})",
                    ones=k,
                    zeros=numel - k,
                ),
            ),
        )
    if s.name == "orthogonal":
        rows = shape[0]
        cols = numel // rows
        n = max(rows, cols)
        gain_v = a["gain"]
        orthonormal = (
            "flattened to ({rows}, {cols}); its rows are orthonormal (Q of a QR), times gain"
            if rows < cols
            else "flattened to ({rows}, {cols}); its columns are orthonormal (Q of a QR), times gain"
        )
        lines = (
            Message(orthonormal, rows=rows, cols=cols),
            Message(
                "each value: gain × one coordinate of a random unit vector in R^{n}; "
                "std = |gain| / √{n} = {std}",
                n=n,
                std=_g(abs(gain_v) / math.sqrt(n)),
            ),
        )
        if gain_v == 0:
            return _point(0.0)
        if n < 2:
            return Theory(PointMasses((-abs(gain_v), abs(gain_v)), (0.5, 0.5)), lines)
        return Theory(SphereCoordinate(n, abs(gain_v)), lines)
    fan_in, fan_out = fans(shape) if len(shape) >= 2 else (None, None)
    if s.name in ("xavier_uniform", "xavier_normal"):
        std = a["gain"] * math.sqrt(2.0 / (fan_in + fan_out))
        if s.name == "xavier_uniform":
            bound = math.sqrt(3.0) * std
            line = Message(
                "a = gain · √(6 / (fan_in + fan_out)) = {gain} · √(6 / ({fan_in} + {fan_out}))"
                " = {bound}; values U(-a, a)",
                gain=_g(a["gain"]),
                fan_in=fan_in,
                fan_out=fan_out,
                bound=_g(bound),
            )
            return Theory(Uniform(-bound, bound), (line,), fan_in, fan_out)
        line = Message(
            "std = gain · √(2 / (fan_in + fan_out)) = {gain} · √(2 / ({fan_in} + {fan_out}))"
            " = {std}; values N(0, std²)",
            gain=_g(a["gain"]),
            fan_in=fan_in,
            fan_out=fan_out,
            std=_g(std),
        )
        return Theory(Normal(0.0, std), (line,), fan_in, fan_out)
    if s.name in ("kaiming_uniform", "kaiming_normal"):
        fan = fan_in if a["mode"] == "fan_in" else fan_out
        g = gain(a["nonlinearity"], a["a"])
        std = g / math.sqrt(fan)
        gline = f"gain = calculate_gain({a['nonlinearity']!r}, {_g(a['a'])}) = {_g(g)}"
        if s.name == "kaiming_uniform":
            bound = math.sqrt(3.0) * std
            line = Message(
                "bound = gain · √(3 / {mode}) = {gain} · √(3 / {fan}) = {bound}; "
                "values U(-bound, bound)",
                mode=a["mode"],
                gain=_g(g),
                fan=fan,
                bound=_g(bound),
            )
            return Theory(Uniform(-bound, bound), (gline, line), fan_in, fan_out)
        line = Message(
            "std = gain / √{mode} = {gain} / √{fan} = {std}; values N(0, std²)",
            mode=a["mode"],
            gain=_g(g),
            fan=fan,
            std=_g(std),
        )
        return Theory(Normal(0.0, std), (gline, line), fan_in, fan_out)
    return _default_theory(shape, owner_type, leaf, weight_shape, owner_init)


def _point(value: float) -> Theory:
    return Theory(
        PointMasses((float(value),), (1.0,)), (Message("every value is {value}", value=_g(value)),)
    )


_FAN_LAYERS = (
    "Linear",
    "Bilinear",
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
)
_NORM_LAYERS = (
    "BatchNorm1d",
    "BatchNorm2d",
    "BatchNorm3d",
    "LayerNorm",
    "GroupNorm",
    "InstanceNorm1d",
    "InstanceNorm2d",
)


def _default_theory(shape, owner_type, leaf, weight_shape, owner_init) -> Theory:
    if owner_type in _FAN_LAYERS and leaf in ("weight", "bias"):
        fan_in, fan_out = fans(weight_shape or shape)
        bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0.0
        what = Message(
            "weight: kaiming_uniform_(a=√5), so bound = gain · √(3 / fan_in) with gain = √(1/3)"
            if leaf == "weight"
            else "bias: uniform_(-bound, bound) with the weight's fan-in"
        )
        lines = (
            what,
            Message(
                "bound = 1 / √fan_in = 1 / √{fan_in} = {bound}; values U(-bound, bound)",
                fan_in=fan_in,
                bound=_g(bound),
            ),
        )
        return Theory(Uniform(-bound, bound) if bound > 0 else None, lines, fan_in, fan_out)
    if owner_type in _NORM_LAYERS and leaf in ("weight", "bias"):
        return _point(1.0 if leaf == "weight" else 0.0)
    if owner_type == "PReLU" and owner_init is not None:
        return _point(owner_init)
    if owner_type:
        line = Message("no theory known for {layer}.reset_parameters()", layer=owner_type)
    else:
        line = Message("no theory known for this layer's reset_parameters()")
    return Theory(None, (line,))


def theory_for_parameter(
    net: nn.Module, name: str, scheme_name: str, args: Mapping[str, Any] | None = None
) -> Theory:
    """:func:`theory_for` with the shape and owning layer looked up in ``net``."""
    owner_key, _, leaf = name.rpartition(".")
    owner = net.get_submodule(owner_key)
    param = net.get_parameter(name)
    weight = getattr(owner, "weight", None)
    weight_shape = tuple(weight.shape) if weight is not None and weight.dim() >= 2 else None
    return theory_for(
        scheme_name,
        args,
        tuple(param.shape),
        type(owner).__name__,
        leaf,
        weight_shape,
        getattr(owner, "init", None) if isinstance(getattr(owner, "init", None), float) else None,
    )


# ----- what the distribution view shows ---------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """Histogram, theory curve and statistics of one tensor's values (plain data for the UI)."""

    counts: np.ndarray  # density-normalized histogram
    edges: np.ndarray
    curve_x: np.ndarray | None
    curve_y: np.ndarray | None
    atoms: tuple[float, ...]
    n: int
    sampled: int
    mean: float
    std: float
    minimum: float
    maximum: float
    ks: float | None
    ks_crit: float | None  # at the 1 % level
    ks_p: float | None
    theory: Theory | None


def sample_values(tensor, max_n: int = 200_000) -> tuple[np.ndarray, int]:
    """At most ``max_n`` values (a fixed random subset, drawn on the tensor's device) and the total."""
    import torch

    flat = tensor.detach().reshape(-1)
    n = flat.numel()
    if n > max_n:
        gen = torch.Generator(device=flat.device).manual_seed(0)
        idx = torch.randint(0, n, (max_n,), generator=gen, device=flat.device)
        flat = flat[idx]
    return flat.float().cpu().numpy().astype(np.float64), n


def fit(tensor, theory: Theory | None, bins: int | None = None) -> Fit:
    """Histogram of the values, the theoretical density over the same range, and KS."""
    values, n = sample_values(tensor)
    if values.size == 0:
        raise ValueError(Message("the tensor is empty"))
    vmin, vmax = float(values.min()), float(values.max())
    dist = theory.dist if theory is not None else None
    lo, hi = vmin, vmax
    if dist is not None:
        slo, shi = dist.support()
        lo, hi = min(lo, slo), max(hi, shi)
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    if not bins:  # from the data (numpy's "auto" rule, capped)
        from explorer.core.stats import auto_bins

        bins = auto_bins(values, lo, hi)
    counts, edges = np.histogram(values, bins=bins, range=(lo, hi), density=True)
    curve_x = curve_y = None
    atoms: tuple[float, ...] = ()
    if dist is not None and dist.continuous:
        curve_x = np.linspace(lo, hi, 600)
        curve_y = dist.pdf(curve_x)
    elif dist is not None:
        atoms = tuple(dist.values)
    ks = ks_statistic(values, dist) if dist is not None else None
    return Fit(
        counts=counts,
        edges=edges,
        curve_x=curve_x,
        curve_y=curve_y,
        atoms=atoms,
        n=n,
        sampled=values.size,
        mean=float(values.mean()),
        std=float(values.std(ddof=1)) if values.size > 1 else 0.0,
        minimum=vmin,
        maximum=vmax,
        ks=ks,
        ks_crit=ks_critical(values.size, 0.01) if dist is not None else None,
        ks_p=ks_pvalue(ks, values.size) if ks is not None and dist.continuous else None,
        theory=theory,
    )
