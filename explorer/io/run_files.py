"""``nn-explorer train``: a project file and a dataset in, trained weights out.

The command line's body stays thin; this module loads the project and the data, runs
:func:`explorer.core.training.train` to the end and writes the result atomically:

* ``OUT.pt``: the ``state_dict`` (``torch.save``), loadable with ``weights_only=True``;
* ``OUT.nnx``: a project archive holding the architecture, the trained weights and the
  run's settings;
* ``OUT.nnx.json``: the architecture-only project JSON, and the ``state_dict`` beside it
  as ``OUT.pt`` (the project's stem); both written as one unit.

A ``.nnx`` input starts from the weights it holds. The request and every output are
checked before the run starts (:func:`check_request`), so a bad ``-o`` never costs a run.
The loss history in memory is bounded (:class:`~explorer.core.loss_history.LossHistory`);
``loss_log`` keeps every step in a CSV file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import ExplorerError, Message

OUT_SUFFIXES = (".pt", ".pth", ".nnx", ".nnx.json", ".json")
MAX_SAMPLES = 10_000_000
MAX_STEPS = 10**9
MAX_SEED = 2**63 - 1
HISTORY_POINTS = 20_000  # loss points kept in memory; the run's length does not matter


class RequestError(ExplorerError):
    """A train request that cannot run, in one sentence."""


@dataclass(frozen=True)
class TrainRequest:
    project: str
    data: str = "teacher"
    steps: int | None = None
    epochs: int | None = None
    lr: float = 0.05
    optimizer: str = "sgd"
    momentum: float = 0.0
    weight_decay: float = 0.0
    batch_size: int = 32
    loss: str | None = None
    seed: int = 0
    device: str = "cpu"
    samples: int = 512
    noise: float = 0.1
    held_out: float = 0.2
    out: str | None = None
    loss_log: str | None = None  # CSV of every step's loss
    class_name: str | None = None  # with a .py "project": the nn.Module class
    class_args: str | None = None  # its constructor arguments, as JSON
    input_shape: tuple[int, ...] | None = None  # a class's input (default: guessed)

    @property
    def total_hint(self) -> int | None:
        return self.steps


@dataclass
class TrainOutcome:
    steps: int
    loss: float | None
    eval_loss: float | None
    history: Any = None  # LossHistory, bounded
    eval_history: list[tuple[int, float]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    classification: bool = False
    accuracy: float | None = None
    eval_accuracy: float | None = None
    accuracy_history: list[tuple[int, float]] = field(default_factory=list)
    eval_accuracy_history: list[tuple[int, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "steps": self.steps,
            "loss": self.loss,
            "eval_loss": self.eval_loss,
            "history": [[s, v] for s, v in self.history.pairs()] if self.history else [],
            "eval_history": [[s, v] for s, v in self.eval_history],
            "written": self.written,
            **(
                {
                    "accuracy": self.accuracy,
                    "eval_accuracy": self.eval_accuracy,
                    "accuracy_history": [[s, v] for s, v in self.accuracy_history],
                    "eval_accuracy_history": [[s, v] for s, v in self.eval_accuracy_history],
                }
                if self.classification
                else {}
            ),
        }


def weights_path_for(out: Path) -> Path:
    """``model.nnx.json`` -> ``model.pt`` (the state dict written beside a project)."""
    name = out.name
    for suffix in (".nnx.json", ".json"):
        if name.endswith(suffix):
            return out.with_name(name[: -len(suffix)] + ".pt")
    return out.with_suffix(".pt")


def save_state_dict(state: dict, path: Path) -> None:
    import torch

    from explorer.io.atomic import atomic_write_with

    atomic_write_with(path, lambda f: torch.save(state, f))


def _whole(value, name: str, low: int, high: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RequestError(
            Message(
                "--{name} must be a whole number from {low} to {high}, got {value}",
                name=name,
                low=f"{low:,}",
                high=f"{high:,}",
                value=value,
            )
        )


def _real(value, name: str, low: float, high: float, high_open: bool = False) -> None:
    import math

    ok = isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high
    if not ok or (high_open and value >= high):
        template = (
            "--{name} must be a finite number from {low}, below {high}; got {value}"
            if high_open
            else "--{name} must be a finite number from {low}, at most {high}; got {value}"
        )
        raise RequestError(
            Message(template, name=name, low=f"{low:g}", high=f"{high:g}", value=value)
        )


def output_paths(out: str | None) -> list[Path]:
    """The files a request writes: ``OUT``, and the ``.pt`` beside a JSON project."""
    if not out:
        return []
    path = Path(out)
    if path.name.lower().endswith(".json"):
        return [path, weights_path_for(path)]
    return [path]


def check_request(request: TrainRequest) -> None:
    """Refuse, before any work, numbers out of range and outputs that must not be written."""
    from explorer.io.outputs import check_outputs

    _whole(request.steps, "steps", 1, MAX_STEPS)
    _whole(request.epochs, "epochs", 1, MAX_STEPS)
    _whole(request.batch_size, "batch-size", 1, MAX_SAMPLES)
    _whole(request.samples, "samples", 2, MAX_SAMPLES)
    _whole(request.seed, "seed", 0, MAX_SEED)
    _real(request.lr, "lr", 0.0, 1e6)
    _real(request.momentum, "momentum", 0.0, 1.0)
    _real(request.weight_decay, "weight-decay", 0.0, 1e6)
    _real(request.noise, "noise", 0.0, 1e6)
    _real(request.held_out, "held-out", 0.0, 1.0, high_open=True)
    inputs = [request.project, request.data if Path(request.data).exists() else None]
    outs = [
        (p, OUT_SUFFIXES if i == 0 else (".pt",)) for i, p in enumerate(output_paths(request.out))
    ]
    if request.loss_log:
        outs.append((Path(request.loss_log), (".csv",)))
    check_outputs(outs, inputs)


def _memory_needed(report, data_spec, in_shape, out_features: int, optimizer: str) -> None:
    """Refuse a model or a built-in dataset that cannot fit (weights, grads, optimizer state)."""
    import math

    from explorer.core.memory import check_fits_memory
    from explorer.io.datafiles import is_data_file

    copies = {"sgd": 3, "adam": 4, "adamw": 4, "rmsprop": 3}.get(optimizer, 4)
    check_fits_memory(report.param_bytes * copies)  # "this model"
    if not is_data_file(data_spec.source):
        per_sample = (math.prod(in_shape) + out_features) * 4
        what = Message("a dataset of {n} samples", n=f"{data_spec.n:,}")
        check_fits_memory(data_spec.n * per_sample * 2, what)


def run_training(request: TrainRequest, on_step: Callable[..., None] | None = None) -> TrainOutcome:
    """Train as ``request`` says; call ``on_step(step, loss, eval_loss, accuracy)`` per step.

    ``eval_loss`` is given at the steps where it was measured, else None; ``accuracy`` is
    the latest ``(step, Accuracy)`` measured so far (None: not yet, or regression data).
    Accuracy is measured at display rate within the run's extras budget, and on all the
    data after the last step.

    Nothing is written before the run has ended; a ``KeyboardInterrupt`` leaves every
    output as it was. Allocation failures are raised as
    :class:`~explorer.core.memory.OutOfMemory`.
    """
    from explorer.core.memory import as_memory_error

    check_request(request)
    try:
        return _run(request, on_step)
    except (MemoryError, RuntimeError) as e:
        oom = as_memory_error(e)
        if oom is None:
            raise
        raise oom from None


def _run(request: TrainRequest, on_step) -> TrainOutcome:
    import torch

    from explorer.core.build import build
    from explorer.core.data import DataSpec, check_fits
    from explorer.core.loss_history import LossHistory
    from explorer.core.losses import OptimizerConfig
    from explorer.core.shapes import infer_shapes
    from explorer.core.training import TrainConfig, train
    from explorer.io.datafiles import load_dataset
    from explorer.io.devices import check_device
    from explorer.io.project import Project, load_project, save_project, save_project_and_weights

    device = check_device(request.device)
    if str(request.project).endswith(".py"):
        from explorer.io.module_file import load_class_model

        model = load_class_model(
            request.project, request.class_name, request.class_args, request.input_shape
        )
        if request.out and Path(request.out).suffix not in (".pt", ".pth"):
            raise ExplorerError(
                Message(
                    "{name}: a class has no project format; write a .pt state dict",
                    name=Path(request.out).name,
                )
            )
        project, input_shape, report = None, model.input_shape, None
        out_shape = model.output_shape()
    else:
        project = load_project(request.project)
        spec = project.spec
        input_shape = spec.input_shape
        report = infer_shapes(spec)
        if report.error is not None:
            raise report.error
        out_shape = report.output_shape
    out_features = out_shape[1] if out_shape and len(out_shape) > 1 else 1
    data_spec = DataSpec(
        source=request.data,
        n=request.samples,
        noise=request.noise,
        seed=request.seed,
        eval_fraction=request.held_out,
    )
    if report is not None:
        _memory_needed(report, data_spec, input_shape[1:], out_features, request.optimizer)
    data = load_dataset(data_spec, tuple(input_shape[1:]), out_features)
    check_fits(data, input_shape)
    from explorer.core.fit_data import default_loss
    from explorer.core.metrics import METRICS_PROBE, is_classification, metrics_probe

    loss = request.loss or default_loss(data.task)
    classify = is_classification(data)
    config = TrainConfig(
        optimizer=OptimizerConfig(
            request.optimizer, request.lr, request.momentum, request.weight_decay
        ),
        loss=loss,
        batch_size=request.batch_size,
        steps=request.steps if request.steps is not None or request.epochs else 500,
        epochs=request.epochs,
        seed=request.seed,
    )
    torch.manual_seed(request.seed)
    if project is None:
        net = model.build(device)
    else:
        net = build(spec, device=device)
    if project is not None and project.weights:
        from explorer.core.init import weights_mismatch

        problem = weights_mismatch(net.state_dict(), project.weights)  # a hostile archive
        if problem:
            raise RequestError(
                Message("the project's weights do not fit its model: {problem}", problem=problem)
            )
        net.load_state_dict(project.weights)
    outcome = TrainOutcome(
        0, None, None, history=LossHistory(HISTORY_POINTS), classification=classify
    )
    log = _LossLog(request.loss_log)
    probes = {METRICS_PROBE: metrics_probe(data)} if classify else {}
    gen = train(net, data, config, probes=probes)
    latest = None  # (step, Accuracy) measured last
    try:
        while True:
            try:
                progress = next(gen)
            except StopIteration as stop:
                result = stop.value
                break
            outcome.history.extend(progress.losses)
            log.write(progress.losses)
            outcome.steps = progress.step
            if progress.eval_loss is not None and (
                not outcome.eval_history or outcome.eval_history[-1][1] != progress.eval_loss
            ):
                outcome.eval_history.append((progress.step, progress.eval_loss))
            before = latest
            acc = progress.probes.get(METRICS_PROBE)
            if acc is not None:
                _record(outcome, progress.step, acc)
                latest = (progress.step, acc)
            if on_step is not None:
                for step, value in progress.losses:
                    last = step == progress.step
                    eval_loss = progress.eval_loss if last else None
                    on_step(step, value, eval_loss, latest if last else before)
    except BaseException:
        gen.close()
        log.close(ok=False)
        raise
    log.close(ok=True)
    outcome.steps, outcome.loss, outcome.eval_loss = result.steps, result.loss, result.eval_loss
    if classify:
        from explorer.core.metrics import dataset_accuracy

        final = dataset_accuracy(net, data)
        outcome.accuracy, outcome.eval_accuracy = final.train, final.held_out
        if outcome.accuracy_history and outcome.accuracy_history[-1][0] == outcome.steps:
            outcome.accuracy_history.pop()
            if outcome.eval_accuracy_history:
                outcome.eval_accuracy_history.pop()
        _record(outcome, outcome.steps, final)
    if request.loss_log:
        outcome.written.append(f"{request.loss_log} (loss of every step, CSV)")
    if request.out:
        out = Path(request.out)
        state = {k: v.detach().cpu() for k, v in net.state_dict().items()}
        if out.suffix.lower() in (".pt", ".pth"):
            save_state_dict(state, out)
            outcome.written.append(f"{out} (state_dict)")
        else:
            settings = dict(project.settings)
            settings["training"] = {
                "data": data_spec.to_dict(),
                "loss": loss,
                "optimizer": config.optimizer.__dict__,
                "batch_size": config.batch_size,
                "steps": outcome.steps,
                "seed": config.seed,
                "final_loss": outcome.loss,
                **({"final_accuracy": outcome.accuracy} if classify else {}),
            }
            if not out.name.lower().endswith(".json"):
                save_project(Project(spec, project.title, settings, weights=state), out)
                outcome.written.append(f"{out} (project with the trained weights)")
            else:
                weights = weights_path_for(out)
                save_project_and_weights(
                    Project(spec, project.title, settings), out, state, weights
                )
                outcome.written += [
                    f"{out} (project, architecture only)",
                    f"{weights} (state_dict of the trained model)",
                ]
    return outcome


class _LossLog:
    """Every step's loss as CSV lines, written to a temp file and renamed at the end (so an
    interrupted run leaves the old log)."""

    def __init__(self, path: str | None) -> None:
        self._cm = None
        self._f = None
        if path:
            from explorer.io.atomic import atomic_open

            self._cm = atomic_open(path)
            self._f = self._cm.__enter__()
            self._f.write(b"step,loss\n")

    def write(self, pairs) -> None:
        if self._f is not None:
            self._f.write("".join(f"{s},{v!r}\n" for s, v in pairs).encode())

    def close(self, ok: bool) -> None:
        if self._cm is None:
            return
        cm, self._cm = self._cm, None
        if ok:
            cm.__exit__(None, None, None)
        else:
            err = KeyboardInterrupt()
            try:
                cm.__exit__(KeyboardInterrupt, err, None)
            except KeyboardInterrupt:
                pass  # the temp file is gone; the caller re-raises its own error


def _record(outcome: TrainOutcome, step: int, acc) -> None:
    outcome.accuracy_history.append((step, acc.train))
    if acc.held_out is not None:
        outcome.eval_accuracy_history.append((step, acc.held_out))
