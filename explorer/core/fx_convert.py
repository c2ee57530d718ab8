"""Convert a module class whose ``forward`` is a straight chain into a Sequential spec.

``torch.fx.symbolic_trace`` records the forward; when it is a chain (each step takes the
previous step's result and nothing else) of catalog layers and simple functions
(``F.relu`` becomes ``ReLU``), the spec names each layer as the class does
(``hidden``, ``out``; a child ``nn.Sequential`` becomes a block of the same name), so
``state_dict`` keys and shapes are equal and the class's weights load into the
Sequential and back. Anything else raises :class:`ConversionError` with the reason.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from explorer.core.catalog import catalog, layer_type, validate_args
from explorer.core.errors import ExplorerError, Message
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, validate

if TYPE_CHECKING:
    from torch import nn


class ConversionError(ExplorerError):
    """The class cannot become a Sequential; the message says why, in plain words."""


def _function_table() -> dict[Any, tuple[str, Callable[[tuple, dict], dict]]]:
    """Simple functions and methods -> (catalog layer, its arguments from the call's)."""
    import torch
    import torch.nn.functional as F

    def no_args(args: tuple, kwargs: dict) -> dict:
        if args[1:] or {k: v for k, v in kwargs.items() if k != "inplace"}:
            raise ValueError("extra arguments")
        return {}

    def dim(default: int | None):
        def read(args: tuple, kwargs: dict) -> dict:
            extra = {k: v for k, v in kwargs.items() if k not in ("dim", "dtype")}
            if extra or kwargs.get("dtype") is not None or len(args) > 2:
                raise ValueError("extra arguments")
            d = args[1] if len(args) > 1 else kwargs.get("dim", default)
            if d is None:
                raise ValueError("no dim")
            return {"dim": d}

        return read

    def flatten(args: tuple, kwargs: dict) -> dict:
        start = args[1] if len(args) > 1 else kwargs.get("start_dim", 0)
        end = args[2] if len(args) > 2 else kwargs.get("end_dim", -1)
        return {"start_dim": start, "end_dim": end}

    def leaky(args: tuple, kwargs: dict) -> dict:
        slope = args[1] if len(args) > 1 else kwargs.get("negative_slope", 0.01)
        return {"negative_slope": slope}

    def dropout(args: tuple, kwargs: dict) -> dict:
        p = args[1] if len(args) > 1 else kwargs.get("p", 0.5)
        training = args[2] if len(args) > 2 else kwargs.get("training", True)
        if training is not True:
            raise ValueError("training= is not a constant True")
        return {"p": p}

    table: dict[Any, tuple[str, Callable]] = {}
    for fns, layer, read in (
        ((F.relu, torch.relu, "relu"), "ReLU", no_args),
        ((torch.sigmoid, F.sigmoid, "sigmoid"), "Sigmoid", no_args),
        ((torch.tanh, F.tanh, "tanh"), "Tanh", no_args),
        ((F.gelu, "gelu"), "GELU", no_args),
        ((F.silu,), "SiLU", no_args),
        ((F.softmax, torch.softmax, "softmax"), "Softmax", dim(None)),
        ((F.log_softmax, torch.log_softmax, "log_softmax"), "LogSoftmax", dim(None)),
        ((torch.flatten, "flatten"), "Flatten", flatten),
        ((F.leaky_relu,), "LeakyReLU", leaky),
        ((F.dropout,), "Dropout", dropout),
    ):
        for fn in fns:
            table[fn] = (layer, read)
    return table


def _fn_label(target: Any) -> str:
    if isinstance(target, str):
        return f".{target}()"
    module = getattr(target, "__module__", "") or ""
    name = getattr(target, "__name__", repr(target))
    if target in (operator.add, operator.mul, operator.sub, operator.truediv, operator.getitem):
        return {"add": "+", "mul": "*", "sub": "-", "truediv": "/", "getitem": "[...]"}[name]
    short = {"torch.nn.functional": "F", "torch._C._nn": "F", "torch": "torch"}.get(module, module)
    return f"{short}.{name}" if short else name


def layer_from_module(key: str, module: nn.Module) -> LayerSpec:
    """The catalog layer equal to ``module`` (same type and arguments), or ConversionError."""
    import torch

    type_name = type(module).__name__
    if type_name not in catalog() or type(module) is not layer_type(type_name).torch_class():
        raise ConversionError(
            Message(
                "{key} is a {type_name}, which is not a layer of the palette; only torch.nn "
                "layers the app knows can go into a Sequential",
                key=key,
                type_name=type_name,
            )
        )
    lt = layer_type(type_name)
    if lt.lazy:
        raise ConversionError(
            Message(
                "{key} is a lazy layer ({type_name}); run a forward first",
                key=key,
                type_name=type_name,
            )
        )
    aliases = {"min_value": "min_val", "max_value": "max_val"}
    raw: dict[str, Any] = {}
    for a in lt.args:
        value = getattr(module, aliases.get(a.name, a.name), a.default)
        if a.kind == "bool" and (value is None or isinstance(value, torch.Tensor)):
            value = value is not None  # bias=True holds a Parameter, bias=False holds None
        raw[a.name] = value
    try:
        args = validate_args(type_name, raw)
        rebuilt = lt.torch_class()(**args, **({"device": "meta"} if _factory(lt) else {}))
    except (ExplorerError, TypeError, ValueError) as e:
        raise ConversionError(
            Message(
                "cannot read the arguments of {key} ({type_name}): {reason}",
                key=key,
                type_name=type_name,
                reason=_reason(e),
            )
        ) from None
    if rebuilt.extra_repr() != module.extra_repr():
        raise ConversionError(
            Message(
                "cannot read the arguments of {key}: {given} came back as {rebuilt}",
                key=key,
                given=f"{type_name}({module.extra_repr()})",
                rebuilt=f"{type_name}({rebuilt.extra_repr()})",
            )
        )
    return LayerSpec(type=type_name, args=args, name=key.rsplit(".", 1)[-1])


def _reason(error: BaseException):
    """The error's :class:`Message` when it has one (translated as a field), else its text."""
    from explorer.core.errors import message_parts

    parts = message_parts(error)
    return Message(parts[0], **parts[1]) if parts else str(error)


def _factory(lt) -> bool:
    import inspect

    params = inspect.signature(lt.torch_class().__init__).parameters
    return "device" in params


def to_sequential(
    net: nn.Module, input_shape: tuple[int, ...], dtype: str = "float32"
) -> ModelSpec:
    """The Sequential spec of ``net``'s forward, or :class:`ConversionError` saying why."""
    import torch.fx

    cls = type(net).__name__
    try:
        traced = torch.fx.symbolic_trace(net)
    except Exception as e:  # noqa: BLE001 - fx raises many types on dynamic code
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise ConversionError(
            Message(
                "torch.fx cannot trace {cls}.forward ({first}); its control flow depends on "
                "the data, so it is not a fixed chain of layers",
                cls=cls,
                first=first,
            )
        ) from None
    table = _function_table()
    nodes = list(traced.graph.nodes)
    placeholders = [n for n in nodes if n.op == "placeholder"]
    if len(placeholders) != 1:
        raise ConversionError(
            Message(
                "{cls}.forward takes {n} inputs; a Sequential takes one",
                cls=cls,
                n=len(placeholders),
            )
        )
    prev = placeholders[0]
    steps: list[tuple[str, LayerSpec]] = []  # (module path or "", layer)
    used_modules: set[str] = set()
    names: set[str] = set()
    for node in nodes:
        if node.op in ("placeholder", "output"):
            if node.op == "output" and node.args[0] is not prev:
                raise ConversionError(
                    Message("{cls}.forward does not return the last step's result", cls=cls)
                )
            continue
        inputs = node.all_input_nodes
        if node.op == "get_attr":
            raise ConversionError(
                Message(
                    "{cls}.forward uses the tensor self.{target} directly; a Sequential "
                    "holds only layers",
                    cls=cls,
                    target=node.target,
                )
            )
        if inputs != [prev] or (node.args and node.args[0] is not prev):
            raise ConversionError(
                Message(
                    "{cls}.forward is not a straight chain: {step} does not take just the "
                    "previous step's result (a skip connection, or several inputs)",
                    cls=cls,
                    step=_describe(node),
                )
            )
        if node.op == "call_module":
            if node.target in used_modules:
                raise ConversionError(
                    Message(
                        "{cls}.forward calls {target} twice; a Sequential would list its "
                        "weights under two keys, which the class does not have",
                        cls=cls,
                        target=node.target,
                    )
                )
            used_modules.add(node.target)
            layer = layer_from_module(node.target, traced.get_submodule(node.target))
            steps.append((node.target, layer))
        else:
            entry = table.get(node.target)
            if entry is None:
                raise ConversionError(
                    Message(
                        "{cls}.forward calls {step}, which has no layer in the palette",
                        cls=cls,
                        step=_describe(node),
                    )
                )
            type_name, read = entry
            try:
                args = validate_args(type_name, read(tuple(node.args), dict(node.kwargs)))
            except (ValueError, ExplorerError):
                raise ConversionError(
                    Message(
                        "{cls}.forward calls {step} with arguments a {type_name} layer cannot take",
                        cls=cls,
                        step=_describe(node),
                        type_name=type_name,
                    )
                ) from None
            steps.append(("", LayerSpec(type=type_name, args=args)))
        prev = node
    _check_unused(net, used_modules, cls)
    return validate(ModelSpec(_nest(steps, names), tuple(input_shape), dtype))


def _describe(node) -> str:
    if node.op == "call_module":
        return f"self.{node.target}"
    return _fn_label(node.target)


def _check_unused(net: nn.Module, used: set[str], cls: str) -> None:
    for key, m in net.named_modules():
        if not key or any(key == u or u.startswith(key + ".") for u in used):
            continue
        if any(True for _ in m.parameters(recurse=False)) or any(True for _ in m.buffers(False)):
            raise ConversionError(
                Message(
                    "{cls} has {key} with weights that forward never uses; the Sequential "
                    "would not have its keys",
                    cls=cls,
                    key=key,
                )
            )
    if any(True for _ in net.parameters(recurse=False)) or any(True for _ in net.buffers(False)):
        raise ConversionError(
            Message("{cls} holds tensors of its own; a Sequential holds only layers", cls=cls)
        )


def _nest(steps: list[tuple[str, LayerSpec]], names: set[str]) -> tuple[Node, ...]:
    """Group steps by module path into blocks (``net.0``, ``net.1`` -> block ``net``).

    A function step gets a free name made from its layer type (``relu``); a step's name
    that is its index in the block stays an index.
    """

    def build(items: list[tuple[list[str], LayerSpec]], taken: set[str]) -> tuple[Node, ...]:
        out: list[Node] = []
        i = 0
        while i < len(items):
            parts, layer = items[i]
            if len(parts) > 1:
                head = parts[0]
                j = i
                while j < len(items) and len(items[j][0]) > 1 and items[j][0][0] == head:
                    j += 1
                inner = [(p[1:], lay) for p, lay in items[i:j]]
                out.append(
                    BlockSpec(children=build(inner, {p[0] for p, _ in inner if p}), name=head)
                )
                i = j
                continue
            name = parts[0] if parts else _free_name(layer.type.lower(), taken)
            taken.add(name)
            out.append(LayerSpec(type=layer.type, args=layer.args, name=name))
            i += 1
        for k, node in enumerate(out):
            if node.name == str(k):
                out[k] = _renamed(node, None)
        _check_blocks(out)
        return tuple(out)

    items = [(path.split(".") if path else [], layer) for path, layer in steps]
    return build(items, {p[0] for p, _ in items if p})


def _renamed(node: Node, name: str | None) -> Node:
    from dataclasses import replace

    return replace(node, name=name)


def _check_blocks(children: list[Node]) -> None:
    seen = set()
    for node in children:
        if node.name is not None and node.name in seen:
            raise ConversionError(
                Message(
                    "{name} is used in two separate places of the chain; a Sequential holds "
                    "each child once",
                    name=node.name,
                )
            )
        if node.name is not None:
            seen.add(node.name)


def _free_name(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        name = f"{base}_{n}"
        n += 1
    return name
