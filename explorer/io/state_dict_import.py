"""A bare state dict becomes a model: infer an ``nn.Sequential`` spec from keys and shapes.

Layers come from the tensors under each module name: a 2-D ``weight`` (and ``bias``) is a
``Linear``, a 4-D one a ``Conv2d`` (3-D ``Conv1d``), ``running_mean``/``running_var`` a
``BatchNorm``, a 1-D ``weight``+``bias`` a ``LayerNorm``. A gap in the indices
(``0.weight``, ``2.weight``: nothing at 1) is a layer without parameters, which the file
cannot name: ``ReLU`` is assumed (``Flatten`` between a convolution and a ``Linear``) and
the layer is reported as guessed so the user can choose. Named keys (``hidden.weight``)
keep their names, and between two named ``Linear`` layers a ``ReLU`` is assumed, as in the
book's ``MLP`` class. Tensors stored once under two names (tied layers) become one tied
layer.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError
from explorer.core.spec import DTYPES, BlockSpec, LayerSpec, ModelSpec, Node, validate

if TYPE_CHECKING:
    import torch


class ImportError_(ExplorerError):  # noqa: N801 - avoid shadowing the builtin
    """The state dict cannot be read as an ``nn.Sequential``."""


@dataclass
class ImportResult:
    """The inferred spec, and the layers the file could not tell (marked for the user)."""

    spec: ModelSpec
    guessed: list[tuple[str, str]] = field(default_factory=list)  # (key, what was assumed)
    guessed_ids: list[str] = field(default_factory=list)
    net: Any = None  # the built model with the weights loaded (import_state_file)


class _Node:
    def __init__(self) -> None:
        self.children: OrderedDict[str, _Node] = OrderedDict()
        self.params: OrderedDict[str, Any] = OrderedDict()


def _tree(state: dict[str, torch.Tensor]) -> _Node:
    root = _Node()
    for key, t in state.items():
        *parts, attr = key.split(".")
        node = root
        for p in parts:
            node = node.children.setdefault(p, _Node())
        node.params[attr] = t
    return root


def _layer_for(key: str, params: dict[str, Any], prev: str | None) -> LayerSpec:
    """The layer whose state dict entries are ``params`` (``weight``, ``bias``, ...)."""
    w, b = params.get("weight"), params.get("bias")
    names = set(params)
    L = LayerSpec.make
    if "running_mean" in names or "running_var" in names:
        n = int(params.get("running_mean", params.get("running_var")).shape[0])
        kind = "BatchNorm2d" if prev in ("Conv2d", "BatchNorm2d") else "BatchNorm1d"
        return L(kind, num_features=n, affine=w is not None)
    if w is None:
        raise ImportError_(f"{key}: cannot tell the layer from {', '.join(sorted(names))}")
    if w.dim() == 2:
        return L("Linear", in_features=w.shape[1], out_features=w.shape[0], bias=b is not None)
    if w.dim() in (3, 4):
        kind = "Conv2d" if w.dim() == 4 else "Conv1d"
        kernel = tuple(int(k) for k in w.shape[2:])
        return L(
            kind,
            in_channels=int(w.shape[1]),
            out_channels=int(w.shape[0]),
            kernel_size=kernel if len(kernel) > 1 else kernel[0],
            bias=b is not None,
        )
    if w.dim() == 1 and b is None and w.shape[0] == 1:
        return L("PReLU", num_parameters=1)
    if w.dim() == 1:
        return L("LayerNorm", normalized_shape=(int(w.shape[0]),), bias=b is not None)
    raise ImportError_(f"{key}.weight has shape {tuple(w.shape)}: no layer type fits")


def _tensor_ptrs(node: _Node) -> tuple:
    return tuple(
        (k, t.untyped_storage().data_ptr(), tuple(t.shape)) for k, t in node.params.items()
    )


def infer_spec(state: dict[str, torch.Tensor]) -> ImportResult:
    """Infer an ``nn.Sequential`` spec whose ``state_dict()`` keys and shapes equal ``state``'s."""
    if not state:
        raise ImportError_("the state dict is empty")
    result = ImportResult(ModelSpec())
    ties: dict[tuple, str] = {}
    prev: list[str | None] = [None]  # the previous layer type with parameters

    def gap(key: str, next_type: str | None) -> LayerSpec:
        conv_before = prev[0] in ("Conv2d", "Conv1d", "BatchNorm2d")
        kind = "Flatten" if conv_before and next_type == "Linear" else "ReLU"
        if kind == "Flatten":
            prev[0] = kind
        layer = LayerSpec.make(kind)
        result.guessed.append((key, f"not in the file (no parameters): {kind} assumed"))
        result.guessed_ids.append(layer.id)
        return layer

    def layer(key: str, node: _Node, name: str | None) -> LayerSpec:
        made = _layer_for(key, node.params, prev[0])
        tie = None
        ptrs = _tensor_ptrs(node)
        if all(p[1] for p in ptrs):
            tie = ties.setdefault(ptrs, f"tie{len(ties) + 1}")
        prev[0] = made.type
        return LayerSpec(made.type, made.args, name=name, tie=tie)

    def seq(node: _Node, prefix: str) -> tuple[Node, ...]:
        if node.params:
            raise ImportError_(
                f"{prefix or 'the root'} has both tensors ({', '.join(node.params)}) and "
                "sub-modules: not an nn.Sequential"
            )
        names = list(node.children)
        numeric = all(n.isdigit() for n in names)
        out: list[Node] = []
        if numeric:
            by_index = {int(n): n for n in names}
            for i in range(max(by_index) + 1):
                key = f"{prefix}{i}"
                if i not in by_index:
                    nxt = next((j for j in sorted(by_index) if j > i), None)
                    adjacent = nxt == i + 1
                    nxt_type = _peek(node.children[by_index[nxt]]) if adjacent else None
                    out.append(gap(key, nxt_type))
                    continue
                out.append(child(node.children[by_index[i]], key, None))
            return tuple(out)
        for n in names:
            sub = node.children[n]
            if out and isinstance(out[-1], LayerSpec) and out[-1].type == "Linear":
                if _peek(sub) == "Linear":
                    out.append(gap(f"{prefix}{len(out)}", "Linear"))
            out.append(child(sub, f"{prefix}{n}", None if n == str(len(out)) else n))
        return tuple(out)

    def child(sub: _Node, key: str, name: str | None) -> Node:
        if sub.children:
            return BlockSpec(children=seq(sub, key + "."), name=name)
        return layer(key, sub, name)

    def _peek(sub: _Node) -> str | None:
        while sub.children:
            sub = next(iter(sub.children.values()))
        w = sub.params.get("weight")
        return "Linear" if w is not None and w.dim() == 2 else None

    children = seq(_tree(state), "")
    counts: dict[str, int] = {}
    for n in _layers(children):
        if n.tie:
            counts[n.tie] = counts.get(n.tie, 0) + 1
    children = _untie_singles(children, {t for t, c in counts.items() if c > 1})
    first = next(iter(_layers(children)))
    dtype = next((str(t.dtype)[6:] for t in state.values() if t.is_floating_point()), "float32")
    spec = ModelSpec(
        children=children,
        input_shape=_input_shape(first),
        dtype=dtype if dtype in DTYPES else "float32",
    )
    try:
        result.spec = validate(spec)
    except ExplorerError as e:
        raise ImportError_(f"the inferred model is not valid: {e}") from None
    return result


def _layers(children: tuple[Node, ...]):
    for n in children:
        if isinstance(n, BlockSpec):
            yield from _layers(n.children)
        else:
            yield n


def _untie_singles(children: tuple[Node, ...], keep: set[str]) -> tuple[Node, ...]:
    out: list[Node] = []
    for n in children:
        if isinstance(n, BlockSpec):
            out.append(BlockSpec(_untie_singles(n.children, keep), n.name, n.collapsed, n.id))
        elif n.tie is not None and n.tie not in keep:
            out.append(LayerSpec(n.type, n.args, n.name, None, n.id))
        else:
            out.append(n)
    return tuple(out)


def _input_shape(first: LayerSpec) -> tuple[int, ...]:
    a = first.args
    if first.type == "Linear":
        return (2, a["in_features"])
    if first.type == "Conv2d":
        return (1, a["in_channels"], 28, 28)
    if first.type == "Conv1d":
        return (1, a["in_channels"], 32)
    if first.type in ("BatchNorm1d", "BatchNorm2d"):
        return (
            (2, a["num_features"]) if first.type == "BatchNorm1d" else (2, a["num_features"], 8, 8)
        )
    if first.type == "LayerNorm":
        return (2, *a["normalized_shape"])
    return (2, 20)


def import_state_file(path, output=None, device: str = "cpu") -> ImportResult:
    """Read a state dict file, infer its model, check that the weights load strictly.

    With ``output``, write the project there (``.nnx`` keeps the weights; a ``.nnx.json``
    file holds the architecture only).
    """
    from pathlib import Path

    from explorer.core.build import build
    from explorer.io.checkpoints import load_into, read_state_file
    from explorer.io.project import Project, save_project

    loaded = read_state_file(path, device)
    result = infer_spec(loaded.state)
    net = build(result.spec, device=device)
    load_into(net, loaded, strict=True, target_device=device)
    if output is not None:
        title = Path(path).stem
        save_project(Project(result.spec, title, weights=net.state_dict()), output)
    result.net = net
    return result
