"""Shape, parameter and FLOP inference on the ``meta`` device (no memory, no compute).

:func:`infer_shapes` builds the model on ``meta``, runs it layer by layer and reports,
per node, the output shape, parameter count (tied parameters once) and FLOPs counted by
torch's own ``FlopCounterMode``. The first layer that cannot accept its input gets a
:class:`ShapeError` written from the layer's own arguments and the incoming shape
(meta errors are terse); the layers before it are still reported.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from explorer.core.build import signature_of
from explorer.core.catalog import key_args_text, layer_type
from explorer.core.errors import Message, ShapeError
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, Path, child_key

Shape = tuple[int, ...]


@dataclass(frozen=True)
class LayerRow:
    """One row of the summary: a layer or a block."""

    path: Path
    key: str  # PyTorch name, "3.1"
    type: str  # "Linear", or "Sequential" for a block
    label: str  # "Linear(20 -> 256)"
    depth: int
    is_block: bool
    in_shape: Shape | None
    out_shape: Shape | None
    params: int  # numel of the module's own parameters (a block: of its subtree, once each)
    trainable: int
    flops: int
    shared: bool  # a second (or later) use of a tied layer
    reached: bool  # False after the first error
    error: str | None = None
    call: int = 1  # 2, 3...: a later call of a module a Python class's forward runs again


@dataclass(frozen=True)
class ShapeReport:
    input_shape: Shape
    rows: tuple[LayerRow, ...]
    total_params: int
    trainable_params: int
    total_flops: int
    param_bytes: int
    output_shape: Shape | None
    error: ShapeError | None

    def row(self, path: Path) -> LayerRow:
        for r in self.rows:
            if r.path == path:
                return r
        raise KeyError(path)

    @property
    def ok(self) -> bool:
        return self.error is None


def _expectation(layer: LayerSpec, shape: Shape) -> tuple[Message, str] | None:
    """(expected, got) in words when ``shape`` cannot enter ``layer``; None if it can."""
    a = layer.args
    t = layer.type
    if t == "Linear":
        if shape[-1] != a["in_features"]:
            return Message("last dimension {n}", n=a["in_features"]), str(shape[-1])
    elif t in (
        "Conv1d",
        "Conv2d",
        "ConvTranspose2d",
        "LazyConv2d",
        "MaxPool1d",
        "MaxPool2d",
        "AvgPool2d",
        "AdaptiveAvgPool2d",
        "Dropout1d",
        "Dropout2d",
    ):
        d = 1 if t.endswith("1d") else 2
        if len(shape) not in (d + 1, d + 2):
            return (
                Message(
                    "a {a}-D or {b}-D input (N, C, {dims})",
                    a=d + 1,
                    b=d + 2,
                    dims="L" if d == 1 else "H, W",
                ),
                f"{len(shape)}-D {shape}",
            )
        if "in_channels" in a and shape[-d - 1] != a["in_channels"]:
            return Message(
                "dimension {dim} of size {n} (channels)", n=a["in_channels"], dim=len(shape) - d - 1
            ), str(shape[-d - 1])
    elif t in ("BatchNorm1d", "BatchNorm2d"):
        dims = (2, 3) if t == "BatchNorm1d" else (4,)
        if len(shape) not in dims:
            if len(dims) == 2:
                wanted = Message("a {a}-D or {b}-D input", a=dims[0], b=dims[1])
            else:
                wanted = Message("a {a}-D input", a=dims[0])
            return wanted, f"{len(shape)}-D {shape}"
        if shape[1] != a["num_features"]:
            return Message("dimension 1 of size {n} (features)", n=a["num_features"]), str(shape[1])
    elif t == "LayerNorm":
        ns = tuple(a["normalized_shape"])
        if tuple(shape[-len(ns) :]) != ns:
            return Message("trailing dimensions {dims}", dims=ns), str(tuple(shape[-len(ns) :]))
    elif t == "GroupNorm":
        if len(shape) < 2 or shape[1] != a["num_channels"]:
            return Message(
                "dimension {dim} of size {n} (channels)", n=a["num_channels"], dim=1
            ), str(shape[1] if len(shape) > 1 else shape)
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _fail(layer: LayerSpec, shape: Shape, exc: BaseException | None) -> ShapeError:
    """A position-free error; its message holds ``{where}`` until :func:`_placed` fills it."""
    label = key_args_text(layer.type, layer.args)
    found = _expectation(layer, shape)
    if found:
        expected, got = found
        msgid, fields = "{label} {where} expects {expected}, got {got}", {"got": got}
    else:
        expected = Message("a different input")
        detail = _first_line(exc) if exc else ""
        msgid = "{label} {where} cannot take input of shape {shape}: {detail}"
        fields = {"shape": shape, "detail": Message("{text}", text=detail)}
    fields.update(label=label, expected=expected)
    error = ShapeError((), "", layer.type, expected, shape, Message(msgid, where="", **fields))
    error.template = (msgid, fields)
    return error


def _layer_row(
    path,
    key,
    type_,
    label,
    depth,
    in_shape,
    out_shape,
    params,
    trainable,
    flops,
    shared,
    reached,
    error,
) -> LayerRow:
    """``LayerRow(...)`` of a layer (not a block), about four times faster.

    The frozen dataclass's ``__init__`` sets its 15 fields one ``object.__setattr__`` at a
    time: ~3 of the ~5 ms that re-inferring a 1,000-layer model took. The instance gets
    the same attributes, in field order.
    """
    row = object.__new__(LayerRow)
    object.__setattr__(
        row,
        "__dict__",
        {
            "path": path,
            "key": key,
            "type": type_,
            "label": label,
            "depth": depth,
            "is_block": False,
            "in_shape": in_shape,
            "out_shape": out_shape,
            "params": params,
            "trainable": trainable,
            "flops": flops,
            "shared": shared,
            "reached": reached,
            "error": error,
            "call": 1,
        },
    )
    return row


@dataclass(frozen=True)
class _LeafResult:
    out_shape: Shape | None
    params: int
    trainable: int
    flops: int
    error: ShapeError | None


def _leaf_key(layer: LayerSpec, in_shape: Shape, dtype: str, training: bool):
    # the layer's (type, sorted args) is computed once per LayerSpec and shared with the
    # rebuild; an edit re-infers a 1,000-layer model without re-sorting every layer's args
    return (*signature_of(layer), in_shape, dtype, training)


_cache: dict[tuple, _LeafResult] = {}
_CACHE_LIMIT = 20_000


#: Layers whose output has the input's shape and which own no parameters, for any
#: argument the catalog accepts (an ``Identity`` takes and ignores any).
_SAME_SHAPE = frozenset(
    {"Identity", "ReLU", "Sigmoid", "Tanh", "SiLU", "GELU", "LeakyReLU", "ELU", "Dropout"}
)
#: Categories whose modules call no matrix product or convolution, the only ops torch's
#: ``FlopCounterMode`` counts: they run on meta without the counter (its dispatch through
#: Python decompositions is what made a cold layer cost tens of milliseconds).
_NO_FLOP_CATEGORIES = frozenset({"Activation", "Pooling", "Normalization", "Dropout", "Shape"})


def _arithmetic_leaf(layer: LayerSpec, in_shape: Shape | None) -> _LeafResult | None:
    """The result of the most common layers by arithmetic, or None to ask meta.

    It equals what the meta run reports (a test compares both on many shapes): ``Linear``
    maps the last dimension and ``FlopCounterMode`` counts ``2 * rows * in * out`` for its
    matrix product (the bias addition is not counted); the :data:`_SAME_SHAPE` layers keep
    the shape and count nothing.
    """
    t, a = layer.type, layer.args
    if in_shape is not None and len(in_shape) == 0:
        return None  # a 0-D input: let torch say what it says
    if t in _SAME_SHAPE:
        return _LeafResult(in_shape, 0, 0, 0, None)
    if t == "Linear" and set(a) <= {"in_features", "out_features", "bias"}:
        n_in, n_out = int(a["in_features"]), int(a["out_features"])
        params = n_in * n_out + (n_out if a.get("bias", True) else 0)
        if in_shape is None:
            return _LeafResult(None, params, params, 0, None)
        if in_shape[-1] != n_in:
            return _LeafResult(None, params, params, 0, _fail(layer, in_shape, None))
        rows = 1
        for d in in_shape[:-1]:
            rows *= d
        return _LeafResult((*in_shape[:-1], n_out), params, params, 2 * rows * n_in * n_out, None)
    return None


def _run_leaf(layer: LayerSpec, in_shape: Shape | None, dtype: str, training: bool) -> _LeafResult:
    """One layer: output shape, own parameter count, FLOPs. Memoized.

    The result depends only on the layer's type and arguments and the incoming shape,
    so identical layers are evaluated once. Linear layers and shape-keeping activations
    are computed by arithmetic (:func:`_arithmetic_leaf`); the others run on meta, with
    torch's FLOP counter only where a matrix product or convolution can occur.
    """
    key = _leaf_key(layer, in_shape, dtype, training)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    result = _arithmetic_leaf(layer, in_shape)
    if result is None:
        result = _meta_leaf(layer, in_shape, dtype, training)
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    _cache[key] = result
    return result


def _meta_leaf(layer: LayerSpec, in_shape: Shape | None, dtype: str, training: bool) -> _LeafResult:
    """One layer built and run on the ``meta`` device."""
    import torch
    from torch.nn.parameter import UninitializedParameter
    from torch.utils.flop_counter import FlopCounterMode

    from explorer.core.build import make_layer, torch_dtype

    m = make_layer(layer, "meta", torch_dtype(dtype))
    m.train(training)
    out = None
    flops = 0
    error = None
    found = (
        _expectation(layer, in_shape) if in_shape and not layer.type.startswith("Lazy") else None
    )
    if in_shape is None:
        pass  # not reached: parameters are still known from the arguments (lazy ones are not)
    elif found is not None:
        error = _fail(layer, in_shape, None)
    else:
        x = torch.empty(in_shape, device="meta", dtype=torch_dtype(dtype))
        counts = layer_type(layer.type).category not in _NO_FLOP_CATEGORIES
        counter = FlopCounterMode(display=False) if counts else contextlib.nullcontext()
        try:
            with counter, torch.no_grad():
                out = tuple(m(x).shape)
            flops = counter.get_total_flops() if counts else 0
        except Exception as exc:  # noqa: BLE001 - any torch failure here is the layer refusing its input
            error = _fail(layer, in_shape, exc)
    params = trainable = 0
    for p in m.parameters():
        if not isinstance(p, UninitializedParameter):
            params += p.numel()
            trainable += p.numel() if p.requires_grad else 0
    return _LeafResult(out, params, trainable, flops, error)


def _placed(err: ShapeError, layer: LayerSpec, path: Path, key: str) -> ShapeError:
    """The cached, position-free error, rewritten for the layer's place in the model."""
    if key.replace(".", "").isdigit():
        where = Message("at index {key}", key=key)
    else:
        where = Message("at {key}", key=repr(key))
    msgid, fields = err.template
    message = Message(msgid, where=where, **fields)
    return ShapeError(path, key, layer.type, err.expected, err.got, message)


def infer_shapes(
    spec: ModelSpec, input_shape: Shape | None = None, training: bool = True
) -> ShapeReport:
    """Report per-layer output shapes, parameters and FLOPs, computed on ``meta``.

    Parameters
    ----------
    spec : ModelSpec
    input_shape : tuple of int, optional
        Defaults to ``spec.input_shape``.
    training : bool
        Modules in train mode, as PyTorch creates them (batch norm then refuses a
        batch of one, exactly as PyTorch does).
    """
    import torch

    from explorer.core.build import torch_dtype

    input_shape = tuple(input_shape or spec.input_shape)
    rows: list[LayerRow] = []
    error: ShapeError | None = None
    seen_ties: set[str] = set()
    total_flops = 0

    def run(
        children: tuple[Node, ...], prefix: Path, keyprefix: str, shape: Shape | None, depth: int
    ):
        nonlocal error, total_flops
        for i, node in enumerate(children):
            path = (*prefix, i)
            key = keyprefix + child_key(node, i)
            if isinstance(node, BlockSpec):
                start = len(rows)
                rows.append(None)  # the block's row, filled once its children are known
                out = run(node.children, path, key + ".", shape, depth + 1)
                inner = [r for r in rows[start + 1 :] if r.depth == depth + 1]
                rows[start] = LayerRow(
                    path,
                    key,
                    "Sequential",
                    f"Sequential({len(node.children)})",
                    depth,
                    True,
                    shape,
                    out,
                    sum(r.params for r in inner),
                    sum(r.trainable for r in inner),
                    sum(r.flops for r in inner),
                    False,
                    shape is not None,
                )
                shape = out
                continue
            shared = node.tie is not None and node.tie in seen_ties
            if node.tie is not None:
                seen_ties.add(node.tie)
            res = _run_leaf(node, shape, spec.dtype, training)
            err_text = None
            if res.error is not None:
                error = _placed(res.error, node, path, key)
                err_text = error.message
            total_flops += res.flops
            rows.append(
                _layer_row(
                    path,
                    key,
                    node.type,
                    key_args_text(node.type, node.args),
                    depth,
                    shape,
                    res.out_shape,
                    0 if shared else res.params,
                    0 if shared else res.trainable,
                    res.flops,
                    shared,
                    shape is not None,
                    err_text,
                )
            )
            shape = res.out_shape
        return shape

    out = run(spec.children, (), "", input_shape, 0)
    total = sum(r.params for r in rows if not r.is_block)
    trainable = sum(r.trainable for r in rows if not r.is_block)
    itemsize = torch.empty((), dtype=torch_dtype(spec.dtype)).element_size()
    return ShapeReport(
        input_shape=input_shape,
        rows=tuple(rows),
        total_params=total,
        trainable_params=trainable,
        total_flops=total_flops,
        param_bytes=total * itemsize,
        output_shape=out,
        error=error,
    )


def layer_label(layer: LayerSpec) -> str:
    return key_args_text(layer.type, layer.args)


def category_of(layer: LayerSpec) -> str:
    return layer_type(layer.type).category
