"""The summary table of any ``nn.Module`` (a learner's class), in the rows of a spec's.

The module runs once on ``meta`` tensors (no memory, no compute) with forward hooks on
every submodule; rows follow ``named_modules()`` (a module used twice is one row, its
parameters counted once, as ``parameters()`` does); FLOPs come from torch's
``FlopCounterMode``, per module. A failing forward is reported on the row of the
innermost module that was running, with the message the caller's ``forward`` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, ShapeError
from explorer.core.shapes import LayerRow, ShapeReport

if TYPE_CHECKING:
    from torch import nn

Shape = tuple[int, ...]


def _shape(value: Any) -> Shape | None:
    import torch

    if isinstance(value, torch.Tensor):
        return tuple(value.shape)
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], torch.Tensor):
        return tuple(value[0].shape)
    return None


def module_label(m: nn.Module) -> str:
    """``Linear(20 -> 256)`` for a palette layer, as the canvas writes it; else the repr line."""
    from explorer.core.catalog import key_args_text
    from explorer.core.fx_convert import ConversionError, layer_from_module

    try:
        layer = layer_from_module("", m)
        return key_args_text(layer.type, layer.args)
    except ConversionError:
        pass
    extra = m.extra_repr()
    return f"{type(m).__name__}({extra})" if extra else type(m).__name__


def summarize_module(
    net: nn.Module,
    input_shape: Shape,
    forward: Callable[[nn.Module, Any], Any] | None = None,
) -> ShapeReport:
    """Rows, totals and output shape of ``net`` (built on ``meta``) for ``input_shape``.

    ``forward(net, x)`` runs the model (default ``net(x)``); an :class:`ExplorerError`
    it raises is kept as the report's error with the rows reached so far.
    """
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    modules = list(net.named_modules())
    ins: dict[str, Shape | None] = {}
    outs: dict[str, Shape | None] = {}
    running: list[str] = []
    handles = []
    for key, m in modules[1:]:

        def pre(_m, args, key=key):
            running.append(key)
            ins.setdefault(key, _shape(args[0]) if args else None)

        def post(_m, _args, output, key=key):
            running.pop()
            outs.setdefault(key, _shape(output))

        handles.append(m.register_forward_pre_hook(pre))
        handles.append(m.register_forward_hook(post))
    param = next(net.parameters(), None)
    dtype = param.dtype if param is not None else torch.float32
    x = torch.empty(input_shape, device="meta", dtype=dtype)
    error: ShapeError | None = None
    output = None
    counter = FlopCounterMode(display=False)
    try:
        with counter:
            output = forward(net, x) if forward is not None else net(x)
    except ExplorerError as e:
        where = running[-1] if running else ""
        error = ShapeError((), where, type(net).__name__, "", input_shape, str(e))
    finally:
        for h in handles:
            h.remove()
    flops = {k: sum(v.values()) for k, v in counter.get_flop_counts().items()}
    root = type(net).__name__
    rows = []
    seen: set[int] = set()
    for key, m in modules[1:]:
        own = [p for p in m.parameters() if id(p) not in seen] if not list(m.children()) else []
        seen.update(id(p) for p in own)
        params = [p for p in m.parameters()] if list(m.children()) else own
        rows.append(
            LayerRow(
                path=(),
                key=key,
                type=type(m).__name__,
                label=module_label(m),
                depth=key.count("."),
                is_block=bool(list(m.children())),
                in_shape=ins.get(key),
                out_shape=outs.get(key),
                params=sum(p.numel() for p in params),
                trainable=sum(p.numel() for p in params if p.requires_grad),
                flops=int(flops.get(f"{root}.{key}", 0)),
                shared=False,
                reached=key in ins,
                error=str(error) if error is not None and key == error.layer_key else None,
            )
        )
    total = sum(p.numel() for p in net.parameters())
    itemsize = torch.empty((), dtype=dtype).element_size()
    return ShapeReport(
        input_shape=tuple(input_shape),
        rows=tuple(rows),
        total_params=total,
        trainable_params=sum(p.numel() for p in net.parameters() if p.requires_grad),
        total_flops=int(flops.get("Global", 0)),
        param_bytes=total * itemsize,
        output_shape=_shape(output) if error is None else None,
        error=error,
    )
