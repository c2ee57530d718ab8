"""Probes: what a run's worker computes for the views, from a frozen request.

A view never hands the worker itself. It puts a frozen request (which tensor, which
index, how many bins) in a :class:`RequestBox` on the GUI thread; the probe, a plain
object that only the worker calls, reads the latest request and returns plain data.
Swapping the box's one reference is atomic, so the GUI can change what it shows during
a run without a lock, and nothing the GUI thread owns is mutated by the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from explorer.core.stats import UpdateTracker, snapshot

T = TypeVar("T")


@dataclass(frozen=True)
class TensorRequest:
    """The parameter the Tensor tab shows: its name, the leading index, tiling, bins."""

    name: str
    index: tuple[int, ...] = ()
    tiled: bool = False
    bins: int = 50


class RequestBox(Generic[T]):
    """The latest request, set by the GUI thread, read by the worker."""

    def __init__(self, request: T | None = None) -> None:
        self._request = request

    def set(self, request: T | None) -> None:
        self._request = request

    def get(self) -> T | None:
        return self._request


class TensorProbe:
    """Snapshots of the requested parameter and its gradient, and its update ratio.

    The update tracker belongs to the probe (the worker's side), not to the view.
    """

    def __init__(self, box: RequestBox[TensorRequest]) -> None:
        self.box = box
        self.tracker = UpdateTracker()

    def __call__(self, net, batch_x) -> dict[str, Any] | None:
        from torch.nn.parameter import UninitializedParameter

        from explorer.core.params import tensor_by_name

        request = self.box.get()
        if request is None:
            return None
        try:
            t = tensor_by_name(net, request.name)
        except (KeyError, AttributeError):
            return None
        if isinstance(t, UninitializedParameter):
            return None
        index, tiled, bins = request.index, request.tiled and t.dim() == 4, request.bins
        w = snapshot(t, request.name, index, tiled, bins)
        g = None if t.grad is None else snapshot(t.grad, "grad", index, tiled, bins)
        return {
            "name": request.name,
            "index": index,
            "weight": w,
            "grad": g,
            "ratio": self.tracker.observe(request.name, t),
        }


class ActivationsProbe:
    """Every layer's output summary on the run's batch, while the box holds True."""

    def __init__(self, box: RequestBox[bool]) -> None:
        self.box = box

    def __call__(self, net, batch_x):
        from explorer.core.monitor import activations

        if not self.box.get() or batch_x is None:
            return None
        return activations(net, batch_x)
