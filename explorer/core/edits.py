"""Pure edit operations on :class:`ModelSpec`: each returns a new, validated spec.

The builder's undo commands call these and keep the old spec, so undo is exact.
Every function raises (and changes nothing) on an edit that would make a bad model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from explorer.core.catalog import validate_args
from explorer.core.errors import Message, SpecError
from explorer.core.spec import (
    BlockSpec,
    LayerSpec,
    ModelSpec,
    Node,
    Path,
    check_name,
    new_id,
    validate,
    with_fresh_ids,
)


def _set_children(spec: ModelSpec, parent: Path, children: tuple[Node, ...]) -> ModelSpec:
    if not parent:
        return replace(spec, children=children)

    def rec(nodes: tuple[Node, ...], path: Path) -> tuple[Node, ...]:
        i = path[0]
        node = nodes[i]
        if not isinstance(node, BlockSpec):
            raise SpecError(Message("not a block"))
        inner = children if len(path) == 1 else rec(node.children, path[1:])
        return (*nodes[:i], replace(node, children=inner), *nodes[i + 1 :])

    return replace(spec, children=rec(spec.children, parent))


def _replace_node(spec: ModelSpec, path: Path, new: Node) -> ModelSpec:
    siblings = spec.children_at(path[:-1])
    i = path[-1]
    return _set_children(spec, path[:-1], (*siblings[:i], new, *siblings[i + 1 :]))


def _drop_lonely_ties(spec: ModelSpec) -> ModelSpec:
    """A tie key used by a single layer is no tie: clear it, so the spec stays canonical."""
    counts: dict[str, int] = {}
    for _, layer in spec.layers():
        if layer.tie is not None:
            counts[layer.tie] = counts.get(layer.tie, 0) + 1
    for path, layer in list(spec.layers()):
        if layer.tie is not None and counts[layer.tie] == 1:
            spec = _replace_node(spec, path, replace(layer, tie=None))
    return spec


def insert(spec: ModelSpec, parent: Path, index: int, node: Node) -> ModelSpec:
    """Insert ``node`` as child ``index`` of the block at ``parent`` (``()`` is the model)."""
    siblings = spec.children_at(parent)
    if not 0 <= index <= len(siblings):
        raise SpecError(
            Message(
                "cannot insert at {index} (children in the block: {n})",
                index=index,
                n=len(siblings),
            )
        )
    return validate(_set_children(spec, parent, (*siblings[:index], node, *siblings[index:])))


def insert_many(spec: ModelSpec, parent: Path, index: int, nodes: Sequence[Node]) -> ModelSpec:
    for k, node in enumerate(nodes):
        spec = insert(spec, parent, index + k, node)
    return spec


def remove(spec: ModelSpec, paths: Sequence[Path]) -> ModelSpec:
    """Remove the nodes at ``paths``; other uses of a tied layer stay."""
    for path in sorted(set(paths), reverse=True):
        siblings = spec.children_at(path[:-1])
        i = path[-1]
        if not 0 <= i < len(siblings):
            raise SpecError(Message("no layer at {path}", path=path))
        spec = _set_children(spec, path[:-1], (*siblings[:i], *siblings[i + 1 :]))
    return validate(_drop_lonely_ties(spec))


def move(spec: ModelSpec, src: Path, parent: Path, index: int) -> ModelSpec:
    """Move the node at ``src`` to child ``index`` of ``parent`` (index counted before removal)."""
    if parent[: len(src)] == src:
        raise SpecError(Message("a block cannot be moved into itself"))
    node = spec.node(src)
    # Removing shifts later siblings and deeper paths that go through src's parent.
    if src[:-1] == parent and src[-1] < index:
        index -= 1
    elif (
        len(parent) > len(src) - 1
        and parent[: len(src) - 1] == src[:-1]
        and parent[len(src) - 1] > src[-1]
    ):
        parent = (*parent[: len(src) - 1], parent[len(src) - 1] - 1, *parent[len(src) :])
    siblings = spec.children_at(src[:-1])
    spec = _set_children(spec, src[:-1], (*siblings[: src[-1]], *siblings[src[-1] + 1 :]))
    return insert(spec, parent, index, node)


def set_args(spec: ModelSpec, path: Path, args: Mapping[str, Any]) -> ModelSpec:
    """Set a layer's arguments (validated); every use of a tied layer changes with it.

    The user has now chosen the arguments, so an import's ``guessed`` mark is cleared.
    """
    layer = spec.node(path)
    if not isinstance(layer, LayerSpec):
        raise SpecError(Message("a block has no arguments"))
    valid = validate_args(layer.type, {**layer.args, **args})
    targets = spec.tie_group(layer.tie) or [path]
    for p in targets:
        spec = _replace_node(spec, p, replace(spec.node(p), args=valid, guessed=None))
    return validate(spec)


def rename(spec: ModelSpec, path: Path, name: str | None) -> ModelSpec:
    name = name.strip() if isinstance(name, str) else None
    name = name or None
    check_name(name, spec.children_at(path[:-1]), path[-1])
    return validate(_replace_node(spec, path, replace(spec.node(path), name=name)))


def set_collapsed(spec: ModelSpec, path: Path, collapsed: bool) -> ModelSpec:
    node = spec.node(path)
    if not isinstance(node, BlockSpec):
        raise SpecError(Message("only blocks collapse"))
    return _replace_node(spec, path, replace(node, collapsed=collapsed))


def group(spec: ModelSpec, paths: Sequence[Path], name: str | None = None) -> ModelSpec:
    """Wrap sibling nodes in a new nested block, placed where the first of them was."""
    paths = sorted(set(paths))
    if not paths:
        raise SpecError(Message("select layers to group"))
    parent = paths[0][:-1]
    if any(p[:-1] != parent for p in paths):
        raise SpecError(Message("only layers of the same block can be grouped"))
    siblings = spec.children_at(parent)
    chosen = {p[-1] for p in paths}
    members = tuple(siblings[i] for i in sorted(chosen))
    rest = [n for i, n in enumerate(siblings) if i not in chosen]
    first = min(chosen)
    new_block = BlockSpec(children=members, name=name)
    return validate(_set_children(spec, parent, (*rest[:first], new_block, *rest[first:])))


def ungroup(spec: ModelSpec, path: Path) -> ModelSpec:
    """Replace a block by its children, in place."""
    node = spec.node(path)
    if not isinstance(node, BlockSpec):
        raise SpecError(Message("only a block can be ungrouped"))
    siblings = spec.children_at(path[:-1])
    i = path[-1]
    inner = tuple(
        replace(c, name=None) if c.name and c.name.isdigit() else c for c in node.children
    )
    return validate(_set_children(spec, path[:-1], (*siblings[:i], *inner, *siblings[i + 1 :])))


def add_shared_use(
    spec: ModelSpec, path: Path, parent: Path | None = None, index: int | None = None
) -> ModelSpec:
    """Insert a second use of the layer at ``path`` (the book's ``shared`` layer).

    By default the new use goes right after the original. Both uses get the same tie key.
    """
    layer = spec.node(path)
    if not isinstance(layer, LayerSpec):
        raise SpecError(Message("only a single layer can be shared"))
    tie = layer.tie or new_id()
    spec = _replace_node(spec, path, replace(layer, tie=tie))
    use = replace(layer, id=new_id(), tie=tie, name=None)
    if parent is None:
        parent, index = path[:-1], path[-1] + 1
    return insert(spec, parent, index if index is not None else len(spec.children_at(parent)), use)


def untie(spec: ModelSpec, path: Path) -> ModelSpec:
    """Make this use an independent layer (a copy with its own parameters)."""
    layer = spec.node(path)
    if not isinstance(layer, LayerSpec) or layer.tie is None:
        raise SpecError(Message("this layer is not tied"))
    return validate(_drop_lonely_ties(_replace_node(spec, path, replace(layer, tie=None))))


def duplicate(spec: ModelSpec, paths: Sequence[Path]) -> ModelSpec:
    """Insert an independent copy of each node right after the last selected one."""
    paths = sorted(set(paths))
    if not paths:
        raise SpecError(Message("nothing selected"))
    last = paths[-1]
    copies = [with_fresh_ids(replace(spec.node(p), name=None)) for p in paths]
    return insert_many(spec, last[:-1], last[-1] + 1, copies)


def set_input(
    spec: ModelSpec, input_shape: Sequence[int] | None = None, dtype: str | None = None
) -> ModelSpec:
    new = replace(
        spec,
        input_shape=tuple(input_shape) if input_shape is not None else spec.input_shape,
        dtype=dtype or spec.dtype,
    )
    return validate(new)


def move_nodes(
    spec: ModelSpec, ids: Sequence[str], parent_id: str | None, before_id: str | None
) -> ModelSpec:
    """Move the nodes ``ids`` (kept in model order) into a block, before a sibling.

    ``parent_id`` names the target block (``None``: the model itself); ``before_id`` the
    sibling the nodes go before (``None``: the end). Ties are kept: moving is not removing.
    """
    paths = sorted(spec.path_of(i) for i in set(ids))
    target = spec.path_of(parent_id) if parent_id is not None else ()
    for p in paths:
        if target[: len(p)] == p:
            raise SpecError(Message("a block cannot be moved into itself"))
    nodes = [spec.node(p) for p in paths]
    for p in sorted(paths, reverse=True):
        siblings = spec.children_at(p[:-1])
        spec = _set_children(spec, p[:-1], (*siblings[: p[-1]], *siblings[p[-1] + 1 :]))
    parent = spec.path_of(parent_id) if parent_id is not None else ()
    siblings = spec.children_at(parent)
    index = len(siblings)
    if before_id is not None and before_id not in ids:
        index = next(i for i, n in enumerate(siblings) if n.id == before_id)
    return validate(_set_children(spec, parent, (*siblings[:index], *nodes, *siblings[index:])))
