"""The values of a tensor as a table, one page at a time, editable for parameters.

The table shows the same 2-D view the heatmap shows (the last two dimensions, the
others fixed by the sliders). Only the visible page is copied to the GUI: 100 x 50
values. Editing a cell does not write into the model itself; it reports the full index
and the new value through ``edit_requested`` and the inspector turns that into an
undoable :class:`~explorer.ui.common.commands.WeightsCommand`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

PAGE_ROWS = 100
PAGE_COLS = 50


class PageModel(QAbstractTableModel):
    """A page of a 2-D array; headers give the tensor's own row and column indices."""

    edited = Signal(int, int, float)  # row, column in the full 2-D view, new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.row0 = self.col0 = 0
        self.editable = False

    def set_page(self, values: np.ndarray, row0: int, col0: int, editable: bool) -> None:
        same = (values.shape, row0, col0, editable) == (
            self.values.shape,
            self.row0,
            self.col0,
            self.editable,
        )
        if same and values.size:  # new values only: keep an open editor and the current cell
            self.values = values
            last = self.index(values.shape[0] - 1, values.shape[1] - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.values, self.row0, self.col0, self.editable = values, row0, col0, editable
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self.values.shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self.values.shape[1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            v = self.values[index.row(), index.column()]
            # the editor gets every digit of a float32 (a text editor, not a rounding spin box)
            return f"{v:.6g}" if role == Qt.ItemDataRole.DisplayRole else f"{v:.9g}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        offset = self.col0 if orientation == Qt.Orientation.Horizontal else self.row0
        return str(offset + section)

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        self.edited.emit(self.row0 + index.row(), self.col0 + index.column(), number)
        return True


class ValuesTable(QWidget):
    """Paged, optionally editable view of a 2-D tensor view.

    ``fetch(row0, row1, col0, col1) -> numpy array`` reads one page; the table never
    holds more than a page.
    """

    edit_requested = Signal(int, int, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model_ = PageModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model_)
        self.view.verticalHeader().setDefaultSectionSize(20)
        # wide enough for the longest value .6g prints ("-1.23457e-05"): never cut a sign
        widest = self.view.fontMetrics().horizontalAdvance("-8.88888e-88")
        self.view.horizontalHeader().setDefaultSectionSize(widest + 14)
        self.row_page = QSpinBox(self)
        self.col_page = QSpinBox(self)
        self.where = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Row page"), self))
        bar.addWidget(self.row_page)
        bar.addWidget(QLabel(self.tr("Column page"), self))
        bar.addWidget(self.col_page)
        bar.addWidget(self.where, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.shape = (0, 0)
        self.fetch = None
        self.editable = False
        self.row_page.valueChanged.connect(lambda _: self.reload())
        self.col_page.valueChanged.connect(lambda _: self.reload())
        self.model_.edited.connect(self.edit_requested)

    def set_source(self, shape: tuple[int, int], fetch, editable: bool) -> None:
        """Show a 2-D view of ``shape``; keeps the current page when it still exists."""
        self.shape, self.fetch, self.editable = shape, fetch, editable
        for spin, n, size in (
            (self.row_page, shape[0], PAGE_ROWS),
            (self.col_page, shape[1], PAGE_COLS),
        ):
            spin.blockSignals(True)
            spin.setRange(0, max(0, (n - 1) // size))
            spin.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        rows, cols = self.shape
        if self.fetch is None or rows == 0 or cols == 0:
            self.model_.set_page(np.zeros((0, 0)), 0, 0, False)
            self.where.setText("")
            return
        r0, c0 = self.row_page.value() * PAGE_ROWS, self.col_page.value() * PAGE_COLS
        r1, c1 = min(rows, r0 + PAGE_ROWS), min(cols, c0 + PAGE_COLS)
        self.model_.set_page(self.fetch(r0, r1, c0, c1), r0, c0, self.editable)
        self.where.setText(
            self.tr("rows {0}–{1} of {2}, columns {3}–{4} of {5}").format(
                r0, r1 - 1, rows, c0, c1 - 1, cols
            )
        )
