"""Import options for a bare state dict: the layer assumed between layers, the input shape.

A state dict does not carry layers without parameters nor the model's input; what the
user picks here is still marked as guessed on the imported layers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from explorer.io.state_dict_import import DEFAULT_BETWEEN, between_choices


class ImportOptionsDialog(QDialog):
    def __init__(self, parent, file_name: str):
        super().__init__(parent)
        self.setObjectName("ImportOptionsDialog")
        self.setWindowTitle(self.tr("Import {0}").format(file_name))
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "A state dict holds no layers without parameters and no input shape: "
                "what is chosen here is marked as guessed."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.between = QComboBox(self)
        for key in between_choices():
            self.between.addItem(key, key)
        self.between.setCurrentIndex(self.between.findData(DEFAULT_BETWEEN))
        self.between.setToolTip(
            self.tr("Put in index gaps and between named Linear layers (relu: the book's MLP)")
        )
        form.addRow(self.tr("Between layers"), self.between)
        self.shape = QLineEdit(self)
        self.shape.setPlaceholderText(self.tr("from the first layer, e.g. 1,3,32,32"))
        form.addRow(self.tr("Input shape"), self.shape)
        self.error = QLabel("", self)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> tuple[str, tuple[int, ...] | None] | None:
        """``(between, input shape or None)``, or None when the shape is not valid."""
        text = self.shape.text().strip()
        if not text:
            return self.between.currentData(), None
        try:
            shape = tuple(
                int(p) for p in text.replace("(", "").replace(")", "").split(",") if p.strip()
            )
        except ValueError:
            return None
        if not shape or any(d < 1 for d in shape):
            return None
        return self.between.currentData(), shape

    def _accept(self) -> None:
        if self.options() is None:
            self.error.setText(
                self.tr("The input shape must be positive whole numbers, like 1,3,32,32")
            )
            return
        self.accept()
