"""PyTorch code for a :class:`ModelSpec`: a runnable ``.py`` that builds the same model.

Nested blocks become nested ``nn.Sequential`` (built from an ``OrderedDict`` when a
child has a given name, so the ``state_dict`` keys match), and a tied layer becomes one
variable used at each place, as the book writes its ``shared`` layer. Arguments equal to
PyTorch's defaults are left out; required ones are written positionally (``nn.Linear(20, 256)``).

Modules are created in the order the app's build creates them (depth-first, a tied layer
at its first use), so ``torch.manual_seed(seed)`` gives the same weights. A ``shared``
variable is created before ``net``; a layer with parameters that comes before the last
tie's first use is therefore created before it too, as a variable named after its place
(``layer0 = nn.Linear(4, 8)``, then ``shared = nn.Linear(8, 8)``).
"""

from __future__ import annotations

import inspect
import keyword
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import Any

from explorer.core.build import takes_factory_kwargs
from explorer.core.catalog import layer_type
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, child_key

INDENT = "    "


def _literal(value: Any) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


@cache
def _torch_defaults(type_name: str) -> dict[str, Any]:
    """PyTorch's own defaults (the catalog may suggest others, e.g. ``Softmax(dim=-1)``)."""
    params = inspect.signature(layer_type(type_name).torch_class().__init__).parameters
    return {n: p.default for n, p in params.items() if p.default is not inspect.Parameter.empty}


#: ``(id(layer), dtype) -> (layer, call)``: specs are immutable and an edit keeps the layers
#: it does not touch, so the Code tab's text of a 1,000-layer model is mostly calls made
#: before. The layer is held, so its id cannot be reused while it is here.
_CALLS: dict[tuple[int, str], tuple[LayerSpec, str]] = {}
_CALLS_LIMIT = 100_000


def layer_call(layer: LayerSpec, dtype: str = "float32") -> str:
    """``nn.Linear(20, 256)``, ``nn.Dropout(p=0.5)``: the constructor call of one layer.

    In a model of another ``dtype`` a layer that creates tensors gets it as an argument
    (``nn.Linear(20, 256, dtype=torch.float64)``), as the app builds it: the initializers
    then draw in that dtype, and float64 draws are not float32 draws cast afterwards.
    """
    hit = _CALLS.get((id(layer), dtype))
    if hit is not None and hit[0] is layer:
        return hit[1]
    call = _layer_call(layer)
    if dtype != "float32" and takes_factory_kwargs(layer.type):
        call = f"{call[:-1]}{', ' if not call.endswith('()') else ''}dtype=torch.{dtype})"
    if len(_CALLS) >= _CALLS_LIMIT:
        _CALLS.clear()
    _CALLS[(id(layer), dtype)] = (layer, call)
    return call


def _layer_call(layer: LayerSpec) -> str:
    lt = layer_type(layer.type)
    defaults = _torch_defaults(layer.type)
    parts: list[str] = []
    positional = True
    for a in lt.args:
        value = layer.args.get(a.name, a.default)
        if a.required and positional:
            parts.append(_literal(value))
            continue
        positional = False
        if a.name in defaults and _same(value, defaults[a.name]):
            continue
        parts.append(f"{a.name}={_literal(value)}")
    return f"nn.{layer.type}({', '.join(parts)})"


def _same(value: Any, default: Any) -> bool:
    return type(value) is type(default) and value == default


def _tie_variables(spec: ModelSpec) -> dict[str, tuple[str, LayerSpec]]:
    """tie key -> (variable name, first use), in order of first use."""
    firsts: dict[str, LayerSpec] = {}
    for _, layer in spec.layers():
        if layer.tie is not None:
            firsts.setdefault(layer.tie, layer)
    names: dict[str, tuple[str, LayerSpec]] = {}
    for n, (tie, layer) in enumerate(firsts.items(), start=1):
        var = "shared" if len(firsts) == 1 else f"shared{n}"
        names[tie] = (var, layer)
    return names


#: Names the generated module already uses; a layer's variable never takes one of them.
_TAKEN = frozenset({"torch", "nn", "OrderedDict", "X"})


def _early_variables(
    spec: ModelSpec,
    ties: Mapping[str, tuple[str, LayerSpec]],
    variable: str,
    order: list[tuple[tuple[int, ...], LayerSpec]],
) -> dict[str, str]:
    """layer id -> variable, for the layers that must be created before the shared ones.

    The app builds depth-first and creates a tied module at its first use. The tied
    variables are created before ``net``, so every layer that draws random numbers and
    comes before the last tie's first use is created before it, in the same order.
    Layers without parameters draw nothing and stay inline. ``order``: ``spec.layers()``.
    """
    firsts = {layer.id for _, layer in ties.values()}
    if not firsts:
        return {}
    last = max(i for i, (_, layer) in enumerate(order) if layer.id in firsts)
    taken = set(_TAKEN) | {var for var, _ in ties.values()} | {variable}
    early: dict[str, str] = {}
    for path, layer in order[:last]:
        if layer.tie is not None or not layer_type(layer.type).has_params:
            continue
        var = _variable_for(spec, path, taken)
        taken.add(var)
        early[layer.id] = var
    return early


def _variable_for(spec: ModelSpec, path: tuple[int, ...], taken: set[str]) -> str:
    """``layer0``, ``layer1_0`` (``net[1][0]``), or a given name: ``hidden``, ``body_hidden``."""
    keys, children = [], spec.children
    for i in path:
        node = children[i]
        keys.append(child_key(node, i))
        children = node.children if isinstance(node, BlockSpec) else ()
    stem = "_".join(keys)
    var = stem if stem.isidentifier() and not keyword.iskeyword(stem) else f"layer{stem}"
    if not var.isidentifier():
        var = "layer_" + "".join(c if c.isalnum() else "_" for c in stem)
    base, n = var, 2
    while var in taken:
        var, n = f"{base}_{n}", n + 1
    return var


def _sequential(
    children: tuple[Node, ...],
    ties: Mapping[str, tuple[str, LayerSpec]],
    depth: int,
    early: Mapping[str, str],
    dtype: str = "float32",
) -> str:
    pad = INDENT * (depth + 1)
    named = any(c.name is not None for c in children)
    items = []
    for i, child in enumerate(children):
        if isinstance(child, BlockSpec):
            expr = _sequential(child.children, ties, depth + 1, early, dtype)
        elif child.tie is not None:
            expr = ties[child.tie][0]
        elif child.id in early:
            expr = early[child.id]
        else:
            expr = layer_call(child, dtype)
        item = f"({child_key(child, i)!r}, {expr})" if named else expr
        items.append(f"{item},{_guess_comment(child)}")
    if not items:
        return "nn.Sequential()"
    body = "".join(f"{pad}{item}\n" for item in items)
    close = INDENT * depth
    if named:
        return f"nn.Sequential(OrderedDict([\n{body}{close}]))"
    return f"nn.Sequential(\n{body}{close})"


def _guess_comment(node: Node) -> str:
    """``  # guessed: ...`` for a layer an import inferred beyond its file."""
    if not node.guessed:
        return ""
    return "  # guessed: " + " ".join(node.guessed.split())


#: The note on top of a seeded script whose weights are no longer the window's. "may": a
#: layer added right after an open draws what the script draws next, by chance.
WEIGHTS_NOTE = (
    "# The window's weights are no longer the ones this seed built (a layer with weights\n"
    "# added or changed, a step, a load, an init or another seed since), so this script may\n"
    "# print other values than Forward; Run > Reset weights rebuilds them from the seed.\n"
)


def model_code(
    spec: ModelSpec,
    variable: str = "net",
    seed: int | None = None,
    input_kind: str = "rand",
    weights_match: bool = True,
) -> str:
    """The whole runnable module text; executing it defines ``variable`` (an ``nn.Sequential``).

    Without ``seed``, run as a script it prints the output shape of a random input of
    the model's input shape. With ``seed`` it starts with ``torch.manual_seed(seed)``, so
    the modules are constructed with the weights the app gives a model opened with that
    seed, and it prints the output of the app's input (``input_kind``: rand, randn,
    ones or zeros) exactly as the app's Forward shows it. ``weights_match=False`` says
    the app's weights are no longer those (:data:`WEIGHTS_NOTE` on top, and the seed's
    comment says so): the code is the same, but its output is not the window's.
    """
    ties = _tie_variables(spec)
    uses_dict = any(
        any(c.name is not None for c in node.children)
        for _, node in spec.walk()
        if isinstance(node, BlockSpec)
    ) or any(c.name is not None for c in spec.children)
    lines = ['"""A model built with NN Explorer."""', ""]
    if seed is not None and not weights_match:
        lines[:0] = WEIGHTS_NOTE.splitlines()
    if uses_dict:
        lines.append("from collections import OrderedDict")
        lines.append("")
    lines += ["import torch", "from torch import nn", ""]
    if seed is not None:
        says = "the seed decides the weights"
        if not weights_match:
            says = "the weights this seed builds; the window's changed (see the note on top)"
        lines += [f"torch.manual_seed({int(seed)})  # {says}", ""]
    early: dict[str, str] = {}
    if ties:  # a model without ties takes no extra pass (the Code tab of 1,000 layers)
        order = list(spec.layers())
        early = _early_variables(spec, ties, variable, order)
        if early:
            lines.append("# created in the order the app builds them, so the seed gives its weights")
        uses = Counter(layer.tie for _, layer in order if layer.tie is not None)
        shared = {layer.id: var for var, layer in ties.values()}
        for _, layer in order:
            if layer.id in early:
                lines.append(f"{early[layer.id]} = {layer_call(layer, spec.dtype)}")
            elif layer.id in shared:
                n = uses[layer.tie]
                call = layer_call(layer, spec.dtype)
                lines.append(f"{shared[layer.id]} = {call}  # one module, used {n} times (tied)")
        lines.append("")
    lines.append(f"{variable} = {_sequential(spec.children, ties, 0, early, spec.dtype)}")
    shape = ", ".join(str(d) for d in spec.input_shape)
    dtype = "" if spec.dtype == "float32" else f", dtype=torch.{spec.dtype}"
    if seed is None or input_kind not in ("rand", "randn", "ones", "zeros"):
        main = [f"{INDENT}X = torch.rand({shape}{dtype})", f"{INDENT}print({variable}(X).shape)"]
    else:
        if input_kind in ("ones", "zeros"):
            make = f"torch.{input_kind}({shape}{dtype})"
        else:
            fn = "randn" if input_kind == "randn" else "rand"
            make = f"torch.{fn}({shape}, generator=torch.Generator().manual_seed({int(seed)}){dtype})"
        main = [f"{INDENT}X = {make}", f"{INDENT}print({variable}(X))"]
    lines += ["", 'if __name__ == "__main__":', *main, ""]
    return "\n".join(lines)
