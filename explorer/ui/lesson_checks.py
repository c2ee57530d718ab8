"""The checks a lesson step can name: ``{"kind": "grad_doubled", "param": "0.weight"}``.

Each check is ``fn(window, params, memo) -> bool``; ``memo`` is a dict kept for the
current step (a check may remember a first value, such as the first gradient). Checks
read the model and the window, never change them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any, dict, dict], bool]
CHECKS: dict[str, Check] = {}


def check(name: str):
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return register


def _param(window, name: str):
    state = window.document.net.state_dict(keep_vars=True)
    return state.get(name)


@check("spec_types")
def _spec_types(window, p, memo) -> bool:
    """The model's top-level layers have exactly these types, in order."""
    from explorer.core.spec import LayerSpec

    types = [
        n.type if isinstance(n, LayerSpec) else "Sequential" for n in window.document.spec.children
    ]
    return types == list(p["types"])


@check("has_layer")
def _has_layer(window, p, memo) -> bool:
    return any(layer.type == p["type"] for _, layer in window.document.spec.layers())


@check("has_block")
def _has_block(window, p, memo) -> bool:
    from explorer.core.spec import BlockSpec

    return any(isinstance(n, BlockSpec) for _, n in window.document.spec.walk())


@check("tied")
def _tied(window, p, memo) -> bool:
    """Some layer is used at two places (one module, the book's ``shared``)."""
    ties = [layer.tie for _, layer in window.document.spec.layers() if layer.tie]
    return len(ties) != len(set(ties))


@check("tensor_available")
def _tensor_available(window, p, memo) -> bool:
    return p.get("name", "output") in window.tensors


@check("grad_none")
def _grad_none(window, p, memo) -> bool:
    t = _param(window, p["param"])
    return t is not None and getattr(t, "grad", None) is None


@check("grad_present")
def _grad_present(window, p, memo) -> bool:
    t = _param(window, p["param"])
    return t is not None and getattr(t, "grad", None) is not None


@check("grad_doubled")
def _grad_doubled(window, p, memo) -> bool:
    """The gradient became twice the first one seen: backward twice without zeroing."""
    import torch

    t = _param(window, p["param"])
    g = getattr(t, "grad", None)
    if g is None:
        memo.pop("first", None)
        return False
    if "first" not in memo:
        if torch.count_nonzero(g) == 0:
            return False
        memo["first"] = g.detach().clone()
        return False
    return bool(torch.allclose(g, 2 * memo["first"].to(g.device), rtol=1e-4, atol=1e-7))


@check("grad_zero")
def _grad_zero(window, p, memo) -> bool:
    t = _param(window, p["param"])
    g = getattr(t, "grad", None)
    return g is None or not bool(g.any())


@check("parameter_selected")
def _parameter_selected(window, p, memo) -> bool:
    return window.selection.parameter == p["name"]


@check("param_value")
def _param_value(window, p, memo) -> bool:
    t = _param(window, p["name"])
    return t is not None and float(t[tuple(p["index"])]) == float(p["value"])


@check("all_equal")
def _all_equal(window, p, memo) -> bool:
    t = _param(window, p["name"])
    return t is not None and bool((t == p["value"]).all())


@check("weights_changed")
def _weights_changed(window, p, memo) -> bool:
    """Parameter values changed since the step began (an initializer, a step, a load)."""
    import torch

    state = {
        k: v.detach().clone()
        for k, v in window.document.net.state_dict().items()
        if not isinstance(v, torch.nn.parameter.UninitializedParameter)
    }
    if "start" not in memo:
        memo["start"] = state
        return False
    start = memo["start"]
    return state.keys() != start.keys() or any(
        not torch.equal(v, start[k]) for k, v in state.items()
    )


@check("lazy_materialized")
def _lazy_materialized(window, p, memo) -> bool:
    from torch.nn.parameter import UninitializedParameter

    return not any(isinstance(t, UninitializedParameter) for t in window.document.net.parameters())


@check("mode")
def _mode(window, p, memo) -> bool:
    return window.document.net.training == (p["mode"] == "train")


@check("device")
def _device(window, p, memo) -> bool:
    return window.document.device == p["name"]


@check("action_triggered")
def _action_triggered(window, p, memo) -> bool:
    """The named action (objectName) was triggered since the step began."""
    from PySide6.QtGui import QAction

    if "connected" not in memo:
        action = window.findChild(QAction, p["name"])
        if action is None:
            return False
        memo["connected"] = action
        memo["fired"] = False

        def fired(*_):
            memo["fired"] = True

        action.triggered.connect(fired)
        memo["cleanup"] = lambda: action.triggered.disconnect(fired)
    return bool(memo.get("fired"))


@check("tab_current")
def _tab_current(window, p, memo) -> bool:
    widget = window.bottom_tabs.currentWidget()
    return widget is not None and widget.objectName() == p["name"]
