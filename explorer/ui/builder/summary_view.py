"""The Summary tab: a torchinfo-like table with totals (tied parameters counted once)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from explorer.core.format import group_digits, shape_text, si
from explorer.ui.common.messages import message_text

# QT_TRANSLATE_NOOP marks them for pyside6-lupdate; tr() translates them where shown.
COLUMNS = (
    QT_TRANSLATE_NOOP("SummaryView", "Name"),
    QT_TRANSLATE_NOOP("SummaryView", "Type"),
    QT_TRANSLATE_NOOP("SummaryView", "Output shape"),
    QT_TRANSLATE_NOOP("SummaryView", "Param #"),
    QT_TRANSLATE_NOOP("SummaryView", "Trainable"),
    QT_TRANSLATE_NOOP("SummaryView", "FLOPs"),
)


class SummaryView(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals = QLabel(self)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        self._stale = True
        document.spec_changed.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        """Fill the table now if it is shown, else when it is next shown (a hidden tab
        would cost ~50 ms per edit on a 1,000-layer model for nothing)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        report = self.document.report
        self.table.setRowCount(len(report.rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(report.rows):
            name = row.key
            if row.call > 1:  # a module a Python class's forward runs again
                name = self.tr("{0} (call {1})").format(row.key, row.call)
            values = (
                "  " * row.depth + name,
                row.label,
                shape_text(row.out_shape) if row.reached else "",
                self.tr("(shared)") if row.shared else group_digits(row.params),
                "" if row.shared else group_digits(row.trainable),
                si(row.flops) if row.flops else "",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c >= 3:
                    item.setTextAlignment(right)
                if row.error:
                    item.setToolTip(message_text(row.error))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.totals.setText(
            self.tr(
                "Total params: {0} · trainable: {1} · non-trainable: {2} · FLOPs: {3} · parameter memory: {4}"
            ).format(
                group_digits(report.total_params),
                group_digits(report.trainable_params),
                group_digits(report.total_params - report.trainable_params),
                si(report.total_flops, "FLOPs"),
                si(report.param_bytes, "B"),
            )
        )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def install(window) -> None:
    view = window.register("summary_view", SummaryView(window.document, window))
    window.when_ready(view.refresh)
    window.add_tab(view, window.tr("Summary"), "SummaryTab")
