"""The rows of the Parameters tree, as plain data, and how to get from one list to the next.

:func:`tree_rows` turns a live model and its spec into the tree's rows: the model, its
blocks and layers (as the spec nests them) and, under each layer, its ``state_dict``
tensors under the names PyTorch gives them (a tied tensor once, with every name).
Every row has a stable ``uid`` (from spec ids, not from positions), so after an edit a
view can keep the rows that stay and touch only the ones that changed: inserting a
layer in a 1,000-layer model renames the keys behind it (``nn.Sequential`` names children
by index) but adds one row. :func:`reorder_plan` says which children to take out and
where to insert, with few moves.

The per-module facts (which tensors, their shapes and ``.grad`` states) are cached in a
:class:`TensorCache` across spec edits, since an edit reuses the modules of the layers it
did not change; clear it when values change (a step, an init, a load, a device move).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from explorer.core.params import ParamEntry, describe
from explorer.core.spec import BlockSpec, ModelSpec

if TYPE_CHECKING:
    from torch import nn

MODEL_UID = "model"


class TreeRow(NamedTuple):
    """One row of the Parameters tree.

    Attributes
    ----------
    uid : str
        Stable across edits: ``"model"``, ``"n:<node id>"`` for a block or layer,
        ``"t:<layer id>:<local name>"`` for a tensor.
    parent : str or None
        The uid of the row it sits under (None for the model row).
    kind : str
        ``"model"``, ``"block"``, ``"layer"``, ``"use"`` (a second use of a tied layer,
        whose tensors are listed under its first use) or ``"tensor"``.
    key : str
        The module key (``"3.1"``; ``""`` for the model); for a tensor, its owner layer's.
    label : str
        ``"3  Linear"``; for a tied second use, ``earlier`` is the first use's key.
    names : tuple of str
        A tensor row's ``state_dict`` names; a second use's names of its tensors.
    """

    uid: str
    parent: str | None
    kind: str
    key: str = ""
    node_id: str | None = None
    label: str = ""
    earlier: str = ""
    names: tuple[str, ...] = ()
    entry: ParamEntry | None = None


@dataclass(frozen=True)
class TreeRows:
    rows: list[TreeRow]  # pre-order: every parent before its children
    entries: list[ParamEntry]  # as params.list_entries(net) gives them

    @cached_property
    def by_uid(self) -> dict[str, TreeRow]:
        """Uid -> its row (kept with the rows, so the next edit's diff reuses it)."""
        return {r.uid: r for r in self.rows}

    @cached_property
    def children(self) -> dict[str | None, list[str]]:
        """Parent uid -> its children's uids, in order."""
        out: dict[str | None, list[str]] = {}
        for r in self.rows:
            out.setdefault(r.parent, []).append(r.uid)
        return out


class TensorCache:
    """A layer module's ``state_dict`` tensors and their metadata, kept across spec edits.

    Valid while the module's tensors and their ``.grad`` stay as they were: call
    :meth:`clear` after a step, an init, a load or a device move.
    """

    def __init__(self) -> None:
        self._by_module: dict[int, tuple[Any, tuple]] = {}
        self._seen: set[int] = set()
        self._entries: dict[tuple[int, tuple[str, ...]], tuple[dict, ParamEntry]] = {}
        # (layer id, parent uid, key) -> (module, its tensors, the layer's rows): the rows
        # of the last tree_rows call, and those of this call so far.
        self._segments: dict[tuple, tuple] = {}
        self._next_segments: dict[tuple, tuple] = {}

    def clear(self) -> None:
        self._by_module.clear()
        self._entries.clear()
        self._segments.clear()
        self._next_segments.clear()

    def segment(self, where: tuple, module: Any) -> tuple[TreeRow, ...] | None:
        """The rows last built for ``module`` as a layer at ``where``, if any.

        They hold its tensors as :meth:`tensors` gave them, which stays so until
        :meth:`clear`, and that forgets the rows too.
        """
        hit = self._segments.get(where)
        if hit is None or hit[0] is not module:
            return None
        self._seen.add(id(module))  # as tensors() would
        self._next_segments[where] = hit
        return hit[2]

    def keep_segment(self, where: tuple, module: Any, tensors: tuple, rows: tuple) -> None:
        self._next_segments[where] = (module, tensors, rows)

    def entry(self, tensor_id: int, names: tuple[str, ...], fields: dict) -> ParamEntry:
        """The entry of a cached tensor under ``names`` (the same object while they stay)."""
        hit = self._entries.get((tensor_id, names))
        if hit is not None and hit[0] is fields:  # the same cached facts, not a reused id
            return hit[1]
        entry = _entry(names, fields)
        self._entries[tensor_id, names] = (fields, entry)
        return entry

    def tensors(self, module: nn.Module) -> tuple[tuple[str, Any, dict], ...]:
        """``(local name, tensor, ParamEntry fields but the names)`` for each tensor."""
        self._seen.add(id(module))
        hit = self._by_module.get(id(module))
        if hit is not None and hit[0] is module:
            return hit[1]
        state = module.state_dict(keep_vars=True)
        params = {id(p) for p in module.parameters()}
        items = []
        for local, t in state.items():
            fields = asdict(describe((), t, "parameter" if id(t) in params else "buffer"))
            del fields["names"]
            items.append((local, t, fields))
        items = tuple(items)
        self._by_module[id(module)] = (module, items)
        return items

    def prune(self) -> None:
        """Forget modules not asked for since the last prune (dropped by edits)."""
        for k in [k for k in self._by_module if k not in self._seen]:
            del self._by_module[k]
        self._seen = set()
        if len(self._entries) > 4 * len(self._by_module) + 64:  # renamed entries pile up
            self._entries.clear()
        self._segments, self._next_segments = self._next_segments, {}


def _entry(names: tuple[str, ...], fields: dict) -> ParamEntry:
    """``ParamEntry(names=names, **fields)``, about five times faster.

    An insertion in a 1,000-layer model renames ~500 tensors; the frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` per field, ~6 us) cost ~3 ms of every such
    edit. The instance gets the same attributes, in field order.
    """
    entry = object.__new__(ParamEntry)
    object.__setattr__(entry, "__dict__", {"names": names, **fields})
    return entry


class _SharedModule(Exception):
    """A module given its own rows turned out to be used at another place too."""


def _spec_rows(net: Any, spec: ModelSpec, cache: TensorCache, fast: bool) -> tuple:
    """The rows of :func:`tree_rows` as the spec nests them, tensor rows of tied modules left
    as None in ``rows`` (with ``names``, ``facts`` and ``pending`` to fill them).

    ``fast``: a layer that is not tied gets its rows from the cache's segments. Should its
    module be used at another place as well, :class:`_SharedModule` is raised: call again
    with ``fast=False``, which lists every module as a possibly shared one.
    """
    rows = [TreeRow(MODEL_UID, None, "model")]
    first_use: dict[int, str] = {}  # id(module) -> key of its first use
    alone: set[int] = set()  # id(module) of the layers given their own rows
    names: dict[int, list[str]] = {}  # id(tensor) -> its state_dict names, in order
    facts: dict[int, dict] = {}
    pending: list[tuple] = []  # (row index, id(tensor), layer uid, local name, layer key)
    tensors_of, segment_at, keep = cache.tensors, cache.segment, cache.keep_segment

    def visit(children, parent: Any, pk: str, parent_uid: str) -> None:
        """Rows of ``children`` (spec nodes) of the module ``parent`` (key ``pk``)."""
        nonlocal rows
        modules = parent._modules
        for i, node in enumerate(children):
            ck = node.name if node.name is not None else str(i)  # as spec.child_key
            module = modules.get(ck)
            if module is None:
                continue
            key = f"{pk}.{ck}" if pk else ck
            if isinstance(node, BlockSpec):
                uid = f"n:{node.id}"
                rows.append(TreeRow(uid, parent_uid, "block", key, node.id, f"{ck}  Sequential"))
                visit(node.children, module, key, uid)
                continue
            if id(module) in alone:
                raise _SharedModule
            if fast and node.tie is None and id(module) not in first_use:
                alone.add(id(module))
                where = (node.id, parent_uid, key)
                segment = segment_at(where, module)
                if segment is None:
                    tensors = tensors_of(module)
                    segment = _layer_segment(cache, node.id, parent_uid, key, ck, module, tensors)
                    keep(where, module, tensors, segment)
                rows += segment
                continue
            tensors = tensors_of(module)
            uid = f"n:{node.id}"
            label = f"{ck}  {type(module).__name__}"
            earlier = first_use.setdefault(id(module), key)
            if earlier != key:
                use_names = tuple(f"{key}.{local}" for local, _, _ in tensors)
                for (_, t, _), name in zip(tensors, use_names, strict=True):
                    names.setdefault(id(t), []).append(name)
                rows.append(
                    TreeRow(uid, parent_uid, "use", key, node.id, label, earlier, use_names)
                )
                continue
            rows.append(TreeRow(uid, parent_uid, "layer", key, node.id, label))
            for local, t, described in tensors:
                seen = id(t) in names
                names.setdefault(id(t), []).append(f"{key}.{local}")
                if not seen:
                    facts[id(t)] = described
                    pending.append((len(rows), id(t), uid, local, key))
                    rows.append(None)  # filled below, when every name is known

    visit(spec.children, net, "", MODEL_UID)
    return rows, names, facts, pending


def tree_rows(net: nn.Module, spec: ModelSpec, cache: TensorCache | None = None) -> TreeRows:
    """The tree's rows for ``net`` built from ``spec`` (layers the net lacks are skipped).

    A model without layers in its spec but with children (a Python class) is shown as
    ``named_modules()`` nests it: one row per module with its own tensors.

    With a ``cache``, a layer that is not tied and whose key, parent and module are what
    they were in the cache's last call gets the same row objects back: after an edit of
    a long model most rows are identical (``is``), and only renamed or new ones are built.
    """
    if not spec.children and any(True for _ in net.children()):
        return _module_rows(net)
    cache = cache if cache is not None else TensorCache()
    try:
        rows, names, facts, pending = _spec_rows(net, spec, cache, fast=True)
    except _SharedModule:  # one module at two places without a tie (what Untie leaves)
        rows, names, facts, pending = _spec_rows(net, spec, cache, fast=False)
    cache.prune()
    for index, tid, layer_uid, local, key in pending:
        entry = cache.entry(tid, tuple(names[tid]), facts[tid])
        rows[index] = TreeRow(
            f"t:{layer_uid[2:]}:{local}",
            layer_uid,
            "tensor",
            key,
            layer_uid[2:],
            "",
            "",
            entry.names,
            entry,
        )
    entries = [r.entry for r in rows if r.entry is not None]
    return TreeRows(rows, entries)


def _layer_segment(
    cache: TensorCache, node_id, parent_uid, key, ck, module, tensors
) -> tuple[TreeRow, ...]:
    """The rows of a layer that is not tied: itself, then its tensors (one name each)."""
    uid = f"n:{node_id}"
    out = [TreeRow(uid, parent_uid, "layer", key, node_id, f"{ck}  {type(module).__name__}")]
    for local, t, described in tensors:
        entry = cache.entry(id(t), (f"{key}.{local}",), described)
        out.append(
            TreeRow(f"t:{node_id}:{local}", uid, "tensor", key, node_id, "", "", entry.names, entry)
        )
    return tuple(out)


def _module_rows(net: nn.Module) -> TreeRows:
    """Rows of a model built by a Python class: its modules by key, their own tensors.

    Every row's uid comes from its key (there are no spec ids); a tensor sits under the
    module of its first name, the model's own ``nn.Parameter`` under the model row.
    """
    from explorer.core.params import list_entries, owner_of

    entries = list_entries(net)
    by_owner: dict[str, list[ParamEntry]] = {}
    for e in entries:
        by_owner.setdefault(owner_of(e.name), []).append(e)

    def tensors(key: str, uid: str) -> list[TreeRow]:
        return [
            TreeRow(f"t:{e.name}", uid, "tensor", key, None, "", "", e.names, e)
            for e in by_owner.get(key, [])
        ]

    rows = [TreeRow(MODEL_UID, None, "model"), *tensors("", MODEL_UID)]
    for key, module in net.named_modules():
        if not key:
            continue
        parent, _, last = key.rpartition(".")
        uid = f"m:{key}"
        label = f"{last}  {type(module).__name__}"
        rows.append(TreeRow(uid, f"m:{parent}" if parent else MODEL_UID, "layer", key, None, label))
        rows += tensors(key, uid)
    return TreeRows(rows, entries)


def reorder_plan(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[set, list]:
    """How to turn the child list ``old`` into ``new`` with few moves.

    Returns
    -------
    take : set
        Items to take out of ``old`` (gone, or moved). What is left is in ``new``'s order.
    inserts : list of (index, item)
        Then insert these, in this order (increasing index), to get ``new``.
    """
    old, new = list(old), list(new)
    head = common_head(old, new)  # an edit in a long list keeps most of both ends
    tail = common_head(old[head:][::-1], new[head:][::-1])
    mid_old, mid_new = old[head : len(old) - tail], new[head : len(new) - tail]
    where = {u: i for i, u in enumerate(mid_old)}
    kept = [u for u in mid_new if u in where]
    stay = set(_longest_increasing([where[u] for u in kept], kept))
    take = {u for u in mid_old if u not in stay}
    inserts = [(head + j, u) for j, u in enumerate(mid_new) if u not in stay]
    return take, inserts


def common_head(a: list, b: list) -> int:
    """The length of the longest common prefix of ``a`` and ``b``.

    Found by halving with slice comparisons (done by the list type, not a Python loop):
    for two lists of 1,000 that differ in the middle, ~10 comparisons of slices.
    """
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _longest_increasing(values: list[int], items: list) -> list:
    """The items at a longest strictly increasing subsequence of ``values`` (patience sort)."""
    tails: list[int] = []  # tails[k]: the smallest last value of an increasing run of k + 1
    tail_at: list[int] = []  # the position in values of that last value
    back: list[int] = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = v, i
        back[i] = tail_at[k - 1] if k else -1
    out, i = [], tail_at[-1] if tail_at else -1
    while i != -1:
        out.append(items[i])
        i = back[i]
    return out[::-1]
