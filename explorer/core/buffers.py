"""Forward passes that only look: the model's buffers are swapped for copies meanwhile.

A ``train()`` forward updates batch norm's running statistics in place. Restoring them
afterwards with ``copy_`` puts the numbers back but bumps each tensor's in-place version,
which is how the session tells that the weights changed since the last save
(:func:`explorer.app.session.weights_fingerprint`). Swapping the buffer tensors for clones
and back leaves the model's own tensors untouched: same objects, values and versions.

A model whose lazy layers have not run yet (``nn.LazyLinear``, ``nn.LazyBatchNorm1d``)
holds ``UninitializedParameter``/``UninitializedBuffer`` objects, which cannot be cloned,
and its first forward gives them shapes and values drawn from the global random state.
A look must not do that behind the user's back (plain PyTorch materializes them in the
first real forward, from the random state of that moment), so :func:`scratch_model` runs
such a model's look on a stand-in: a copy that shares the initialized parameters and
gets its own uninitialized ones, with the random state restored afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    from torch import nn

#: What a view says instead of a traceback while lazy layers have not run yet.
NOT_INITIALIZED = "not initialized yet: run a forward or train a step"


class NotInitializedError(ExplorerError):
    """The model's lazy layers have not run yet, and this cannot work without their shapes."""


def is_uninitialized(t) -> bool:
    """Whether ``t`` is an ``UninitializedParameter`` or ``UninitializedBuffer``."""
    from torch.nn.parameter import UninitializedTensorMixin

    return isinstance(t, UninitializedTensorMixin)


def uninitialized_names(net: nn.Module) -> list[str]:
    """Names of the parameters and buffers still uninitialized (lazy layers not run yet)."""
    return [
        name
        for name, t in (
            *net.named_parameters(remove_duplicate=False),
            *net.named_buffers(remove_duplicate=False),
        )
        if is_uninitialized(t)
    ]


def has_uninitialized(net: nn.Module) -> bool:
    """Whether any parameter or buffer of ``net`` is still uninitialized.

    One walk over the modules' own tensor dicts (``parameters()`` and ``buffers()`` walk
    twice and build names): the Activations probe asks at every look.
    """
    from torch.nn.parameter import UninitializedTensorMixin

    return any(
        isinstance(t, UninitializedTensorMixin)
        for m in net.modules()
        for d in (m._parameters, m._buffers)
        for t in d.values()
    )


def require_initialized(net: nn.Module) -> None:
    """Raise :class:`NotInitializedError` while ``net`` has lazy layers that have not run."""
    if has_uninitialized(net):
        raise NotInitializedError(Message(NOT_INITIALIZED))


@contextmanager
def scratch_buffers(net: nn.Module) -> Iterator[None]:
    """Inside, every module's buffers are clones; on leaving, the originals are back.

    Uninitialized buffers (a lazy batch norm that has not run) cannot be cloned: use
    :func:`scratch_model` for a forward on such a model.
    """
    owned = [  # (module, name, tensor): each module once, a tied module's buffers too
        (m, name, b)
        for m in net.modules()
        for name, b in m._buffers.items()
        if b is not None and not is_uninitialized(b)
    ]
    try:
        for m, name, b in owned:
            m._buffers[name] = b.detach().clone()
        yield
    finally:
        for m, name, b in owned:
            m._buffers[name] = b


@contextmanager
def scratch_model(net: nn.Module) -> Iterator[nn.Module]:
    """The module to run a look-only forward on; the model itself is left as it was.

    An initialized model is itself, with :func:`scratch_buffers`. A model with lazy layers
    that have not run is a stand-in: a deep copy that shares every initialized parameter
    (no memory doubled), has copies of the initialized buffers and fresh uninitialized
    tensors, and runs with the random state restored on leaving (its lazy layers draw
    their values, which are thrown away). The stand-in's module names are the model's.

    Raises
    ------
    NotInitializedError
        The model has lazy layers and cannot be copied (a Python class holding something
        ``copy.deepcopy`` refuses).
    """
    if not has_uninitialized(net):
        with scratch_buffers(net):
            yield net
        return
    import copy

    import torch
    from torch.nn.parameter import UninitializedBuffer

    memo: dict = {}
    devices = set()
    for t in (*net.parameters(), *net.buffers()):
        if t.device.type == "cuda":
            devices.add(t.device)
        if isinstance(t, UninitializedBuffer):
            memo[id(t)] = UninitializedBuffer(
                t.requires_grad, t.device, t.dtype, getattr(t, "persistent", True)
            )
        elif isinstance(t, torch.nn.Parameter) and not is_uninitialized(t):
            memo[id(t)] = t  # shared: a look never writes a parameter
    try:
        stand_in = copy.deepcopy(net, memo)
    except Exception as exc:  # noqa: BLE001 - any refusal means: no look before the forward
        raise NotInitializedError(Message(NOT_INITIALIZED)) from exc
    with torch.random.fork_rng(devices=sorted(devices, key=str)):
        yield stand_in


def parameter_count(params) -> int:
    """``sum(p.numel())`` over the initialized ones (an uninitialized one has no size yet)."""
    return sum(p.numel() for p in params if not is_uninitialized(p))


def parameter_count_text(params) -> str:
    """The digit-grouped count of ``params``, or ``?`` while one has no size yet (lazy)."""
    from explorer.core.format import group_digits

    params = list(params)
    if any(is_uninitialized(p) for p in params):
        return "?"
    return group_digits(parameter_count(params))
