"""The model as a list: one row per layer or block, with output shape and parameters.

A plain tree view over the spec and its shape report. It is the canvas until the visual
builder replaces it, and stays useful as the compact "outline" of a model.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from explorer.core.format import group_digits, shape_text
from explorer.ui.formatting import ERROR_RED, muted

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeView):
    """Rows follow ``window.document``; selection follows ``window.selection`` both ways."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.document.spec_changed.connect(lambda *_: self.refresh())
        self.selectionModel().selectionChanged.connect(self._on_selection)
        window.selection.layers_changed.connect(self._select_ids)
        window.when_ready(self.refresh)

    def refresh(self) -> None:
        report = self.document.report
        spec = self.document.spec
        self.model_.clear()
        self.model_.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Layer"), self.tr("Output shape"), self.tr("Params")]
        )
        root = self.model_.invisibleRootItem()
        parents = {(): root}
        input_row = [
            QStandardItem(self.tr("input")),
            QStandardItem(spec.dtype),
            QStandardItem(shape_text(spec.input_shape)),
            QStandardItem(""),
        ]
        for item in input_row:
            item.setEditable(False)
            item.setForeground(QBrush(muted()))
        root.appendRow(input_row)
        for row in report.rows:
            node = spec.node(row.path)
            params = self.tr("shared") if row.shared else group_digits(row.params)
            shape = shape_text(row.out_shape) if row.reached else ""
            items = [
                QStandardItem(row.key.rsplit(".", 1)[-1] if row.depth else row.key),
                QStandardItem(row.label),
                QStandardItem(shape),
                QStandardItem(params),
            ]
            for item in items:
                item.setEditable(False)
                item.setData(node.id, ID_ROLE)
                if row.error:
                    item.setForeground(QBrush(ERROR_RED))
                    item.setToolTip(row.error)
                elif not row.reached:
                    item.setForeground(QBrush(muted()))
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parents[row.path[:-1]].appendRow(items)
            parents[row.path] = items[0]
        total = [
            QStandardItem(""),
            QStandardItem(self.tr("total")),
            QStandardItem(shape_text(report.output_shape) if report.ok else ""),
            QStandardItem(group_digits(report.total_params)),
        ]
        for item in total:
            item.setEditable(False)
        total[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        root.appendRow(total)
        self.expandAll()
        for c in range(4):
            self.resizeColumnToContents(c)
        self._select_ids(self.window_.selection.layers)

    def _on_selection(self, *_):
        ids = []
        for index in self.selectionModel().selectedRows(0):
            node_id = index.data(ID_ROLE)
            if node_id:
                ids.append(node_id)
        self.window_.selection.select_layers(ids)

    def _select_ids(self, ids) -> None:
        wanted = set(ids)
        sm = self.selectionModel()
        sm.blockSignals(True)
        sm.clearSelection()

        def visit(parent):
            for r in range(self.model_.rowCount(parent)):
                index = self.model_.index(r, 0, parent)
                if index.data(ID_ROLE) in wanted:
                    sm.select(
                        index,
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                visit(index)

        visit(self.model_.index(-1, -1))
        sm.blockSignals(False)
        self.viewport().update()


def install(window) -> None:
    window.canvas = OutlineView(window)
    window.setCentralWidget(window.canvas)
