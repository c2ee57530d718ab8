"""The autograd graph of a model's loss, each node grouped by the layer that made it.

A forward runs with hooks on every leaf module: before the layer runs, the ``grad_fn``
of its input is noted; after, the nodes between its output and that input are the
layer's. Parameters' ``AccumulateGrad`` nodes are named by ``named_parameters()``
(``hidden.weight``) and grouped by their owner. The loss's own nodes have no group.
The model runs on a copy (batch-norm statistics of the real one stay as they are).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from explorer.core.autograd_graph import GraphNode, record_graph

if TYPE_CHECKING:
    from torch import nn


def model_loss_graph(
    net: nn.Module, x: Any, target: Any, loss_name: str
) -> tuple[tuple[GraphNode, ...], float]:
    """The graph of ``loss(net(x), target)`` and the loss's value."""
    import torch

    from explorer.core.losses import compute_loss

    model = copy.deepcopy(net)
    groups: dict[int, str] = {}
    handles = []

    for key, m in model.named_modules():
        if not key or any(True for _ in m.children()):
            continue

        def pre(_m, args):
            _m._explorer_inputs = {
                id(a.grad_fn) for a in args if isinstance(a, torch.Tensor) and a.grad_fn
            }

        def post(_m, _args, output, key=key):
            stop = getattr(_m, "_explorer_inputs", set())
            if not isinstance(output, torch.Tensor) or output.grad_fn is None:
                return
            todo = [output.grad_fn]
            while todo:
                fn = todo.pop()
                if fn is None or id(fn) in stop or id(fn) in groups:
                    continue
                if hasattr(fn, "variable"):
                    continue
                groups[id(fn)] = key
                todo.extend(f for f, _ in fn.next_functions)

        handles.append(m.register_forward_pre_hook(pre))
        handles.append(m.register_forward_hook(post))
    try:
        with torch.enable_grad():
            out = model(x)
            loss = compute_loss(loss_name, out, target)
    finally:
        for h in handles:
            h.remove()
        for m in model.modules():
            m.__dict__.pop("_explorer_inputs", None)
    names = {id(p): n for n, p in model.named_parameters()}
    return record_graph(loss.grad_fn, names, {}, groups), float(loss.detach())
