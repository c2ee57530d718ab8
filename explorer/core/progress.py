"""Plain data that long runs hand to the GUI, and the probe hook views plug into.

A run (training, a forward/backward) is a generator in ``core`` that yields
:class:`Progress` at display rate (10-30 Hz), never per step. Views that want data
computed during a run register a *probe*: a function called in the worker thread,
between steps, with the live module and the current input batch, returning plain data
(numbers, numpy arrays, frozen dataclasses) which arrives in ``Progress.probes``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: probe(net, batch_x) -> plain data. Runs in the worker thread; must not touch Qt.
Probe = Callable[[Any, Any], Any]


@dataclass(frozen=True)
class Progress:
    step: int  # steps done so far in this run
    total: int | None  # steps planned, None when open-ended
    loss: float | None = None  # latest training loss
    eval_loss: float | None = None
    elapsed_s: float = 0.0
    steps_per_s: float = 0.0
    losses: tuple[tuple[int, float], ...] = ()  # (step, loss) since the previous Progress
    probes: Mapping[str, Any] = field(default_factory=dict)
