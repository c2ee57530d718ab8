"""Import options for a bare state dict: the layer assumed between layers, the input shape.

A state dict does not carry layers without parameters nor the model's input; what the
user picks here is still marked as guessed on the imported layers. With a ``preview``
(options -> the inferred :class:`~explorer.io.state_dict_import.ImportResult`), the
dialog lists every guess for the options chosen, before anything changes; an import the
file refuses shows its reason and cannot be confirmed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from explorer.core.errors import ExplorerError
from explorer.io.state_dict_import import DEFAULT_BETWEEN, between_choices
from explorer.ui.common.messages import error_text, message_text
from explorer.ui.common.terms import term_text

TOOLTIP = Qt.ItemDataRole.ToolTipRole


class ImportOptionsDialog(QDialog):
    def __init__(self, parent, file_name: str, preview: Callable | None = None):
        super().__init__(parent)
        self.preview = preview
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
        for key, layer_type in between_choices().items():
            self.between.addItem(term_text("between", key), key)  # the CLI's value, named
            if layer_type is not None:
                self.between.setItemData(self.between.count() - 1, f"nn.{layer_type}", TOOLTIP)
        self.between.setCurrentIndex(self.between.findData(DEFAULT_BETWEEN))
        self.between.setToolTip(
            self.tr("Put in index gaps and between named Linear layers (relu: the book's MLP)")
        )
        form.addRow(self.tr("Between layers"), self.between)
        self.shape = QLineEdit(self)
        self.shape.setPlaceholderText(self.tr("from the first layer, e.g. 1,3,32,32"))
        form.addRow(self.tr("Input shape"), self.shape)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.summary = QLabel("", self)
        self.guesses = QPlainTextEdit(self)
        self.guesses.setObjectName("importGuesses")
        self.guesses.setReadOnly(True)
        self.guesses.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        if preview is not None:
            form.addRow(self.summary)
            form.addRow(self.guesses)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if preview is not None:
            self.resize(640, 420)
            self.between.currentIndexChanged.connect(self.refresh)
            self.shape.textChanged.connect(self.refresh)
            self.refresh()

    def refresh(self) -> None:
        """Show what the import would guess with the options as they stand."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        options = self.options()
        if options is None:
            self.error.setText(self._shape_message())
            ok.setEnabled(False)
            return
        try:
            result = self.preview(*options)
        except ExplorerError as e:
            self.error.setText(self.tr("Cannot import: {0}").format(error_text(e)))
            self.summary.setText("")
            self.guesses.setPlainText("")
            ok.setEnabled(False)
            return
        self.error.setText(self._shape_check(result.spec))
        ok.setEnabled(True)
        layers = sum(1 for _ in result.spec.layers())
        shape = ",".join(str(d) for d in result.spec.input_shape)
        self.summary.setText(
            self.tr("layers: {0} · input {1} · guesses (marked on the layers): {2}").format(
                layers, shape, len(result.guessed)
            )
        )
        self.guesses.setPlainText(
            "\n".join(f"{key}: {message_text(what)}" for key, what in result.guessed)
        )

    def _shape_check(self, spec) -> str:
        """What the imported model would say of this input, before anything changes."""
        from explorer.core.shapes import infer_shapes

        report = infer_shapes(spec)
        if report.error is None:
            return ""
        return self.tr(
            "With this input the model would not run: {0}. Import it anyway and fix the "
            "layer, or choose another input shape or between-layer choice."
        ).format(error_text(report.error))

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

    def _shape_message(self) -> str:
        return self.tr("The input shape must be positive whole numbers, like 1,3,32,32")

    def _accept(self) -> None:
        if self.options() is None:
            self.error.setText(self._shape_message())
            return
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()
