"""What a classification or regression run shows besides the loss, computed on the device.

* :func:`accuracy`: the share of samples whose predicted class (the argmax of the output
  row, or ``logit > 0`` for a single output column) equals the label.
* :func:`decision_grid`: the predicted class at every point of a grid over a 2-D input
  plane, as a small ``uint8`` numpy array (the only thing that leaves the device).
* :func:`fitted_curve`: the model's output along a 1-D input range (regression).

Each has a probe factory (:func:`metrics_probe`, :func:`regions_probe`, :func:`curve_probe`):
a pure function of a frozen request made on the GUI thread, run by the training generator
at display rate within its extras budget, never per step. All of them run the model in
``eval()`` mode under ``no_grad`` and restore its mode, so dropout is off and batch norm
statistics are untouched, as ``eval_loss`` does.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import torch
    from torch import nn

    from explorer.core.data import Dataset

METRICS_PROBE = "metrics.accuracy"
REGIONS_PROBE = "metrics.regions"
CURVE_PROBE = "metrics.curve"
#: The live train accuracy uses at most this many samples (evenly strided); the final one all.
LIVE_SAMPLES = 4096
CHUNK = 8192  # samples per forward, so a big dataset never needs one huge activation


@contextmanager
def evaluating(net: nn.Module):
    """``net.eval()`` and ``torch.no_grad()`` for the block; the mode is restored after."""
    import torch

    was_training = net.training
    net.eval()
    try:
        with torch.no_grad():
            yield
    finally:
        net.train(was_training)


def model_device(net: nn.Module):
    import torch

    p = next(net.parameters(), None)
    return p.device if p is not None else torch.device("cpu")


def predict_classes(output: torch.Tensor) -> torch.Tensor:
    """Class ids from outputs ``(n, classes)``: argmax; one column: ``logit > 0``."""
    out = output.reshape(len(output), -1)
    if out.shape[1] == 1:
        return (out[:, 0] > 0).long()
    return out.argmax(dim=1)


def _forward_classes(net: nn.Module, x: torch.Tensor) -> torch.Tensor:
    import torch

    return torch.cat([predict_classes(net(part)) for part in x.split(CHUNK)])


def accuracy(net: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """Share of the samples ``x`` (on the model's device) whose predicted class is ``y``."""
    if len(x) == 0:
        return float("nan")
    with evaluating(net):
        pred = _forward_classes(net, x)
        return float((pred == y.to(pred.device)).float().mean())


def is_classification(data: Dataset) -> bool:
    return data.task == "classification" and not data.y.is_floating_point()


@dataclass(frozen=True)
class Accuracy:
    """Train and held-out accuracy at one step (``None``: no held-out set)."""

    train: float
    held_out: float | None


def dataset_accuracy(net: nn.Module, data: Dataset, limit: int | None = None) -> Accuracy:
    """Accuracy on the training set (the first ``limit`` samples, strided) and held-out set."""
    device = model_device(net)
    x, y = data.X, data.y
    if limit is not None and len(x) > limit:
        stride = len(x) // limit
        x, y = x[::stride][:limit], y[::stride][:limit]
    dtype = next(net.parameters()).dtype if any(True for _ in net.parameters()) else None
    train = accuracy(net, x.to(device, dtype=dtype), y.to(device))
    held = None
    if data.X_eval is not None and len(data.X_eval):
        held = accuracy(net, data.X_eval.to(device, dtype=dtype), data.y_eval.to(device))
    return Accuracy(train, held)


def metrics_probe(data: Dataset, limit: int = LIVE_SAMPLES):
    """A probe giving :class:`Accuracy`; the data moves to the device once, at its first call."""
    cache: dict[str, Any] = {}

    def probe(net: nn.Module, batch_x: Any = None) -> Accuracy:
        device, dtype = model_device(net), batch_x.dtype if batch_x is not None else None
        key = (str(device), dtype)
        if cache.get("key") != key:
            x, y = data.X, data.y
            if len(x) > limit:
                stride = len(x) // limit
                x, y = x[::stride][:limit], y[::stride][:limit]
            cache.update(key=key, x=x.to(device, dtype=dtype), y=y.to(device))
            if data.X_eval is not None and len(data.X_eval):
                cache["xe"] = data.X_eval.to(device, dtype=dtype)
                cache["ye"] = data.y_eval.to(device)
        train = accuracy(net, cache["x"], cache["y"])
        held = accuracy(net, cache["xe"], cache["ye"]) if "xe" in cache else None
        return Accuracy(train, held)

    return probe


# ----- decision regions (2-D inputs) ------------------------------------------------------


@dataclass(frozen=True)
class GridRequest:
    """A square grid over ``[x0, x1] x [y0, y1]`` with ``resolution`` points per side."""

    x0: float
    x1: float
    y0: float
    y1: float
    resolution: int = 64


def grid_for(x: np.ndarray, resolution: int = 64, margin: float = 0.1) -> GridRequest:
    """A grid covering the points ``x`` (n, 2) with a margin of ``margin`` of their span."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    pad = np.maximum(hi - lo, 1e-6) * margin
    return GridRequest(
        float(lo[0] - pad[0]),
        float(hi[0] + pad[0]),
        float(lo[1] - pad[1]),
        float(hi[1] + pad[1]),
        resolution,
    )


def grid_points(request: GridRequest, device=None, dtype=None) -> torch.Tensor:
    """The grid's points, row ``j`` (y) by column ``i`` (x), flattened to ``(r*r, 2)``."""
    import torch

    r = request.resolution
    xs = torch.linspace(request.x0, request.x1, r, device=device, dtype=dtype)
    ys = torch.linspace(request.y0, request.y1, r, device=device, dtype=dtype)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)


def decision_grid(net: nn.Module, request: GridRequest) -> np.ndarray:
    """Predicted class ids on the grid, shape ``(resolution, resolution)`` (rows: y), uint8.

    The grid is made and classified on the model's device; one small copy comes back.
    """
    device = model_device(net)
    dtype = next(net.parameters()).dtype if any(True for _ in net.parameters()) else None
    pts = grid_points(request, device, dtype)
    with evaluating(net):
        ids = _forward_classes(net, pts)
    r = request.resolution
    return ids.clamp(0, 255).to("cpu").numpy().astype(np.uint8).reshape(r, r)


def regions_probe(request: GridRequest):
    def probe(net: nn.Module, batch_x: Any = None) -> np.ndarray:
        return decision_grid(net, request)

    return probe


# ----- fitted curve (1-D regression) -------------------------------------------------------


@dataclass(frozen=True)
class CurveRequest:
    x0: float
    x1: float
    points: int = 200


def fitted_curve(net: nn.Module, request: CurveRequest) -> tuple[np.ndarray, np.ndarray]:
    """``(xs, ys)``: the model's first output along ``xs`` in ``[x0, x1]``."""
    import torch

    device = model_device(net)
    dtype = next(net.parameters()).dtype if any(True for _ in net.parameters()) else None
    xs = torch.linspace(request.x0, request.x1, request.points, device=device, dtype=dtype)
    with evaluating(net):
        ys = net(xs[:, None]).reshape(request.points, -1)[:, 0]
    return xs.cpu().double().numpy(), ys.float().cpu().double().numpy()


def curve_probe(request: CurveRequest):
    def probe(net: nn.Module, batch_x: Any = None):
        return fitted_curve(net, request)

    return probe


# ----- the final values of a run -----------------------------------------------------------


@dataclass(frozen=True)
class FinalMetrics:
    """The training generator's result with the final accuracies (``None``: regression)."""

    result: Any  # the TrainResult
    accuracy: Accuracy | None

    def __getattr__(self, name: str):  # steps, loss, eval_loss read through
        return getattr(self.__dict__["result"], name)


def with_final_accuracy(gen: Generator, net: nn.Module, data: Dataset) -> Generator:
    """Run ``gen`` to its end, then measure the accuracy on all of ``data`` (classification).

    Adds nothing to the steps: the measurement runs once, after the last one, in the
    same thread. Closing this generator closes ``gen``.
    """
    result = yield from gen
    acc = dataset_accuracy(net, data) if is_classification(data) else None
    return FinalMetrics(result, acc)
