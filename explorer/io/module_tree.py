"""A saved module tree (pickled ``nn.Module`` or TorchScript record) as an exact spec.

Both readers (:mod:`explorer.io.model_import`, :mod:`explorer.io.torchscript_read`) give
a :class:`ModNode` tree: each module's class, its plain attributes (``stride``,
``padding``, ``p``...), its parameters and buffers, and its children. A node becomes a
layer only when every constructor argument is read from the file and a layer built from
those arguments has the same attributes and tensors; an ``nn.Sequential`` becomes a
block. Anything else is refused with one line naming the first module that is not part
of a chain: never a model that computes something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message, message_parts

if TYPE_CHECKING:
    import torch

    from explorer.core.spec import Node

#: constructor arguments that do not change what a layer computes from loaded weights
_INIT_ONLY = {"init", "min_value", "max_value"}
#: most layers (uses included) a model may have: blocks used twice double their layers
MAX_LAYERS = 100_000
#: arguments the weight's shape proves when the file does not keep them (a traced
#: ``nn.Linear`` keeps only its tensors): (type, argument) -> the weight's dimension
_FROM_WEIGHT = {("Linear", "in_features"): 1, ("Linear", "out_features"): 0}
#: attributes a built layer may differ in without computing anything else
_IGNORED_ATTRS = {"training", "inplace"}


class ModelRefused(ExplorerError):
    """The file holds a model, but not one the app can rebuild exactly."""


@dataclass
class ModNode:
    """One saved module, read without running anything from the file."""

    path: str  # "features.0"; "" for the root
    type: str  # class name: "Conv2d"
    origin: str  # full class name for messages: "torch.nn.modules.conv.Conv2d"
    torch_nn: bool  # a class of torch.nn itself (not a user's subclass)
    attrs: dict[str, Any] = field(default_factory=dict)
    tensors: dict[str, Any] = field(default_factory=dict)  # name -> tensor or None (absent)
    children: list[tuple[str, ModNode]] = field(default_factory=list)
    ident: int = 0  # equal for the same module used twice (tied)
    #: a user's class whose forward was read (TorchScript): its children in call order,
    #: or why it is not a chain
    chain: list[str] | tuple[str, ...] | None = None
    refusal: str | None = None


def _label(node: ModNode) -> str:
    return node.path or Message("the model")


def _class_text(node: ModNode) -> str:
    return f"nn.{node.type}" if node.torch_nn else node.origin


def spec_from_tree(root: ModNode) -> tuple[tuple[Node, ...], dict[str, torch.Tensor]]:
    """The spec's children and the state dict under the spec's keys; or :class:`ModelRefused`."""
    from explorer.core.spec import BlockSpec, LayerSpec

    state: dict[str, Any] = {}
    ties: dict[int, str] = {}
    tied_layers: dict[str, tuple[str, Any]] = {}  # tie -> (first place, its layer)
    uses: dict[int, int] = {}
    total = [0]
    same = _shared_modules(root)  # ident -> the ident of the module it is one with

    def count(node: ModNode, inside: tuple[int, ...] = ()) -> None:
        ident = same.get(node.ident, node.ident)
        if ident in inside:
            raise ModelRefused(Message("{where} contains itself: not a chain", where=_label(node)))
        uses[ident] = uses.get(ident, 0) + 1
        total[0] += 1
        if total[0] > MAX_LAYERS:
            raise ModelRefused(
                Message("the model has too many layers in use (limit: {n})", n=f"{MAX_LAYERS:,}")
            )
        for _, c in _called(node):  # a block used twice: each of its layers is used twice
            count(c, (*inside, ident))

    count(root)

    def convert(node: ModNode, key: str, name: str | None) -> Node:
        # a block used twice becomes two blocks whose layers are tied one to one
        if node.chain is not None and not node.torch_nn:
            return BlockSpec(children=seq(node, key, node.chain), name=name)
        if node.type == "Sequential" and node.torch_nn:
            return BlockSpec(children=seq(node, key), name=name)
        layer = layer_from(node)
        tie = None
        ident = same.get(node.ident, node.ident)
        if uses[ident] > 1:
            tie = ties.setdefault(ident, f"tie{len(ties) + 1}")
            first, made = tied_layers.setdefault(tie, (key, layer))
            if (made.type, made.args) != (layer.type, layer.args):
                raise ModelRefused(
                    Message(
                        "{key} shares its tensors with {first}, but the two layers differ "
                        "(the app ties whole, equal layers)",
                        key=key,
                        first=first,
                    )
                )
        for tname, t in node.tensors.items():
            if t is not None:
                state[f"{key}.{tname}"] = t
        return LayerSpec(layer.type, layer.args, name=name, tie=tie)

    def seq(node: ModNode, prefix: str, order=None) -> tuple[Node, ...]:
        children = node.children
        if order is not None:
            by_name = dict(node.children)
            unused = [n for n in by_name if n not in order]
            if unused:
                where = f"{prefix}.{unused[0]}" if prefix else unused[0]
                raise ModelRefused(
                    Message("{where} is never called in forward: not a chain", where=where)
                )
            children = [(n, by_name[n]) if isinstance(n, str) else n for n in order]
        out: list[Node] = []
        used = {n for n, *_ in node.children}
        placed: set[str] = set()
        for i, (cname, child, *fn) in enumerate(children):
            if fn:  # a function of forward that is exactly a parameter-free layer
                name = _free(cname.lower(), used)
                out.append(LayerSpec.make(cname, name=name, **child))
                continue
            if cname in placed:  # a child called again: the same module, tied
                cname = _free(f"{cname}_again", used)
            placed.add(cname)
            name = None if cname == str(i) else cname
            key = f"{prefix}.{cname}" if prefix else cname
            out.append(convert(child, key, name))
        return tuple(out)

    if root.type == "Sequential" and root.torch_nn:
        return seq(root, ""), state
    if root.chain is not None and not root.torch_nn:
        return seq(root, "", root.chain), state
    return (convert(root, "0", None),), state


def _called(node: ModNode) -> list[tuple[str, ModNode]]:
    """A node's children as its forward uses them: in call order, repeats included."""
    if node.chain is None or node.torch_nn:
        return list(node.children)
    by_name = dict(node.children)
    return [(n, by_name[n]) for n in node.chain if isinstance(n, str) and n in by_name]


def _leaves(root: ModNode) -> list[ModNode]:
    out, seen, todo = [], set(), [root]
    while todo:
        node = todo.pop()
        if node.ident in seen:
            continue
        seen.add(node.ident)
        if not node.children:
            out.append(node)
        todo.extend(c for _, c in reversed(node.children))
    return out


def _shared_modules(root: ModNode) -> dict[int, int]:
    """Leaves saved as two modules over the very same tensors (TorchScript and
    ``torch.export`` store a module used twice that way): ident -> the first one's ident.

    Tensors shared only in part (one layer's weight reused by another with its own
    bias) cannot be one tied layer: :class:`ModelRefused` names them.
    """
    owner: dict[tuple, tuple[ModNode, str]] = {}
    same: dict[int, int] = {}
    for leaf in _leaves(root):
        sig = {name: _tensor_id(t) for name, t in leaf.tensors.items() if _tensor_id(t)}
        firsts = {owner[i][0].ident for i in sig.values() if i in owner}
        for tname, i in sig.items():
            owner.setdefault(i, (leaf, tname))
        if not firsts:
            continue
        first = owner[next(i for i in sig.values() if i in owner)][0]
        theirs = {n: _tensor_id(t) for n, t in first.tensors.items() if _tensor_id(t)}
        if len(firsts) > 1 or theirs != sig:
            tname, i = next((n, i) for n, i in sig.items() if i in owner)
            other, oname = owner[i]
            raise ModelRefused(
                Message(
                    "{where}.{tname} is the same tensor as {other}.{oname}, but the two layers "
                    "do not share all their tensors (the app ties whole layers)",
                    where=_label(leaf),
                    tname=tname,
                    other=_label(other),
                    oname=oname,
                )
            )
        same[leaf.ident] = same.get(first.ident, first.ident)
    return same


def _tensor_id(t: Any) -> tuple | None:
    """What makes two tensors one: the same memory, viewed the same way (None if empty)."""
    if t is None or not hasattr(t, "untyped_storage") or t.numel() == 0:
        return None
    ptr = t.untyped_storage().data_ptr()
    if not ptr:
        return None
    return (ptr, t.storage_offset(), tuple(t.shape), tuple(t.stride()), str(t.dtype))


def _free(base: str, used: set[str]) -> str:
    name, i = base, 2
    while name in used:
        name, i = f"{base}_{i}", i + 1
    used.add(name)
    return name


def layer_from(node: ModNode):
    """The exact :class:`LayerSpec` of a saved leaf module, or :class:`ModelRefused`."""
    from explorer.core.catalog import catalog
    from explorer.core.spec import LayerSpec

    where = _label(node)
    if node.refusal:
        raise ModelRefused(node.refusal)
    if not node.torch_nn:
        raise ModelRefused(
            Message(
                "{where} is a {origin}: its forward is code, not a chain of torch.nn layers "
                "(only nn.Sequential models of torch.nn layers are imported exactly)",
                where=where,
                origin=node.origin,
            )
        )
    if node.children:
        kinds = ", ".join(f"{n} ({_class_text(c)})" for n, c in node.children[:3])
        raise ModelRefused(
            Message(
                "{where} ({cls}) holds sub-modules {kinds}: not a chain",
                where=where,
                cls=_class_text(node),
                kinds=kinds,
            )
        )
    lt = catalog().get(node.type)
    if lt is None or lt.lazy:
        raise ModelRefused(
            Message(
                "{where} is nn.{type}, which the app does not offer", where=where, type=node.type
            )
        )
    args: dict[str, Any] = {}
    for a in lt.args:
        has_weight = node.tensors.get("weight") is not None
        if a.name == "bias" and (has_weight or node.tensors.get("bias") is not None):
            args["bias"] = node.tensors.get("bias") is not None
        elif a.name == "bias":
            continue  # no weight and no bias (affine=False): the default keeps both absent
        elif a.name in node.attrs and not _is_tensor(node.attrs[a.name]):
            value = node.attrs[a.name]
            args[a.name] = list(value) if isinstance(value, list) else value
        elif a.name in _INIT_ONLY:
            continue
        elif (node.type, a.name) in _FROM_WEIGHT and has_weight:
            args[a.name] = int(node.tensors["weight"].shape[_FROM_WEIGHT[node.type, a.name]])
        else:
            raise ModelRefused(
                Message(
                    "{where} (nn.{type}): the file does not say its {arg}",
                    where=where,
                    type=node.type,
                    arg=a.name,
                )
            )
    try:
        layer = LayerSpec.make(node.type, **args)
    except ExplorerError as e:
        parts = message_parts(e)
        reason = Message(parts[0], **parts[1]) if parts else str(e)
        raise ModelRefused(
            Message("{where} (nn.{type}): {reason}", where=where, type=node.type, reason=reason)
        ) from None
    _check_same(node, layer)
    return layer


def _is_tensor(v: Any) -> bool:
    import torch

    return isinstance(v, torch.Tensor)


def _check_same(node: ModNode, layer) -> None:
    """A layer built from the spec must have the file's attributes and tensor shapes."""
    from explorer.core.build import make_layer

    built = make_layer(layer, device="meta")
    where = Message("{where} (nn.{type})", where=_label(node), type=node.type)
    for k, v in built.__dict__.items():
        if k.startswith("_") or k in _IGNORED_ATTRS or k not in node.attrs:
            continue
        theirs = node.attrs[k]
        if _norm(theirs) != _norm(v):
            raise ModelRefused(
                Message(
                    "{where}: {name}={theirs} cannot be rebuilt (the app makes {ours})",
                    where=where,
                    name=k,
                    theirs=repr(theirs),
                    ours=repr(v),
                )
            )
    ours = {**built._parameters, **built._buffers}
    for k in set(ours) | set(node.tensors):
        a, b = ours.get(k), node.tensors.get(k)
        if (a is None) != (b is None):
            template = (
                "{where}: the file has {name}, the rebuilt layer does not agree"
                if b is not None
                else "{where}: the file has no {name}, the rebuilt layer does not agree"
            )
            raise ModelRefused(Message(template, where=where, name=k))
        if a is not None and tuple(a.shape) != tuple(b.shape):
            raise ModelRefused(
                Message(
                    "{where}: {name} has shape {theirs}, the rebuilt layer {ours}",
                    where=where,
                    name=k,
                    theirs=tuple(b.shape),
                    ours=tuple(a.shape),
                )
            )


def _norm(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_norm(x) for x in v)
    if isinstance(v, tuple):
        return tuple(_norm(x) for x in v)
    return v
