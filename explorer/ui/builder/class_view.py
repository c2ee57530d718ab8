"""The canvas of a Python class: its module tree, read-only, and the way to an editable copy.

A class opened from a ``.py`` has no spec to draw as cards. In its place the centre shows
``named_children`` (each child's type and arguments, and its parameter count), the input
shape (a guess is marked as one; typing a shape is an undoable edit), and "Convert to
Sequential", enabled when ``torch.fx`` traces the forward as a straight chain; otherwise
its tooltip says why. The editing actions of the builder are disabled meanwhile, with a
tooltip saying why.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.buffers import parameter_count_text
from explorer.core.errors import ExplorerError
from explorer.core.format import shape_text
from explorer.ui.common.messages import error_text, message_text


def parse_shape(text: str) -> tuple[int, ...] | None:
    """``"2, 20"`` or ``"(2, 20)"`` -> ``(2, 20)``; None when it is not positive integers."""
    parts = [p.strip() for p in text.replace("(", "").replace(")", "").split(",")]
    try:
        shape = tuple(int(p) for p in parts if p)
    except ValueError:
        return None
    return shape if shape and all(d > 0 for d in shape) else None


class ClassView(QWidget):
    """Shown instead of the canvas while the document holds a Python class."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ClassView")
        self.window_ = window
        self.document = window.document
        self.banner = QLabel(self)
        self.banner.setObjectName("ClassBanner")
        self.banner.setWordWrap(True)
        self.convert_button = QPushButton(self.tr("Convert to Sequential"), self)
        self.convert_button.setObjectName("ConvertClassButton")
        self.convert_button.clicked.connect(self.convert)
        self.shape_edit = QLineEdit(self)
        self.shape_edit.setObjectName("ClassInputShape")
        self.shape_edit.setPlaceholderText(self.tr("input shape, e.g. 2, 20"))
        self.shape_edit.setToolTip(self.tr("The input Forward and Train feed the class"))
        self.shape_edit.editingFinished.connect(self.apply_shape)
        self.shape_note = QLabel(self)
        self.shape_note.setObjectName("ClassShapeNote")
        self.shape_note.setWordWrap(True)
        self.shape_note.setMinimumHeight(self.fontMetrics().height() * 2 + 4)  # no jumps
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ClassTree")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Module"), self.tr("Parameters")])
        self._lazy_shown = False  # the tree shows lazy layers: refilled once they have run
        self.document.weights_changed.connect(self._on_weights_changed)
        self.why_not = ""  # why Convert to Sequential cannot run, or ""
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.convert_button)
        shape_row = QHBoxLayout()
        shape_row.addWidget(QLabel(self.tr("Input shape"), self))
        shape_row.addWidget(self.shape_edit)
        shape_row.addWidget(self.shape_note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(shape_row)
        layout.addWidget(self.tree, 1)

    # ----- filling ---------------------------------------------------------------------

    def refresh(self) -> None:
        source = self.document.source
        if source is None:
            self.tree.clear()
            return
        self.banner.setText(
            self.tr(
                "{0} is a Python class: its module tree is shown read-only. Forward, "
                "Train, Init lab and the inspectors work on it; editing layers needs a "
                "Sequential."
            ).format(source.title)
        )
        spec = self.document.spec
        self.shape_edit.setText(", ".join(map(str, spec.input_shape)))
        report = self.document.report
        out = (
            self.tr("output {0}").format(shape_text(report.output_shape))
            if report.output_shape is not None
            else message_text(report.error or "")
        )
        guess = self.document.input_guess
        self.shape_note.setText(
            (
                self.tr("guessed {0} (a guess: type the real one)").format(message_text(guess))
                + " · "
                + out
            )
            if guess
            else out
        )
        self._fill_tree()
        self._check_conversion()

    def _on_weights_changed(self) -> None:
        """The first forward (Forward, a training step) made lazy layers ``Linear(20 -> 256)``."""
        from explorer.core.buffers import has_uninitialized

        if self._lazy_shown and not has_uninitialized(self.document.net):
            self._fill_tree()

    def _fill_tree(self) -> None:
        from explorer.core.buffers import has_uninitialized

        self.tree.clear()
        self._lazy_shown = self.document.source is not None and has_uninitialized(self.document.net)

        def add(parent, module) -> None:
            for name, child in module.named_children():
                count = parameter_count_text(child.parameters())  # "?": a lazy layer
                item = QTreeWidgetItem(
                    [name, f"{type(child).__name__}({child.extra_repr()})", count]
                )
                (parent.addChild if parent is not None else self.tree.addTopLevelItem)(item)
                add(item, child)

        add(None, self.document.net)
        self.tree.expandAll()
        for c in range(3):
            self.tree.resizeColumnToContents(c)

    def _check_conversion(self) -> None:
        from explorer.core.fx_convert import to_sequential

        try:
            to_sequential(self.document.net, tuple(self.document.spec.input_shape))
        except ExplorerError as e:
            self.why_not = error_text(e)
        except Exception as e:  # noqa: BLE001 - the learner's forward under fx can raise anything
            self.why_not = f"{type(e).__name__}: {e}"
        else:
            self.why_not = ""
        if self.why_not:
            self.banner.setText(
                self.banner.text()
                + " "
                + self.tr("It cannot become a Sequential: {0}").format(self.why_not)
            )
        self.convert_button.setEnabled(not self.why_not)
        self.convert_button.setToolTip(
            self.tr("Cannot convert: {0}").format(self.why_not)
            if self.why_not
            else self.tr("An editable Sequential with the class's current weights")
        )

    # ----- actions ---------------------------------------------------------------------

    def apply_shape(self) -> bool:
        """The typed input shape, as an undoable edit; bad text is refused in one line."""
        spec = self.document.spec
        shape = parse_shape(self.shape_edit.text())
        if shape is None:
            self.window_.report_error(
                self.tr("The input shape must be positive whole numbers, like 2, 20")
            )
            self.shape_edit.setText(", ".join(map(str, spec.input_shape)))
            return False
        if shape == tuple(spec.input_shape):
            return False
        from dataclasses import replace

        return self.window_.push_spec(
            replace(spec, input_shape=shape), self.tr("Input shape {0}").format(shape_text(shape))
        )

    def convert(self) -> bool:
        """Open an editable Sequential that computes the same, with the current weights."""
        from explorer.app.session import OpenRequest
        from explorer.core.fx_convert import to_sequential

        w = self.window_
        source = self.document.source
        if source is None:
            return False
        net = self.document.net
        with w.errors(w.tr("Cannot convert: {0}")) as failed:
            spec = to_sequential(net, tuple(self.document.spec.input_shape))
        if failed:
            return False
        state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        request = OpenRequest(spec, "import", title=source.title, weights=state, saved=False)
        if not w.open_model(request):
            return False
        w.show_status(w.tr("Converted {0} to an editable Sequential").format(source.title))
        return True


def install(window, canvas, builder, palette) -> ClassView:
    """Put the class view beside the canvas; show one of them after every opening."""
    view = window.register("class_view", ClassView(window))
    window.set_center(view)
    view.hide()
    document = window.document
    reason = window.tr("The model is a Python class: convert it to Sequential to edit its layers")

    def follow(*_args) -> None:
        is_class = document.source is not None
        canvas.setVisible(not is_class)
        view.setVisible(is_class)
        palette.setEnabled(not is_class)
        palette.setToolTip(reason if is_class else "")
        for name, action in builder.actions.items():
            if name == "export_code":
                continue
            action.setEnabled(not is_class)
            tip = action.statusTip()
            action.setToolTip(f"{tip} — {reason}" if is_class else _restored(action))
        if is_class:
            view.refresh()

    for action in builder.actions.values():
        action.setProperty("plain_tooltip", action.toolTip())
    document.spec_changed.connect(follow)
    window.when_ready(follow)
    return view


def _restored(action) -> str:
    return action.property("plain_tooltip") or action.toolTip()
