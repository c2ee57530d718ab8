"""The Autograd tab: leaves, a few lines of code, the graph, Backward and zero_().

The panel holds a :class:`~explorer.core.autograd_graph.Scratchpad` (plain tensors,
nothing of the model) and shows what it says: the value, each leaf's ``.grad`` and the
graph. Failures appear in the message line above the graph, in plain words; nothing
else changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.autograd_graph import AutogradError, Leaf, Scratchpad
from explorer.core.errors import ExplorerError
from explorer.ui.autograd.graph_view import GraphView
from explorer.ui.common.messages import error_text

DEFAULT_LEAVES = (Leaf("x", "3.0"), Leaf("y", "2.0"))
DEFAULT_CODE = "z = x * y + x**2"


class ScratchpadPanel(QWidget):
    """Leaves table, code, buttons, message line and graph; one :class:`Scratchpad`."""

    evaluated = Signal()
    grads_changed = Signal()
    failed = Signal(str, str)  # kind, message

    def __init__(self, parent=None, model_source: Callable[[], tuple] | None = None):
        super().__init__(parent)
        self.pad = Scratchpad()
        # () -> (net, x, target, loss name), or raises ExplorerError saying what is missing
        self.model_source = model_source
        self.leaves = QTableWidget(0, 3, self)
        self.leaves.setHorizontalHeaderLabels(
            [self.tr("Leaf"), self.tr("Value"), self.tr("requires_grad")]
        )
        self.leaves.verticalHeader().hide()
        header = self.leaves.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = self.leaves.verticalHeader()
        rows.setMinimumSectionSize(self.fontMetrics().height() + 4)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # Fusion's 30 px showed 1.5
        add = QPushButton(self.tr("Add leaf"), self)
        add.clicked.connect(lambda: self.add_leaf(Leaf(self._free_name(), "1.0")))
        remove = QPushButton(self.tr("Remove leaf"), self)
        remove.clicked.connect(self.remove_selected_leaf)
        self.code = QPlainTextEdit(self)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.code.setFont(mono)
        self.code.setPlaceholderText(self.tr("z = x * y + x**2  (the last line is the result)"))
        self.evaluate_button = QPushButton(self.tr("Evaluate"), self)
        self.evaluate_button.setObjectName("AutogradEvaluate")
        self.evaluate_button.setToolTip(self.tr("Create the leaves, run the code, draw the graph"))
        self.evaluate_button.clicked.connect(self.evaluate)
        self.backward_button = QPushButton(self.tr("Backward"), self)
        self.backward_button.setObjectName("AutogradBackward")
        self.backward_button.setToolTip(self.tr("result.backward(): fills each leaf's .grad"))
        self.backward_button.clicked.connect(self.backward)
        self.zero_button = QPushButton(self.tr("zero_()"), self)
        self.zero_button.setObjectName("AutogradZero")
        self.zero_button.setToolTip(self.tr("x.grad.zero_() on every leaf"))
        self.zero_button.clicked.connect(self.zero_grad)
        self.retain = QCheckBox(self.tr("retain_graph"), self)
        self.retain.setObjectName("AutogradRetain")
        self.model_button = QPushButton(self.tr("Model's loss graph"), self)
        self.model_button.setObjectName("AutogradModelGraph")
        self.model_button.setToolTip(
            self.tr("The graph of the current model's loss on the last Forward's batch, by layer")
        )
        self.model_button.clicked.connect(self.show_model_graph)
        self.model_button.setVisible(model_source is not None)
        self.gradient = QLineEdit(self)
        self.gradient.setPlaceholderText(self.tr("gradient= (for a non-scalar result)"))
        self.value = QLabel(self)
        self.value.setObjectName("AutogradValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setWordWrap(True)
        self.grads = QLabel(self)
        self.grads.setObjectName("AutogradGrads")
        self.grads.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grads.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("AutogradMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setMinimumHeight(self.fontMetrics().height() * 2 + 4)  # reserved
        self.graph = GraphView(self)

        self._lay_out(add, remove)

        for leaf in DEFAULT_LEAVES:
            self.add_leaf(leaf)
        self.code.setPlainText(DEFAULT_CODE)
        self._update_buttons()

    def _lay_out(self, add: QPushButton, remove: QPushButton) -> None:
        """Inputs on the left, the graph with its results on the right.

        At 1280x800 the dock is about 270 px tall: the leaf buttons sit beside the table and
        the gradient field beside the model button, so the table shows several rows, and the
        value and the grads are under the graph (below the inputs, they were scrolled away).
        """
        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        leaves = QHBoxLayout()
        leaves.addWidget(self.leaves, 1)
        leaf_buttons = QVBoxLayout()
        leaf_buttons.addWidget(add)
        leaf_buttons.addWidget(remove)
        leaf_buttons.addStretch(1)
        leaves.addLayout(leaf_buttons)
        lay.addLayout(leaves, 3)
        lay.addWidget(self.code, 2)
        buttons = QHBoxLayout()
        for w in (self.evaluate_button, self.backward_button, self.zero_button, self.retain):
            buttons.addWidget(w)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        extra = QHBoxLayout()
        extra.addWidget(self.gradient, 1)
        extra.addWidget(self.model_button)
        lay.addLayout(extra)
        line = self.fontMetrics().height()
        header = self.leaves.horizontalHeader().sizeHint().height()
        rows = self.leaves.verticalHeader().defaultSectionSize()
        self.leaves.setMinimumHeight(header + 3 * rows + 2 * self.leaves.frameWidth())
        self.code.setMinimumHeight(3 * line + 8)
        right = QWidget(self)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.addWidget(self.message)
        rlay.addWidget(self.graph, 1)
        rlay.addWidget(self.value)
        rlay.addWidget(self.grads)
        scroll = QScrollArea(self)  # a short dock scrolls the inputs instead of growing the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        # never narrower than the inputs need: at 1280 px retain_graph was cut off
        scroll.setMinimumWidth(
            left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(split)

    # ----- leaves ---------------------------------------------------------------------

    def _free_name(self) -> str:
        names = {leaf.name for leaf in self.leaf_specs()}
        for name in ("x", "y", "w", "b", "a", "c"):
            if name not in names:
                return name
        n = 1
        while f"t{n}" in names:
            n += 1
        return f"t{n}"

    def add_leaf(self, leaf: Leaf) -> None:
        r = self.leaves.rowCount()
        self.leaves.insertRow(r)
        self.leaves.setItem(r, 0, QTableWidgetItem(leaf.name))
        self.leaves.setItem(r, 1, QTableWidgetItem(leaf.expr))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(
            Qt.CheckState.Checked if leaf.requires_grad else Qt.CheckState.Unchecked
        )
        self.leaves.setItem(r, 2, check)

    def remove_selected_leaf(self) -> None:
        r = self.leaves.currentRow()
        if r >= 0:
            self.leaves.removeRow(r)

    def set_leaves(self, leaves: list[Leaf]) -> None:
        self.leaves.setRowCount(0)
        for leaf in leaves:
            self.add_leaf(leaf)

    def leaf_specs(self) -> list[Leaf]:
        out = []
        for r in range(self.leaves.rowCount()):
            name, expr, check = (self.leaves.item(r, c) for c in range(3))
            out.append(
                Leaf(
                    name.text() if name else "",
                    expr.text() if expr else "",
                    check is not None and check.checkState() == Qt.CheckState.Checked,
                )
            )
        return out

    # ----- actions ----------------------------------------------------------------------

    def _fail(self, e: AutogradError) -> None:
        self.message.setText(e.message)
        self.failed.emit(e.kind, e.message)

    def evaluate(self) -> bool:
        try:
            ev = self.pad.evaluate(self.leaf_specs(), self.code.toPlainText())
        except AutogradError as e:
            self._fail(e)
            return False
        self.message.clear()
        name = ev.result_name or self.tr("result")
        self.value.setText(self.tr("{0} = {1}").format(name, ev.value))
        self.graph.show_graph(ev.graph)
        self._show_grads(self.pad.grads())
        self._update_buttons()
        self.evaluated.emit()
        return True

    def backward(self) -> bool:
        try:
            grads = self.pad.backward(self.gradient.text().strip() or None, self.retain.isChecked())
        except AutogradError as e:
            self._fail(e)
            return False
        self.message.clear()
        self._show_grads(grads)
        return True

    def zero_grad(self) -> None:
        self._show_grads(self.pad.zero_grad())
        self.message.clear()

    def show_model_graph(self) -> bool:
        """Draw the model's loss graph (grouped by layer); the scratchpad stays as it is."""
        from explorer.core.model_graph import model_loss_graph

        if self.model_source is None:
            return False
        try:
            net, x, target, loss = self.model_source()
            nodes, value = model_loss_graph(net, x, target, loss)
        except ExplorerError as e:
            self.message.setText(error_text(e))
            self.failed.emit("model", error_text(e))
            return False
        except (RuntimeError, ValueError) as e:  # shapes or dtypes torch refuses
            text = (str(e).strip().splitlines() or [type(e).__name__])[0]
            self.message.setText(self.tr("The model's forward failed: {0}").format(text))
            self.failed.emit("model", text)
            return False
        self.message.clear()
        self.value.setText(self.tr("loss ({0}) = {1}").format(loss, f"{value:.6g}"))
        self.graph.show_graph(nodes)
        return True

    def _show_grads(self, grads: dict) -> None:
        lines = [f"{name}.grad = {value}" for name, value in grads.items()]
        self.grads.setText("\n".join(lines))
        self.graph.show_grads(grads)
        self.grads_changed.emit()

    def _update_buttons(self) -> None:
        ready = self.pad.result is not None
        self.backward_button.setEnabled(ready)
        self.zero_button.setEnabled(ready)


def _model_source(window) -> Callable[[], tuple[Any, Any, Any, str]]:
    """The current model, the last Forward's input and target, and the run's loss name."""

    def source():
        x = window.tensors.get("input")
        if x is None:
            raise ExplorerError(
                window.tr("Run Forward first: the graph uses its input, target and loss.")
            )
        run = window.project_state.get("run")
        loss = run[0]().get("loss", "mse") if run else "mse"
        net = window.document.net
        param = next(net.parameters(), None)
        if param is not None:
            x = x.to(param.device)
        target = window.tensors.get("target")
        if target is not None and param is not None:
            target = target.to(param.device)
        return net, x, target, loss

    return source


def install(window) -> None:
    panel = ScratchpadPanel(window, _model_source(window))
    panel.setObjectName("AutogradTab")
    window.add_tab(panel, window.tr("Autograd"), "AutogradTab")
