"""A bare state dict becomes a model: infer only what the file proves, mark every guess.

The file proves each layer with tensors and their shapes: a 2-D ``weight`` is a
``Linear``; a 3-/4-D one a ``Conv1d``/``Conv2d`` with its channels and kernel;
``running_mean``/``running_var`` a ``BatchNorm``. It does not prove layers without
parameters, a convolution's stride, padding, dilation or groups, a norm's ``eps``, nor
how the children of a block connect. Whatever the import fills in for those is marked
``guessed`` on the layer (shown on the canvas, kept in the project, written as a comment
in exported code) and listed in :attr:`ImportResult.guessed`.

Rules: keys keep the file's order (a safetensors file keeps only the order this app
recorded in its metadata; a foreign one sorted by name is refused when named children
would need an order). A gap in numeric indices (``0.weight``, ``2.weight``) is one layer
without parameters: ``between`` (ReLU by default, as the book's ``MLP`` needs), or
``Flatten`` where a convolution meets a ``Linear``. Between two named ``Linear`` layers
(the book's ``MLP`` class: ``hidden``, ``output``) ``between`` is inserted, unless it is
``none``. Nothing else is inserted. Tensors stored once under two names become one tied
layer.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message
from explorer.core.spec import DTYPES, BlockSpec, LayerSpec, ModelSpec, Node, validate
from explorer.io.checkpoints import storage_id

if TYPE_CHECKING:
    import torch

DEFAULT_BETWEEN = "relu"


class ImportError_(ExplorerError):  # noqa: N801 - avoid shadowing the builtin
    """The state dict cannot be read as an ``nn.Sequential``."""


@dataclass
class ImportResult:
    """The inferred spec, and every guess (also marked on the layers themselves)."""

    spec: ModelSpec
    guessed: list[tuple[str, str]] = field(default_factory=list)  # (key, what was assumed)
    guessed_ids: list[str] = field(default_factory=list)
    net: Any = None  # the built model with the weights loaded (import_state_file)
    kind: str = "state dict"  # or "pickled model", "TorchScript"
    weights_written: bool = False


def between_choices() -> dict[str, str | None]:
    """``--between`` values: ``none`` and every parameter-free layer type, lower case."""
    from explorer.core.catalog import catalog

    out: dict[str, str | None] = {"none": None}
    for name, lt in catalog().items():
        if not lt.has_params and name not in ("Flatten", "Unflatten", "AdaptiveAvgPool2d"):
            if all(not a.required for a in lt.args):
                out[name.lower()] = name
    return out


def _between_type(between: str | None) -> str | None:
    if between is None:
        return None
    choices = between_choices()
    key = between.strip().lower()
    if key not in choices:
        raise ImportError_(
            Message(
                "--between {value}: choose one of {choices}",
                value=between,
                choices=", ".join(choices),
            )
        )
    return choices[key]


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


_CONV_GUESS = "stride, padding, dilation not in the file: 1, 0, 1 assumed"


def _layer_for(key: str, params: dict[str, Any], prev: str | None, channels: int | None):
    """``(layer, guess or None)`` for the tensors ``params`` of one module."""
    w, b = params.get("weight"), params.get("bias")
    names = set(params)
    L = LayerSpec.make
    if "running_mean" in names or "running_var" in names:
        n = int(params.get("running_mean", params.get("running_var")).shape[0])
        two_d = prev in ("Conv2d", "BatchNorm2d")
        kind = "BatchNorm2d" if two_d else "BatchNorm1d"
        guess = Message("eps, momentum not in the file: PyTorch's defaults assumed")
        if prev is None:
            guess = Message(
                "{kind} assumed (no layer before it says 1d or 2d); {rest}", kind=kind, rest=guess
            )
        return L(kind, num_features=n, affine=w is not None), guess
    if w is None:
        raise ImportError_(
            Message(
                "{key}: cannot tell the layer from {names}", key=key, names=", ".join(sorted(names))
            )
        )
    if w.dim() == 2:
        return L(
            "Linear", in_features=w.shape[1], out_features=w.shape[0], bias=b is not None
        ), None
    if w.dim() in (3, 4):
        kind = "Conv2d" if w.dim() == 4 else "Conv1d"
        kernel = tuple(int(k) for k in w.shape[2:])
        out, cin = int(w.shape[0]), int(w.shape[1])
        groups, guess = 1, Message(_CONV_GUESS)
        if channels and channels != cin and channels % cin == 0 and out % (channels // cin) == 0:
            groups = channels // cin
            guess = Message(
                "{rest}; groups={groups} inferred from the {channels} channels before it",
                rest=guess,
                groups=groups,
                channels=channels,
            )
        return L(
            kind,
            in_channels=cin * groups,
            out_channels=out,
            kernel_size=kernel if len(kernel) > 1 else kernel[0],
            groups=groups,
            bias=b is not None,
        ), guess
    if w.dim() == 1 and b is None and w.shape[0] == 1:
        return L("PReLU", num_parameters=1), Message("PReLU assumed (a single weight, no bias)")
    if w.dim() == 1:
        layer = L("LayerNorm", normalized_shape=(int(w.shape[0]),), bias=b is not None)
        return layer, "LayerNorm assumed (GroupNorm stores the same tensors); eps assumed"
    raise ImportError_(
        Message("{key}.weight has shape {shape}: no layer type fits", key=key, shape=tuple(w.shape))
    )


def _tensor_ptrs(node: _Node) -> tuple:
    return tuple((k, storage_id(t), tuple(t.shape)) for k, t in node.params.items())


def _out_channels(layer: LayerSpec, channels: int | None) -> int | None:
    a = layer.args
    if layer.type in ("Conv1d", "Conv2d"):
        return a["out_channels"]
    if layer.type in ("BatchNorm1d", "BatchNorm2d"):
        return a["num_features"]
    if layer.type == "Linear":
        return None
    return channels


def infer_spec(
    state: dict[str, torch.Tensor],
    between: str | None = DEFAULT_BETWEEN,
    ordered: bool = True,
    input_shape: tuple[int, ...] | None = None,
) -> ImportResult:
    """Infer an ``nn.Sequential`` whose ``state_dict()`` keys and shapes equal ``state``'s.

    Parameters
    ----------
    between : str or None
        The parameter-free layer assumed in numeric gaps and between named ``Linear``
        layers (a key of :func:`between_choices`); ``"none"``: nothing between named
        layers, ``Identity`` in numeric gaps.
    ordered : bool
        Whether ``state``'s key order is the model's (False for a foreign safetensors
        file): then named children are refused rather than put in an invented order.
    input_shape : tuple, optional
        The model input; by default proven by the first layer or a marked guess.
    """
    if not state:
        raise ImportError_(Message("the state dict is empty"))
    between_type = _between_type(between)
    result = ImportResult(ModelSpec())
    ties: dict[tuple, str] = {}
    prev: list[Any] = [None, None]  # the previous layer type with parameters, its channels

    def guessed(layer: Node, key: str, what: str) -> Node:
        result.guessed.append((key, what))
        result.guessed_ids.append(layer.id)
        return replace(layer, guessed=what)

    def gap(key: str, next_type: str | None, name: str | None = None) -> LayerSpec:
        conv_before = prev[0] in ("Conv2d", "Conv1d", "BatchNorm2d")
        if conv_before and next_type == "Linear":
            kind = "Flatten"
            why = Message("Flatten assumed (a convolution's output reaches a Linear)")
            prev[0] = kind
        else:
            kind = between_type or "Identity"
            why = Message(
                "{kind} assumed (--between {between})", kind=kind, between=between or "none"
            )
        layer = LayerSpec.make(kind, name=name)
        return guessed(layer, key, Message("not in the file (no parameters): {why}", why=why))

    def layer(key: str, node: _Node, name: str | None) -> LayerSpec:
        made, guess = _layer_for(key, node.params, prev[0], prev[1])
        tie = None
        ptrs = _tensor_ptrs(node)
        if all(p[1] for p in ptrs):
            tie = ties.setdefault(ptrs, f"tie{len(ties) + 1}")
        prev[0], prev[1] = made.type, _out_channels(made, prev[1])
        out = LayerSpec(made.type, made.args, name=name, tie=tie)
        return guessed(out, key, guess) if guess else out

    def seq(node: _Node, prefix: str) -> tuple[Node, ...]:
        where = prefix[:-1] or Message("the root")
        if node.params:
            raise ImportError_(
                Message(
                    "{where} has both tensors ({tensors}) and sub-modules: not an nn.Sequential",
                    where=where,
                    tensors=", ".join(node.params),
                )
            )
        names = list(node.children)
        numeric = all(n.isdigit() for n in names)
        if not ordered and not numeric and len(names) > 1:
            raise ImportError_(
                Message(
                    "the file does not keep the order of {where}'s named children "
                    "({names}): safetensors sorts them by name, and the app "
                    "will not invent an order (a .pt file, or one saved by this app, keeps it)",
                    where=where,
                    names=", ".join(names[:4]),
                )
            )
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
        used = set(names)
        for n in names:
            sub = node.children[n]
            nxt = _peek(sub)
            after_linear = out and isinstance(out[-1], LayerSpec) and out[-1].type == "Linear"
            if between_type and after_linear and nxt == "Linear":
                gap_name = _free_name(between_type.lower(), used)
                out.append(gap(f"{prefix}{gap_name}", "Linear", gap_name))
            elif prev[0] in ("Conv2d", "Conv1d", "BatchNorm2d") and nxt == "Linear":
                gap_name = _free_name("flatten", used)
                out.append(gap(f"{prefix}{gap_name}", "Linear", gap_name))
            out.append(child(sub, f"{prefix}{n}", None if n == str(len(out)) else n))
        return tuple(out)

    def child(sub: _Node, key: str, name: str | None) -> Node:
        if sub.children:
            block = BlockSpec(children=seq(sub, key + "."), name=name)
            why = Message(
                "the file does not say how this block's children connect: a chain assumed"
            )
            return guessed(block, key, why)
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
    last = list(state)[-1].rsplit(".", 1)[0]
    result.guessed.append(
        (
            "model",
            Message(
                "layers after {last} have no parameters, so the file cannot show them: none added",
                last=last,
            ),
        )
    )
    dtype = next((str(t.dtype)[6:] for t in state.values() if t.is_floating_point()), "float32")
    spec = ModelSpec(children=children, dtype=dtype if dtype in DTYPES else "float32")
    try:
        spec = validate(spec)
    except ExplorerError as e:
        raise ImportError_(Message("the inferred model is not valid: {reason}", reason=e)) from None
    from explorer.io.input_guess import with_input_shape

    result.spec = with_input_shape(spec, input_shape, result)
    return result


def _free_name(base: str, used: set[str]) -> str:
    name, i = base, 2
    while name in used:
        name, i = f"{base}_{i}", i + 1
    used.add(name)
    return name


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
            out.append(replace(n, children=_untie_singles(n.children, keep)))
        elif n.tie is not None and n.tie not in keep:
            out.append(replace(n, tie=None))
        else:
            out.append(n)
    return tuple(out)


def import_state_file(path, output=None, device: str = "cpu", **options) -> ImportResult:
    """Import any model file on the CPU; see :func:`explorer.io.import_any.import_file`."""
    from explorer.io.import_any import import_file

    if device != "cpu":
        raise ImportError_(Message("imports are built on the CPU; move the model afterwards"))
    return import_file(path, output, **options)
