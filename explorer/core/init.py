"""Initializing parameters with ``torch.nn.init`` (book 5.3), exactly as plain PyTorch does.

The contract, shown in the app too: ``torch.manual_seed(S)``, then the initializer on each
targeted tensor in ``named_parameters()`` order, gives exactly the values computed here.
Values are computed on copies and returned; nothing touches the live model, so a failure
on the fifth tensor leaves the first four as they were (the caller commits all or nothing).
Tied parameters are one tensor: ``named_parameters()`` lists them once, and so do we.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.errors import Message
from explorer.core.init_targets import (
    InitError,
    LazyParameterError,
    Target,
    _split,
    parameter_entries,
    resolve,
)

if TYPE_CHECKING:
    import torch
    from torch import nn

    from explorer.core.document import Document

NONLINEARITIES = (
    "linear",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "selu",
)
MODES = ("fan_in", "fan_out")


# ----- schemes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemeArg:
    """One argument of an initializer: ``kind`` is ``"float"`` or ``"choice"``."""

    name: str
    default: Any
    kind: str = "float"
    choices: tuple[str, ...] = ()
    minimum: float | None = None


@dataclass(frozen=True)
class Scheme:
    """A built-in initializer: ``torch.nn.init.<function>`` with its arguments.

    ``min_dims``/``max_dims`` say which tensors it accepts (fans need 2 dimensions,
    ``eye_`` exactly 2). ``function`` is empty for "PyTorch default", which calls the
    owning module's ``reset_parameters()``.
    """

    name: str
    function: str
    args: tuple[SchemeArg, ...] = ()
    min_dims: int = 0
    max_dims: int | None = None
    doc: str = ""

    @property
    def label(self) -> str:
        return f"{self.function}" if self.function else "PyTorch default (reset_parameters)"

    def arg(self, name: str) -> SchemeArg:
        for a in self.args:
            if a.name == name:
                return a
        raise KeyError(name)


_F = SchemeArg
_KAIMING_ARGS = (
    _F("a", 0.0),
    _F("mode", "fan_in", "choice", MODES),
    _F("nonlinearity", "leaky_relu", "choice", NONLINEARITIES),
)
SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        Scheme("default", "", doc="each layer's own reset_parameters(), as at construction"),
        Scheme("normal", "normal_", (_F("mean", 0.0), _F("std", 1.0, minimum=0.0))),
        Scheme("uniform", "uniform_", (_F("a", 0.0), _F("b", 1.0))),
        Scheme("constant", "constant_", (_F("val", 1.0),)),
        Scheme("zeros", "zeros_"),
        Scheme("ones", "ones_"),
        Scheme("xavier_uniform", "xavier_uniform_", (_F("gain", 1.0),), min_dims=2),
        Scheme("xavier_normal", "xavier_normal_", (_F("gain", 1.0),), min_dims=2),
        Scheme(
            "kaiming_uniform",
            "kaiming_uniform_",
            _KAIMING_ARGS,
            min_dims=2,
        ),
        Scheme(
            "kaiming_normal",
            "kaiming_normal_",
            _KAIMING_ARGS,
            min_dims=2,
        ),
        Scheme(
            "trunc_normal",
            "trunc_normal_",
            (_F("mean", 0.0), _F("std", 1.0, minimum=0.0), _F("a", -2.0), _F("b", 2.0)),
        ),
        Scheme("orthogonal", "orthogonal_", (_F("gain", 1.0),), min_dims=2),
        Scheme("eye", "eye_", min_dims=2, max_dims=2),
    )
}


def scheme(name: str) -> Scheme:
    """Look up a scheme by name; ``"xavier_uniform_"`` and ``"nn.init.xavier_uniform_"`` work too."""
    key = name.strip().removeprefix("torch.").removeprefix("nn.").removeprefix("init.")
    key = key.removesuffix("_")
    if key in ("reset_parameters", "pytorch_default"):
        key = "default"
    if key not in SCHEMES:
        raise InitError("unknown scheme {!r}; choose one of {}".format(name, ", ".join(SCHEMES)))
    return SCHEMES[key]


def parse_args(scheme_name: str, raw: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Typed, checked arguments (strings such as ``"0.01"`` accepted); defaults filled in."""
    s = scheme(scheme_name)
    raw = dict(raw or {})
    known = {a.name for a in s.args}
    unknown = sorted(set(raw) - known)
    if unknown:
        takes = ", ".join(sorted(known)) if known else Message("no arguments")
        raise InitError(
            Message(
                "{scheme} has no argument {names} (it takes {takes})",
                scheme=s.label,
                names=", ".join(unknown),
                takes=takes,
            )
        )
    out: dict[str, Any] = {}
    for a in s.args:
        value = raw.get(a.name, a.default)
        if a.kind == "choice":
            value = str(value)
            if value not in a.choices:
                raise InitError(
                    Message(
                        "{scheme}: {name} must be one of {choices}, got {value}",
                        scheme=s.function,
                        name=a.name,
                        choices=", ".join(a.choices),
                        value=repr(value),
                    )
                )
        else:
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise InitError(
                    Message(
                        "{scheme}: {name} must be a number, got {value}",
                        scheme=s.function,
                        name=a.name,
                        value=repr(value),
                    )
                ) from None
            if not math.isfinite(value):
                raise InitError(
                    Message("{scheme}: {name} must be finite", scheme=s.function, name=a.name)
                )
            if a.minimum is not None and value < a.minimum:
                raise InitError(
                    Message(
                        "{scheme}: {name} must be at least {minimum}, got {value}",
                        scheme=s.function,
                        name=a.name,
                        minimum=a.minimum,
                        value=value,
                    )
                )
        out[a.name] = value
    if s.name == "uniform" and out["a"] > out["b"]:
        raise InitError(
            Message("uniform_: a must not exceed b (got a={a}, b={b})", a=out["a"], b=out["b"])
        )
    if s.name == "trunc_normal" and not out["a"] < out["b"]:
        raise InitError(
            Message("trunc_normal_: a must be below b (got a={a}, b={b})", a=out["a"], b=out["b"])
        )
    return out


# ----- computing values ------------------------------------------------------------------


@contextlib.contextmanager
def seeded(seed: int | None, tensors: list[torch.Tensor]) -> Iterator[None]:
    """``torch.manual_seed(seed)`` inside, the caller's random state restored after."""
    import torch

    if seed is None:
        yield
        return
    devices = sorted({t.device.index or 0 for t in tensors if t.device.type == "cuda"})
    with torch.random.fork_rng(devices=devices):
        torch.manual_seed(seed)
        yield


def check_applicable(net: nn.Module, names: list[str], scheme_name: str) -> None:
    """Raise :class:`InitError` naming every tensor the scheme cannot take (nothing applied)."""
    s = scheme(scheme_name)
    params = dict(net.named_parameters())
    entries = {e.name: e for e in parameter_entries(net)}
    lazy = [n for n in names if entries[n].lazy]
    if lazy:
        raise LazyParameterError(lazy)
    bad = []
    for n in names:
        dims = params[n].dim()
        if dims < s.min_dims or (s.max_dims is not None and dims > s.max_dims):
            bad.append(f"{n} {tuple(params[n].shape)}")
        elif not s.function and not hasattr(
            net.get_submodule(entries[n].owner_key), "reset_parameters"
        ):
            bad.append(
                Message(
                    "{name} ({layer} has no reset_parameters)",
                    name=n,
                    layer=entries[n].owner_type,
                )
            )
    if not bad:
        return
    if s.max_dims == 2:
        need = Message("exactly 2 dimensions (a matrix)")
    elif s.min_dims >= 2:
        need = Message("at least 2 dimensions (fan-in and fan-out need a matrix or a kernel)")
    else:
        need = Message("a layer with reset_parameters()")
    if len(bad) == 1:
        cannot = bad[0]
    else:  # the names are PyTorch's; only a "(X has no reset_parameters)" note is words
        cannot = ", ".join(bad)
    raise InitError(
        Message(
            "{scheme} needs {need}; it cannot take {cannot}. Target weights only, or another "
            "scheme.",
            scheme=s.label,
            need=need,
            cannot=cannot,
        )
    )


def initialize(
    net: nn.Module,
    target: Target,
    scheme_name: str,
    args: Mapping[str, Any] | None = None,
    seed: int | None = 0,
) -> dict[str, torch.Tensor]:
    """New values for the targeted parameters, computed on copies; ``net`` is not changed.

    Returns ``{name: tensor}`` in ``named_parameters()`` order, on each parameter's device.
    "PyTorch default" calls ``reset_parameters()`` on a copy of each module owning a target,
    in that order, and keeps the targeted tensors.
    """
    import copy

    import torch
    from torch import nn

    s = scheme(scheme_name)
    typed = parse_args(s.name, args)
    names = resolve(net, target)
    check_applicable(net, names, s.name)
    params = dict(net.named_parameters())
    out: dict[str, torch.Tensor] = {}
    try:
        with seeded(seed, [params[n] for n in names]), torch.no_grad():
            if s.function:
                fn = getattr(nn.init, s.function)
                for n in names:
                    t = params[n].detach().clone()
                    fn(t, **typed)
                    out[n] = t
            else:
                done: dict[str, nn.Module] = {}
                for n in names:
                    owner_key, leaf = _split(n)
                    if owner_key not in done:
                        done[owner_key] = copy.deepcopy(net.get_submodule(owner_key))
                        done[owner_key].reset_parameters()
                    out[n] = getattr(done[owner_key], leaf).detach().clone()
    except (RuntimeError, ValueError, TypeError) as e:
        first = (str(e).splitlines() or [type(e).__name__])[0]
        raise InitError(Message("{scheme} failed: {text}", scheme=s.label, text=first)) from None
    return out


def current_values(net: nn.Module, names: list[str] | None = None) -> dict[str, torch.Tensor]:
    """Detached CPU copies of parameters (all, or ``names``), keyed by name."""
    params = dict(net.named_parameters())
    return {n: params[n].detach().cpu().clone() for n in (names or list(params))}


def write_values(net: nn.Module, values: Mapping[str, torch.Tensor]) -> None:
    """Copy values into the parameters (the command line's commit; the GUI uses undo)."""
    import torch

    state = net.state_dict(keep_vars=True)
    with torch.no_grad():
        for key, value in values.items():
            state[key].copy_(value.to(state[key].device))


# ----- lazy layers -----------------------------------------------------------------------


def lazy_parameters(net: nn.Module) -> list[str]:
    """Names of parameters that are still ``UninitializedParameter``."""
    return [e.name for e in parameter_entries(net) if e.lazy]


def materialize_net(net: nn.Module, input_shape: tuple[int, ...], dtype: Any = None) -> list[str]:
    """One forward pass on a random input so lazy layers take their shapes.

    Runs in ``eval()`` mode (batch-norm running statistics stay as they are), under
    ``no_grad``; the lazy layers draw their initial values from the global random state,
    exactly as in plain PyTorch. Returns the names that were materialized.
    """
    import torch

    before = lazy_parameters(net)
    if not before:
        return []
    param = next(iter(net.parameters()))
    x = torch.randn(
        input_shape, dtype=dtype or torch.float32, generator=torch.Generator().manual_seed(0)
    ).to(param.device)
    modes = {m: m.training for m in net.modules()}
    net.eval()
    try:
        with torch.no_grad():
            net(x)
    except (RuntimeError, ValueError) as e:
        detail = Message("{text}", text=(str(e).splitlines() or [type(e).__name__])[0])
        raise InitError(
            Message(
                "the forward pass on a random input {shape} failed: {detail}",
                shape=tuple(input_shape),
                detail=detail,
            )
        ) from None
    finally:
        for m, training in modes.items():
            m.training = training
    return before


def materialize(document: Document) -> list[str]:
    """Materialize the document's lazy layers with a forward on a random input of its input shape."""
    from explorer.core.build import torch_dtype
    from explorer.core.document import Busy

    if document.busy:
        raise Busy(document.busy)
    names = materialize_net(
        document.net, document.spec.input_shape, torch_dtype(document.spec.dtype)
    )
    if names:
        document.notify_weights_changed()
    return names


# ----- the same thing in plain PyTorch -----------------------------------------------------


def module_expr(key: str, root: str = "net") -> str:
    """``"3.1"`` -> ``net[3][1]``; ``"hidden"`` -> ``net.hidden``; odd names use get_submodule."""
    expr = root
    for part in key.split(".") if key else []:
        if part.isdigit():
            expr += f"[{part}]"
        elif part.isidentifier():
            expr += f".{part}"
        else:
            return f"{root}.get_submodule({key!r})"
    return expr


def _fmt(v: Any) -> str:
    """Exact: ``1.666667`` stays ``1.666667`` (``:g`` would round it and change the values)."""
    if isinstance(v, str):
        return repr(v)
    return f"{v:g}" if float(v).is_integer() else repr(float(v))


def plain_pytorch(names: list[str], scheme_name: str, args: Mapping[str, Any], seed: int) -> str:
    """The PyTorch code that gives the same values (the contract, shown in the app)."""
    s = scheme(scheme_name)
    typed = parse_args(s.name, args)
    lines = [f"torch.manual_seed({seed})"]
    if not s.function:
        owners: list[str] = []
        for n in names:
            owner, _ = _split(n)
            if owner not in owners:
                owners.append(owner)
        lines += [f"{module_expr(o)}.reset_parameters()" for o in owners]
        return "\n".join(lines)
    call_args = "".join(f", {k}={_fmt(v)}" for k, v in typed.items())
    for n in names:
        owner, leaf = _split(n)
        lines.append(f"nn.init.{s.function}({module_expr(owner)}.{leaf}{call_args})")
    return "\n".join(lines)


def weights_mismatch(model: Mapping[str, Any], file: Mapping[str, Any]) -> str:
    """What keeps ``file`` from loading strictly into a model whose state dict is ``model``,
    in one line (empty when it fits): missing and unexpected keys, and shape differences."""

    def some(keys: list[str]) -> str:
        if len(keys) <= 3:
            return ", ".join(keys)
        return Message("{keys} and {n} more", keys=", ".join(keys[:3]), n=len(keys) - 3)

    parts: list[str] = []
    missing = [k for k in model if k not in file]
    extra = [k for k in file if k not in model]
    shapes = [
        Message(
            "{key} is {file_shape} in the file but {model_shape} in the model",
            key=k,
            file_shape=tuple(file[k].shape),
            model_shape=tuple(model[k].shape),
        )
        for k in model
        if k in file and tuple(getattr(file[k], "shape", ())) != tuple(model[k].shape)
    ]
    if missing:
        parts.append(Message("missing {keys}", keys=some(missing)))
    if extra:
        parts.append(Message("unexpected {keys}", keys=some(extra)))
    if shapes:
        parts.append(
            shapes[0]
            if len(shapes) == 1
            else Message("{detail} (and {n} more)", detail=shapes[0], n=len(shapes) - 1)
        )
    if not parts:
        return ""
    line = parts[0]
    for part in parts[1:]:
        line = Message("{first}; {then}", first=line, then=part)
    return line


def init_spec(
    spec: Any,
    scheme_name: str,
    args: Mapping[str, Any] | None,
    target: Target,
    seed: int,
    materialize_lazy: bool = False,
    weights: Mapping[str, torch.Tensor] | None = None,
) -> tuple[nn.Sequential, dict[str, torch.Tensor]]:
    """The command line's ``init``: build ``spec`` after ``torch.manual_seed(seed)`` (so the
    untargeted tensors are reproducible too), or load ``weights`` (a project's state dict)
    into it; optionally materialize lazy layers; then apply the scheme with the same seed.
    Returns the model and the new values."""

    from explorer.core.build import build, torch_dtype

    with seeded(seed, []):
        net = build(spec)
        if weights is not None:
            problem = weights_mismatch(net.state_dict(), weights)
            if problem:
                raise InitError(
                    Message(
                        "the project's weights do not fit its model: {problem}", problem=problem
                    )
                )
            net.load_state_dict(weights, strict=True)  # checked: keys and shapes match
        if materialize_lazy:
            materialize_net(net, spec.input_shape, torch_dtype(spec.dtype))
    values = initialize(net, target, scheme_name, args, seed)
    write_values(net, values)
    return net, values
