"""The Tensor tab's statistics table, sized to show every row and both columns whole.

A table that is a few pixels too narrow gets a horizontal scroll bar, which takes the
height of its last row: at 1280x800 the table scrolled although its rows fitted. This
table takes the width its numbers need (the widest a ``{:.6g}`` value can be) and the
height of all its rows, as its minimum, so the splitter and the dock never cut it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableWidget, QWidget

#: The widest text a cell shows: a negative number in ``.6g`` with an exponent.
WIDEST_NUMBER = "-8.88888e-888"


class StatsTable(QTableWidget):
    """``rows`` labelled rows and ``columns`` titled columns, never scrolled."""

    def __init__(self, rows: list[str], columns: list[str], parent: QWidget | None = None):
        super().__init__(len(rows), len(columns), parent)
        self.setObjectName("TensorStats")
        self.setHorizontalHeaderLabels(columns)
        self.setVerticalHeaderLabels(rows)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        fm = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(max(18, fm.height() + 4))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        cell = fm.horizontalAdvance(WIDEST_NUMBER) + 12
        for c, title in enumerate(columns):
            header.resizeSection(c, max(cell, fm.horizontalAdvance(title) + 16))
        self.setMinimumSize(self._whole())

    def _whole(self) -> QSize:
        """The size that shows every row and column with no scroll bar."""
        vh, hh = self.verticalHeader(), self.horizontalHeader()
        frame = 2 * self.frameWidth()
        width = vh.sizeHint().width() + sum(hh.sectionSize(c) for c in range(self.columnCount()))
        height = hh.sizeHint().height() + sum(vh.sectionSize(r) for r in range(self.rowCount()))
        return QSize(width + frame + 2, height + frame + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._whole()

    def all_rows_shown(self) -> bool:
        """Every row and column lies inside the viewport (nothing to scroll to)."""
        view = self.viewport().rect()
        last_row = self.visualRect(self.model().index(self.rowCount() - 1, self.columnCount() - 1))
        return (
            self.verticalScrollBar().maximum() == 0
            and self.horizontalScrollBar().maximum() == 0
            and view.contains(last_row)
        )
