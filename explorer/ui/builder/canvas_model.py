"""The canvas's list model: one row per visible card, computed from the spec and its report.

Rows are plain values (:class:`CanvasRow`); the delegate paints them, so a model of
1,000 layers costs 1,000 small tuples, not 1,000 widgets. The first row is the model's
input and the last the totals; children of collapsed blocks are not rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from explorer.core.format import group_digits, shape_text
from explorer.core.shapes import LayerRow, ShapeReport
from explorer.core.spec import BlockSpec, ModelSpec, Node, Path
from explorer.ui.common.messages import message_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class CanvasRow:
    """One card. ``kind`` is ``"input"``, ``"node"`` or ``"total"``."""

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
    return a.node is not b.node or a.uses != b.uses or a.path != b.path or a.info != b.info


class CanvasModel(QAbstractListModel):
    """Rows follow :meth:`refresh`; the view calls it on every spec change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[CanvasRow] = []
        self.spec = ModelSpec()
        self.report: ShapeReport | None = None
        self._row_of_id: dict[str, int] = {}

    def refresh(self, spec: ModelSpec, report: ShapeReport) -> None:
        """Follow ``spec``: rows that stay are kept, the changed span is removed and inserted.

        An edit of one layer in a long model touches a few rows, so the view (its
        selection, scroll position and row geometry) is told exactly that instead of
        being reset; rows that stay but show something new (a renumbered key, a new
        shape) get ``dataChanged``, which repaints them only when they are visible.
        """
        rows = self._rows_for(spec, report)
        old = self.rows
        self.spec, self.report = spec, report
        n_old, n_new = len(old), len(rows)
        same = min(n_old, n_new)
        head = 0
        while head < same and _card_id(old[head]) == _card_id(rows[head]):
            head += 1
        tail = 0
        while tail < same - head and _card_id(old[n_old - 1 - tail]) == _card_id(
            rows[n_new - 1 - tail]
        ):
            tail += 1
        removed, inserted = n_old - head - tail, n_new - head - tail
        if removed == inserted > 1 and self._moved_one(old, rows, head, removed):
            return
        if not old or removed + inserted > max(16, same // 2):
            self.beginResetModel()  # a different model: nothing worth keeping
            self._set_rows(rows)
            self.endResetModel()
            return
        if removed:
            self.beginRemoveRows(QModelIndex(), head, head + removed - 1)
            self._set_rows(old[:head] + old[n_old - tail :])
            self.endRemoveRows()
        if inserted:
            self.beginInsertRows(QModelIndex(), head, head + inserted - 1)
            self._set_rows(rows)
            self.endInsertRows()
        self._set_rows(rows)
        kept = [(i, i) for i in range(head)]
        kept += [(n_old - tail + k, n_new - tail + k) for k in range(tail)]
        self._changed(old, rows, kept)

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
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst)
        self._set_rows(rows)
        self.endMoveRows()
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
        ties: dict[str, int] = {}
        for _, layer in spec.layers():
            if layer.tie is not None:
                ties[layer.tie] = ties.get(layer.tie, 0) + 1
        rows = [CanvasRow("input")]
        hidden_under: Path | None = None
        nodes = dict(spec.walk())
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

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

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
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

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
