"""Make the model fit the data: the input shape, the first layer and the output width.

:func:`fit_problem` says, in one sentence, why a dataset cannot train the model with the
loss its data calls for (:func:`default_loss`); :func:`fit_model_to_data` is the pure spec
edit that fixes it (the Training tab offers it in one click, as one undoable edit):

* the input shape becomes ``(batch, *features)`` (the batch size is kept);
* the first layer with ``in_features`` (a ``Linear``) takes the data's feature count;
* the last layer with ``out_features`` gives one score per class (classification with
  cross-entropy) or the target's width (regression).

A model that still does not fit after that (a convolution first, say) is refused with the
reason, and nothing changes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.core.data import DataError, Dataset
from explorer.core.errors import Message, error_message
from explorer.core.spec import LayerSpec, ModelSpec, Path, key_of


def default_loss(task: str) -> str:
    """The loss that fits the data: cross-entropy for class labels, MSE for regression."""
    return "cross_entropy" if task == "classification" else "mse"


def output_width(data: Dataset, loss: str) -> int | None:
    """The last layer's width the data asks for under ``loss`` (None: no demand)."""
    if loss == "sum":
        return None
    if not data.y.is_floating_point():  # class labels
        if loss in ("cross_entropy", "mse", "l1", "bce_with_logits"):
            return int(data.classes or (int(data.y.max()) + 1))
        return None
    if data.y.dim() == 1:
        return 1
    return int(math.prod(data.y.shape[1:]))


def _first_with(spec: ModelSpec, arg: str, last: bool = False) -> tuple[Path, LayerSpec] | None:
    found = [(p, layer) for p, layer in spec.layers() if arg in layer.args]
    if not found:
        return None
    return found[-1] if last else found[0]


@dataclass(frozen=True)
class FitProblem:
    """What does not fit, in words, and whether :func:`fit_model_to_data` can fix it."""

    message: str
    fixable: bool


def fit_problem(
    spec: ModelSpec,
    data: Dataset,
    loss: str | None = None,
    report=None,
    editable: bool = True,
) -> FitProblem | None:
    """Why ``data`` cannot train the model ``spec`` with ``loss`` (default: the data's), or None.

    ``report`` is the model's shape report when the spec alone does not make the model (a
    Python class: its layers are in its code); ``editable=False`` says the layers cannot be
    changed, so no one-click fix is offered.
    """
    from explorer.core.shapes import infer_shapes

    loss = loss or default_loss(data.task)
    want_in = tuple(spec.input_shape[1:])
    problems = []
    if data.features != want_in:
        problems.append(
            Message(
                "the model takes samples of shape {want}, {name} has {has}",
                want=want_in,
                name=data.name,
                has=data.features,
            )
        )
    width = output_width(data, loss)
    report = report if report is not None else infer_shapes(spec)
    out = report.output_shape if report.error is None else None
    if not problems and report.error is not None:
        return FitProblem(report.error.args[0], False)  # the shape error's sentence
    if width is not None and out is not None and not problems:
        got = int(math.prod(out[1:])) if len(out) > 1 else 1
        if got != width:
            if data.y.is_floating_point():
                text = "model outputs: {got}; target columns of {name}: {width}"
            else:
                text = "model outputs: {got}; classes of {name}: {width}"
            problems.append(Message(text, got=got, name=data.name, width=width))
    if not problems:
        return None
    try:
        fit_model_to_data(spec, data, loss)
        fixable = editable
    except DataError:
        fixable = False
    message = (
        problems[0] if len(problems) == 1 else Message("{a}; {b}", a=problems[0], b=problems[1])
    )
    return FitProblem(message, fixable)


def fit_model_to_data(
    spec: ModelSpec, data: Dataset, loss: str | None = None, batch: int | None = None
) -> ModelSpec:
    """The spec with its input shape, first ``in_features`` and last ``out_features`` fitted.

    ``batch`` is the input's batch size (default: the spec's).

    Raises
    ------
    DataError
        The model cannot be made to fit by these three changes (nothing is changed).
    """
    from explorer.core import edits
    from explorer.core.errors import ExplorerError
    from explorer.core.shapes import infer_shapes

    loss = loss or default_loss(data.task)
    features = data.features
    new = edits.set_input(spec, (int(batch or spec.input_shape[0]), *features))
    first = _first_with(new, "in_features")
    try:
        if first is not None and len(features) == 1 and first[1].args["in_features"] != features[0]:
            new = edits.set_args(new, first[0], {"in_features": features[0]})
        width = output_width(data, loss)
        last = _first_with(new, "out_features", last=True)
        if width is not None and last is not None:
            if last[1].args["out_features"] != width:
                new = edits.set_args(new, last[0], {"out_features": width})
    except ExplorerError as e:
        raise DataError(_cannot_fit(data, e)) from None
    report = infer_shapes(new)
    if report.error is not None:
        raise DataError(_cannot_fit(data, report.error))
    return new


def _cannot_fit(data: Dataset, error: BaseException) -> Message:
    return Message(
        "cannot fit the model to {name}: {reason}", name=data.name, reason=error_message(error)
    )


def describe_fit(old: ModelSpec, new: ModelSpec) -> list[str]:
    """The changes :func:`fit_model_to_data` made, one short phrase each (for the offer)."""
    changes = []
    if old.input_shape != new.input_shape:
        changes.append(
            Message(
                "input {old} -> {new}",
                old=tuple(old.input_shape),
                new=tuple(new.input_shape),
            )
        )
    for (path, a), (_, b) in zip(old.layers(), new.layers(), strict=True):
        for arg in ("in_features", "out_features"):
            if arg in a.args and a.args.get(arg) != b.args.get(arg):
                changes.append(f"{key_of(new, path)}.{arg} {a.args[arg]} -> {b.args[arg]}")
    return changes
