"""Parameters and buffers of a live model, under the names PyTorch gives them.

:func:`list_entries` walks ``state_dict(keep_vars=True)`` and groups the keys that hold
the *same* tensor: a tied layer's weight is one :class:`ParamEntry` with two names
(``2.weight`` and ``4.weight``), counted once, as ``named_parameters()`` counts it.
Buffers (batch norm's ``running_mean``, ``num_batches_tracked``) are entries of kind
``"buffer"``: they are in ``state_dict()`` but not in ``parameters()``. Lazy layers hold
``UninitializedParameter`` whose shape is unknown until the first forward.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch
    from torch import nn

Shape = tuple[int, ...]


@dataclass(frozen=True)
class ParamEntry:
    """One tensor of the model's ``state_dict``, with every name it has there.

    Attributes
    ----------
    names : tuple of str
        ``state_dict`` keys holding this tensor, first one first (``named_parameters()``
        reports that one). More than one name means a tied (shared) tensor.
    kind : str
        ``"parameter"`` or ``"buffer"``.
    shape : tuple of int or None
        None while the parameter is uninitialized (lazy layers before the first forward).
    grad_shape : tuple of int or None
        The shape of ``.grad``, or None when ``.grad is None``.
    """

    names: tuple[str, ...]
    kind: str
    type_name: str  # "Parameter", "UninitializedParameter", "Tensor"
    shape: Shape | None
    dtype: str
    device: str
    requires_grad: bool
    numel: int
    grad_shape: Shape | None

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def tied(self) -> bool:
        return len(self.names) > 1

    @property
    def lazy(self) -> bool:
        return self.shape is None

    @property
    def owners(self) -> tuple[str, ...]:
        """The module keys that hold it (``"0.block 0.0"``; ``""`` for the model itself)."""
        return tuple(owner_of(n) for n in self.names)


def owner_of(name: str) -> str:
    """``"3.1.weight"`` -> ``"3.1"``: the key of the module that holds a state_dict entry."""
    return name.rpartition(".")[0]


def local_name(name: str) -> str:
    """``"3.1.weight"`` -> ``"weight"``."""
    return name.rpartition(".")[2]


def _is_uninitialized(t: Any) -> bool:
    from torch.nn.parameter import UninitializedTensorMixin

    return isinstance(t, UninitializedTensorMixin)


def describe(names: Sequence[str], tensor: torch.Tensor, kind: str) -> ParamEntry:
    """A :class:`ParamEntry` for one tensor (no data is read, only its metadata)."""
    lazy = _is_uninitialized(tensor)
    grad = None if lazy else tensor.grad
    return ParamEntry(
        names=tuple(names),
        kind=kind,
        type_name=type(tensor).__name__,
        shape=None if lazy else tuple(tensor.shape),
        dtype=str(tensor.dtype).removeprefix("torch."),
        device=str(tensor.device),
        requires_grad=bool(tensor.requires_grad),
        numel=0 if lazy else tensor.numel(),
        grad_shape=None if grad is None else tuple(grad.shape),
    )


def list_entries(net: nn.Module) -> list[ParamEntry]:
    """Every ``state_dict`` tensor once, in ``state_dict`` order, tied names grouped."""
    state = net.state_dict(keep_vars=True)
    param_ids = {id(p) for p in net.parameters()}
    groups: dict[int, list[str]] = {}
    tensors: dict[int, Any] = {}
    for key, t in state.items():
        groups.setdefault(id(t), []).append(key)
        tensors[id(t)] = t
    return [
        describe(names, tensors[i], "parameter" if i in param_ids else "buffer")
        for i, names in groups.items()
    ]


def tensor_by_name(net: nn.Module, name: str) -> torch.Tensor:
    """The live tensor behind a ``state_dict`` key (a Parameter or a buffer).

    Raises
    ------
    KeyError
        When the model has no such key.
    """
    return net.get_submodule(owner_of(name)).state_dict(keep_vars=True)[local_name(name)]


@dataclass(frozen=True)
class Totals:
    parameters: int  # elements, tied tensors once
    trainable: int
    buffers: int
    uninitialized: int  # lazy parameters whose size is not known yet


def totals(entries: Iterable[ParamEntry]) -> Totals:
    """Element counts as ``sum(p.numel() for p in net.parameters())`` gives them."""
    params = trainable = buffers = lazy = 0
    for e in entries:
        if e.kind == "buffer":
            buffers += e.numel
        elif e.lazy:
            lazy += 1
        else:
            params += e.numel
            trainable += e.numel if e.requires_grad else 0
    return Totals(params, trainable, buffers, lazy)


def module_expression(key: str, net: nn.Module, root: str = "net") -> str:
    """How to reach a module in code: ``"0.block 1.0"`` -> ``"net[0][1][0]"``.

    Children of a Sequential are indexed by position, which works for named children
    too (``net[0]`` is ``net.hidden``), so the expression is valid for every key.
    """
    expr, module = root, net
    for part in key.split(".") if key else ():
        names = [n for n, _ in module.named_children()]
        expr += f"[{names.index(part)}]"
        module = module._modules[part]
    return expr


def state_dict_text(net: nn.Module, key: str = "") -> str:
    """What ``print(net[2].state_dict())`` prints for the module at ``key`` ("" = the model)."""
    import torch

    module = net.get_submodule(key)
    with torch.no_grad():
        return repr(module.state_dict())
