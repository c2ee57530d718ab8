"""Losses and optimizers by name, and targets made to fit them.

Losses: the book's autograd demo (``output.sum()``), MSE, L1, cross-entropy and
BCE-with-logits, exactly as ``torch.nn.functional`` computes them. Optimizers: SGD (with
momentum and weight decay), Adam, AdamW, RMSprop from ``torch.optim``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    import torch


class LossError(ExplorerError):
    """The output and the target cannot go into the chosen loss."""


@dataclass(frozen=True)
class LossInfo:
    name: str
    title: str
    code: str  # the PyTorch expression, for the exported script and tooltips
    needs_target: bool = True


LOSSES: dict[str, LossInfo] = {
    i.name: i
    for i in (
        LossInfo("sum", "sum of outputs", "output.sum()", needs_target=False),
        LossInfo("mse", "MSE", "F.mse_loss(output, target)"),
        LossInfo("l1", "L1", "F.l1_loss(output, target)"),
        LossInfo("cross_entropy", "cross-entropy", "F.cross_entropy(output, target)"),
        LossInfo(
            "bce_with_logits",
            "BCE with logits",
            "F.binary_cross_entropy_with_logits(output, target)",
        ),
    )
}

OPTIMIZERS = ("sgd", "adam", "adamw", "rmsprop")
OPTIMIZER_TITLES = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop"}


def unknown_loss(name: str) -> LossError:
    """The refusal of a loss name that is not one of :data:`LOSSES`."""
    return LossError(
        Message(
            "unknown loss {name}: use one of {choices}", name=repr(name), choices=", ".join(LOSSES)
        )
    )


def loss_function(name: str) -> Callable[[torch.Tensor, Any], torch.Tensor]:
    """``fn(output, target)`` for loss ``name``, looked up once (a training loop's hot path).

    It computes exactly what :func:`compute_loss` computes, without the per-call lookup.
    """
    import torch.nn.functional as F

    if name == "sum":
        return lambda output, target: output.sum()
    fns = {
        "mse": F.mse_loss,
        "l1": F.l1_loss,
        "cross_entropy": F.cross_entropy,
        "bce_with_logits": F.binary_cross_entropy_with_logits,
    }
    if name not in fns:
        raise unknown_loss(name)
    return fns[name]


def compute_loss(name: str, output: torch.Tensor, target: torch.Tensor | None) -> torch.Tensor:
    """The loss ``name`` of ``output`` against a target already made by :func:`fit_target`."""
    import torch.nn.functional as F

    if name == "sum":
        return output.sum()
    if target is None:
        raise LossError(Message("{loss} needs a target", loss=LOSSES[name].title))
    if name == "mse":
        return F.mse_loss(output, target)
    if name == "l1":
        return F.l1_loss(output, target)
    if name == "cross_entropy":
        return F.cross_entropy(output, target)
    if name == "bce_with_logits":
        return F.binary_cross_entropy_with_logits(output, target)
    raise unknown_loss(name)


def fit_target(name: str, target: torch.Tensor | None, out_shape: tuple[int, ...]) -> Any:
    """Convert a dataset's target to what loss ``name`` takes for outputs of ``out_shape``.

    Class indices become one-hot rows for MSE/L1/BCE; float rows the width of the output
    become class indices (their argmax) for cross-entropy and 0/1 labels for BCE. Anything
    else that does not fit raises :class:`LossError` naming both shapes.
    """
    import torch

    if name == "sum" or target is None:
        return None
    if name not in LOSSES:
        raise unknown_loss(name)
    out_shape = tuple(out_shape)
    title = LOSSES[name].title
    is_index = not target.is_floating_point()
    if name == "cross_entropy":
        if len(out_shape) < 2:
            raise LossError(
                Message(
                    "{loss} needs outputs (batch, classes), got {shape}",
                    loss=title,
                    shape=out_shape,
                )
            )
        classes = out_shape[1]
        if is_index:
            if tuple(target.shape) != (out_shape[0], *out_shape[2:]):
                raise LossError(
                    Message(
                        "{loss}: class labels of shape {labels} do not match outputs {shape}",
                        loss=title,
                        labels=tuple(target.shape),
                        shape=out_shape,
                    )
                )
            if target.numel() and int(target.max()) >= classes:
                raise LossError(
                    Message(
                        "{loss}: labels go up to {top} but the model gives class scores: "
                        "{classes}; make the last layer {wide} wide",
                        loss=title,
                        top=int(target.max()),
                        classes=classes,
                        wide=int(target.max()) + 1,
                    )
                )
            return target.long()
        if tuple(target.shape) == out_shape:
            return target.argmax(dim=1)
        raise LossError(
            Message(
                "{loss} needs class labels; the targets are real numbers of shape {shape} "
                "(pick a classification dataset, or MSE)",
                loss=title,
                shape=tuple(target.shape),
            )
        )
    if is_index:
        if target.dim() != 1 or len(out_shape) != 2 or target.shape[0] != out_shape[0]:
            raise LossError(
                Message(
                    "{loss}: labels {labels} do not fit outputs {shape}",
                    loss=title,
                    labels=tuple(target.shape),
                    shape=out_shape,
                )
            )
        if target.numel() and int(target.max()) >= out_shape[1]:
            raise LossError(
                Message(
                    "{loss}: labels go up to {top} but the output's columns for one-hot "
                    "targets: {columns}",
                    loss=title,
                    top=int(target.max()),
                    columns=out_shape[1],
                )
            )
        return torch.nn.functional.one_hot(target.long(), out_shape[1]).float()
    if tuple(target.shape) != out_shape:
        raise LossError(
            Message(
                "{loss}: the output has shape {shape} but the target has shape {target}; "
                "make the last layer {wide} wide",
                loss=title,
                shape=out_shape,
                target=tuple(target.shape),
                wide=tuple(target.shape)[-1],
            )
        )
    if name == "bce_with_logits":
        return (target > 0).to(target.dtype)
    return target


def random_target(name: str, out_shape: tuple[int, ...], seed: int) -> torch.Tensor | None:
    """A random target for a random input: normal values, class indices or 0/1 labels."""
    import torch

    g = torch.Generator().manual_seed(int(seed) + 1)
    if name == "sum":
        return None
    if name == "cross_entropy":
        if len(out_shape) < 2:
            raise LossError(
                Message(
                    "cross-entropy needs outputs (batch, classes), got {shape}", shape=out_shape
                )
            )
        return torch.randint(out_shape[1], (out_shape[0], *out_shape[2:]), generator=g)
    if name == "bce_with_logits":
        return torch.randint(2, out_shape, generator=g).float()
    return torch.randn(out_shape, generator=g)


@dataclass(frozen=True)
class OptimizerConfig:
    name: str = "sgd"
    lr: float = 0.05
    momentum: float = 0.0
    weight_decay: float = 0.0

    def code(self) -> str:
        """The ``torch.optim`` call, as written in the exported script."""
        cls = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop"}[self.name]
        extra = f", momentum={self.momentum!r}" if self.name in ("sgd", "rmsprop") else ""
        return f"torch.optim.{cls}(model.parameters(), lr={self.lr!r}{extra}, weight_decay={self.weight_decay!r})"


def make_optimizer(config: OptimizerConfig, params) -> torch.optim.Optimizer:
    """``torch.optim.<name>(params, lr=..., ...)``; bad values raise :class:`LossError`."""
    import torch

    if config.name not in OPTIMIZERS:
        raise LossError(
            Message(
                "unknown optimizer {name}: use one of {choices}",
                name=repr(config.name),
                choices=", ".join(OPTIMIZERS),
            )
        )
    if not config.lr > 0:
        raise LossError(Message("the learning rate must be positive, got {lr}", lr=config.lr))
    if config.momentum < 0 or config.weight_decay < 0:
        raise LossError(Message("momentum and weight decay must be 0 or more"))
    params = list(params)
    if not params:
        raise LossError(Message("the model has no parameters to optimize"))
    wd = config.weight_decay
    if config.name == "sgd":
        return torch.optim.SGD(params, lr=config.lr, momentum=config.momentum, weight_decay=wd)
    if config.name == "adam":
        return torch.optim.Adam(params, lr=config.lr, weight_decay=wd)
    if config.name == "adamw":
        return torch.optim.AdamW(params, lr=config.lr, weight_decay=wd)
    return torch.optim.RMSprop(params, lr=config.lr, momentum=config.momentum, weight_decay=wd)


def move_optimizer_state(optimizer, device) -> int:
    """Move every state tensor (momentum, Adam moments) to ``device``; return how many moved.

    ``Module.to`` moves parameters in place but leaves the optimizer's state where it was.
    Adam's ``step`` counter stays on the CPU, as PyTorch keeps it unless ``capturable``.
    """
    import torch

    moved = 0
    for state in optimizer.state.values():
        for key, value in state.items():
            if (
                isinstance(value, torch.Tensor)
                and key != "step"
                and value.device != torch.device(device)
            ):
                state[key] = value.to(device)
                moved += 1
    return moved
