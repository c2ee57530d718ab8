"""The report shown before weights are loaded: what matches, what does not, and the choice."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from explorer.io.checkpoints import CheckpointReport
from explorer.ui.common.messages import message_text

STRICT, MATCHING = "strict", "matching"

# Row statuses, translated with tr() when shown.
STATUSES = (
    QT_TRANSLATE_NOOP("LoadReportDialog", "match"),
    QT_TRANSLATE_NOOP("LoadReportDialog", "wrong shape"),
    QT_TRANSLATE_NOOP("LoadReportDialog", "missing in file"),
    QT_TRANSLATE_NOOP("LoadReportDialog", "not in model"),
    QT_TRANSLATE_NOOP("LoadReportDialog", "lazy, not initialized"),
)


def report_rows(report: CheckpointReport) -> list[tuple[str, str, str]]:
    """(key, status, detail) for every key of the file and the model."""
    rows = []
    dtypes = {k: (a, b) for k, a, b in report.dtype_changes}
    tied = {k for keys in report.tied_conflicts for k in keys}
    for k in report.matching:
        detail = f"{dtypes[k][0]} -> {dtypes[k][1]}" if k in dtypes else ""
        if k in tied:
            detail = (detail + "; " if detail else "") + QCoreApplication.translate(
                "LoadReportDialog", "tied in the model, differs in the file"
            )
        rows.append((k, "match", detail))
    for k, a, b in report.shape_mismatched:
        rows.append(
            (
                k,
                "wrong shape",
                QCoreApplication.translate("LoadReportDialog", "file {0}, model {1}").format(
                    tuple(a), tuple(b)
                ),
            )
        )
    rows += [(k, "missing in file", "") for k in report.missing]
    rows += [(k, "not in model", "") for k in report.unexpected]
    rows += [
        (
            k,
            "lazy, not initialized",
            QCoreApplication.translate("LoadReportDialog", "run a forward pass first"),
        )
        for k in report.uninitialized
    ]
    return rows


class LoadReportDialog(QDialog):
    """Shows a :class:`CheckpointReport`; ``choice`` is ``"strict"``, ``"matching"`` or None."""

    def __init__(self, parent, report: CheckpointReport, name: str):
        super().__init__(parent)
        self.setObjectName("LoadReportDialog")
        self.setWindowTitle(self.tr("Load weights from {0}").format(name))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        summary = self.tr(", ").join(message_text(part) for part in report.summary_parts())
        origin = report.origin_note()
        if origin:
            summary += self.tr("; ") + message_text(origin)
        lines = [summary]
        if report.note:
            lines.append(self.tr("Read from {0}.").format(message_text(report.note)))
        if report.dtype_changes:
            lines.append(
                self.tr("Tensors that change dtype when copied into the model: {0}.").format(
                    len(report.dtype_changes)
                )
            )
        self.summary = QLabel("\n".join(lines), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("key"), self.tr("status"), self.tr("detail")])
        self.tree.setRootIsDecorated(False)
        for key, status, detail in report_rows(report):
            item = QTreeWidgetItem([key, self.tr(status), detail])
            item.setToolTip(0, self.tr("saved on {0}").format(report.origins.get(key, "?")))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(self)
        self.strict_button = QPushButton(self.tr("Load all (strict)"), self)
        self.strict_button.setEnabled(report.ok)
        self.strict_button.setToolTip(
            self.tr("Every key matches: load them all")
            if report.ok
            else self.tr("Not every key matches, so a strict load would change nothing")
        )
        self.matching_button = QPushButton(self.tr("Load matching only"), self)
        self.matching_button.setEnabled(bool(report.matching) and not report.uninitialized)
        self.matching_button.setToolTip(
            self.tr("Load the matching keys, leave the others as they are")
        )
        buttons.addButton(self.strict_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.matching_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.strict_button.clicked.connect(lambda: self._choose(STRICT))
        self.matching_button.clicked.connect(lambda: self._choose(MATCHING))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.strict_button if report.ok else self.matching_button).setDefault(True)
        self.resize(640, 420)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
