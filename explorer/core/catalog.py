"""The layer catalog: which ``torch.nn`` layers the app offers and how their arguments look.

Signatures, defaults and the first docstring line come from ``torch.nn`` by
introspection; the table below adds what introspection cannot know (ranges, choices,
a value to suggest for required arguments). Validation turns user input into the exact
Python values the layer constructor takes, or raises :class:`InvalidArgument`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from explorer.core.errors import InvalidArgument, Message, UnknownLayerType

#: Argument kinds understood by the validators and by the properties editor.
KINDS = ("int", "float", "bool", "choice", "ints", "shape", "padding", "opt_int", "opt_float")


@dataclass(frozen=True)
class ArgSpec:
    """One constructor argument of a layer.

    ``kind`` is one of :data:`KINDS`. ``ints`` is an int or a tuple of ``dims`` ints
    (``kernel_size``); ``shape`` a tuple of ints of any length; ``padding`` adds the
    strings ``"same"``/``"valid"``; ``opt_*`` also accept ``None``.
    """

    name: str
    kind: str
    default: Any = None
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    exclusive_max: bool = False
    choices: tuple[str, ...] = ()
    dims: int = 1
    suggest: Any = None
    key: bool = False  # shown on the card

    @property
    def initial(self) -> Any:
        """The value a newly dropped layer gets."""
        return self.suggest if self.required else self.default


@dataclass(frozen=True)
class LayerType:
    """A catalog entry: a ``torch.nn`` class the user can place."""

    name: str
    category: str
    args: tuple[ArgSpec, ...]
    doc: str
    signature: str
    lazy: bool = False
    has_params: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    def arg(self, name: str) -> ArgSpec:
        for a in self.args:
            if a.name == name:
                return a
        raise KeyError(name)

    def default_args(self) -> dict[str, Any]:
        return {a.name: a.initial for a in self.args}

    def torch_class(self):
        import torch.nn as nn

        return getattr(nn, self.name)


# name -> (category, {arg: overrides}); order here is palette order.
_POS = {"minimum": 1}
_NONNEG = {"minimum": 0}
_P = {"minimum": 0.0, "maximum": 1.0, "exclusive_max": True}
_TABLE: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "Linear": (
        "Linear",
        {
            "in_features": {"kind": "int", **_POS, "suggest": 20, "key": True},
            "out_features": {"kind": "int", **_POS, "suggest": 256, "key": True},
        },
    ),
    "LazyLinear": (
        "Linear",
        {"out_features": {"kind": "int", **_POS, "suggest": 256, "key": True}},
    ),
    "Identity": ("Linear", {}),
    "ReLU": ("Activation", {}),
    "LeakyReLU": ("Activation", {"negative_slope": {"kind": "float", **_NONNEG}}),
    "PReLU": ("Activation", {"num_parameters": {"kind": "int", **_POS}, "init": {"kind": "float"}}),
    "ELU": ("Activation", {"alpha": {"kind": "float", "minimum": 0.0}}),
    "GELU": ("Activation", {"approximate": {"kind": "choice", "choices": ("none", "tanh")}}),
    "SiLU": ("Activation", {}),
    "Sigmoid": ("Activation", {}),
    "Tanh": ("Activation", {}),
    "Softmax": ("Activation", {"dim": {"kind": "opt_int", "default": -1, "key": True}}),
    "LogSoftmax": ("Activation", {"dim": {"kind": "opt_int", "default": -1, "key": True}}),
    "Softplus": (
        "Activation",
        {"beta": {"kind": "float", "minimum": 0.0}, "threshold": {"kind": "float"}},
    ),
    "Hardtanh": ("Activation", {"min_val": {"kind": "float"}, "max_val": {"kind": "float"}}),
    "Conv1d": ("Convolution", {}),
    "Conv2d": ("Convolution", {}),
    "LazyConv2d": ("Convolution", {}),
    "ConvTranspose2d": ("Convolution", {}),
    "MaxPool1d": ("Pooling", {}),
    "MaxPool2d": ("Pooling", {}),
    "AvgPool2d": ("Pooling", {}),
    "AdaptiveAvgPool2d": (
        "Pooling",
        {
            "output_size": {
                "kind": "ints",
                "dims": 2,
                **_POS,
                "suggest": 1,
                "required": True,
                "key": True,
            }
        },
    ),
    "BatchNorm1d": (
        "Normalization",
        {"num_features": {"kind": "int", **_POS, "suggest": 256, "key": True}},
    ),
    "BatchNorm2d": (
        "Normalization",
        {"num_features": {"kind": "int", **_POS, "suggest": 16, "key": True}},
    ),
    "LayerNorm": (
        "Normalization",
        {"normalized_shape": {"kind": "shape", **_POS, "suggest": (256,), "key": True}},
    ),
    "GroupNorm": (
        "Normalization",
        {
            "num_groups": {"kind": "int", **_POS, "suggest": 4, "key": True},
            "num_channels": {"kind": "int", **_POS, "suggest": 16, "key": True},
        },
    ),
    "Dropout": ("Dropout", {"p": {"kind": "float", **_P, "key": True}}),
    "Dropout1d": ("Dropout", {"p": {"kind": "float", **_P, "key": True}}),
    "Dropout2d": ("Dropout", {"p": {"kind": "float", **_P, "key": True}}),
    "Flatten": ("Shape", {"start_dim": {"kind": "int"}, "end_dim": {"kind": "int"}}),
    "Unflatten": (
        "Shape",
        {
            "dim": {"kind": "int", "suggest": 1, "key": True},
            "unflattened_size": {"kind": "shape", **_POS, "suggest": (1, 28, 28), "key": True},
        },
    ),
}

_CONV = {
    "in_channels": {"kind": "int", **_POS, "suggest": 1, "key": True},
    "out_channels": {"kind": "int", **_POS, "suggest": 16, "key": True},
    "kernel_size": {"kind": "ints", **_POS, "suggest": 3, "key": True},
    "stride": {"kind": "ints", **_POS},
    "padding": {"kind": "padding", **_NONNEG},
    "output_padding": {"kind": "ints", **_NONNEG},
    "dilation": {"kind": "ints", **_POS},
    "groups": {"kind": "int", **_POS},
    "padding_mode": {"kind": "choice", "choices": ("zeros", "reflect", "replicate", "circular")},
}
_POOL = {
    "kernel_size": {"kind": "ints", **_POS, "suggest": 2, "key": True},
    "stride": {"kind": "ints", **_POS},
    "padding": {"kind": "ints", **_NONNEG},
    "dilation": {"kind": "ints", **_POS},
    "divisor_override": {"kind": "opt_int", **_POS},
}
_NORM = {
    "eps": {"kind": "float", "minimum": 0.0},
    "momentum": {"kind": "opt_float", "minimum": 0.0, "maximum": 1.0},
}
_SKIP = {"device", "dtype", "inplace", "return_indices", "bias_attr"}
_CATEGORY_ORDER = (
    "Linear",
    "Activation",
    "Convolution",
    "Pooling",
    "Normalization",
    "Dropout",
    "Shape",
)


def _dims_of(name: str) -> int:
    return 2 if "2d" in name else 1


def _infer_kind(default: Any) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, tuple):
        return "shape"
    if isinstance(default, str):
        return "choice"
    return "opt_int"


_ROLE = re.compile(r":\w+:`([^`]*)`")


def _first_doc_line(cls) -> str:
    """The docstring's first sentence or paragraph, Sphinx roles (``:math:`...```) as plain text."""
    lines = []
    for line in (cls.__doc__ or "").strip().splitlines():
        line = line.strip()
        if not line:
            break
        lines.append(line)
        if line.endswith("."):
            break
    return _ROLE.sub(r"\1", " ".join(lines)).replace("``", "")


@cache
def catalog() -> dict[str, LayerType]:
    """Every layer type, keyed by name, in palette order."""
    import torch.nn as nn

    result: dict[str, LayerType] = {}
    for name, (category, overrides) in _TABLE.items():
        cls = getattr(nn, name)
        if name.startswith("Conv") or name == "LazyConv2d":
            overrides = {**_CONV, **overrides}
        elif "Pool" in name and "Adaptive" not in name:
            overrides = {**_POOL, **overrides}
        elif "BatchNorm" in name:
            overrides = {**_NORM, **overrides}
        sig = inspect.signature(cls.__init__)
        args = []
        for p in list(sig.parameters.values())[1:]:
            if (
                p.name in _SKIP
                or p.name.startswith("_")
                or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
            ):
                continue
            o = dict(overrides.get(p.name, {}))
            required = p.default is inspect.Parameter.empty
            default = None if required else p.default
            if "default" in o:
                default = o.pop("default")
            kind = o.pop("kind", None) or _infer_kind(default)
            if kind == "choice" and not o.get("choices"):
                o["choices"] = (default,)
            if kind in ("ints", "padding") and "dims" not in o:
                o["dims"] = _dims_of(name)
            required = o.pop("required", required)
            args.append(ArgSpec(name=p.name, kind=kind, default=default, required=required, **o))
        has_params = name not in {
            "Identity",
            "ReLU",
            "LeakyReLU",
            "ELU",
            "GELU",
            "SiLU",
            "Sigmoid",
            "Tanh",
            "Softmax",
            "LogSoftmax",
            "Softplus",
            "Hardtanh",
            "MaxPool1d",
            "MaxPool2d",
            "AvgPool2d",
            "AdaptiveAvgPool2d",
            "Dropout",
            "Dropout1d",
            "Dropout2d",
            "Flatten",
            "Unflatten",
        }
        result[name] = LayerType(
            name=name,
            category=category,
            args=tuple(args),
            doc=_first_doc_line(cls),
            signature=f"{name}{sig}".replace("(self, ", "(").replace("(self)", "()"),
            lazy=name.startswith("Lazy"),
            has_params=has_params,
        )
    return result


def categories() -> list[tuple[str, list[LayerType]]]:
    """Layer types grouped by category, in palette order."""
    groups: dict[str, list[LayerType]] = {c: [] for c in _CATEGORY_ORDER}
    for lt in catalog().values():
        groups.setdefault(lt.category, []).append(lt)
    return [(c, items) for c, items in groups.items() if items]


def layer_type(name: str) -> LayerType:
    try:
        return catalog()[name]
    except KeyError:
        raise UnknownLayerType(name) from None


#: Largest whole number a layer argument may hold: torch sizes beyond this overflow kernels
#: (and a product of a few of them overflows int64) long before any machine has the memory.
MAX_INT = 2**31 - 1
#: Most numbers a list argument (a shape, a kernel size) may hold.
MAX_LIST = 8


def _number(value: Any, kind: str, layer: str, field_name: str):
    if isinstance(value, bool):
        raise InvalidArgument(layer, field_name, Message("must be a number, not true/false"))
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise InvalidArgument(
                    layer,
                    field_name,
                    Message("must be a whole number, got {value}", value=repr(value)),
                ) from None
        if not isinstance(value, int):
            raise InvalidArgument(
                layer, field_name, Message("must be a whole number, got {value}", value=repr(value))
            )
        if abs(value) > MAX_INT:
            raise InvalidArgument(
                layer,
                field_name,
                Message("must be at most {max} in size", max=format(MAX_INT, ",")),
            )
        return value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise InvalidArgument(
                layer, field_name, Message("must be a number, got {value}", value=repr(value))
            ) from None
    if not isinstance(value, (int, float)):
        raise InvalidArgument(
            layer, field_name, Message("must be a number, got {value}", value=repr(value))
        )
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidArgument(layer, field_name, Message("must be a finite number"))
    return value


def _check_range(v: float, a: ArgSpec, layer: str) -> None:
    if a.minimum is not None and v < a.minimum:
        raise InvalidArgument(
            layer,
            a.name,
            Message(
                "must be at least {minimum}, got {got}",
                minimum=format(a.minimum, "g"),
                got=format(v, "g"),
            ),
        )
    if a.maximum is not None:
        if a.exclusive_max and v >= a.maximum:
            raise InvalidArgument(
                layer,
                a.name,
                Message(
                    "must be below {maximum}, got {got}",
                    maximum=format(a.maximum, "g"),
                    got=format(v, "g"),
                ),
            )
        if not a.exclusive_max and v > a.maximum:
            raise InvalidArgument(
                layer,
                a.name,
                Message(
                    "must be at most {maximum}, got {got}",
                    maximum=format(a.maximum, "g"),
                    got=format(v, "g"),
                ),
            )


def _int_tuple(value: Any, a: ArgSpec, layer: str) -> tuple[int, ...]:
    if isinstance(value, str):
        parts = [p for p in value.replace("(", "").replace(")", "").split(",") if p.strip()]
        value = tuple(parts)
    if isinstance(value, list):
        value = tuple(value)
    if not isinstance(value, tuple) or not value:
        raise InvalidArgument(
            layer,
            a.name,
            Message("must be a list of whole numbers, got {value}", value=repr(value)),
        )
    if len(value) > MAX_LIST:
        raise InvalidArgument(layer, a.name, Message("must hold at most {n} numbers", n=MAX_LIST))
    out = tuple(_number(v, "int", layer, a.name) for v in value)
    for v in out:
        _check_range(v, a, layer)
    return out


def validate_value(lt: LayerType, a: ArgSpec, value: Any) -> Any:
    """Turn one user value into the exact value the constructor takes, or raise."""
    layer = lt.name
    if value is None:
        if a.kind.startswith("opt_") or (not a.required and a.default is None):
            return None
        raise InvalidArgument(layer, a.name, Message("is required"))
    if a.kind == "bool":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise InvalidArgument(
                layer, a.name, Message("must be true or false, got {value}", value=repr(value))
            )
        return value
    if a.kind in ("int", "opt_int"):
        v = _number(value, "int", layer, a.name)
        _check_range(v, a, layer)
        return v
    if a.kind in ("float", "opt_float"):
        v = _number(value, "float", layer, a.name)
        _check_range(v, a, layer)
        return v
    if a.kind == "choice":
        if value not in a.choices:
            raise InvalidArgument(
                layer,
                a.name,
                Message(
                    "must be one of {choices}, got {value}",
                    choices=", ".join(a.choices),
                    value=repr(value),
                ),
            )
        return value
    if a.kind == "padding" and isinstance(value, str) and value.strip() in ("same", "valid"):
        return value.strip()
    if a.kind in ("ints", "padding"):
        if isinstance(value, (int, float)) or (isinstance(value, str) and "," not in value):
            v = _number(value, "int", layer, a.name)
            _check_range(v, a, layer)
            return v
        t = _int_tuple(value, a, layer)
        if len(t) == 1:
            return t[0]
        if len(t) != a.dims:
            raise InvalidArgument(
                layer,
                a.name,
                Message(
                    "must be one number or one per dimension (dimensions: {dims}); numbers given: {got}",
                    dims=a.dims,
                    got=len(t),
                ),
            )
        return t
    if a.kind == "shape":
        if isinstance(value, (int, float)) or (isinstance(value, str) and "," not in value):
            return (
                (_number(value, "int", layer, a.name),)
                if not isinstance(value, str)
                else _int_tuple(value, a, layer)
            )
        return _int_tuple(value, a, layer)
    raise InvalidArgument(
        layer, a.name, Message("has an unknown kind {kind}", kind=a.kind)
    )  # pragma: no cover


def validate_args(type_name: str, args: Mapping[str, Any]) -> dict[str, Any]:
    """Validate all arguments of a layer: unknown names, missing required ones, each value.

    Returns a complete dict (defaults filled in) in signature order.
    """
    lt = layer_type(type_name)
    known = {a.name for a in lt.args}
    for name in args:
        if name not in known:
            raise InvalidArgument(lt.name, name, Message("is not an argument of this layer"))
    out: dict[str, Any] = {}
    for a in lt.args:
        if a.name in args:
            out[a.name] = validate_value(lt, a, args[a.name])
        elif a.required:
            raise InvalidArgument(lt.name, a.name, Message("is required"))
        else:
            out[a.name] = a.default
    _cross_check(lt, out)
    return out


def _cross_check(lt: LayerType, args: dict[str, Any]) -> None:
    if lt.name == "GroupNorm" and args["num_channels"] % args["num_groups"]:
        raise InvalidArgument(
            lt.name, "num_groups", Message("must divide num_channels ({n})", n=args["num_channels"])
        )
    if "groups" in args and "in_channels" in args:
        g = args["groups"]
        if args["in_channels"] % g or args["out_channels"] % g:
            raise InvalidArgument(
                lt.name, "groups", Message("must divide in_channels and out_channels")
            )
    if lt.name == "Hardtanh" and args["max_val"] <= args["min_val"]:
        raise InvalidArgument(lt.name, "max_val", Message("must be greater than min_val"))
    if args.get("padding") == "same" and args.get("stride", 1) not in (1, (1, 1)):
        raise InvalidArgument(lt.name, "padding", Message("'same' needs stride 1"))


def suggest_args(type_name: str, incoming: tuple[int, ...] | None) -> dict[str, Any]:
    """Arguments for a newly placed layer, fitted to the shape that reaches it."""
    lt = layer_type(type_name)
    args = lt.default_args()
    if not incoming:
        return args
    last, chan = incoming[-1], (incoming[1] if len(incoming) > 1 else None)
    if type_name in ("Linear",):
        args["in_features"] = last
    elif type_name in ("Conv1d", "Conv2d", "ConvTranspose2d") and chan:
        args["in_channels"] = chan
    elif type_name in ("BatchNorm1d", "BatchNorm2d") and chan:
        args["num_features"] = chan
    elif type_name == "LayerNorm":
        args["normalized_shape"] = (last,)
    elif type_name == "GroupNorm" and chan:
        args["num_channels"] = chan
        args["num_groups"] = next(g for g in (4, 2, 1) if chan % g == 0)
    return args


def key_args_text(type_name: str, args: Mapping[str, Any]) -> str:
    """Short text for a card: ``Linear(20 -> 256)``, ``Dropout(p=0.5)``."""
    if type_name == "Linear":
        return f"Linear({args['in_features']} -> {args['out_features']})"
    if type_name == "LazyLinear":
        return f"LazyLinear(? -> {args['out_features']})"
    lt = layer_type(type_name)
    parts = []
    for a in lt.args:
        if a.key:
            v = args.get(a.name)
            parts.append(f"{a.name}={v}" if a.name in ("p", "dim") else str(v))
    return f"{type_name}({', '.join(parts)})"
