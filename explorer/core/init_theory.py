"""What theory says an initializer's values look like, and how well values fit it.

Fans and gains are computed by ``torch.nn.init`` itself (``_calculate_fan_in_and_fan_out``,
``calculate_gain``), on a meta tensor of the parameter's shape, so the numbers shown are
the ones PyTorch used. Goodness of fit is the Kolmogorov-Smirnov statistic
``D = sup |F_n(x) - F(x)|``, computed here with numpy (no scipy).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from explorer.core.init import parse_args, scheme

if TYPE_CHECKING:
    from torch import nn


# ----- distributions ---------------------------------------------------------------------


class Dist:
    """A one-dimensional distribution: ``pdf``/``cdf`` on numpy arrays, and a plotting range."""

    continuous = True
    name = ""

    def pdf(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def cdf(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def support(self) -> tuple[float, float]:
        raise NotImplementedError


def _normal_cdf(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + _erf(np.asarray(z, dtype=np.float64) / math.sqrt(2.0)))


def _erf(x: np.ndarray) -> np.ndarray:
    """math.erf, vectorized through torch (float64, same values; ~50x faster than a loop)."""
    import torch

    return torch.special.erf(torch.from_numpy(np.array(x, dtype=np.float64))).numpy()


@dataclass(frozen=True)
class Normal(Dist):
    mean: float
    std: float
    name = "normal"

    def pdf(self, x):
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.std
        return np.exp(-0.5 * z * z) / (self.std * math.sqrt(2 * math.pi))

    def cdf(self, x):
        return _normal_cdf((np.asarray(x, dtype=np.float64) - self.mean) / self.std)

    def support(self):
        return self.mean - 4.5 * self.std, self.mean + 4.5 * self.std


@dataclass(frozen=True)
class Uniform(Dist):
    low: float
    high: float
    name = "uniform"

    def pdf(self, x):
        x = np.asarray(x, dtype=np.float64)
        return np.where((x >= self.low) & (x <= self.high), 1.0 / (self.high - self.low), 0.0)

    def cdf(self, x):
        x = np.asarray(x, dtype=np.float64)
        return np.clip((x - self.low) / (self.high - self.low), 0.0, 1.0)

    def support(self):
        pad = 0.08 * (self.high - self.low)
        return self.low - pad, self.high + pad


@dataclass(frozen=True)
class TruncatedNormal(Dist):
    """N(mean, std²) restricted to [a, b]: phi((x-mean)/std) / (std * (Phi(beta) - Phi(alpha)))."""

    mean: float
    std: float
    a: float
    b: float
    name = "truncated normal"

    @property
    def _mass(self) -> float:
        lo, hi = _normal_cdf(
            np.array([(self.a - self.mean) / self.std, (self.b - self.mean) / self.std])
        )
        return float(hi - lo)

    def pdf(self, x):
        x = np.asarray(x, dtype=np.float64)
        inside = (x >= self.a) & (x <= self.b)
        return np.where(inside, Normal(self.mean, self.std).pdf(x) / self._mass, 0.0)

    def cdf(self, x):
        x = np.clip(np.asarray(x, dtype=np.float64), self.a, self.b)
        lo = _normal_cdf(np.array((self.a - self.mean) / self.std))
        return (_normal_cdf((x - self.mean) / self.std) - lo) / self._mass

    def support(self):
        lo = max(self.a, self.mean - 4.5 * self.std)
        hi = min(self.b, self.mean + 4.5 * self.std)
        pad = 0.08 * (hi - lo)
        return lo - pad, hi + pad


@dataclass(frozen=True)
class SphereCoordinate(Dist):
    """One coordinate of a random unit vector in R^n, times ``scale``.

    Density on [-1, 1]: (1 - x²)^((n-3)/2) / B(1/2, (n-1)/2). The rows (or columns) of a
    random orthogonal matrix are such vectors, which is what ``orthogonal_`` draws.
    """

    n: int
    scale: float = 1.0
    name = "coordinate of a random unit vector"

    @property
    def _log_c(self) -> float:
        n = self.n
        return math.lgamma(n / 2) - math.lgamma(0.5) - math.lgamma((n - 1) / 2)

    def pdf(self, x):
        u = np.asarray(x, dtype=np.float64) / self.scale
        inside = np.abs(u) < 1
        body = np.where(inside, 1 - u * u, 1.0)
        with np.errstate(divide="ignore"):
            dens = np.exp(self._log_c + (self.n - 3) / 2 * np.log(body))
        return np.where(inside, dens, 0.0) / self.scale

    def cdf(self, x):
        u = np.clip(np.asarray(x, dtype=np.float64) / self.scale, -1.0, 1.0)
        if self.n == 2:
            return 0.5 + np.arcsin(u) / math.pi
        if self.n == 3:
            return (u + 1) / 2
        half = min(1.0, 14 / math.sqrt(self.n))  # beyond 14 sigma the mass is below 1e-40
        grid = np.linspace(-half, half, 40001)
        dens = self.pdf(grid * self.scale) * self.scale
        cum = np.concatenate([[0.0], np.cumsum((dens[1:] + dens[:-1]) / 2 * np.diff(grid))])
        cum /= cum[-1]
        return np.interp(u, grid, cum, left=0.0, right=1.0)

    def support(self):
        half = min(1.0, 5 / math.sqrt(self.n)) * self.scale
        return -half * 1.08, half * 1.08


@dataclass(frozen=True)
class PointMasses(Dist):
    """A discrete distribution: ``values[i]`` with probability ``probs[i]`` (no density)."""

    values: tuple[float, ...]
    probs: tuple[float, ...]
    continuous = False
    name = "point mass"

    def pdf(self, x):
        return np.zeros_like(np.asarray(x, dtype=np.float64))

    def cdf(self, x):
        x = np.asarray(x, dtype=np.float64)
        out = np.zeros_like(x)
        for v, p in zip(self.values, self.probs, strict=True):
            out += np.where(x >= v, p, 0.0)
        return out

    def support(self):
        lo, hi = min(self.values), max(self.values)
        pad = max(0.5, 0.1 * (hi - lo))
        return lo - pad, hi + pad


# ----- Kolmogorov-Smirnov -----------------------------------------------------------------


def ks_statistic(samples: np.ndarray, dist: Dist) -> float:
    """``sup_x |F_n(x) - F(x)|`` between the samples' empirical CDF and the distribution's."""
    x = np.sort(np.asarray(samples, dtype=np.float64).ravel())
    n = x.size
    if n == 0:
        return float("nan")
    if dist.continuous:
        f = dist.cdf(x)
        i = np.arange(1, n + 1)
        return float(max(np.max(i / n - f), np.max(f - (i - 1) / n)))
    # discrete: compare at every data value and every atom, from the right and the left;
    # a float32 0.1 is the atom 0.1 (the values were stored in the tensor's dtype)
    for v in dist.values:
        x[np.isclose(x, v, rtol=1e-6, atol=1e-30)] = v
    x.sort()
    points = np.unique(np.concatenate([x, np.asarray(dist.values, dtype=np.float64)]))
    right = np.searchsorted(x, points, side="right") / n
    left = np.searchsorted(x, points, side="left") / n
    f_right = dist.cdf(points)
    f_left = dist.cdf(np.nextafter(points, -np.inf))
    return float(max(np.max(np.abs(right - f_right)), np.max(np.abs(left - f_left))))


def ks_pvalue(d: float, n: int) -> float:
    """Asymptotic p-value of D for n samples (Kolmogorov's series, Stephens' small-n correction).

    The chance that values truly drawn from the distribution give a D at least this large.
    """
    if n <= 0 or not math.isfinite(d):
        return float("nan")
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    if lam < 0.2:
        return 1.0
    total = sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 101))
    return float(min(1.0, max(0.0, 2 * total)))


def ks_critical(n: int, alpha: float = 0.05) -> float:
    """Asymptotic critical value of D at level ``alpha`` (1.358/sqrt(n) at 5 %)."""
    c = math.sqrt(-0.5 * math.log(alpha / 2))
    return c / math.sqrt(max(n, 1))


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
                (f"N(mean, std²): mean = {_g(a['mean'])}, std = {_g(a['std'])}",),
            )
            if a["std"] > 0
            else _point(a["mean"])
        )
    if s.name == "uniform":
        if a["a"] == a["b"]:
            return _point(a["a"])
        return Theory(Uniform(a["a"], a["b"]), (f"U(a, b): a = {_g(a['a'])}, b = {_g(a['b'])}",))
    if s.name in ("constant", "zeros", "ones"):
        return _point({"constant": a.get("val", 0.0), "zeros": 0.0, "ones": 1.0}[s.name])
    if s.name == "trunc_normal":
        lines = (
            f"N(mean, std²) cut to [a, b]: mean = {_g(a['mean'])}, std = {_g(a['std'])}, "
            f"a = {_g(a['a'])}, b = {_g(a['b'])} (a and b are values, not multiples of std)",
            "density φ((x-mean)/std) / (std · (Φ((b-mean)/std) - Φ((a-mean)/std))) on [a, b]",
        )
        if a["std"] == 0:
            return _point(min(max(a["mean"], a["a"]), a["b"]))
        return Theory(TruncatedNormal(a["mean"], a["std"], a["a"], a["b"]), lines)
    if s.name == "eye":
        rows, cols = shape
        k = min(rows, cols)
        return Theory(
            PointMasses((0.0, 1.0), (1 - k / numel, k / numel)),
            (f"identity: {k} ones on the diagonal, {numel - k} zeros",),
        )
    if s.name == "orthogonal":
        rows = shape[0]
        cols = numel // rows
        n = max(rows, cols)
        gain_v = a["gain"]
        side = "rows" if rows < cols else "columns"
        lines = (
            f"flattened to ({rows}, {cols}); its {side} are orthonormal (Q of a QR), times gain",
            f"each value: gain × one coordinate of a random unit vector in R^{n}; "
            f"std = |gain| / √{n} = {_g(abs(gain_v) / math.sqrt(n))}",
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
            line = (
                f"a = gain · √(6 / (fan_in + fan_out)) = {_g(a['gain'])} · √(6 / ({fan_in} + {fan_out}))"
                f" = {_g(bound)}; values U(-a, a)"
            )
            return Theory(Uniform(-bound, bound), (line,), fan_in, fan_out)
        line = (
            f"std = gain · √(2 / (fan_in + fan_out)) = {_g(a['gain'])} · √(2 / ({fan_in} + {fan_out}))"
            f" = {_g(std)}; values N(0, std²)"
        )
        return Theory(Normal(0.0, std), (line,), fan_in, fan_out)
    if s.name in ("kaiming_uniform", "kaiming_normal"):
        fan = fan_in if a["mode"] == "fan_in" else fan_out
        g = gain(a["nonlinearity"], a["a"])
        std = g / math.sqrt(fan)
        gline = f"gain = calculate_gain({a['nonlinearity']!r}, {_g(a['a'])}) = {_g(g)}"
        if s.name == "kaiming_uniform":
            bound = math.sqrt(3.0) * std
            line = f"bound = gain · √(3 / {a['mode']}) = {_g(g)} · √(3 / {fan}) = {_g(bound)}; values U(-bound, bound)"
            return Theory(Uniform(-bound, bound), (gline, line), fan_in, fan_out)
        line = f"std = gain / √{a['mode']} = {_g(g)} / √{fan} = {_g(std)}; values N(0, std²)"
        return Theory(Normal(0.0, std), (gline, line), fan_in, fan_out)
    return _default_theory(shape, owner_type, leaf, weight_shape, owner_init)


def _point(value: float) -> Theory:
    return Theory(PointMasses((float(value),), (1.0,)), (f"every value is {_g(value)}",))


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
        what = (
            "weight: kaiming_uniform_(a=√5), so bound = gain · √(3 / fan_in) with gain = √(1/3)"
            if leaf == "weight"
            else "bias: uniform_(-bound, bound) with the weight's fan-in"
        )
        lines = (
            what,
            f"bound = 1 / √fan_in = 1 / √{fan_in} = {_g(bound)}; values U(-bound, bound)",
        )
        return Theory(Uniform(-bound, bound) if bound > 0 else None, lines, fan_in, fan_out)
    if owner_type in _NORM_LAYERS and leaf in ("weight", "bias"):
        return _point(1.0 if leaf == "weight" else 0.0)
    if owner_type == "PReLU" and owner_init is not None:
        return _point(owner_init)
    return Theory(None, (f"no theory known for {owner_type or 'this layer'}.reset_parameters()",))


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


def fit(tensor, theory: Theory | None, bins: int = 80) -> Fit:
    """Histogram of the values, the theoretical density over the same range, and KS."""
    values, n = sample_values(tensor)
    if values.size == 0:
        raise ValueError("the tensor is empty")
    vmin, vmax = float(values.min()), float(values.max())
    dist = theory.dist if theory is not None else None
    lo, hi = vmin, vmax
    if dist is not None:
        slo, shi = dist.support()
        lo, hi = min(lo, slo), max(hi, shi)
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
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
