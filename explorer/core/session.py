"""The single actions of the book's section 5.1: forward, backward, zero grad, step.

Each function does what one line of PyTorch does and returns plain data for the screen
(the output as PyTorch prints it, gradient norms). :class:`Workbench` keeps the one
optimizer between presses and rebuilds it when the model's parameters or the settings
change, saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.diagnose import RunError, device_report, explain
from explorer.core.errors import Message
from explorer.core.losses import LOSSES, OptimizerConfig, compute_loss, make_optimizer

if TYPE_CHECKING:
    import numpy as np
    import torch

HEAT_MAX = (256, 512)  # rows, columns sent to the heatmap; larger outputs are cut on device


@dataclass(frozen=True)
class OutputResult:
    """An output as PyTorch prints it, and a 2-D array for the heatmap."""

    text: str  # str(output): values, and grad_fn=<AddmmBackward0> when attached
    shape: tuple[int, ...]
    grad_fn: str | None
    values: np.ndarray
    training: bool


@dataclass(frozen=True)
class BackwardResult:
    loss: float
    loss_text: str  # "tensor(0.1234, grad_fn=<MseLossBackward0>)"
    grad_norm_before: float | None  # None: every .grad was None
    grad_norm_after: float
    zeroed_first: bool


def heat_values(t: torch.Tensor) -> np.ndarray:
    """A 2-D float array of ``t`` (rows: first dim), cut to :data:`HEAT_MAX` on its device."""
    t = t.detach()
    if t.dim() == 0:
        t = t.reshape(1, 1)
    elif t.dim() == 1:
        t = t.reshape(1, -1)
    else:
        t = t.reshape(t.shape[0], -1)
    return t[: HEAT_MAX[0], : HEAT_MAX[1]].float().cpu().numpy()


def describe_output(out: torch.Tensor, training: bool) -> OutputResult:
    """``str(out)`` is exactly what ``print(output)`` shows in PyTorch, grad_fn included."""
    fn = type(out.grad_fn).__name__ if out.grad_fn is not None else None
    return OutputResult(str(out), tuple(out.shape), fn, heat_values(out), training)


def run_forward(net, x) -> tuple[Any, OutputResult]:
    """``output = net(x)`` with autograd on, as the book's ``net(X)``."""
    where = device_report(net, input=x)
    if where:
        raise RunError(Message("device mismatch: {where}", where=where), "device")
    try:
        out = net(x)
    except Exception as exc:  # noqa: BLE001 - named by layer
        raise explain(exc, net, x) from exc
    return out, describe_output(out, net.training)


def grad_norm(net) -> float | None:
    """The L2 norm of all gradients together; None while every ``.grad`` is None."""
    import torch

    grads = [p.grad.detach() for p in net.parameters() if p.grad is not None]
    if not grads:
        return None
    return float(torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads))))


def run_backward(net, x, target, loss_name: str, zero_first: bool) -> BackwardResult:
    """Forward, loss, ``loss.backward()``: gradients add up unless ``zero_first``."""
    before = grad_norm(net)
    if zero_first:
        net.zero_grad()
    out, _ = run_forward(net, x)
    title = LOSSES[loss_name].title
    try:
        loss = compute_loss(loss_name, out, target)
        loss.backward()
    except RunError:
        raise
    except Exception as exc:  # noqa: BLE001 - named
        raise explain(exc, net, x, target, title) from exc
    return BackwardResult(
        float(loss.detach()), str(loss), before, grad_norm(net) or 0.0, zero_first
    )


def compare_modes(net, x) -> tuple[OutputResult, OutputResult]:
    """The same batch through ``train()`` and ``eval()``; the model is left as it was.

    Dropout draws a mask in train mode only, batch norm uses batch statistics in train
    mode and running statistics in eval mode; the train() pass updates copies of the
    running statistics, so the model's own buffers are untouched (a saved model stays saved).
    A model whose lazy layers have not run yet raises
    :class:`~explorer.core.buffers.NotInitializedError` (nothing to compare yet).
    """
    import torch

    from explorer.core.buffers import require_initialized, scratch_buffers

    require_initialized(net)  # the comparison looks; Forward is what materializes lazy layers
    was_training = net.training
    try:
        with torch.no_grad(), scratch_buffers(net):
            try:
                net.train()
                a = net(x)
                net.eval()
                b = net(x)
            except Exception as exc:  # noqa: BLE001 - named
                raise explain(exc, net, x) from exc
        return describe_output(a, True), describe_output(b, False)
    finally:
        net.train(was_training)


class Workbench:
    """The optimizer behind the Step button, kept between presses.

    ``optimizer_for(net, config)`` returns the same optimizer while the parameters (by
    identity) and the settings are unchanged, so momentum and Adam's moments carry over;
    otherwise it builds a new one and ``rebuilt`` says why.
    """

    def __init__(self) -> None:
        self.optimizer = None
        self._key: tuple | None = None
        self.rebuilt: str | None = None

    def optimizer_for(self, net, config: OptimizerConfig):
        params = list(net.parameters())
        key = (tuple(id(p) for p in params), config)
        self.rebuilt = None
        if self.optimizer is None or key != self._key:
            if self.optimizer is not None:
                self.rebuilt = (
                    "the model changed"
                    if key[0] != self._key[0]
                    else "the optimizer settings changed"
                )
            self.optimizer = make_optimizer(config, params)
            self._key = key
        return self.optimizer

    def adopt(self, optimizer, net, config: OptimizerConfig) -> None:
        """Keep ``optimizer`` (built by a training run) for the next Step presses."""
        self.optimizer = optimizer
        self._key = (tuple(id(p) for p in net.parameters()), config)

    def forget(self) -> None:
        self.optimizer = None
        self._key = None

    def held(self) -> tuple:
        """The optimizer kept and what it was kept for (for :meth:`hold` to put back)."""
        return self.optimizer, self._key

    def hold(self, held: tuple) -> None:
        self.optimizer, self._key = held


def run_step(optimizer, net) -> float:
    """``optimizer.step()``; returns how far the parameters moved (L2 norm of the change)."""
    import torch

    params = [p for p in net.parameters()]
    if all(p.grad is None for p in params):
        raise RunError(Message("no gradients yet: press Backward before Step"), "other")
    before = [p.detach().clone() for p in params]
    optimizer.step()
    with torch.no_grad():
        return float(
            torch.linalg.vector_norm(
                torch.stack(
                    [torch.linalg.vector_norm(p - b) for p, b in zip(params, before, strict=True)]
                )
            )
        )
