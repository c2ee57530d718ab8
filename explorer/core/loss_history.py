"""A loss history of bounded size for runs of any length.

Every step's loss is seen once: the smoothed curve (an exponential moving average) is
computed from all of them, but memory holds at most about ``capacity`` points. When the
buffer is full, every other point is dropped and from then on only every ``stride``-th
step is kept, so a run of ten million steps costs the same memory as one of ten thousand
and the curve keeps its shape. The newest point is always kept, so the last value shown
is the last step's. Where every step must be kept, the caller writes them to a file
(``nn-explorer train --loss-log``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

SMOOTHING = 0.9


class LossHistory:
    """``(step, loss)`` pairs and their moving average, downsampled past ``capacity``.

    Attributes ``steps``, ``raw`` and ``smooth`` are numpy views ready to plot.
    """

    def __init__(self, capacity: int = 20_000, smoothing: float = SMOOTHING) -> None:
        if capacity < 4:
            raise ValueError("capacity must be at least 4")
        self.capacity = capacity
        self.smoothing = smoothing
        self.clear()

    def clear(self) -> None:
        self._buf = np.empty((3, self.capacity))
        self._n = 0
        self.stride = 1
        self.seen = 0  # steps offered so far
        self._ema: float | None = None
        self._last: tuple[float, float, float] | None = None  # newest point, even if skipped
        self.eval_steps: list[float] = []
        self.eval: list[float] = []

    def __len__(self) -> int:
        return self._n + (1 if self._pending_last() else 0)

    def _pending_last(self) -> bool:
        if self._last is None:
            return False
        return self._n == 0 or self._buf[0, self._n - 1] != self._last[0]

    def extend(self, pairs: Iterable[tuple[int, float]]) -> None:
        """Add ``(step, loss)`` pairs in step order."""
        for step, value in pairs:
            v = float(value)
            ema = self._ema
            ema = v if ema is None else self.smoothing * ema + (1 - self.smoothing) * v
            self._ema = ema
            self._last = (float(step), v, ema)
            if self.seen % self.stride == 0:
                if self._n == self.capacity:
                    self._halve()
                if self.seen % self.stride == 0:
                    self._buf[:, self._n] = self._last
                    self._n += 1
            self.seen += 1

    def _halve(self) -> None:
        kept = self._buf[:, : self._n : 2].copy()
        self._n = kept.shape[1]
        self._buf[:, : self._n] = kept
        self.stride *= 2

    def _arrays(self) -> np.ndarray:
        if self._pending_last():
            return np.concatenate([self._buf[:, : self._n], np.array(self._last)[:, None]], axis=1)
        return self._buf[:, : self._n]

    @property
    def steps(self) -> np.ndarray:
        return self._arrays()[0]

    @property
    def raw(self) -> np.ndarray:
        return self._arrays()[1]

    @property
    def smooth(self) -> np.ndarray:
        return self._arrays()[2]

    def pairs(self) -> list[tuple[int, float]]:
        """The kept ``(step, loss)`` pairs, for JSON."""
        a = self._arrays()
        return [(int(s), float(v)) for s, v in zip(a[0], a[1], strict=True)]

    def nbytes(self) -> int:
        return int(self._buf.nbytes)
