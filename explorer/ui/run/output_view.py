"""The Output tab: the output as PyTorch prints it, a heatmap, and train() vs eval() side by side."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.common.plots.heatmap import set_cell_ticks


def diverging_colormap() -> pg.ColorMap:
    """Negative blue, zero neutral, positive red (readable on light and dark backgrounds)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [(49, 99, 206), (236, 236, 236), (214, 69, 69)])


class Heatmap(pg.GraphicsLayoutWidget):
    """A 2-D array as an image, rows top to bottom, colours centred on zero."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.addPlot()
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(diverging_colormap())
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=diverging_colormap(), interactive=False)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.setMinimumHeight(120)

    def set_values(self, values: np.ndarray, limit: float | None = None) -> None:
        """Show ``values`` with colours from ``-limit`` to ``limit`` (default: their max |value|)."""
        m = (
            limit
            if limit is not None
            else (float(np.nanmax(np.abs(values))) if values.size else 0.0)
        )
        m = m if np.isfinite(m) and m > 0 else 1.0
        self.image.setImage(values, levels=(-m, m))
        self.bar.setLevels((-m, m))
        rows, cols = values.shape if values.ndim == 2 else (1, values.size)
        set_cell_ticks(self.plot, rows, cols)
        self.plot.autoRange()


def _mono() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class OutputPane(QWidget):
    """One output: its printed form and its heatmap."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)  # a title with its "older" mark must not widen the window
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(_mono())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.heatmap = Heatmap(self)
        split = QSplitter(self)
        split.addWidget(self.text)
        split.addWidget(self.heatmap)
        split.setSizes([500, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)

    def show_result_empty(self) -> None:
        """Nothing shown: no values, the colour scale and axes back to their start."""
        self.text.clear()
        self.heatmap.image.clear()
        self.heatmap.bar.setLevels((-1, 1))
        self.heatmap.plot.enableAutoRange()

    def show_result(self, result, limit: float | None = None) -> None:
        self.text.setPlainText(result.text)
        self.heatmap.set_values(result.values, limit)


class OutputView(QWidget):
    """Follows the run controller: ``output_ready`` and ``modes_compared``."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.hint = QLabel(
            self.tr(
                "Press Forward (F5) to run the model on its input; Run > Compare modes "
                "puts train() and eval() side by side."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.main = OutputPane(self.tr("output = net(X)"), self)
        self.compare_box = QGroupBox(self.tr("Same batch, train() vs eval()"), self)
        # the two panes (four plots) are built on the first comparison: most sessions never
        # compare, and plots are the dearest part of building the window
        self.train_pane: OutputPane | None = None
        self.eval_pane: OutputPane | None = None
        self._panes_row = QHBoxLayout()
        self.difference = QLabel(self.compare_box)
        self.difference.setWordWrap(True)  # a long sentence must not widen the window
        self.compare_mark = QLabel(self.compare_box)  # what is older than the comparison
        self.compare_mark.setWordWrap(True)
        self.compare_mark.hide()
        box = QVBoxLayout(self.compare_box)
        box.addWidget(self.compare_mark)
        box.addLayout(self._panes_row, 1)
        box.addWidget(self.difference)
        self.compare_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.main, 1)
        layout.addWidget(self.compare_box, 1)
        controller.output_ready.connect(self.show_output)
        controller.modes_compared.connect(self.show_comparison)
        controller.document.replaced.connect(self.clear)
        # What the shown output came from: the model (its layers and weights_fingerprint)
        # and the input's settings (seed, input kind, shape, data). A step, a run, a reset
        # or an edit since marks it, as a notebook's ``out`` keeps its old value; so does
        # another input (until its settings are put back: the input is then the same).
        self._made_of: tuple | None = None
        self._older_weights = False
        self._title = ""
        self._comparing = False  # the shown result is Compare modes' pair, not Forward's
        controller.document.weights_changed.connect(self._check_made_of)
        controller.document.spec_changed.connect(lambda *_: self._check_made_of())
        # the settings leave the weights alone: only the input is looked at again (the
        # fingerprint costs 2.4 ms on 1,000 layers)
        controller.session.settings_changed.connect(lambda *_: self._check_made_of(weights=False))

    def _model_now(self) -> tuple:
        from explorer.app.session import weights_fingerprint

        document = self.controller.document
        spec = document.spec
        return spec.children, spec.dtype, weights_fingerprint(document.net)

    def _input_now(self) -> tuple:
        from explorer.app.run_settings import input_key

        spec = self.controller.document.spec
        return input_key(self.controller.settings, spec.input_shape, spec.dtype)

    def _made_of_now(self) -> tuple[tuple, tuple]:
        return self._model_now(), self._input_now()

    def _check_made_of(self, weights: bool = True) -> None:
        if self._made_of is None or self.controller.document.moving:
            return
        if weights and not self._older_weights:
            # once the weights moved the output stays theirs (tensor ids can be reused)
            self._older_weights = self._model_now() != self._made_of[0]
        older_input = self._input_now() != self._made_of[1]
        if self._comparing:
            text = self.compare_marked(self._older_weights, older_input)
            self.compare_mark.setText(text)
            self.compare_mark.setVisible(bool(text))
        else:
            self.main.title.setText(self.marked_title(self._older_weights, older_input))

    def compare_marked(self, older_weights: bool, older_input: bool) -> str:
        """What moved on since Compare modes ran ("" when nothing did)."""
        if older_weights and older_input:
            return self.tr("Older weights and input: Run > Compare modes runs it again")
        if older_weights:
            return self.tr("Older weights: Run > Compare modes runs it again")
        if older_input:
            return self.tr("Older input: Run > Compare modes runs it again")
        return ""

    def marked_title(self, older_weights: bool, older_input: bool) -> str:
        """The output's title, saying whether the weights, the input or both moved on."""
        if older_weights and older_input:
            mark = self.tr("{0} · older weights and input: Forward (F5) runs it again")
        elif older_weights:
            mark = self.tr("{0} · older weights: Forward (F5) runs it again")
        elif older_input:
            mark = self.tr("{0} · older input: Forward (F5) runs it again")
        else:
            return self._title
        return mark.format(self._title)

    def clear(self) -> None:
        """Another model was opened: its outputs are not this one's."""
        self._made_of, self._older_weights, self._comparing = None, False, False
        self.compare_mark.hide()
        self.main.title.setText(self.tr("output = net(X)"))
        self.main.show_result_empty()
        self.main.show()
        self.compare_box.hide()

    def show_output(self, result) -> None:
        mode = "train()" if result.training else "eval()"
        fn = result.grad_fn or self.tr("none")
        self._title = self.tr("output = net(X) · shape {0} · grad_fn {1} · {2} mode").format(
            tuple(result.shape), fn, mode
        )
        self.main.title.setText(self._title)
        self._made_of = self._made_of_now()  # after the forward (batch norm, lazy shapes)
        self._older_weights, self._comparing = False, False
        self.main.show_result(result)
        self.compare_box.hide()  # one output at a time: the panel keeps its height
        self.main.show()

    def show_comparison(self, train_result, eval_result) -> None:
        self.main.hide()  # the comparison takes the main output's place, not more room
        if self.train_pane is None:
            self.train_pane = OutputPane("net.train()", self.compare_box)
            self.eval_pane = OutputPane("net.eval()", self.compare_box)
            self._panes_row.addWidget(self.train_pane)
            self._panes_row.addWidget(self.eval_pane)
        self.compare_box.show()
        self._made_of = self._made_of_now()  # the same batch as Forward's
        self._older_weights, self._comparing = False, True
        self.compare_mark.hide()
        both = np.concatenate([train_result.values.ravel(), eval_result.values.ravel()])
        limit = float(np.nanmax(np.abs(both))) if both.size else None  # one scale for both
        self.train_pane.show_result(train_result, limit)
        self.eval_pane.show_result(eval_result, limit)
        diff = (
            float(np.max(np.abs(train_result.values - eval_result.values)))
            if train_result.values.size
            else 0.0
        )
        if diff == 0.0:
            text = self.tr("The outputs are identical: this model has no dropout or batch norm.")
        else:
            text = self.tr(
                "Largest difference {0}: dropout zeroes and rescales in train(); batch norm "
                "uses the batch's statistics in train() and running statistics in eval()."
            ).format(f"{diff:.4g}")
        self.difference.setText(text)
