"""The depth probe: one forward and backward after initializing, std per layer.

It shows vanishing or exploding signals before any training: on a deep tanh MLP with
PyTorch's default initialization the activations shrink layer after layer, while with
Xavier (gain 5/3 for tanh) they stay near constant.

The probe works on a deep copy (the live model's values and ``.grad`` are untouched):
input ``x ~ N(0, 1)`` of shape ``(batch, *input_shape[1:])``, forward layer by layer
(each position of a tied layer is its own row), then ``out.backward(g)`` with
``g ~ N(0, 1)``, a unit-variance gradient at the output, so no loss or target is needed.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.errors import Message
from explorer.core.init import InitError, LazyParameterError, Target, initialize, lazy_parameters

if TYPE_CHECKING:
    import torch
    from torch import nn


@dataclass(frozen=True)
class ProbeRow:
    """One layer position: std of its output, of the gradient at its output, of its weight's grad."""

    key: str
    layer: str
    act_std: float
    grad_std: float
    weight_grad_std: float | None


@dataclass(frozen=True)
class ProbeResult:
    """Plain data: a label (the scheme), the rows in forward order, the batch used."""

    label: str
    rows: tuple[ProbeRow, ...]
    batch: int


def _std(t: torch.Tensor | None) -> float:
    if t is None or t.numel() < 2:
        return float("nan")
    return float(t.detach().float().std())


def _forward(seq: nn.Module, x: torch.Tensor, prefix: str, record: list) -> torch.Tensor:
    from torch import nn

    # nn.Sequential.forward is this loop; _modules keeps both uses of a tied layer
    for key, child in seq._modules.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(child, nn.Sequential):
            x = _forward(child, x, full, record)
            continue
        x = child(x)
        if x.requires_grad:
            x.retain_grad()
        record.append((full, child, x))
    return x


def depth_probe(
    net: nn.Module, input_shape: tuple[int, ...], batch: int = 256, seed: int = 0, label: str = ""
) -> ProbeResult:
    """Run the probe on ``net`` as it is (a copy of it; ``net`` is not changed)."""
    import torch

    if lazy_parameters(net):
        raise LazyParameterError(lazy_parameters(net))
    work = copy.deepcopy(net)
    for p in work.parameters():
        p.grad = None
    first = next(iter(work.parameters()), None)
    device = first.device if first is not None else torch.device("cpu")
    dtype = first.dtype if first is not None and first.is_floating_point() else torch.float32
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn((batch, *input_shape[1:]), generator=gen, dtype=torch.float32)
    x = x.to(device=device, dtype=dtype)
    record: list = []
    try:
        out = _forward(work, x, "", record)
        if out.requires_grad:
            g = torch.randn(out.shape, generator=gen, dtype=torch.float32)
            out.backward(g.to(device=device, dtype=out.dtype))
    except (RuntimeError, ValueError) as e:
        detail = Message("{text}", text=(str(e).splitlines() or [type(e).__name__])[0])
        raise InitError(
            Message("the probe's forward/backward failed: {detail}", detail=detail)
        ) from None
    rows = []
    for key, module, y in record:
        w = getattr(module, "weight", None)
        w_grad = _std(w.grad) if isinstance(w, torch.Tensor) and w.grad is not None else None
        rows.append(ProbeRow(key, type(module).__name__, _std(y), _std(y.grad), w_grad))
    return ProbeResult(label, tuple(rows), batch)


def probe_scheme(
    net: nn.Module,
    input_shape: tuple[int, ...],
    scheme_name: str | None,
    args: Mapping[str, Any] | None = None,
    seed: int = 0,
    batch: int = 256,
    label: str = "",
) -> ProbeResult:
    """The probe after ``scheme_name`` on every weight with 2+ dimensions (None: values as they are)."""
    work = copy.deepcopy(net)
    if scheme_name is not None:
        import torch

        params = dict(work.named_parameters())
        names = [n for n in params if n.rpartition(".")[2].startswith("weight")]
        names = [n for n in names if params[n].dim() >= 2]
        if names:
            values = initialize(work, Target("parameter", tuple(names)), scheme_name, args, seed)
            with torch.no_grad():
                for n, v in values.items():
                    params[n].copy_(v)
    return depth_probe(work, input_shape, batch, seed, label or (scheme_name or "current values"))


def growth(result: ProbeResult) -> float:
    """Activation std of the last layer over the first (1: stable; << 1 vanishing; >> 1 exploding)."""
    stds = [r.act_std for r in result.rows if math.isfinite(r.act_std) and r.act_std > 0]
    if len(stds) < 2:
        return float("nan")
    return stds[-1] / stds[0]
