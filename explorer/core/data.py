"""Inputs and built-in datasets, generated in code with a seed.

* :func:`make_input` is the book's ``torch.rand(2, 20)``: a tensor of the model's input
  shape filled by ``rand``, ``randn``, ``ones`` or ``zeros`` from a seeded generator.
* :func:`make_dataset` builds a small dataset (regression: noisy sine, linear; classification:
  spiral, two moons, circles, Gaussian blobs; ``teacher``: random data shaped for the open
  model) with size, noise, seed and a held-out split.

Each generator is a plain function of ``(n, noise, seed, classes)`` that uses torch only, so
the exported training script can carry its source unchanged (see ``export_script``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message, Term

if TYPE_CHECKING:
    import torch

INPUT_KINDS = ("rand", "randn", "ones", "zeros")


class DataError(ExplorerError):
    """Data that does not fit the model or the loss, in plain words."""


def make_input(shape, kind: str = "rand", seed: int = 0, dtype=None, device=None) -> torch.Tensor:
    """A tensor of ``shape``, as ``torch.manual_seed(seed); torch.rand(*shape)`` gives it."""
    import torch

    if kind not in INPUT_KINDS:
        raise DataError(
            Message(
                "input kind must be one of {choices}, got {kind}",
                choices=", ".join(INPUT_KINDS),
                kind=repr(kind),
            )
        )
    shape = tuple(shape)
    if kind == "ones":
        t = torch.ones(shape, dtype=dtype)
    elif kind == "zeros":
        t = torch.zeros(shape, dtype=dtype)
    else:
        g = torch.Generator().manual_seed(int(seed))
        fn = torch.rand if kind == "rand" else torch.randn
        t = fn(shape, generator=g, dtype=dtype)
    return t if device is None else t.to(device)


# ----- generators: each self-contained (torch + math only), exported verbatim ---------------


def sine(n, noise, seed, classes=1):
    """y = sin(x) + noise, x uniform in [-pi, pi]; X (n, 1), y (n, 1)."""
    import torch

    g = torch.Generator().manual_seed(seed)
    x = (torch.rand(n, 1, generator=g) * 2 - 1) * math.pi
    y = torch.sin(x) + noise * torch.randn(n, 1, generator=g)
    return x, y


def linear(n, noise, seed, classes=1):
    """The book's synthetic data: y = X @ [2, -3.4] + 4.2 + noise; X (n, 2), y (n, 1)."""
    import torch

    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 2, generator=g)
    y = x @ torch.tensor([[2.0], [-3.4]]) + 4.2 + noise * torch.randn(n, 1, generator=g)
    return x, y


def spiral(n, noise, seed, classes=3):
    """Interleaved spiral arms, one class per arm; X (n, 2), y (n,) class indices."""
    import torch

    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % classes
    r = torch.rand(n, generator=g)
    theta = y * (2 * math.pi / classes) + r * 4.0 + noise * torch.randn(n, generator=g)
    x = torch.stack([r * torch.cos(theta), r * torch.sin(theta)], dim=1)
    perm = torch.randperm(n, generator=g)
    return x[perm], y[perm]


def moons(n, noise, seed, classes=2):
    """Two interleaving half circles; X (n, 2), y (n,) in {0, 1}."""
    import torch

    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % 2
    t = torch.rand(n, generator=g) * math.pi
    outer = torch.stack([torch.cos(t), torch.sin(t)], dim=1)
    inner = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], dim=1)
    x = torch.where((y == 0)[:, None], outer, inner) + noise * torch.randn(n, 2, generator=g)
    perm = torch.randperm(n, generator=g)
    return x[perm], y[perm]


def circles(n, noise, seed, classes=2):
    """A small circle inside a large one; X (n, 2), y (n,) in {0, 1}."""
    import torch

    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % 2
    t = torch.rand(n, generator=g) * 2 * math.pi
    radius = torch.where(y == 0, torch.tensor(1.0), torch.tensor(0.5))
    x = torch.stack([radius * torch.cos(t), radius * torch.sin(t)], dim=1)
    x = x + noise * torch.randn(n, 2, generator=g)
    perm = torch.randperm(n, generator=g)
    return x[perm], y[perm]


def blobs(n, noise, seed, classes=3):
    """Gaussian blobs around centres on a circle; X (n, 2), y (n,) class indices."""
    import torch

    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % classes
    angle = y * (2 * math.pi / classes)
    centres = torch.stack([2 * torch.cos(angle), 2 * torch.sin(angle)], dim=1)
    x = centres + (0.3 + noise) * torch.randn(n, 2, generator=g)
    perm = torch.randperm(n, generator=g)
    return x[perm], y[perm]


@dataclass(frozen=True)
class Generator:
    name: str
    title: str
    task: str  # "regression" | "classification"
    fn: Callable[..., Any]


GENERATORS: dict[str, Generator] = {
    g.name: g
    for g in (
        Generator("teacher", "random teacher (fits the model)", "regression", None),
        Generator("sine", "noisy sine (regression)", "regression", sine),
        Generator("linear", "linear (regression)", "regression", linear),
        Generator("spiral", "spiral (classification)", "classification", spiral),
        Generator("moons", "two moons (classification)", "classification", moons),
        Generator("circles", "circles (classification)", "classification", circles),
        Generator("blobs", "Gaussian blobs (classification)", "classification", blobs),
    )
}


@dataclass(frozen=True)
class DataSpec:
    """What to generate or load: JSON-able settings, kept in the project."""

    source: str = "teacher"  # a GENERATORS name or a file path
    n: int = 512
    noise: float = 0.1
    seed: int = 0
    classes: int = 3
    eval_fraction: float = 0.2

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> DataSpec:
        known = {k: d[k] for k in DataSpec.__dataclass_fields__ if k in d}
        return DataSpec(**known)


@dataclass(frozen=True)
class Dataset:
    """Training and held-out tensors (CPU), with what they are for."""

    name: str
    task: str  # "regression" | "classification"
    X: torch.Tensor
    y: torch.Tensor
    X_eval: torch.Tensor | None = None
    y_eval: torch.Tensor | None = None
    classes: int | None = None

    def __len__(self) -> int:
        return len(self.X)

    @property
    def features(self) -> tuple[int, ...]:
        return tuple(self.X.shape[1:])


def teacher(n, noise, seed, in_shape, out_features):
    """Random inputs of the model's shape and targets from a fixed random linear map.

    Returns float targets ``(n, out_features)``; a classification loss uses their argmax.
    """
    import torch

    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, *in_shape, generator=g)
    flat = x.reshape(n, -1)
    w = torch.randn(flat.shape[1], out_features, generator=g) / math.sqrt(flat.shape[1])
    y = flat @ w + noise * torch.randn(n, out_features, generator=g)
    return x, y


def split(x, y, eval_fraction: float):
    """The last ``eval_fraction`` of the (already shuffled) samples are held out."""
    n_eval = int(round(len(x) * eval_fraction))
    if n_eval <= 0 or n_eval >= len(x):
        return x, y, None, None
    cut = len(x) - n_eval
    return x[:cut], y[:cut], x[cut:], y[cut:]


def make_dataset(
    spec: DataSpec, in_shape: tuple[int, ...] = (20,), out_features: int = 1
) -> Dataset:
    """Generate the built-in dataset ``spec`` describes (files: ``io.datafiles.load_dataset``).

    Parameters
    ----------
    in_shape, out_features
        The model's per-sample input shape and output width, used by ``teacher`` only.
    """
    if spec.n < 2:
        raise DataError(Message("the dataset needs at least 2 samples, got {n}", n=spec.n))
    if not 0 <= spec.eval_fraction < 1:
        raise DataError(
            Message(
                "the held-out fraction must be in [0, 1), got {value}", value=spec.eval_fraction
            )
        )
    if spec.noise < 0:
        raise DataError(Message("noise must be 0 or more, got {value}", value=spec.noise))
    gen = GENERATORS.get(spec.source)
    if gen is None:
        raise DataError(
            Message(
                "unknown dataset {name}: use one of {choices} or a file",
                name=repr(spec.source),
                choices=", ".join(GENERATORS),
            )
        )
    name = Term("dataset", gen.name)  # the interface may add a name in its language
    if gen.name == "teacher":
        x, y = teacher(spec.n, spec.noise, spec.seed, tuple(in_shape), out_features)
        task, classes = "regression", None
    else:
        if gen.task == "classification" and spec.classes < 2:
            raise DataError(
                Message("{name} needs at least 2 classes, got {n}", name=name, n=spec.classes)
            )
        x, y = gen.fn(spec.n, spec.noise, spec.seed, spec.classes)
        task = gen.task
        classes = None
        if gen.task == "classification":
            classes = spec.classes if gen.name in ("spiral", "blobs") else 2
    return from_tensors(name, x, y, spec.eval_fraction, task, classes)


def from_tensors(name, x, y, eval_fraction=0.0, task=None, classes=None) -> Dataset:
    """A :class:`Dataset` from loaded tensors; integer targets mean classification."""
    if task is None:
        task = "regression" if y.is_floating_point() else "classification"
    if task == "classification" and classes is None:
        classes = int(y.max()) + 1 if y.numel() else 0
    x_train, y_train, x_eval, y_eval = split(x, y, eval_fraction)
    return Dataset(name, task, x_train, y_train, x_eval, y_eval, classes)


def check_fits(dataset: Dataset, model_in_shape: tuple[int, ...]) -> None:
    """Raise :class:`DataError` when the samples cannot enter the model."""
    want = tuple(model_in_shape[1:])
    if dataset.features != want:
        raise DataError(
            Message(
                "the model takes samples of shape {want} (input {input}), but {name} has "
                "samples of shape {has}: change the first layer or the input shape, or pick "
                "the 'teacher' dataset",
                want=want,
                input=tuple(model_in_shape),
                name=dataset.name,
                has=dataset.features,
            )
        )
