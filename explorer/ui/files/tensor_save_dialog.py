"""Choose which named tensors to save, and how: ``torch.save(x)``, ``[x, y]`` or a dict."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
)


class TensorSaveDialog(QDialog):
    LAYOUTS = (
        ("tensor", QT_TRANSLATE_NOOP("TensorSaveDialog", "one tensor: torch.save(x, 'x-file')")),
        ("list", QT_TRANSLATE_NOOP("TensorSaveDialog", "a list: torch.save([x, y], 'x-files')")),
        (
            "dict",
            QT_TRANSLATE_NOOP("TensorSaveDialog", "a dict: torch.save({'x': x, 'y': y}, 'mydict')"),
        ),
    )

    def __init__(self, parent, names: list[str]):
        super().__init__(parent)
        self.setObjectName("TensorSaveDialog")
        self.setWindowTitle(self.tr("Save tensors"))
        form = QFormLayout(self)
        self.list = QListWidget(self)
        for i, name in enumerate(names):
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        form.addRow(self.tr("Tensors"), self.list)
        self.layout_box = QComboBox(self)
        for key, text in self.LAYOUTS:
            self.layout_box.addItem(self.tr(text), key)
        self.layout_box.setCurrentIndex(2 if len(names) > 1 else 0)
        form.addRow(self.tr("As"), self.layout_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def selection(self) -> tuple[list[str], str] | None:
        names = [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return (names, self.layout_box.currentData()) if names else None
