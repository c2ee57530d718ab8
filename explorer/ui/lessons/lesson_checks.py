"""The checks a lesson step can name: ``{"kind": "grad_doubled", "param": "0.weight"}``.

Each check is ``fn(window, params, memo) -> bool``; ``memo`` is a dict kept for the
current step (a check may remember a first value, such as the first gradient, or connect
to a signal; a callable under ``memo["cleanup"]`` runs when the step ends). Checks read
the model and the window, never change them. ``REQUIRED[kind]`` lists the parameters a
check needs, so a lesson file that forgets one is refused when it is loaded.
resources/lessons/README.md documents every check for lesson authors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any, dict, dict], bool]
CHECKS: dict[str, Check] = {}
REQUIRED: dict[str, tuple[str, ...]] = {}


def check(name: str, *required: str):
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        REQUIRED[name] = required
        return fn

    return register


def _param(window, name: str):
    """The live tensor (``.grad`` included) named ``name`` in ``state_dict()``, or None."""
    state = window.document.net.state_dict(keep_vars=True)
    return state.get(name)


def _values(window, name: str):
    t = _param(window, name)
    return None if t is None else t.detach()


def _on_cleanup(memo: dict, fn: Callable[[], None]) -> None:
    previous = memo.get("cleanup")

    def both():
        if previous:
            previous()
        fn()

    memo["cleanup"] = both


def _watch_signal(memo: dict, key: str, signal) -> None:
    """Count emissions of ``signal`` in ``memo[key]`` from now until the step ends."""
    if key in memo:
        return
    memo[key] = 0

    def seen(*_):
        memo[key] += 1

    signal.connect(seen)
    _on_cleanup(memo, lambda: signal.disconnect(seen))


# ----- the model's structure ------------------------------------------------------------


@check("spec_types", "types")
def _spec_types(window, p, memo) -> bool:
    """The model's top-level layers have exactly these types, in order."""
    from explorer.core.spec import LayerSpec

    types = [
        n.type if isinstance(n, LayerSpec) else "Sequential" for n in window.document.spec.children
    ]
    return types == list(p["types"])


@check("spec_names", "names")
def _spec_names(window, p, memo) -> bool:
    """The model's top-level children have exactly these keys (``hidden``, ``out``...)."""
    from explorer.core.spec import child_key

    keys = [child_key(n, i) for i, n in enumerate(window.document.spec.children)]
    return keys == list(p["names"])


@check("has_layer", "type")
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


@check("lazy_materialized")
def _lazy_materialized(window, p, memo) -> bool:
    from torch.nn.parameter import UninitializedParameter

    return not any(isinstance(t, UninitializedParameter) for t in window.document.net.parameters())


# ----- runs and gradients ---------------------------------------------------------------


@check("tensor_available")
def _tensor_available(window, p, memo) -> bool:
    return p.get("name", "output") in window.tensors


@check("grad_none", "param")
def _grad_none(window, p, memo) -> bool:
    t = _param(window, p["param"])
    return t is not None and getattr(t, "grad", None) is None


@check("grad_present", "param")
def _grad_present(window, p, memo) -> bool:
    t = _param(window, p["param"])
    return t is not None and getattr(t, "grad", None) is not None


@check("grad_doubled", "param")
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


@check("grad_zero", "param")
def _grad_zero(window, p, memo) -> bool:
    """``.grad`` is None or all zeros (after Zero grad)."""
    t = _param(window, p["param"])
    g = getattr(t, "grad", None)
    return g is None or not bool(g.any())


# ----- values ---------------------------------------------------------------------------


@check("parameter_selected", "name")
def _parameter_selected(window, p, memo) -> bool:
    return window.selection.parameter == p["name"]


@check("param_value", "name", "index", "value")
def _param_value(window, p, memo) -> bool:
    t = _values(window, p["name"])
    return t is not None and float(t[tuple(p["index"])]) == float(p["value"])


@check("all_equal", "name", "value")
def _all_equal(window, p, memo) -> bool:
    t = _values(window, p["name"])
    return t is not None and bool((t == p["value"]).all())


@check("zero_or_abs_at_least", "name", "value")
def _zero_or_abs_at_least(window, p, memo) -> bool:
    """Every value is 0 or at least ``value`` in size, some of each (the book's my_init)."""
    t = _values(window, p["name"])
    if t is None:
        return False
    zero = t == 0
    return (
        bool((zero | (t.abs() >= p["value"])).all()) and bool(zero.any()) and not bool(zero.all())
    )


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


# ----- modes, devices, controls ---------------------------------------------------------


@check("mode", "mode")
def _mode(window, p, memo) -> bool:
    return window.document.net.training == (p["mode"] == "train")


@check("device", "name")
def _device(window, p, memo) -> bool:
    """The model is on ``name``; with ``"chosen": true``, also picked in the Device box
    since the step began (so the step waits for the user even when already there)."""
    if p.get("chosen"):
        selector = window.part("device_selector", None)
        if selector is None:
            return False
        _watch_signal(memo, "activated", selector.activated)
        if not memo["activated"]:
            return False
    return window.document.device == p["name"]


@check("action_triggered", "name")
def _action_triggered(window, p, memo) -> bool:
    """The named action (objectName) was triggered since the step began; with
    ``"weights_changed": true``, the model's values were also written since (a load that
    was not cancelled)."""
    from PySide6.QtGui import QAction

    if "fired" not in memo:
        action = window.findChild(QAction, p["name"])
        if action is None:
            return False
        _watch_signal(memo, "fired", action.triggered)
        if p.get("weights_changed"):
            _watch_signal(memo, "written", window.document.weights_changed)
    if p.get("weights_changed") and not memo.get("written"):
        return False
    return bool(memo["fired"])


@check("checked", "name")
def _checked(window, p, memo) -> bool:
    """The checkable widget or action ``name`` is checked (``"value": false``: unchecked)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    target = window.findChild(QAction, p["name"]) or window.findChild(QWidget, p["name"])
    return target is not None and target.isChecked() == bool(p.get("value", True))


@check("tab_current", "name")
def _tab_current(window, p, memo) -> bool:
    widget = window.bottom_tabs.currentWidget()
    return widget is not None and widget.objectName() == p["name"]


@check("text_contains", "name", "text")
def _text_contains(window, p, memo) -> bool:
    """The label (or other widget with ``text()``) named ``name`` shows ``text``."""
    from PySide6.QtWidgets import QWidget

    widget = window.findChild(QWidget, p["name"])
    return widget is not None and hasattr(widget, "text") and p["text"] in widget.text()
