"""Turning a failed step into a sentence that names the layer, the tensor or the device.

torch's messages say *what* failed (``mat1 and mat2 shapes cannot be multiplied``), not
*where*. After a failure we re-run the forward pass with hooks (no grad, buffers restored)
to find the layer, and look at every tensor's device to say which one is where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.core.buffers import NotInitializedError, is_uninitialized, scratch_model
from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    import torch
    from torch import nn


class RunError(ExplorerError):
    """A step failed; ``str()`` is the sentence for the user.

    Attributes
    ----------
    kind : str
        ``"shape"``, ``"device"``, ``"memory"``, ``"nonfinite"``, ``"loss"`` or ``"other"``.
    step : int or None
        The step (1-based) at which it happened, when known.
    layer : str or None
        The layer's PyTorch name (``"2"``, ``"3.1"``), when known.
    """

    def __init__(self, message: str, kind: str = "other", step=None, layer=None):
        super().__init__(message)
        self.kind = kind
        self.step = step
        self.layer = layer


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def layer_title(name: str, module: nn.Module) -> str:
    return Message("layer {name} ({kind})", name=name, kind=type(module).__name__)


def _leaves(net: nn.Module):
    return [(n, m) for n, m in net.named_modules() if n and not list(m.children())]


def device_report(net: nn.Module, **tensors) -> str | None:
    """``"the input is on cpu, but 0.weight is on cuda:0"``, or None when all agree."""
    where = {}
    for name, p in list(net.named_parameters()) + list(net.named_buffers()):
        where.setdefault(str(p.device), name)
    if len(where) > 1:
        (d1, n1), (d2, n2) = list(where.items())[:2]
        return Message(
            "the model is split across devices: {n1} is on {d1}, but {n2} is on {d2}",
            n1=n1,
            d1=d1,
            n2=n2,
            d2=d2,
        )
    model_device = next(iter(where), None)
    for label, t in tensors.items():
        if t is not None and model_device is not None and str(t.device) != model_device:
            what = {"input": Message("the input"), "target": Message("the target")}.get(
                label, f"the {label}"
            )
            return Message(
                "{what} is on {device}, but the model ({name} and the rest) is on "
                "{model_device}: move them to the same device",
                what=what,
                device=str(t.device),
                name=where[model_device],
                model_device=model_device,
            )
    return None


def locate_failure(net: nn.Module, x: torch.Tensor):
    """Re-run ``net(x)``; return ``(name, module, input shape, exception)`` of the failing leaf.

    Returns None when the forward pass succeeds (or cannot be re-run). The model is left as
    it was: the look runs on :func:`~explorer.core.buffers.scratch_model` (buffers copied,
    lazy layers that have not run stay so); the module returned is the model's own.
    """
    import torch

    current: list = [None]
    try:
        with torch.no_grad(), scratch_model(net) as model:
            hooks = []
            try:
                for name, module in _leaves(model):

                    def pre(mod, args, name=name):
                        shape = tuple(args[0].shape) if args and hasattr(args[0], "shape") else None
                        current[0] = (name, shape)

                    hooks.append(module.register_forward_pre_hook(pre))
                model(x)
                return None
            except Exception as exc:  # noqa: BLE001 - any failure here is what we look for
                if current[0] is None:
                    return ("", net, tuple(x.shape), exc)
                name, shape = current[0]
                return (name, net.get_submodule(name), shape, exc)
            finally:
                for h in hooks:
                    h.remove()
    except NotInitializedError:
        return None


def explain(
    exc: BaseException, net: nn.Module, x, target=None, loss_title: str = "", step=None
) -> RunError:
    """A :class:`RunError` naming the layer, tensor or device behind ``exc``."""
    import torch

    text = _first_line(exc)
    if (
        isinstance(exc, MemoryError)
        or isinstance(exc, torch.cuda.OutOfMemoryError)
        or "out of memory" in text
    ):
        device = next((str(p.device) for p in net.parameters()), "cpu")
        return RunError(
            _at_step(
                step,
                "out of memory on {device}: try a smaller batch size or a smaller model ({text})",
                "out of memory on {device} at step {step}: try a smaller batch size or a "
                "smaller model ({text})",
                device=device,
                text=text,
            ),
            "memory",
            step,
        )
    if "device" in text.lower():
        where = device_report(net, input=x, target=target)
        if where:
            return RunError(
                _at_step(
                    step,
                    "device mismatch: {where}",
                    "device mismatch at step {step}: {where}",
                    where=where,
                ),
                "device",
                step,
            )
    failed = locate_failure(net, x) if x is not None else None
    if failed is not None:
        name, module, shape, inner = failed
        what = layer_title(name, module) if name else Message("the model")
        return RunError(
            _at_step(
                step,
                "{what} cannot take input of shape {shape}: {text}",
                "{what} at step {step} cannot take input of shape {shape}: {text}",
                what=what,
                shape=shape,
                text=_first_line(inner),
            ),
            "shape" if "shape" in str(inner) or "size" in str(inner) else "other",
            step,
            name or None,
        )
    if loss_title:
        return RunError(
            _at_step(
                step,
                "the {loss} loss failed: {text}",
                "the {loss} loss failed at step {step}: {text}",
                loss=loss_title,
                text=text,
            ),
            "loss",
            step,
        )
    if step is None:  # Python's own words
        return RunError(Message("{text}", text=f"{type(exc).__name__}: {text}"), "other", step)
    kind = type(exc).__name__
    message = Message("{kind} at step {step}: {text}", kind=kind, step=step, text=text)
    return RunError(message, "other", step)


def _at_step(step, without: str, with_step: str, **fields) -> Message:
    """The sentence with "at step N" when the step is known."""
    if step is None:
        return Message(without, **fields)
    return Message(with_step, step=step, **fields)


def locate_nonfinite(net: nn.Module, x=None) -> tuple[str | None, str]:
    """The first layer holding NaN/Inf (parameter, gradient, or output on ``x``), in words."""
    import torch

    modules = dict(net.named_modules())
    for pname, p in net.named_parameters():
        owner = pname.rpartition(".")[0]
        for label, t in (("", p), (".grad", p.grad)):
            if t is not None and not is_uninitialized(t) and not bool(torch.isfinite(t).all()):
                return (
                    owner,
                    Message(
                        "{layer}: {tensor} holds NaN or Inf",
                        layer=layer_title(owner, modules[owner]),
                        tensor=f"{pname}{label}",
                    ),
                )
    if x is None:
        return None, Message("the loss is NaN or Inf")
    found: list = []
    try:
        with torch.no_grad(), scratch_model(net) as model:
            hooks = []
            try:
                for name, module in _leaves(model):

                    def post(mod, args, out, name=name):
                        if (
                            not found
                            and isinstance(out, torch.Tensor)
                            and not bool(torch.isfinite(out).all())
                        ):
                            found.append(name)

                    hooks.append(module.register_forward_hook(post))
                model(x)
            except Exception:  # noqa: BLE001 - best effort: the report below still stands
                pass
            finally:
                for h in hooks:
                    h.remove()
    except NotInitializedError:
        pass
    if found:
        name = found[0]
        layer = layer_title(name, net.get_submodule(name))
        return name, Message("{layer} outputs NaN or Inf", layer=layer)
    if not bool(torch.isfinite(x).all()):
        return None, Message("the input batch holds NaN or Inf")
    return (
        None,
        Message(
            "the loss is NaN or Inf (the layers' outputs are finite: look at the targets and "
            "the loss)"
        ),
    )
