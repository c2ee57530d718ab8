"""Training as a generator: one plain PyTorch step per iteration, progress at display rate.

:func:`train` runs exactly the loop a person writes by hand::

    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    while ...:                                   # epochs
        perm = torch.randperm(len(X), generator=g)
        for idx in perm.split(batch_size):       # the last batch may be smaller
            optimizer.zero_grad()
            loss = loss_fn(model(X[idx]), y[idx])
            loss.backward()
            optimizer.step()

and yields a :class:`~explorer.core.progress.Progress` about 20 times a second (by the
clock, never per step). The loss of every step stays on the device until then; one
transfer per display tick brings them all, so a GPU is never synchronized per step.
Between yields the caller may pause, single-step (set ``control.yield_now``) or stop
(``close()`` the generator): the model is then always at a step boundary.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.core.buffers import parameter_count, scratch_model
from explorer.core.data import Dataset
from explorer.core.diagnose import RunError, explain, locate_nonfinite
from explorer.core.errors import Message
from explorer.core.losses import (
    LOSSES,
    OptimizerConfig,
    compute_loss,
    fit_target,
    loss_function,
    make_optimizer,
)
from explorer.core.progress import Progress

EVAL_INTERVAL_S = 0.1  # held-out loss at most 10 times a second
#: The held-out loss alone may take this share of the run: its interval follows its own
#: cost, so it comes at a steady cadence (not in bursts when the shared budget frees up).
EVAL_SHARE = 0.01
#: Probes and the held-out loss may take at most this fraction of the run's time; on a big
#: model they run less often than the display ticks, so training stays within a few percent
#: of a plain loop. Single steps, pauses and the last tick always get them, so the views
#: end on the run's final weights. A Progress without a probe's key means "no new value this tick".
EXTRA_BUDGET = 0.02
#: The check that every parameter is still finite (one reduction and a sync) takes at most
#: this share: on a big model it is not worth a display tick's cost every tick, since a
#: NaN or Inf weight turns the next loss NaN, and every loss is checked at every tick.
FINITE_SHARE = 0.005
#: The clock is read about this many times per display interval, not once per step: the
#: number of steps between reads follows the measured step rate (one read per step until
#: it is known, and always one per step for slow steps).
CLOCK_READS_PER_TICK = 8


class Budget:
    """Time spent on extras (probes, held-out loss) against a fraction of the elapsed time.

    ``known``: what each extra cost when it last ran, from an earlier run of the same model
    (:class:`ExtraCosts`); it is updated in place. Without it an extra's first run comes at
    the first display tick, before its cost is known, and can take more than its share of a
    short run (the first probes of a 1.8M-parameter MLP: 40-50 ms, 3.5% of a 1.3 s run).
    """

    def __init__(self, fraction: float, known: dict | None = None) -> None:
        self.fraction = fraction
        self.spent = 0.0
        self.last: dict = {} if known is None else known  # each extra's latest cost

    def allows(self, elapsed: float, fn=None) -> bool:
        """Whether ``fn`` may run now: the time spent plus its last cost stays in budget."""
        return self.spent + self.last.get(fn, 0.0) <= self.fraction * elapsed

    def run(self, clock, fn, *args):
        t0 = clock()
        try:
            return fn(*args)
        finally:
            cost = clock() - t0
            self.spent += cost
            self.last[fn] = cost


class ExtraCosts:
    """What a run's extras cost, kept for the next run of the same model and probes.

    The caller that trains one model again and again (the window's Train button) keeps one
    and passes it to every :func:`train`: from the second run on, the views' probes wait
    until the budget has room for what they cost the last time, instead of running at the
    first tick of every run. Another model, parameter count, device, dtype, batch size or
    set of probes starts over, with the first probes at the first tick again.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._costs: dict = {}

    def for_run(self, params, probes: Mapping[str, Callable], config: TrainConfig) -> dict:
        """The costs to start ``config``'s run from (empty when anything that sets them changed)."""
        first = params[0] if params else None
        key = (
            tuple(sorted(probes)),
            parameter_count(params),
            None if first is None else (str(first.device), first.dtype),
            config.batch_size,
        )
        if key != self._key:
            self._key, self._costs = key, {}
        return self._costs


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides the numbers of a run (with the model and the data)."""

    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    loss: str = "mse"
    batch_size: int = 32
    steps: int | None = 200
    epochs: int | None = None  # used when steps is None
    seed: int = 0
    display_hz: float = 20.0

    def total_steps(self, n: int) -> int:
        if self.steps is not None:
            return int(self.steps)
        return int(self.epochs or 1) * math.ceil(n / self.batch_size)

    def check(self, n: int) -> None:
        if self.loss not in LOSSES:
            raise RunError(Message("unknown loss {name}", name=repr(self.loss)), "loss")
        if self.batch_size < 1:
            raise RunError(
                Message("the batch size must be at least 1, got {got}", got=self.batch_size)
            )
        if self.total_steps(n) < 1:
            raise RunError(Message("nothing to do: steps (or epochs) must be at least 1"))


class RunControl:
    """Flags the worker sets and the generator reads once per step (plain attributes).

    ``yield_now``: yield after the current step (pause, single step, cancel soon).
    ``warnings``: messages for the user that are not failures (a probe that raised).
    """

    def __init__(self) -> None:
        self.yield_now = False
        self.warnings: list[str] = []


@dataclass(frozen=True)
class TrainResult:
    steps: int
    loss: float | None
    eval_loss: float | None


def batch_indices(n: int, batch_size: int, seed: int, device=None):
    """Endless mini-batch indices: a fresh ``randperm`` per epoch from a seeded generator.

    The permutation is drawn on the CPU (the same numbers on every device) and moved to
    ``device`` once per epoch, so no step copies indices to the device (on CUDA a copy from
    pageable memory would wait for the queued work, a hidden sync per step).
    """
    import torch

    g = torch.Generator().manual_seed(int(seed))
    device = None if device is None else torch.device(device)
    while True:
        perm = torch.randperm(n, generator=g)
        if device is not None and device.type == "cuda":
            perm = perm.pin_memory().to(device, non_blocking=True)
        elif device is not None and device != perm.device:
            perm = perm.to(device)
        yield from perm.split(batch_size)


def train_step(net, optimizer, loss_name: str, xb, yb):
    """One step, as written by hand; returns the detached loss (no device sync)."""
    optimizer.zero_grad()
    loss = compute_loss(loss_name, net(xb), yb)
    loss.backward()
    optimizer.step()
    return loss.detach()


def output_shape(net, x) -> tuple[int, ...]:
    """The model's output shape for ``x``; a failure names the layer.

    The model is left as it was: its buffers are untouched, and lazy layers that have not
    run yet stay uninitialized (the shape comes from a stand-in, see
    :func:`~explorer.core.buffers.scratch_model`), so the first training step gives them
    their values, as in plain PyTorch.
    """
    import torch

    with torch.no_grad(), scratch_model(net) as model:
        try:
            return tuple(model(x).shape)
        except Exception as exc:  # noqa: BLE001 - reported with the layer's name
            raise explain(exc, net, x) from exc


def prepare(net, data: Dataset, config: TrainConfig, device, dtype=None):
    """Data on ``device`` with targets fitted to the loss; checks shapes before any step."""
    n = len(data)
    config.check(n)
    x = data.X.to(device, dtype=dtype if data.X.is_floating_point() else None)
    out = output_shape(net, x[: min(n, max(2, config.batch_size))])
    needs = LOSSES[config.loss].needs_target
    y = _on(fit_target(config.loss, data.y, (n, *out[1:])), device, dtype) if needs else None
    xe = ye = None
    if data.X_eval is not None and needs:
        xe = data.X_eval.to(device, dtype=x.dtype)
        ye = _on(fit_target(config.loss, data.y_eval, (len(xe), *out[1:])), device, dtype)
    return x, y, xe, ye


def _on(t, device, dtype):
    return t.to(device, dtype=dtype if t.is_floating_point() else None)


def eval_loss(net, loss_name: str, x, y) -> float:
    import torch

    was_training = net.training
    net.eval()
    try:
        with torch.no_grad():
            return float(compute_loss(loss_name, net(x), y))
    finally:
        net.train(was_training)


def run_probes(probes: Mapping[str, Callable], net, xb, control: RunControl) -> dict[str, Any]:
    import torch

    results: dict[str, Any] = {}
    for name, probe in list(probes.items()):
        try:
            with torch.no_grad():
                results[name] = probe(net, xb)
        except Exception as exc:  # noqa: BLE001 - a view's probe must not stop training
            detail = Message("{text}", text=f"{type(exc).__name__}: {exc}")
            control.warnings.append(
                Message("probe {name} failed: {detail}", name=name, detail=detail)
            )
    return results


def train(
    net,
    data: Dataset,
    config: TrainConfig,
    *,
    optimizer=None,
    probes: Mapping[str, Callable] | None = None,
    control: RunControl | None = None,
    clock: Callable[[], float] = time.perf_counter,
    extra_costs: ExtraCosts | None = None,
) -> Generator[Progress, None, TrainResult]:
    """Train ``net`` in place; yield :class:`Progress` at display rate; return a result.

    ``extra_costs``: the probes' and checks' costs from earlier runs of this model, so that
    they keep to :data:`EXTRA_BUDGET` from the first tick on (see :class:`ExtraCosts`).

    Raises
    ------
    RunError
        A step failed (the layer, tensor or device is named) or the loss or a parameter
        became NaN/Inf (the first such step and the layer are named).
    """
    import torch

    params = list(net.parameters())
    device = params[0].device if params else torch.device("cpu")
    dtype = params[0].dtype if params else None
    x, y, xe, ye = prepare(net, data, config, device, dtype)
    optimizer = optimizer or make_optimizer(config.optimizer, params)
    control = control or RunControl()
    probes = probes or {}
    total = config.total_steps(len(x))
    torch.manual_seed(config.seed)
    batches = batch_indices(len(x), config.batch_size, config.seed, device)
    title = LOSSES[config.loss].title
    # the step's callables, looked up once: the loop below is the hand-written one
    loss_fn = loss_function(config.loss)
    zero_grad, optimizer_step = optimizer.zero_grad, optimizer.step
    interval = 1.0 / config.display_hz
    pending: list = []  # detached per-step losses, still on the device
    keep = pending.append
    first_pending = 1
    last_loss = last_eval = None
    start = clock()
    paused = 0.0  # time spent suspended at a yield (pause), not counted in steps/s
    next_tick = start + interval
    next_eval = next_check = start
    known = None if extra_costs is None else extra_costs.for_run(params, probes, config)
    budget = Budget(EXTRA_BUDGET, known)
    reads_every = 1  # steps between clock reads, from the measured step rate
    countdown = 1
    resumed = start
    step = 0
    for idx in batches:
        xb = x[idx]
        yb = y[idx] if y is not None else None
        try:
            zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            optimizer_step()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a named RunError
            raise explain(exc, net, xb, yb, title, step + 1) from exc
        keep(loss.detach())
        step += 1
        countdown -= 1
        if countdown and not control.yield_now:
            continue
        now = clock()
        if not (now >= next_tick or control.yield_now or step == total):
            countdown = min(reads_every, total - step)
            continue
        single = control.yield_now  # a single step or a pause: the views get fresh probes
        control.yield_now = False
        if now > resumed:
            rate = len(pending) / (now - resumed)
            reads_every = max(1, int(rate * interval / CLOCK_READS_PER_TICK))
        values = torch.stack(pending).tolist()  # the one host transfer of this tick
        elapsed = now - start - paused
        last_tick = single or step == total
        check = last_tick or now >= next_check
        if not all(map(math.isfinite, values)) or (
            check and not budget.run(clock, _params_finite, params)
        ):
            bad = next((i for i, v in enumerate(values) if not math.isfinite(v)), len(values) - 1)
            layer, where = locate_nonfinite(net, xb)
            if bad:  # the finite losses before it are drawn: the curve shows the climb
                yield Progress(
                    step=first_pending + bad - 1,
                    total=total,
                    loss=values[bad - 1],
                    eval_loss=last_eval,
                    elapsed_s=elapsed,
                    steps_per_s=step / elapsed if elapsed > 0 else 0.0,
                    losses=tuple(enumerate(values[:bad], first_pending)),
                )
            raise RunError(
                Message(
                    "training stopped at step {step}: the loss became {value} ({where})",
                    step=first_pending + bad,
                    value=values[bad],
                    where=where,
                ),
                "nonfinite",
                first_pending + bad,
                layer,
            )
        if check:
            next_check = now + max(interval, budget.last[_params_finite] / FINITE_SHARE)
        steps = range(first_pending, first_pending + len(values))
        last_loss = values[-1]
        probed = {}
        if probes and (last_tick or budget.allows(elapsed, run_probes)):
            probed = budget.run(clock, run_probes, probes, net, xb, control)
        if xe is not None and (single or last_tick or now >= next_eval):
            spent = budget.spent
            last_eval = budget.run(clock, eval_loss, net, config.loss, xe, ye)
            next_eval = now + max(EVAL_INTERVAL_S, (budget.spent - spent) / EVAL_SHARE)
        suspended = clock()
        yield Progress(
            step=step,
            total=total,
            loss=last_loss,
            eval_loss=last_eval,
            elapsed_s=elapsed,
            steps_per_s=step / elapsed if elapsed > 0 else 0.0,
            losses=tuple(zip(steps, values, strict=True)),
            probes=probed,
        )
        resumed = clock()
        paused += resumed - suspended
        pending.clear()
        first_pending = step + 1
        next_tick = resumed + interval
        if step >= total:
            break
        countdown = min(reads_every, total - step)
    return TrainResult(step, last_loss, last_eval)


def _params_finite(params) -> bool:
    """One reduction over all parameters (``_foreach_norm``), one sync per display tick."""
    import torch

    if not params:
        return True
    norms = torch._foreach_norm([p.detach() for p in params])
    return bool(torch.isfinite(torch.stack(norms)).all())
