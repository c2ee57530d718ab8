"""A layered drawing of a small DAG (the autograd graph): rows by depth, columns by order.

Sugiyama's scheme in its simplest form, enough for graphs of tens of nodes: each node
sits in the row of its longest path from the root (:attr:`GraphNode.depth`); within a
row, nodes are ordered by the mean column of their parents (barycentre, one downward
pass), which keeps most edges short and uncrossed. A layout library (Graphviz ``dot``,
or ``grandalf``) would add crossing minimisation over several passes and edge routing;
for graphs of this size the difference is small and not worth a dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

from explorer.core.autograd_graph import GraphNode


def layered_positions(nodes: Sequence[GraphNode]) -> dict[int, tuple[float, int]]:
    """``index -> (column, row)``; columns are centred on 0 within each row."""
    parents: dict[int, list[int]] = {n.index: [] for n in nodes}
    for n in nodes:
        for k in n.next:
            if k is not None and n.index not in parents[k]:
                parents[k].append(n.index)
    rows: dict[int, list[int]] = {}
    for n in nodes:
        rows.setdefault(n.depth, []).append(n.index)
    column: dict[int, float] = {}
    for depth in sorted(rows):
        members = rows[depth]
        if depth > 0:

            def centre(i: int) -> float:
                cols = [column[p] for p in parents[i] if p in column]
                return sum(cols) / len(cols) if cols else 0.0

            members = sorted(members, key=lambda i: (centre(i), i))
        width = len(members)
        for pos, i in enumerate(members):
            column[i] = pos - (width - 1) / 2
    return {i: (column[i], next(n.depth for n in nodes if n.index == i)) for i in column}
