"""Which parameters an initializer touches: targets resolved to ``named_parameters()`` names.

A target is plain data (:class:`Target`); :func:`resolve` turns it into names in
``named_parameters()`` order, tied parameters once (a tied alias such as ``4.weight``
names the one tensor, listed as ``2.weight``).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    from torch import nn

KINDS = ("all", "weight", "bias")
SCOPES = ("model", "layers", "type", "parameter", "pattern")


class InitError(ExplorerError):
    """An initializer cannot be applied; nothing was changed."""


class LazyParameterError(InitError):
    """The target holds ``UninitializedParameter`` s: their shape exists only after a forward."""

    def __init__(self, names: list[str]):
        text = (
            "{names} is not initialized yet: a lazy layer learns its input size, and so the "
            "shape of its parameters, only in the first forward pass. Run one forward first "
            "(the app can do it with a random input of the model's input shape)."
            if len(names) == 1
            else "{names} are not initialized yet: a lazy layer learns its input size, and so "
            "the shape of its parameters, only in the first forward pass. Run one forward first "
            "(the app can do it with a random input of the model's input shape)."
        )
        super().__init__(Message(text, names=", ".join(names)))
        self.names = names


# ----- targets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Which parameters an initializer touches.

    ``scope``: ``"model"`` (all), ``"layers"`` (``names`` are module keys such as ``"0"``
    or ``"3.1"``; a block means every layer inside it), ``"type"`` (``names`` are class
    names such as ``"Linear"``), ``"parameter"`` (``names`` are parameter names) or
    ``"pattern"`` (``names`` are globs over parameter names, ``"*.weight"``).
    ``kind`` keeps ``"weight"`` s or ``"bias"`` es only, or ``"all"``.
    """

    scope: str = "model"
    names: tuple[str, ...] = ()
    kind: str = "all"

    def __post_init__(self):
        if self.scope not in SCOPES:
            raise InitError(Message("unknown target scope {scope}", scope=repr(self.scope)))
        if self.kind not in KINDS:
            raise InitError(Message("kind must be one of {choices}", choices=", ".join(KINDS)))

    def describe(self) -> str:
        if self.scope == "model":
            return {
                "all": Message("all parameters"),
                "weight": Message("all weights"),
                "bias": Message("all biases"),
            }[self.kind]
        what = {
            "all": Message("parameters"),
            "weight": Message("weights"),
            "bias": Message("biases"),
        }[self.kind]
        joined = ", ".join(self.names)
        if self.scope == "parameter":
            return joined
        template = {
            "layers": "{what} of layer {names}",
            "type": "{what} of every {names}",
            "pattern": "{what} matching {names}",
        }[self.scope]
        return Message(template, what=what, names=joined)


def parse_target(text: str | None) -> Target:
    """The command line's ``--target``: empty or ``*`` (all), ``type:Linear``,
    ``type:Linear.weight``, or globs over parameter names (``"*.weight,0.bias"``)."""
    text = (text or "").strip()
    if text in ("", "*"):
        return Target()
    if text.startswith("type:"):
        body = text[5:]
        kind = "all"
        for k in ("weight", "bias"):
            if body.endswith("." + k):
                body, kind = body[: -len(k) - 1], k
        return Target("type", (body,), kind)
    return Target("pattern", tuple(p.strip() for p in text.split(",") if p.strip()))


@dataclass(frozen=True)
class ParamEntry:
    """One tensor of ``named_parameters()``: its name, owning module key and leaf name."""

    name: str
    owner_key: str
    leaf: str
    owner_type: str
    shape: tuple[int, ...]
    lazy: bool
    aliases: tuple[str, ...] = field(default=())


def _split(name: str) -> tuple[str, str]:
    owner, _, leaf = name.rpartition(".")
    return owner, leaf


def parameter_entries(net: nn.Module) -> list[ParamEntry]:
    """Every parameter once, in ``named_parameters()`` order, with its tied aliases."""
    from torch.nn.parameter import UninitializedParameter

    aliases: dict[int, list[str]] = {}
    for name, p in net.named_parameters(remove_duplicate=False):
        aliases.setdefault(id(p), []).append(name)
    out = []
    for name, p in net.named_parameters():
        owner_key, leaf = _split(name)
        owner = net.get_submodule(owner_key)
        lazy = isinstance(p, UninitializedParameter)
        out.append(
            ParamEntry(
                name=name,
                owner_key=owner_key,
                leaf=leaf,
                owner_type=type(owner).__name__,
                shape=() if lazy else tuple(p.shape),
                lazy=lazy,
                aliases=tuple(a for a in aliases[id(p)] if a != name),
            )
        )
    return out


def resolve(net: nn.Module, target: Target) -> list[str]:
    """Names of the targeted parameters, in ``named_parameters()`` order (tied ones once)."""
    entries = parameter_entries(net)
    if target.scope == "model":
        chosen = entries
    elif target.scope == "layers":
        owners: set[int] = set()
        for key in target.names:
            try:
                owners.update(id(m) for m in net.get_submodule(key).modules())
            except AttributeError:
                raise InitError(Message("no layer {key} in this model", key=repr(key))) from None
        chosen = [e for e in entries if id(net.get_submodule(e.owner_key)) in owners]
    elif target.scope == "type":
        chosen = [e for e in entries if e.owner_type in target.names]
    else:
        match = (
            (lambda n: n in target.names)
            if target.scope == "parameter"
            else (lambda n: any(fnmatch.fnmatchcase(n, pat) for pat in target.names))
        )
        chosen = [e for e in entries if match(e.name) or any(match(a) for a in e.aliases)]
        if target.scope == "parameter":
            known = {n for e in entries for n in (e.name, *e.aliases)}
            missing = [n for n in target.names if n not in known]
            if missing:
                raise InitError(
                    Message("no parameter {names} in this model", names=", ".join(missing))
                )
    if target.kind != "all":
        chosen = [e for e in chosen if e.leaf.startswith(target.kind)]
    if not chosen:
        raise InitError(
            Message("no parameters match the target ({target})", target=target.describe())
        )
    return [e.name for e in chosen]
