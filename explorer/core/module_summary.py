"""The summary table of any ``nn.Module`` (a learner's class), in the rows of a spec's.

The module runs once on ``meta`` tensors (no memory, no compute) with forward hooks on
every submodule; rows follow ``named_modules()`` (its parameters counted once, as
``parameters()`` does); a module that ``forward`` calls twice gets a second, shared row
for its second call (the hooks fire twice), as a tied layer's second use does in a
Sequential. FLOPs come from torch's ``FlopCounterMode``, per call. A failing forward is reported on the row of the
innermost module that was running, with the message the caller's ``forward`` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
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

    param = next(net.parameters(), None)
    dtype = param.dtype if param is not None else torch.float32
    x = torch.empty(input_shape, device="meta", dtype=dtype)
    run = hooked_forward(net, x, forward)
    rows = module_rows(net, run)
    total = sum(p.numel() for p in net.parameters())
    itemsize = torch.empty((), dtype=dtype).element_size()
    return ShapeReport(
        input_shape=tuple(input_shape),
        rows=rows,
        total_params=total,
        trainable_params=sum(p.numel() for p in net.parameters() if p.requires_grad),
        total_flops=run.total_flops,
        param_bytes=total * itemsize,
        output_shape=_shape(run.output) if run.error is None else None,
        error=run.error,
    )


@dataclass
class HookedRun:
    """What one forward pass with hooks on every submodule saw (see :func:`hooked_forward`)."""

    output: Any
    ins: dict[str, Shape | None]  # first input shape of each submodule that ran, by key
    outs: dict[str, Shape | None]
    flops: dict[str, int]  # FlopCounterMode's per-module counts (all calls), keyed "Root.key"
    total_flops: int
    error: ShapeError | None  # an ExplorerError from ``forward``, on the module running
    #: key -> (input shape, output shape, FLOPs) of each call that finished, in order
    calls: dict[str, list[tuple[Shape | None, Shape | None, int]]] = field(default_factory=dict)


def hooked_forward(
    net: nn.Module, x: Any, forward: Callable[[nn.Module, Any], Any] | None = None
) -> HookedRun:
    """Run ``forward(net, x)`` (default ``net(x)``) once with hooks on every submodule.

    The hooks record each submodule's first input and output shape under its
    ``named_modules()`` key, the shapes and FLOPs of every call of it (``calls``), and
    FLOPs are counted per module. An :class:`ExplorerError`
    is kept as the run's error, on the innermost module that was running; any other
    exception propagates (the hooks are removed either way).
    """
    from torch.utils.flop_counter import FlopCounterMode

    modules = list(net.named_modules())
    ins: dict[str, Shape | None] = {}
    outs: dict[str, Shape | None] = {}
    calls: dict[str, list[tuple[Shape | None, Shape | None, int]]] = {}
    running: list[str] = []
    started: list[tuple[Shape | None, int]] = []  # input shape and FLOPs so far, per running
    counter = FlopCounterMode(display=False)
    handles = []
    for key, m in modules[1:]:

        def pre(_m, args, key=key):
            running.append(key)
            shape = _shape(args[0]) if args else None
            ins.setdefault(key, shape)
            started.append((shape, counter.get_total_flops()))

        def post(_m, _args, output, key=key):
            running.pop()
            shape, flops_before = started.pop()
            outs.setdefault(key, _shape(output))
            flops = counter.get_total_flops() - flops_before
            calls.setdefault(key, []).append((shape, _shape(output), flops))

        handles.append(m.register_forward_pre_hook(pre))
        handles.append(m.register_forward_hook(post))
    error: ShapeError | None = None
    output = None
    try:
        with counter:
            output = forward(net, x) if forward is not None else net(x)
    except ExplorerError as e:
        where = running[-1] if running else ""
        shape = tuple(x.shape) if hasattr(x, "shape") else ()
        error = ShapeError((), where, type(net).__name__, "", shape, str(e))
    finally:
        for h in handles:
            h.remove()
    flops = {k: int(sum(v.values())) for k, v in counter.get_flop_counts().items()}
    return HookedRun(output, ins, outs, flops, int(flops.get("Global", 0)), error, calls)


def module_rows(net: nn.Module, run: HookedRun | None = None) -> tuple[LayerRow, ...]:
    """One row per submodule of ``net``, in ``named_modules()`` order with its keys.

    A module is one row (``named_modules()`` lists it once) and a parameter shared by two
    modules is counted on the first; a block's row counts its subtree. A module that
    ``run`` saw called more than once also gets a row per later call (``call`` 2, 3...,
    ``shared``, no parameters), after its own subtree's rows: the first row then has the
    first call's shapes and FLOPs, each later row its own. Shapes and FLOPs come from
    ``run`` (None: no forward ran, no shapes). Parameters still uninitialized (a lazy
    layer before its first forward) count 0.
    """
    from torch.nn.parameter import is_lazy

    def numel(params, trainable=False) -> int:
        return sum(
            p.numel() for p in params if not is_lazy(p) and (p.requires_grad or not trainable)
        )

    labels: dict[tuple[type, str], str] = {}

    def label(m) -> str:
        # a torch.nn layer's label follows from its type and extra_repr(); checking that
        # it rebuilds (fx_convert) costs ~1 ms, so 100 equal layers are checked once
        if not type(m).__module__.startswith("torch.nn."):
            return module_label(m)
        key = (type(m), m.extra_repr())
        if key not in labels:
            labels[key] = module_label(m)
        return labels[key]

    root = type(net).__name__
    error = run.error if run is not None else None
    rows = []
    seen: set[int] = set()
    later: list[tuple[str, list[LayerRow]]] = []  # rows of later calls, after the subtree

    def close_subtrees(key: str) -> None:
        while later and not key.startswith(later[-1][0] + "."):
            rows.extend(later.pop()[1])

    for key, m in list(net.named_modules())[1:]:
        close_subtrees(key)
        block = bool(list(m.children()))
        own = [p for p in m.parameters() if id(p) not in seen] if not block else []
        seen.update(id(p) for p in own)
        params = list(m.parameters()) if block else own
        calls = run.calls.get(key, []) if run else []
        flops = int(run.flops.get(f"{root}.{key}", 0)) if run else 0
        row = LayerRow(
            path=(),
            key=key,
            type=type(m).__name__,
            label=label(m),
            depth=key.count("."),
            is_block=block,
            in_shape=run.ins.get(key) if run else None,
            out_shape=run.outs.get(key) if run else None,
            params=numel(params),
            trainable=numel(params, trainable=True),
            flops=calls[0][2] if len(calls) > 1 else flops,
            shared=False,
            reached=run is not None and key in run.ins,
            error=str(error) if error is not None and key == error.layer_key else None,
        )
        rows.append(row)
        if len(calls) > 1:
            again = [
                replace(
                    row,
                    in_shape=i,
                    out_shape=o,
                    params=0,
                    trainable=0,
                    flops=f,
                    shared=True,
                    error=None,
                    call=n,
                )
                for n, (i, o, f) in enumerate(calls[1:], start=2)
            ]
            later.append((key, again))
    close_subtrees("")
    return tuple(rows)
