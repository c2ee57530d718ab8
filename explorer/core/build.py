"""Turn a :class:`ModelSpec` into a real ``nn.Sequential``.

The result has the same ``state_dict()`` keys, parameter shapes and module tree as the
same model written by hand; a tied layer is the same module object at each use.
Modules are constructed depth-first in spec order, so under the same seed the values
equal a hand-written model constructed in that order.
"""

from __future__ import annotations

import inspect
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from explorer.core.catalog import layer_type
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, child_key

if TYPE_CHECKING:
    import torch
    from torch import nn


def torch_dtype(name: str) -> torch.dtype:
    import torch

    return getattr(torch, name)


@cache
def takes_factory_kwargs(type_name: str) -> bool:
    params = inspect.signature(layer_type(type_name).torch_class().__init__).parameters
    return "device" in params and "dtype" in params


def make_layer(layer: LayerSpec, device: Any = None, dtype: Any = None) -> nn.Module:
    """Construct one layer's module with its validated arguments."""
    cls = layer_type(layer.type).torch_class()
    kwargs = dict(layer.args)
    if takes_factory_kwargs(layer.type):
        if device is not None:
            kwargs["device"] = device
        if dtype is not None:
            kwargs["dtype"] = dtype
    return cls(**kwargs)


def build(
    spec: ModelSpec,
    device: Any = None,
    dtype: Any = None,
    *,
    reuse: Callable[[LayerSpec], nn.Module | None] | None = None,
    modules_out: dict[str, nn.Module] | None = None,
) -> nn.Sequential:
    """Build the model.

    Parameters
    ----------
    spec : ModelSpec
    device, dtype : optional
        Where and in which dtype parameters are created (``"meta"`` for shape inference).
        ``dtype`` defaults to the spec's dtype.
    reuse : callable, optional
        Returns an existing module to use for a layer (keeping its weights), or None.
    modules_out : dict, optional
        Filled with ``layer id -> module`` (the tied uses map to the same module).
    """

    if dtype is None:
        dtype = torch_dtype(spec.dtype)
    shared: dict[str, nn.Module] = {}

    def module_for(layer: LayerSpec) -> nn.Module:
        if layer.tie is not None and layer.tie in shared:
            return shared[layer.tie]
        m = reuse(layer) if reuse is not None else None
        if m is None:
            m = make_layer(layer, device, dtype)
        if layer.tie is not None:
            shared[layer.tie] = m
        return m

    def seq(children: tuple[Node, ...]) -> nn.Sequential:
        items: OrderedDict[str, nn.Module] = OrderedDict()
        for i, node in enumerate(children):
            if isinstance(node, BlockSpec):
                m: nn.Module = seq(node.children)
            else:
                m = module_for(node)
            if modules_out is not None:
                modules_out[node.id] = m
            items[child_key(node, i)] = m
        return _sequential(items)

    return seq(spec.children)


def _sequential(items: OrderedDict[str, nn.Module]) -> nn.Sequential:
    """``nn.Sequential(items)``, with the children named by index set as add_module sets them.

    ``add_module`` checks that a name is not an attribute with ``hasattr``, which for a
    free name raises and catches an ``AttributeError`` inside ``Module.__getattr__``:
    ~3 ms of every rebuild of a 1,000-layer model. A name of ASCII digits is never an
    attribute, has no dot and is not empty, so when no global module registration hook
    is installed (``register_module_module_registration_hook``: they would see every
    child) such a child goes straight into ``_modules``, where ``add_module`` puts it.
    Other names go through ``add_module``, in order.
    """
    from torch import nn
    from torch.nn.modules import module as torch_module

    if getattr(torch_module, "_global_module_registration_hooks", True):
        return nn.Sequential(items)  # hooks installed (or a torch without the dict)
    seq = nn.Sequential()
    modules = seq._modules
    for name, m in items.items():
        if name.isdigit() and name.isascii() and isinstance(m, nn.Module):
            modules[name] = m
        else:
            seq.add_module(name, m)
    return seq


def module_at(net: nn.Module, spec: ModelSpec, path: tuple[int, ...]) -> nn.Module:
    """``net[i][j]...``: the module at a spec path, indexed by position as PyTorch does."""
    m = net
    for i in path:
        m = m[i]
    return m


#: ``id(layer) -> (layer, signature)``: specs are immutable and an edit keeps the layers it
#: does not touch, so each rebuild of a 1,000-layer model would otherwise sort and repr the
#: same arguments again. The layer is held, so its id cannot be reused while it is here.
_SIGNATURES: dict[int, tuple[LayerSpec, tuple]] = {}
_SIGNATURES_LIMIT = 100_000


def signature_of(layer: LayerSpec) -> tuple[str, tuple]:
    """What a module must match to be reused for ``layer`` (its type and arguments)."""
    hit = _SIGNATURES.get(id(layer))
    if hit is not None and hit[0] is layer:
        return hit[1]
    sig = layer.type, tuple(sorted((k, repr(v)) for k, v in layer.args.items()))
    if len(_SIGNATURES) >= _SIGNATURES_LIMIT:
        _SIGNATURES.clear()
    _SIGNATURES[id(layer)] = (layer, sig)
    return sig


def state_dict_keys(spec: ModelSpec) -> list[str]:
    """The keys ``build(spec).state_dict()`` has, computed on the meta device."""
    return list(build(spec, device="meta").state_dict().keys())


def count_params(net: nn.Module) -> int:
    """Parameters counted once each (tied uses once), as ``sum(p.numel() for p in net.parameters())``."""
    from torch.nn.parameter import UninitializedParameter

    return sum(0 if isinstance(p, UninitializedParameter) else p.numel() for p in net.parameters())


def seeded_state_dict(spec: ModelSpec, seed: int) -> dict[str, torch.Tensor]:
    """Fresh weights as ``torch.manual_seed(seed)`` then building the model by hand gives them.

    Returns detached CPU tensors keyed like ``state_dict()``, for a "Reset weights" that can
    be undone (the caller keeps the old values).
    """
    import torch

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(int(seed))
        net = build(spec, device="cpu")
    return {k: v.detach().clone() for k, v in net.state_dict().items()}
