"""``nn-explorer train``: a project file and a dataset in, trained weights out.

The command line's body stays thin; this module loads the project and the data, runs
:func:`explorer.core.training.train` to the end and writes the result atomically:

* ``OUT.pt``: the ``state_dict`` (``torch.save``), loadable with ``weights_only=True``;
* ``OUT.nnx``: a project archive holding the architecture, the trained weights and the
  run's settings;
* ``OUT.nnx.json``: the architecture-only project JSON, and the ``state_dict`` beside it
  as ``OUT.pt`` (the project's stem).

A ``.nnx`` input starts from the weights it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import ExplorerError


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

    @property
    def total_hint(self) -> int | None:
        return self.steps


@dataclass
class TrainOutcome:
    steps: int
    loss: float | None
    eval_loss: float | None
    history: list[tuple[int, float]] = field(default_factory=list)
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
            "history": [[s, v] for s, v in self.history],
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


def run_training(request: TrainRequest, on_step: Callable[..., None] | None = None) -> TrainOutcome:
    """Train as ``request`` says; call ``on_step(step, loss, eval_loss, accuracy)`` per step.

    ``eval_loss`` is given at the steps where it was measured, else None; ``accuracy`` is
    the latest ``(step, Accuracy)`` measured so far (None: not yet, or regression data).
    Accuracy is measured at display rate within the run's extras budget, and on all the
    data after the last step.
    """
    import torch

    from explorer.core.build import build
    from explorer.core.data import DataSpec, check_fits
    from explorer.core.losses import OptimizerConfig
    from explorer.core.training import TrainConfig, train
    from explorer.io.datafiles import load_dataset
    from explorer.io.devices import check_device
    from explorer.io.project import Project, is_archive, load_project, save_project

    device = check_device(request.device)
    project = load_project(request.project)
    spec = project.spec
    from explorer.core.shapes import infer_shapes

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
    data = load_dataset(data_spec, tuple(spec.input_shape[1:]), out_features)
    check_fits(data, spec.input_shape)
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
    net = build(spec, device=device)
    if project.weights:
        net.load_state_dict(project.weights)  # same spec: keys and shapes match by construction
    outcome = TrainOutcome(0, None, None, classification=classify)
    probes = {METRICS_PROBE: metrics_probe(data)} if classify else {}
    gen = train(net, data, config, probes=probes)
    latest = None  # (step, Accuracy) measured last
    while True:
        try:
            progress = next(gen)
        except StopIteration as stop:
            result = stop.value
            break
        outcome.history.extend(progress.losses)
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
                on_step(
                    step, value, progress.eval_loss if last else None, latest if last else before
                )
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
    if request.out:
        out = Path(request.out)
        state = {k: v.detach().cpu() for k, v in net.state_dict().items()}
        if out.suffix in (".pt", ".pth"):
            save_state_dict(state, out)
            outcome.written.append(f"{out} (state_dict)")
        elif out.name.endswith(".json") or is_archive(out):
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
            if is_archive(out):
                save_project(Project(spec, project.title, settings, weights=state), out)
                outcome.written.append(f"{out} (project with the trained weights)")
            else:
                save_project(Project(spec, project.title, settings), out)
                weights = weights_path_for(out)
                save_state_dict(state, weights)
                outcome.written += [f"{out} (project)", f"{weights} (state_dict of the trained model)"]
        else:
            raise ExplorerError(f"{out.name}: write a .pt state dict, a .nnx or a .nnx.json project")
    return outcome


def _record(outcome: TrainOutcome, step: int, acc) -> None:
    outcome.accuracy_history.append((step, acc.train))
    if acc.held_out is not None:
        outcome.eval_accuracy_history.append((step, acc.held_out))
