"""The canvas's list model: one row per visible card, computed from the spec and its report.

Rows are plain values (:class:`CanvasRow`); the delegate paints them, so a model of
1,000 layers costs 1,000 small tuples, not 1,000 widgets. The first row is the model's
input and the last the totals; children of collapsed blocks are not rows.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QStringListModel, Qt

from explorer.core.format import group_digits, shape_text
from explorer.core.param_rows import common_head
from explorer.core.shapes import LayerRow, ShapeReport
from explorer.core.spec import BlockSpec, ModelSpec, Node, Path
from explorer.ui.common.messages import message_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
# Combined once: the view asks for every painted card's flags, and an enum "|" in Python
# costs a few microseconds.
_PLAIN_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled  # input, totals
_CARD_FLAGS = _PLAIN_FLAGS | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


class CanvasRow(NamedTuple):
    """One card. ``kind`` is ``"input"``, ``"node"`` or ``"total"``.

    A named tuple: a 1,000-layer model makes 1,000 of them on every edit.
    """

    kind: str
    path: Path = ()
    node: Node | None = None
    info: LayerRow | None = None
    uses: int = 1  # how many uses the layer's tie group has

    @property
    def is_block(self) -> bool:
        return isinstance(self.node, BlockSpec)

    @property
    def depth(self) -> int:
        return max(len(self.path) - 1, 0)


def _card_id(row: CanvasRow):
    """What makes a card the same card across edits: its kind and its layer's id."""
    return row.kind, row.node.id if row.node is not None else None


def _shows_differently(a: CanvasRow, b: CanvasRow) -> bool:
    return (
        a.node is not b.node
        or a.uses != b.uses
        or a.path != b.path
        or (a.info is not b.info and a.info != b.info)
    )


class CanvasModel(QStringListModel):
    """Rows follow :meth:`refresh`; the view calls it on every spec change.

    A :class:`QStringListModel` of one empty string per row, only so that Qt counts the
    rows itself: after an insertion QListView lays out every row and asks the model for
    each row's index, and ``QAbstractListModel.index`` asks ``rowCount`` -- in Python,
    ~2,000 calls and ~8 ms per edit of a 1,000-layer model. The rows themselves are
    :attr:`rows`; the strings are never shown (:meth:`data` answers every role).

    :attr:`rows` changes when Qt says the row count did (``rowsInserted``,
    ``rowsRemoved``, ``rowsMoved``, ``modelReset``), before any view hears of it, so a
    view never sees rows and a count that disagree.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[CanvasRow] = []
        self.spec = ModelSpec()
        self.report: ShapeReport | None = None
        self._row_of_id: dict[str, int] = {}
        self._ids: list[tuple] = []  # _card_id of each row
        self._next: list[CanvasRow] | None = None  # rows to show once Qt's count changes
        # Connected before any view connects: runs first.
        for signal in (self.rowsInserted, self.rowsRemoved, self.rowsMoved, self.modelReset):
            signal.connect(self._take_next)

    def _take_next(self, *_) -> None:
        if self._next is not None:
            self._set_rows(self._next)
            self._next = None

    def _change(self, rows: list[CanvasRow], apply) -> None:
        """Show ``rows`` when ``apply()`` (a QStringListModel call) changes the count."""
        self._next = rows
        try:
            apply()
        finally:
            self._take_next()

    def refresh(self, spec: ModelSpec, report: ShapeReport) -> None:
        """Follow ``spec``: rows that stay are kept, the changed span is removed and inserted.

        An edit of one layer in a long model touches a few rows, so the view (its
        selection, scroll position and row geometry) is told exactly that instead of
        being reset; rows that stay but show something new (a renumbered key, a new
        shape) get ``dataChanged``, which repaints them only when they are visible.
        """
        rows = self._rows_for(spec, report)
        old, old_ids = self.rows, self._ids
        ids = [(r.kind, r.node.id if r.node is not None else None) for r in rows]  # _card_id
        self.spec, self.report, self._ids = spec, report, ids
        n_old, n_new = len(old), len(rows)
        same = min(n_old, n_new)
        head = common_head(old_ids, ids)
        tail = common_head(old_ids[::-1], ids[::-1]) if head < same else 0
        tail = min(tail, same - head)
        removed, inserted = n_old - head - tail, n_new - head - tail
        if removed == inserted > 1 and self._moved_one(old, rows, head, removed):
            return
        if not old or removed + inserted > max(16, same // 2):
            # a different model: nothing worth keeping
            self._change(rows, lambda: self.setStringList([""] * n_new))
            return
        if removed:
            kept = old[:head] + old[n_old - tail :]
            self._change(kept, lambda: self.removeRows(head, removed))
        if inserted:
            self._change(rows, lambda: self.insertRows(head, inserted))
        self._set_rows(rows)
        first = next((i for i in range(head) if _shows_differently(old[i], rows[i])), None)
        if first is None:
            shift = n_new - n_old
            first = next(
                (
                    j
                    for j in range(n_new - tail, n_new)
                    if _shows_differently(old[j - shift], rows[j])
                ),
                n_new - 1,  # the totals row shows the report's sums
            )
        self.dataChanged.emit(self.index(first), self.index(n_new - 1))

    def _moved_one(self, old: list, rows: list, head: int, span: int) -> bool:
        """One card moved within ``old[head:head + span]``: tell the view it moved."""
        a = [_card_id(r) for r in old[head : head + span]]
        b = [_card_id(r) for r in rows[head : head + span]]
        if b == a[1:] + a[:1]:  # the first card went to the end of the span
            src, dst, pairs = head, head + span, [(head, head + span - 1)]
            pairs += [(head + k + 1, head + k) for k in range(span - 1)]
        elif b == a[-1:] + a[:-1]:  # the last card went to the start
            src, dst, pairs = head + span - 1, head, [(head + span - 1, head)]
            pairs += [(head + k, head + k + 1) for k in range(span - 1)]
        else:
            return False
        self._change(rows, lambda: self.moveRows(QModelIndex(), src, 1, QModelIndex(), dst))
        kept = [(i, i) for i in range(len(rows)) if not head <= i < head + span]
        self._changed(old, rows, kept + pairs)
        return True

    def _changed(self, old: list, rows: list, kept: list[tuple[int, int]]) -> None:
        """``dataChanged`` over the kept rows (old row, new row) that now show otherwise."""
        changed = [j for i, j in kept if _shows_differently(old[i], rows[j])]
        changed.append(len(rows) - 1)  # the totals row shows the report's sums
        self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))

    def _set_rows(self, rows: list[CanvasRow]) -> None:
        self.rows = rows
        self._row_of_id = {r.node.id: i for i, r in enumerate(rows) if r.node is not None}

    @staticmethod
    def _rows_for(spec: ModelSpec, report: ShapeReport) -> list[CanvasRow]:
        nodes = dict(spec.walk())
        ties: dict[str, int] = {}
        for node in nodes.values():
            tie = getattr(node, "tie", None)  # a block has none
            if tie is not None:
                ties[tie] = ties.get(tie, 0) + 1
        rows = [CanvasRow("input")]
        hidden_under: Path | None = None
        for info in report.rows:
            path = info.path
            if hidden_under is not None and path[: len(hidden_under)] == hidden_under:
                continue
            hidden_under = None
            node = nodes.get(path)
            if node is None:  # a Python class's rows (named_modules keys) have no card
                continue
            tie = getattr(node, "tie", None)
            rows.append(CanvasRow("node", path, node, info, ties.get(tie, 1) if tie else 1))
            if isinstance(node, BlockSpec) and node.collapsed:
                hidden_under = path
        rows.append(CanvasRow("total"))
        return rows

    # ----- Qt model -------------------------------------------------------------------

    def supportedDropActions(self):  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction  # as QAbstractItemModel's (the view handles drops)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.node.id if row.node is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return " · ".join(self.texts(index.row()).values())
        if role == Qt.ItemDataRole.ToolTipRole and row.info is not None:
            guess = row.node.guessed if row.node is not None else None
            return (
                message_text(row.info.error)
                if row.info.error
                else (self.tr("guessed: {0}").format(message_text(guess)) if guess else None)
            )
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.rows[index.row()].kind != "node":
            return _PLAIN_FLAGS
        return _CARD_FLAGS

    # ----- helpers for the view and tests ---------------------------------------------

    def row_of(self, node_id: str) -> int | None:
        return self._row_of_id.get(node_id)

    def texts(self, r: int) -> dict[str, str]:
        """What card ``r`` shows, as text: name, layer, shape, params."""
        row = self.rows[r]
        report = self.report
        if row.kind == "input":
            return {
                "name": "input",
                "layer": self.spec.dtype,
                "shape": shape_text(self.spec.input_shape),
                "params": "",
            }
        if row.kind == "total":
            ok = report is not None and report.ok
            return {
                "name": "",
                "layer": "total",
                "shape": shape_text(report.output_shape) if ok else "",
                "params": group_digits(report.total_params) if report else "",
            }
        info = row.info
        params = "shared" if info.shared else group_digits(info.params)
        return {
            "name": info.key,
            "layer": info.label,
            "shape": shape_text(info.out_shape) if info.reached and info.out_shape else "",
            "params": params,
        }
