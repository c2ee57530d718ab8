"""Summaries of tensors for the screen, computed on the tensor's own device.

Statistics (:func:`tensor_stats`) are exact: they read every element. What is drawn is
reduced before it leaves the device: :func:`histogram` bins with ``torch.histc``, and
:func:`display_image` picks a 2-D slice (or tiles conv kernels) and shrinks it to at
most ``max_side`` pixels a side, keeping in each block the value of largest magnitude
so that outliers stay visible. Only numpy arrays of screen size travel to the GUI.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from explorer.core.errors import Message

if TYPE_CHECKING:
    import torch

Shape = tuple[int, ...]


@dataclass(frozen=True)
class TensorStats:
    """Statistics of every element. mean/std/min/max/norm ignore NaN and Inf (counted apart)."""

    numel: int
    mean: float
    std: float
    min: float
    max: float
    norm: float  # L2 norm of the finite values
    zeros: float  # share of elements equal to 0
    nan: int
    inf: int

    def as_rows(self) -> list[tuple[str, float | int]]:
        return [
            ("mean", self.mean),
            ("std", self.std),
            ("min", self.min),
            ("max", self.max),
            ("L2 norm", self.norm),
            ("zeros", self.zeros),
            ("NaN", self.nan),
            ("Inf", self.inf),
        ]


def _float_view(t: torch.Tensor) -> torch.Tensor:
    t = t.detach()
    if t.is_complex():
        t = t.abs()
    if not t.is_floating_point() or t.dtype in (_torch().float16, _torch().bfloat16):
        t = t.float()  # ints, bools, half: compute in float32 (sums of halves overflow)
    return t.reshape(-1)


def _torch():
    import torch

    return torch


def _moments(flat: torch.Tensor):
    """(min, max, mean, var, norm) of a finite float tensor, as Python floats.

    Sum and L2 norm are single fast passes; the variance follows from them unless the
    mean dominates (then the cancellation would cost digits, and Welford is used).
    """
    torch = _torch()
    n = flat.numel()
    lo, hi = torch.aminmax(flat)
    total = flat.sum()  # torch's cascaded float32 sums lose no more than a few ulps
    norm = torch.linalg.vector_norm(flat)
    lo_v, hi_v, total_v, norm_v = (
        torch.stack([lo.double(), hi.double(), total, norm]).cpu().tolist()
    )
    mean = total_v / n
    sumsq = norm_v * norm_v
    if n * mean * mean <= 0.5 * sumsq or not math.isfinite(sumsq):
        var = max(sumsq - n * mean * mean, 0.0) / (n - 1 if n > 1 else 1)
    else:
        var = float(torch.var(flat, correction=1 if n > 1 else 0))
    return lo_v, hi_v, mean, var, norm_v


def tensor_stats(t: torch.Tensor) -> TensorStats:
    """Exact statistics of ``t`` on its own device (a few scalars travel back)."""
    torch = _torch()
    flat = _float_view(t)
    n = flat.numel()
    if n == 0:
        nan = float("nan")
        return TensorStats(0, nan, nan, nan, nan, 0.0, 0.0, 0, 0)
    zeros = n - int(torch.count_nonzero(flat))
    summary = _moments(flat)
    nan_count = inf_count = 0
    if not all(math.isfinite(v) for v in summary):
        finite_mask = torch.isfinite(flat)
        nan_count = int(torch.isnan(flat).sum())
        inf_count = int((~finite_mask).sum()) - nan_count
        flat = flat[finite_mask]
        if flat.numel() == 0:
            nan = float("nan")
            return TensorStats(n, nan, nan, nan, nan, 0.0, zeros / n, nan_count, inf_count)
        summary = _moments(flat)
    lo_v, hi_v, mean_v, var_v, norm_v = summary
    return TensorStats(
        numel=n,
        mean=mean_v,
        std=math.sqrt(max(var_v, 0.0)),
        min=lo_v,
        max=hi_v,
        norm=norm_v,
        zeros=zeros / n,
        nan=nan_count,
        inf=inf_count,
    )


#: Tensors larger than this are binned from an evenly strided sample (as pyqtgraph does).
HIST_SAMPLE = 1 << 22
AUTO_BINS_MAX = 100  # the cap on numpy's "auto" rule: more bars than pixels help nobody
AUTO_BINS_SAMPLE = 1 << 15  # values the rule looks at (a strided sample of big tensors)


def auto_bins(values: np.ndarray, lo: float, hi: float, cap: int = AUTO_BINS_MAX) -> int:
    """How many bins numpy's ``"auto"`` rule (max of Sturges and Freedman-Diaconis) picks
    for ``values`` on ``[lo, hi]``, at least 1 and at most ``cap``.

    8 values get 4 bins, not a spiky 50; a large normal sample gets the cap.
    """
    values = np.asarray(values, dtype=np.float64).ravel()
    values = values[np.isfinite(values)]
    if values.size < 2 or not hi > lo:
        return 1
    edges = np.histogram_bin_edges(values, bins="auto", range=(lo, hi))
    return int(min(cap, max(1, len(edges) - 1)))


@dataclass(frozen=True)
class Histogram:
    counts: np.ndarray  # int64, one per bin (scaled by ``every`` when sampled)
    edges: np.ndarray  # bins + 1 edges
    every: int = 1  # 1: every value was binned; k: every k-th value, counts scaled by k


def histogram(
    t: torch.Tensor,
    bins: int | None = None,
    lo: float | None = None,
    hi: float | None = None,
    finite: bool = False,
    sample: int = HIST_SAMPLE,
):
    """Bin the finite values of ``t`` with ``torch.histc`` on its device.

    ``bins=None`` chooses the count from the data (:func:`auto_bins`, on a strided
    sample of at most ``AUTO_BINS_SAMPLE`` values).

    The range defaults to the exact min and max. Above ``sample`` elements every k-th
    value is binned and the counts are scaled by k (``Histogram.every``); pass
    ``finite=True`` when the caller knows there is no NaN/Inf (saves a pass).
    """
    torch = _torch()
    flat = _float_view(t)
    if not finite and flat.numel() and not bool(torch.isfinite(flat).all()):
        flat = flat[torch.isfinite(flat)]
    if flat.numel() == 0:
        bins = bins or 1
        return Histogram(np.zeros(bins, np.int64), np.linspace(0.0, 1.0, bins + 1))
    if lo is None or hi is None:
        a, b = (float(v) for v in torch.aminmax(flat))
        lo = a if lo is None else lo
        hi = b if hi is None else hi
    if hi <= lo:  # a constant tensor: one visible bar around its value
        lo, hi = lo - 0.5, hi + 0.5
    if flat.dtype == torch.float64:
        flat = flat.float()
    if not bins:
        step = max(1, math.ceil(flat.numel() / AUTO_BINS_SAMPLE))
        bins = auto_bins(flat[::step].detach().cpu().numpy(), lo, hi)
    every = max(1, math.ceil(flat.numel() / sample)) if sample else 1
    counts = torch.histc(flat[::every], bins=bins, min=lo, max=hi)
    counts = counts.cpu().numpy().astype(np.int64) * every
    return Histogram(counts, np.linspace(lo, hi, bins + 1), every)


@dataclass(frozen=True)
class DisplayImage:
    """A 2-D picture of (part of) a tensor, at most ``max_side`` pixels a side.

    ``image[r, c]`` stands for source rows ``r*row_step ...`` and columns
    ``c*col_step ...`` of the 2-D view (``row_step == col_step == 1``: not reduced).
    Tiled conv kernels are separated by NaN gaps.
    """

    image: np.ndarray  # float32 (rows, cols)
    source_shape: Shape  # the 2-D view before reduction
    row_step: int
    col_step: int
    tile: Shape | None = None  # (kh, kw) when conv kernels are tiled

    @property
    def reduced(self) -> bool:
        return self.row_step > 1 or self.col_step > 1


def as_matrix(t: torch.Tensor, index: tuple[int, ...] = (), tiled: bool = False):
    """The 2-D view a tensor is drawn as.

    0-D and 1-D tensors become one row. With more dimensions, ``index`` fixes the
    leading ones (a slider each) and the last two are drawn; ``tiled`` draws a 4-D conv
    weight (out, in, kh, kw) as an out x in grid of kh x kw kernels with 1-pixel gaps.
    Returns ``(matrix, tile)``.
    """
    torch = _torch()
    t = t.detach()
    if t.dim() == 0:
        return t.reshape(1, 1), None
    if t.dim() == 1:
        return t.reshape(1, -1), None
    if tiled and t.dim() == 4:
        o, i, kh, kw = t.shape
        padded = torch.full(
            (o, i, kh + 1, kw + 1), float("nan"), dtype=_float_dtype(t), device=t.device
        )
        padded[:, :, :kh, :kw] = t
        grid = padded.permute(0, 2, 1, 3).reshape(o * (kh + 1), i * (kw + 1))
        return grid[:-1, :-1], (kh, kw)
    lead = t.dim() - 2
    index = tuple(index[:lead]) + (0,) * max(0, lead - len(index))
    for d, k in enumerate(index):
        if not 0 <= k < t.shape[d]:
            raise IndexError(
                Message(
                    "index {index} is out of range for dimension {dim} of size {size}",
                    index=k,
                    dim=d,
                    size=t.shape[d],
                )
            )
    return t[index], None


def _float_dtype(t: torch.Tensor):
    torch = _torch()
    return t.dtype if t.dtype in (torch.float32, torch.float64) else torch.float32


def _block_extremes(m: torch.Tensor, step: int, dim: int):
    """Max and min over consecutive blocks of ``step`` along ``dim`` (the last block may be short)."""
    size = m.shape[dim]
    whole = (size // step) * step
    head = m.narrow(dim, 0, whole)
    shape = (*m.shape[:dim], size // step, step, *m.shape[dim + 1 :])
    hi = head.reshape(shape).amax(dim + 1)
    lo = head.reshape(shape).amin(dim + 1)
    if whole < size:
        tail = m.narrow(dim, whole, size - whole)
        hi = _torch().cat([hi, tail.amax(dim, keepdim=True)], dim)
        lo = _torch().cat([lo, tail.amin(dim, keepdim=True)], dim)
    return hi, lo


def reduce_max_abs(m: torch.Tensor, max_side: int):
    """Shrink a 2-D tensor by blocks, keeping each block's value of largest magnitude.

    Rows are reduced first (element-wise max/min of contiguous rows: fast, no copy of
    the tensor), then columns of the much smaller result.
    """
    torch = _torch()
    rows, cols = m.shape
    rs, cs = max(1, math.ceil(rows / max_side)), max(1, math.ceil(cols / max_side))
    m = m.to(_float_dtype(m))
    if rs == 1 and cs == 1:
        return m, 1, 1
    hi, lo = (m, m)
    if rs > 1:
        hi, lo = _block_extremes(m, rs, 0)
    if cs > 1:
        hi, _ = _block_extremes(hi, cs, 1)
        _, lo = _block_extremes(lo, cs, 1)
    picked = torch.where(hi >= -lo, hi, lo)
    return picked, rs, cs


def display_image(
    t: torch.Tensor, index: tuple[int, ...] = (), tiled: bool = False, max_side: int = 512
) -> DisplayImage:
    """The picture of ``t`` to draw, reduced on its device to at most ``max_side`` a side."""
    matrix, tile = as_matrix(t, index, tiled)
    if tile is not None and max(matrix.shape) > max_side:
        matrix = _torch().nan_to_num(matrix, nan=0.0)  # gaps between kernels vanish when reduced
    picked, rs, cs = reduce_max_abs(matrix, max_side)
    image = picked.detach().float().cpu().numpy()
    return DisplayImage(image, tuple(matrix.shape), rs, cs, tile)


def symmetric_levels(image: np.ndarray) -> tuple[float, float]:
    """Colour levels centred on zero: (-m, m) with m the largest finite magnitude."""
    finite = image[np.isfinite(image)]
    m = float(np.abs(finite).max()) if finite.size else 0.0
    m = m if m > 0 else 1.0
    return -m, m


@dataclass(frozen=True)
class Snapshot:
    """Everything the tensor inspector draws for one tensor: plain data, thread-safe."""

    title: str
    shape: Shape
    dtype: str
    stats: TensorStats
    hist: Histogram
    image: DisplayImage
    extra: dict[str, Any] = field(default_factory=dict)


def snapshot(
    t: torch.Tensor,
    title: str = "",
    index: tuple[int, ...] = (),
    tiled: bool = False,
    bins: int | None = None,
    max_side: int = 512,
) -> Snapshot:
    """Statistics (exact), histogram and picture of ``t``, all computed on its device."""
    torch = _torch()
    if not isinstance(t, torch.Tensor):
        t = torch.as_tensor(np.asarray(t))
    with torch.no_grad():
        stats = tensor_stats(t)
        lo, hi = (stats.min, stats.max) if math.isfinite(stats.min) else (None, None)
        return Snapshot(
            title=title,
            shape=tuple(t.shape),
            dtype=str(t.dtype).removeprefix("torch."),
            stats=stats,
            hist=histogram(t, bins, lo, hi, finite=stats.nan == 0 and stats.inf == 0),
            image=display_image(t, index, tiled, max_side),
        )


class UpdateTracker:
    """|Δw| / |w| between two looks at a parameter (the last step, after a Step).

    Keeps one copy of the tensor it follows, on that tensor's device.
    """

    def __init__(self) -> None:
        self.name = ""
        self._previous = None

    def observe(self, name: str, t: torch.Tensor) -> float | None:
        """Record ``t``; return the update ratio since the previous look at the same name."""
        torch = _torch()
        ratio = None
        with torch.no_grad():
            current = t.detach()
            prev = self._previous
            if name and name == self.name and prev is not None and prev.shape == current.shape:
                norm = float(torch.linalg.vector_norm(prev.float()))
                delta = float(torch.linalg.vector_norm((current - prev).float()))
                ratio = delta / norm if norm > 0 else (0.0 if delta == 0 else math.inf)
            self.name = name
            same = prev is not None and (prev.shape, prev.dtype, prev.device) == (
                current.shape,
                current.dtype,
                current.device,
            )
            if same:
                prev.copy_(current)  # reuse the buffer: no new allocation per step
            else:
                self._previous = current.clone()
        return ratio

    def forget(self) -> None:
        """Start over (another parameter); the buffer is kept for reuse."""
        self.name = ""
