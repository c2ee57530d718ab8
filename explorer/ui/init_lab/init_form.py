"""Init lab's form: what to initialize (target), how (scheme and arguments, or custom code), seed.

The form only collects choices; :mod:`explorer.ui.init_lab.init_lab` computes and applies. Custom
code is edited here, with a plain warning that it runs as Python on the user's machine.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.custom_init import BOOK_INIT_42, BOOK_MY_INIT, PER_TENSOR_EXAMPLE
from explorer.core.init import SCHEMES, Target
from explorer.ui.common.choices import add_choice, show_whole_choices
from explorer.ui.common.formatting import ERROR_RED, LAZY_AMBER

CUSTOM = "custom"


class CodeEditor(QPlainTextEdit):
    """A monospace editor that can mark the line an error happened on."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.error_line: int | None = None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.text() == "\t":  # four spaces, as Python code wants
            self.insertPlainText("    ")
            return
        super().keyPressEvent(event)

    def mark_line(self, line: int | None) -> None:
        self.error_line = line
        selections = []
        if line is not None and 1 <= line <= self.blockCount():
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            color = QColor(ERROR_RED)
            color.setAlpha(60)
            fmt.setBackground(color)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.format = fmt
            cursor = QTextCursor(self.document().findBlockByNumber(line - 1))
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)


class InitForm(QWidget):
    """Target, scheme, arguments, seed, and the Preview / Apply buttons."""

    changed = Signal()  # any choice changed (the theory and the code shown follow it)
    preview_requested = Signal()
    apply_requested = Signal()
    materialize_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("InitForm")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.scope = QComboBox(self)
        self.scope.setObjectName("InitScope")
        for text, data in (
            (self.tr("Selected parameter"), "parameter"),
            (self.tr("Selected layers"), "layers"),
            (self.tr("Every layer of type"), "type"),
            (self.tr("Whole model"), "model"),
        ):
            add_choice(self.scope, text, data)
        self.layer_type = QComboBox(self)
        self.layer_type.setObjectName("InitLayerType")
        self.kind = QComboBox(self)
        self.kind.setObjectName("InitKind")
        for text, data in (
            (self.tr("weights and biases"), "all"),
            (self.tr("weights only"), "weight"),
            (self.tr("biases only"), "bias"),
        ):
            add_choice(self.kind, text, data)
        form.addRow(self.tr("Target"), self.scope)
        # each on a row of its own: side by side, both were cut to half the form's width
        form.addRow("", self.layer_type)
        form.addRow("", self.kind)
        self._form = form
        self.target_summary = QLabel(self)
        self.target_summary.setWordWrap(True)
        form.addRow("", self.target_summary)

        self.scheme = QComboBox(self)
        self.scheme.setObjectName("InitScheme")
        for s in SCHEMES.values():
            if s.function:
                add_choice(self.scheme, s.function, s.name, f"torch.nn.init.{s.function}")
            else:
                add_choice(
                    self.scheme,
                    self.tr("PyTorch default"),
                    s.name,
                    self.tr("PyTorch default (reset_parameters)"),
                )
        add_choice(
            self.scheme, self.tr("Custom code…"), CUSTOM, self.tr("Custom (Python function)…")
        )
        form.addRow(self.tr("Scheme"), self.scheme)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("InitSeed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("torch.manual_seed(seed) runs first: same seed, same values"))
        form.addRow(self.tr("Seed"), self.seed)

        self.args_page = QWidget(self)
        self.args_form = QFormLayout(self.args_page)
        self.args_form.setContentsMargins(0, 0, 0, 0)
        self.arg_widgets: dict[str, QWidget] = {}
        self.custom_page = self._custom_page()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.args_page)
        self.pages.addWidget(self.custom_page)

        self.lazy_banner = QWidget(self)
        lazy_row = QHBoxLayout(self.lazy_banner)
        lazy_row.setContentsMargins(0, 0, 0, 0)
        self.lazy_label = QLabel(self.lazy_banner)
        self.lazy_label.setWordWrap(True)
        self.lazy_label.setStyleSheet(f"color: {LAZY_AMBER.name()};")
        self.materialize_button = QPushButton(self.tr("Run a forward now"), self.lazy_banner)
        self.materialize_button.setObjectName("InitMaterialize")
        self.materialize_button.setToolTip(
            self.tr("One forward pass on a random input of the model's input shape")
        )
        lazy_row.addWidget(self.lazy_label, 1)
        lazy_row.addWidget(self.materialize_button)
        self.lazy_banner.hide()

        self.error = QLabel(self)
        self.error.setObjectName("InitError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_RED.name()};")
        self.error.hide()
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("InitPreview")
        self.preview_button.setToolTip(self.tr("Compute the values and show them; change nothing"))
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("InitApply")
        self.apply_button.setToolTip(self.tr("Initialize the target (undo with Ctrl+Z)"))
        # The error and the buttons sit in a bar the Init lab keeps below the scrolling form,
        # so Preview and Apply are always in view.
        self.button_bar = QWidget(self)
        bar = QVBoxLayout(self.button_bar)
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.error)
        buttons = QHBoxLayout()
        bar.addLayout(buttons)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        self.contract_title = QLabel(self.tr("Same values as plain PyTorch:"), self)
        self.contract = QPlainTextEdit(self)
        self.contract.setObjectName("InitContract")
        self.contract.setReadOnly(True)
        self.contract.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.contract.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.contract.setMaximumHeight(110)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.lazy_banner)
        layout.addWidget(self.contract_title)
        layout.addWidget(self.contract)

        for combo in (self.scope, self.kind, self.scheme, self.templates):
            show_whole_choices(combo)
        # a layer type is a class name the model brings: it may elide, its tooltip is whole
        self.layer_type.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.layer_type.setMinimumContentsLength(10)
        self.layer_type.currentTextChanged.connect(self.layer_type.setToolTip)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.scheme.currentIndexChanged.connect(self._scheme_changed)
        for w in (self.layer_type, self.kind):
            w.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.seed.valueChanged.connect(lambda *_: self.changed.emit())
        self.preview_button.clicked.connect(self.preview_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.materialize_button.clicked.connect(self.materialize_requested)
        self.scope.setCurrentIndex(self.scope.findData("model"))
        self._scope_changed()
        self._scheme_changed()

    def _custom_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        warning = QLabel(
            self.tr(
                "⚠ This code runs as Python on your computer, with your permissions. Run only "
                "code you trust. It runs on a copy of the model after torch.manual_seed(seed); "
                "the model changes only if it finishes. def f(m) is called on every module "
                "(net.apply(f)); def f(name, tensor) on each targeted parameter. torch, nn, "
                "math and net (the copy) are defined; the last function defined is the one called."
            ),
            page,
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(f"color: {LAZY_AMBER.name()};")
        self.templates = QComboBox(page)
        self.templates.setObjectName("InitTemplates")
        for text, full, code in (
            (
                self.tr("Book: my_init"),
                self.tr("Book: my_init (uniform on (-10, 10), zero |w| < 5)"),
                BOOK_MY_INIT,
            ),
            (self.tr("Book: init_42"), self.tr("Book: init_42 (constant 42)"), BOOK_INIT_42),
            (
                self.tr("Per-tensor example"),
                self.tr("Per tensor: def my_init(name, tensor)"),
                PER_TENSOR_EXAMPLE,
            ),
        ):
            add_choice(self.templates, text, code, full)
        self.templates.activated.connect(self._template_chosen)
        self.editor = CodeEditor(page)
        self.editor.setObjectName("InitCode")
        self.editor.setPlainText(BOOK_MY_INIT)
        self.editor.textChanged.connect(lambda: self.editor.mark_line(None))
        self.output = QLabel(page)
        self.output.setObjectName("InitOutput")
        self.output.setWordWrap(True)
        self.output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(warning)
        layout.addWidget(self.templates)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.output)
        return page

    def _template_chosen(self, index: int) -> None:
        """Put a template in the editor; edited code is replaced only if the user agrees."""
        code = self.templates.itemData(index)
        current = self.editor.toPlainText()
        if current == code:
            return
        pristine = {self.templates.itemData(i) for i in range(self.templates.count())}
        if current.strip() and current not in pristine:
            answer = QMessageBox.question(
                self,
                self.tr("Replace your code?"),
                self.tr("Replace the code you edited with this template? Your code is lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.setPlainText(code)

    # ----- choices -------------------------------------------------------------------------

    @property
    def scheme_name(self) -> str:
        return self.scheme.currentData()

    @property
    def is_custom(self) -> bool:
        return self.scheme_name == CUSTOM

    def set_scheme(self, name: str) -> None:
        self.scheme.setCurrentIndex(self.scheme.findData(name))

    def args(self) -> dict:
        out = {}
        for name, w in self.arg_widgets.items():
            out[name] = w.currentText() if isinstance(w, QComboBox) else w.value()
        return out

    def target(self, parameter: str, layer_keys: tuple[str, ...]) -> Target:
        scope = self.scope.currentData()
        kind = self.kind.currentData()
        if scope == "parameter":
            return Target("parameter", (parameter,) if parameter else (), "all")
        if scope == "layers":
            return Target("layers", layer_keys, kind)
        if scope == "type":
            return Target("type", (self.layer_type.currentText(),), kind)
        return Target("model", (), kind)

    def set_layer_types(self, types: list[str]) -> None:
        current = self.layer_type.currentText()
        self.layer_type.blockSignals(True)
        self.layer_type.clear()
        self.layer_type.addItems(types)
        if current in types:
            self.layer_type.setCurrentText(current)
        self.layer_type.blockSignals(False)

    def show_error(self, text: str, line: int | None = None) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.mark_line(line)

    def _scope_changed(self, *_) -> None:
        scope = self.scope.currentData()
        self._form.setRowVisible(self.layer_type, scope == "type")
        self.kind.setEnabled(scope != "parameter")
        self.changed.emit()

    def _scheme_changed(self, *_) -> None:
        while self.args_form.rowCount():
            self.args_form.removeRow(0)
        self.arg_widgets = {}
        if self.is_custom:
            self.pages.setCurrentWidget(self.custom_page)
        else:
            self.pages.setCurrentWidget(self.args_page)
            s = SCHEMES[self.scheme_name]
            for a in s.args:
                if a.kind == "choice":
                    w = QComboBox(self.args_page)
                    w.addItems(a.choices)
                    w.setCurrentText(a.default)
                    w.currentIndexChanged.connect(lambda *_: self.changed.emit())
                else:
                    w = QDoubleSpinBox(self.args_page)
                    w.setDecimals(6)
                    w.setRange(a.minimum if a.minimum is not None else -1e6, 1e6)
                    w.setSingleStep(0.01)
                    w.setValue(a.default)
                    w.valueChanged.connect(lambda *_: self.changed.emit())
                w.setObjectName(f"InitArg_{a.name}")
                self.arg_widgets[a.name] = w
                self.args_form.addRow(a.name, w)
            if not s.args:
                self.args_form.addRow(QLabel(self.tr("(no arguments)"), self.args_page))
            if s.name == "default":
                note = self.tr("each layer's own reset_parameters(), as at construction")
                label = QLabel(note, self.args_page)
                label.setWordWrap(True)
                self.args_form.addRow(label)
        self.show_error("")
        self.changed.emit()
