"""Distributions an initializer's values follow, and the Kolmogorov-Smirnov fit to them.

Each :class:`Dist` gives ``pdf``/``cdf`` on numpy arrays and a plotting range. The KS
statistic ``D = sup |F_n(x) - F(x)|`` and its p-value are computed here with numpy and
math (no scipy).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

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
