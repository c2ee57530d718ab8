"""File > Open Python class: trust prompt, class picker, module tree, source, conversion.

Opening a ``.py`` runs its code, so :func:`ask_trust` asks first and says so. The dialog
then shows the file's ``nn.Module`` classes; the chosen one is constructed with its
default arguments or the JSON the user types, and its module tree (``named_children``,
each child's type and arguments) and the file's source are shown read-only. When
``torch.fx`` traces its forward as a straight chain, "Convert to Sequential" hands an
editable spec and the class's weights back to the window; otherwise the dialog says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.buffers import parameter_count_text
from explorer.core.errors import ExplorerError
from explorer.io.module_file import (
    ClassModel,
    ModuleFile,
    guess_input_shape,
    parse_args_json,
)
from explorer.ui.common.messages import error_text, message_text


def ask_trust(parent: QWidget, path: Path) -> bool:
    """An editor's trust prompt: opening the file runs its code."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Run this file's code?"))
    box.setText(
        parent.tr(
            "Opening {0} runs its Python code, as 'python {0}' would (except its "
            "__main__ part). Only open files you trust."
        ).format(path.name)
    )
    run = box.addButton(parent.tr("Run it and open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is run


class ClassDialog(QDialog):
    """Pick a class, see its module tree and source, convert it to a Sequential.

    After "Convert to Sequential" is accepted, :attr:`converted` holds
    ``(spec, state_dict)``: the Sequential spec and the class's weights under its keys.
    After "Open the class", :attr:`opened` holds the
    :class:`~explorer.io.module_file.ClassModel` to open as it is (read-only layers).
    """

    def __init__(self, module_file: ModuleFile, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Python class: {0}").format(module_file.path.name))
        self.file = module_file
        self.net: Any = None
        self.converted: tuple[Any, dict] | None = None
        self.opened: ClassModel | None = None
        self._guessed = ""  # the input shape text last filled in by a guess
        self.classes = QComboBox(self)
        for c in module_file.classes:
            self.classes.addItem(f"{c.name}{c.signature}", c.name)
        self.args = QLineEdit(self)
        self.args.setPlaceholderText(self.tr('constructor arguments as JSON, e.g. {"width": 64}'))
        self.input_shape = QLineEdit(self)
        self.input_shape.setPlaceholderText(self.tr("input shape, e.g. 2, 20"))
        construct = QPushButton(self.tr("Construct"), self)
        construct.clicked.connect(self.construct)
        self.message = QLabel(self)
        self.message.setObjectName("ClassMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Module"), self.tr("Parameters")])
        self.source = QPlainTextEdit(self)
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.source.setFont(mono)
        self.source.setPlainText(module_file.source)
        self.convert_button = QPushButton(self.tr("Convert to Sequential"), self)
        self.convert_button.setToolTip(
            self.tr("An editable project whose state_dict keys load into the class")
        )
        self.convert_button.clicked.connect(self.convert)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.convert_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = QPushButton(self.tr("Open the class"), self)
        self.open_button.setObjectName("OpenClassButton")
        self.open_button.setToolTip(
            self.tr(
                "Run, train and inspect the class as it is; its layers stay read-only "
                "(the window's model is replaced)"
            )
        )
        self.open_button.clicked.connect(self.open_class)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)

        form = QFormLayout()
        form.addRow(self.tr("Class"), self.classes)
        form.addRow(self.tr("Arguments"), self.args)
        form.addRow(self.tr("Input shape"), self.input_shape)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(construct)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.classes.currentIndexChanged.connect(lambda _i: self.construct())
        self.construct()

    def class_name(self) -> str:
        return self.classes.currentData()

    def construct(self) -> bool:
        """Construct the chosen class; an error (with the file's line) leaves the old tree."""
        try:
            args = parse_args_json(self.args.text())
            net = self.file.construct(self.class_name(), args)
        except ExplorerError as e:
            self.message.setText(error_text(e))
            return False
        self.net = net
        self.message.setText("")
        if self.input_shape.text().strip() in ("", self._guessed):  # the user's own is kept
            guessed = guess_input_shape(net)
            self._guessed = ", ".join(map(str, guessed[0])) if guessed else ""
            self.input_shape.setText(self._guessed)
            if guessed is not None:
                self.message.setText(
                    self.tr("Input shape guessed {0}").format(message_text(guessed[1]))
                )
        self._fill_tree(net)
        return True

    def _fill_tree(self, net) -> None:
        self.tree.clear()

        def add(parent, module) -> None:
            for name, child in module.named_children():
                extra = child.extra_repr()
                count = parameter_count_text(child.parameters())  # "?": a lazy layer
                item = QTreeWidgetItem([name, f"{type(child).__name__}({extra})", count])
                (parent.addChild if parent is not None else self.tree.addTopLevelItem)(item)
                add(item, child)

        add(None, net)
        self.tree.expandAll()
        for c in range(3):
            self.tree.resizeColumnToContents(c)

    def _shape(self) -> tuple[int, ...]:
        text = self.input_shape.text().replace("(", "").replace(")", "")
        try:
            shape = tuple(int(p) for p in text.split(",") if p.strip())
        except ValueError:
            shape = ()
        if not shape or any(d < 1 for d in shape):
            raise ExplorerError(
                self.tr("The input shape must be positive whole numbers, like 2, 20")
            )
        return shape

    def open_class(self) -> bool:
        """Accept with the class as it is: its arguments and the input shape shown."""
        if not self.construct():
            return False
        text = self.input_shape.text().strip()
        try:
            shape = self._shape() if text else ()
        except ExplorerError as e:
            self.message.setText(error_text(e))
            return False
        guess = None
        if text and text == self._guessed:
            guessed = guess_input_shape(self.net)
            guess = guessed[1] if guessed else None
        args = parse_args_json(self.args.text())
        self.opened = ClassModel(self.file, self.class_name(), args, shape, guess)
        self.accept()
        return True

    def convert(self) -> bool:
        from explorer.core.fx_convert import to_sequential

        if not self.construct():  # with the arguments as they are now
            return False
        try:
            spec = to_sequential(self.net, self._shape())
        except ExplorerError as e:
            self.message.setText(self.tr("Cannot convert: {0}").format(error_text(e)))
            return False
        state = {k: v.detach().clone() for k, v in self.net.state_dict().items()}
        self.converted = (spec, state)
        self.accept()
        return True
