"""The properties pane: the model's input, and the selected layer's name and arguments.

Fields are typed from the catalog's :class:`ArgSpec` kinds: spin boxes for whole numbers,
check boxes, choices, and text for floats, tuples and optional values. A value is applied
when the field is left or Enter is pressed; an invalid one marks the field with the
reason (red border and text) and changes nothing. No dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core import edits
from explorer.core.catalog import ArgSpec, layer_type
from explorer.core.errors import ExplorerError, InvalidArgument, SpecError
from explorer.core.spec import DTYPES, BlockSpec, LayerSpec
from explorer.ui.common.messages import error_text, message_text

ERROR_STYLE = "border: 1px solid #d64545;"
INT_MAX = 2**31 - 1


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def reserve(label: QLabel) -> None:
    """Keep ``label``'s line in the layout while it is hidden (no jump when it appears)."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long reason never widens
    label.setSizePolicy(policy)
    label.setWordWrap(False)


class Field:
    """One editor with its error label; ``value()`` is what goes to the validator."""

    def __init__(self, widget: QWidget, error: QLabel, arg: ArgSpec | None):
        self.widget = widget
        self.error = error
        self.arg = arg

    def value(self):
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentText()
        if isinstance(w, QSpinBox):
            return w.value()
        text = w.text().strip()
        if (
            text == ""
            and self.arg is not None
            and (self.arg.kind.startswith("opt_") or self.arg.default is None)
        ):
            return None
        return text

    def set_value(self, value) -> None:
        w = self.widget
        w.blockSignals(True)
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentText(str(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        else:
            w.setText(value_text(value))
        w.blockSignals(False)

    def mark(self, reason: str | None) -> None:
        self.widget.setStyleSheet(ERROR_STYLE if reason else "")
        self.error.setText(reason or "")
        self.error.setVisible(bool(reason))
        self.widget.setToolTip(reason or "")


class PropertiesPane(QWidget):
    """Follows ``window.selection`` and ``document.spec_changed``."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        # Model input: one row; its error line is reserved below it, so nothing moves.
        box = QGroupBox(self.tr("Model input"), self)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 2, 6, 2)
        grid.setVerticalSpacing(0)
        self.shape_edit = QLineEdit(box)
        self.shape_edit.setToolTip(self.tr("Input shape, e.g. 2, 20 (batch first)"))
        self.dtype_combo = QComboBox(box)
        self.dtype_combo.addItems(DTYPES)
        self.shape_field = Field(self.shape_edit, self._error_label(box), None)
        reserve(self.shape_field.error)
        grid.addWidget(QLabel(self.tr("shape"), box), 0, 0)
        grid.addWidget(self.shape_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("dtype"), box), 0, 2)
        grid.addWidget(self.dtype_combo, 0, 3)
        grid.addWidget(self.shape_field.error, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.shape_edit.editingFinished.connect(self._commit_input)
        self.dtype_combo.activated.connect(lambda *_: self._commit_input())
        outer.addWidget(box)
        # Selected layer.
        self.layer_box = QGroupBox(self.tr("Layer"), self)
        self.layer_layout = QVBoxLayout(self.layer_box)
        self.title = QLabel(self.layer_box)
        self.title.setWordWrap(True)
        self.shape_error = QLabel(self.layer_box)
        self.shape_error.setWordWrap(True)
        self.shape_error.setStyleSheet("color: #d64545;")
        self.form_host = QWidget(self.layer_box)
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(3)
        # Errors go below the fields (the layer's shape error, then each field's reason),
        # so showing one never moves a field under the pointer.
        self.errors_host = QWidget(self.layer_box)
        self.errors_layout = QVBoxLayout(self.errors_host)
        self.errors_layout.setContentsMargins(0, 0, 0, 0)
        self.errors_layout.addWidget(self.shape_error)
        self.layer_layout.setSpacing(4)
        self.layer_layout.addWidget(self.title)
        self.layer_layout.addWidget(self.form_host)
        self.layer_layout.addWidget(self.errors_host)
        self.layer_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.layer_box)
        outer.addWidget(scroll, 1)
        self.fields: dict[str, Field] = {}
        self._node_id: str | None = None
        self._node_type: str | None = None
        window.selection.layers_changed.connect(lambda *_: self.refresh())
        self.document.spec_changed.connect(lambda *_: self.refresh())
        window.when_ready(self.refresh)

    def _error_label(self, parent) -> QLabel:
        """A red reason line, hidden until there is a reason."""
        label = QLabel(parent)
        label.setStyleSheet("color: #d64545;")
        label.setWordWrap(True)
        label.hide()
        return label

    # ----- showing ----------------------------------------------------------------------

    def selected(self):
        ids = self.window_.selection.layers
        if len(ids) != 1:
            return None, None
        try:
            path = self.document.spec.path_of(ids[0])
        except SpecError:
            return None, None
        return path, self.document.spec.node(path)

    def refresh(self) -> None:
        spec = self.document.spec
        self.shape_edit.setText(value_text(spec.input_shape))
        self.shape_field.mark(None)
        self.dtype_combo.setCurrentText(spec.dtype)
        path, node = self.selected()
        kind = None if node is None else ("block" if isinstance(node, BlockSpec) else node.type)
        if node is None or node.id != self._node_id or kind != self._node_type:
            self._build(path, node)
        self._fill(path, node)

    def _build(self, path, node) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for field in self.fields.values():
            field.error.deleteLater()
        self.fields = {}
        self._node_id = node.id if node is not None else None
        self._node_type = None
        if node is None:
            n = len(self.window_.selection.layers)
            self.title.setText(
                self.tr("layers selected: {0}").format(n) if n else self.tr("Select a layer")
            )
            return
        self._node_type = "block" if isinstance(node, BlockSpec) else node.type
        self._add_field("name", QLineEdit(self.form_host), None, self.tr("name"))
        self.fields["name"].widget.setPlaceholderText(self.tr("(its index)"))
        if isinstance(node, LayerSpec):
            for arg in layer_type(node.type).args:
                self._add_field(arg.name, self._editor(arg), arg, arg.name)

    def _editor(self, arg: ArgSpec) -> QWidget:
        if arg.kind == "bool":
            w = QCheckBox(self.form_host)
            w.toggled.connect(lambda *_, n=arg.name: self._commit(n))
            return w
        if arg.kind == "choice":
            w = QComboBox(self.form_host)
            w.addItems(list(arg.choices))
            w.activated.connect(lambda *_, n=arg.name: self._commit(n))
            return w
        if arg.kind == "int":
            w = QSpinBox(self.form_host)
            w.setRange(int(arg.minimum) if arg.minimum is not None else -INT_MAX, INT_MAX)
            w.setKeyboardTracking(False)
            w.editingFinished.connect(lambda n=arg.name: self._commit(n))
            return w
        w = QLineEdit(self.form_host)
        one = arg.dims == 1  # Conv1d: one number ("1 numbers" is no hint)
        hints = {
            "ints": self.tr("a number")
            if one
            else self.tr("a number, or {0} numbers").format(arg.dims),
            "shape": self.tr("numbers separated by commas"),
            "padding": self.tr("a number, same or valid")
            if one
            else self.tr("a number, {0} numbers, same or valid").format(arg.dims),
            "opt_int": self.tr("a whole number, or empty for None"),
            "opt_float": self.tr("a number, or empty for None"),
        }
        w.setPlaceholderText(hints.get(arg.kind, ""))
        w.editingFinished.connect(lambda n=arg.name: self._commit(n))
        return w

    def _add_field(self, name: str, widget: QWidget, arg, label: str) -> None:
        error = self._error_label(self.errors_host)
        self.fields[name] = Field(widget, error, arg)
        self.form.addRow(label, widget)
        self.errors_layout.addWidget(error)
        if name == "name":
            widget.editingFinished.connect(lambda: self._commit("name"))

    def _fill(self, path, node) -> None:
        if node is None:
            self.shape_error.hide()
            return
        report = self.document.report
        try:
            row = report.row(path)
        except KeyError:
            row = None
        if isinstance(node, BlockSpec):
            self.title.setText(
                self.tr("{0} · Sequential · children: {1}").format(
                    row.key if row else "", len(node.children)
                )
            )
        else:
            lt = layer_type(node.type)
            tied = self.tr(" · tied: editing changes every use") if node.tie else ""
            self.title.setText(
                f"<b>{row.key if row else ''}</b> · {lt.name}{tied}<br><i>{self.tr(lt.doc)}</i>"
            )
        error = row.error if row is not None else None
        self.shape_error.setText(message_text(error) if error else "")
        self.shape_error.setVisible(bool(error))
        self.fields["name"].set_value(node.name)
        if isinstance(node, LayerSpec):
            for name, value in node.args.items():
                if name in self.fields:
                    self.fields[name].set_value(value)
        for f in self.fields.values():
            f.mark(None)

    # ----- committing ---------------------------------------------------------------------

    def _commit(self, name: str) -> bool:
        path, node = self.selected()
        field = self.fields.get(name)
        if node is None or field is None:
            return False
        spec = self.document.spec
        value = field.value()
        try:
            if name == "name":
                if (value or None) == node.name:
                    field.mark(None)
                    return False
                new = edits.rename(spec, path, value)
                text = self.tr("Rename to {0}").format(value or self.tr("index"))
            else:
                if node.args.get(name) == value:
                    field.mark(None)
                    return False
                new = edits.set_args(spec, path, {name: value})
                text = self.tr("Set {0}").format(name)
        except InvalidArgument as e:
            target = self.fields.get(e.field, field)
            target.mark(message_text(e.reason))
            self.window_.show_status(error_text(e))
            return False
        except ExplorerError as e:
            field.mark(error_text(e))
            return False
        field.mark(None)
        return self.window_.push_spec(new, text)

    def _commit_input(self) -> bool:
        spec = self.document.spec
        text = self.shape_edit.text()
        try:
            parts = [p for p in text.replace("(", "").replace(")", "").split(",") if p.strip()]
            shape = tuple(int(p) for p in parts)
            if not shape or any(d < 1 for d in shape):
                raise ValueError
        except ValueError:
            self.shape_field.mark(self.tr("must be positive whole numbers, like 2, 20"))
            return False
        try:
            new = edits.set_input(spec, shape, self.dtype_combo.currentText())
        except ExplorerError as e:
            self.shape_field.mark(error_text(e))
            return False
        self.shape_field.mark(None)
        return self.window_.push_spec(new, self.tr("Set input"))


def install(window) -> None:
    window.add_dock(
        window.register("properties", PropertiesPane(window)),
        window.tr("Properties"),
        Qt.DockWidgetArea.RightDockWidgetArea,
        "PropertiesDock",
    )
