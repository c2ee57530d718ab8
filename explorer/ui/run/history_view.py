"""The History tab: each parameter's distribution over training steps.

Fed by the ``views.history`` probe (percentiles of every parameter at display rate);
kept in a bounded :class:`~explorer.core.monitor.History`. Drawn as percentile bands
(min-max, 5-95, 25-75) around the median, with a step slider that reads out one step.
"""

from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from explorer.core.monitor import PERCENTILES, History, distribution_probe
from explorer.core.progress import Progress
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale

PROBE = "views.history"
BANDS = ((0, 6, 40), (1, 5, 70), (2, 4, 110))  # (low column, high column, alpha)


def has_lone_points(y: np.ndarray) -> bool:
    """Whether a finite value of ``y`` has no finite neighbour (a line would not show it)."""
    finite = np.isfinite(y)
    before = np.concatenate(([False], finite[:-1]))
    after = np.concatenate((finite[1:], [False]))
    return bool(np.any(finite & ~before & ~after))


class HistoryView(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.history = History()
        self._last_step = 0
        self._whole_ticks = False  # the step axis ticks every step (one step shown)
        self.param = QComboBox(self)
        self.param.setMinimumContentsLength(16)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setEnabled(False)
        self.readout = QLabel(self)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        clear = QPushButton(self.tr("Clear"), self)
        clear.setToolTip(self.tr("Forget the recorded history"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Parameter"), self))
        top.addWidget(self.param)
        # a step number (步数), not the Step button (单步): its own source text
        self.step_label = QLabel(self.tr("At step"), self)
        top.addWidget(self.step_label)
        top.addWidget(self.slider, 1)
        top.addWidget(clear)
        self.plot = pg.PlotWidget(self)
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("value"))
        self.plot.plotItem.hideButtons()
        # band edges need a pen: a pen-less PlotDataItem keeps no path to fill between
        self.lines = [pg.PlotDataItem(pen=pg.mkPen((90, 120, 200, 90))) for _ in PERCENTILES]
        for line in self.lines:
            self.plot.addItem(line)
        self.bands = []
        for lo, hi, alpha in BANDS:
            band = pg.FillBetweenItem(self.lines[lo], self.lines[hi], brush=(90, 120, 200, alpha))
            self.plot.addItem(band)
            self.bands.append(band)
        self.median = pg.PlotDataItem(
            pen=pg.mkPen((30, 60, 150), width=2),
            symbolSize=7,
            symbolPen=None,
            symbolBrush=(30, 60, 150),
        )
        for line in self.lines:  # a sparse row's percentiles: a dash each, in the band's colour
            line.setSymbolSize(11)
            line.setSymbolPen(pg.mkPen((90, 120, 200), width=2))
        self.plot.addItem(self.median)
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((214, 69, 69), width=1))
        self.plot.addItem(self.cursor)
        for side in ("left", "bottom"):  # no "(x0.001)" on an empty or a tiny range
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.empty = Placeholder(self.plot.plotItem)  # "no runs yet", in the plot it stands for
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.param.currentTextChanged.connect(lambda _: self.redraw())
        self.slider.valueChanged.connect(lambda _: self._show_step())
        clear.clicked.connect(self.clear)
        window.selection.parameter_changed.connect(self._follow_selection)
        window.run_progressed.connect(self.on_progress)
        window.document.replaced.connect(self.clear)
        window.run_probes[PROBE] = distribution_probe
        run = window.part("run_actions", None)  # History shares the run's step axis
        if run is not None:
            run.controller.run_records.append(self)
            run.controller.steps_changed.connect(self._on_steps_changed)
            run.controller.training_started.connect(lambda _: self._record_start(run.controller))
            self._runner = run.controller.runner
        self.redraw()

    def _record_start(self, controller) -> None:
        """The weights a Train starts from are its first row (step 0: the initialization).

        The run's own rows come when its probes' 2% share pays for them, which on a big
        model can be late in the run or only at its end; the starting distribution is what
        the run is compared with. A Train that continues from a recorded step adds nothing.
        """
        step = controller.steps_done
        if self.history.names() and step == self._last_step:
            return  # the last run's final row is this one
        rows = distribution_probe(self.window_.document.net)  # the run has not begun yet
        self.on_progress(Progress(step=step, total=step, probes={PROBE: rows}))

    def _on_steps_changed(self, steps: int) -> None:
        if steps == 0 and not self._runner.running:
            self.clear()  # Reset weights: the recorded steps belong to other weights

    def snapshot_run(self) -> tuple:
        """The recorded history (for undo of Reset weights)."""
        return copy.deepcopy(self.history), self._last_step, self.param.currentText()

    def restore_run(self, snapshot: tuple) -> None:
        """Show ``snapshot`` again, on the parameter that was chosen."""
        history, last_step, chosen = snapshot
        self.history = copy.deepcopy(history)  # the snapshot stays whole for the next undo
        self._last_step = last_step
        self.param.blockSignals(True)
        self.param.clear()
        self.param.addItems(self.history.names())
        self.param.blockSignals(False)
        i = self.param.findText(chosen)
        if i >= 0:
            self.param.setCurrentIndex(i)
        self.redraw()

    def clear(self) -> None:
        self._last_step = 0
        self.history.clear()
        self.param.clear()
        self.redraw()

    def on_progress(self, progress) -> None:
        data = progress.probes.get(PROBE) if progress.probes else None
        if not data:
            return
        if progress.step < self._last_step:
            self.clear()  # the step axis went back (Reset weights): a new count began
        self._last_step = progress.step
        self.history.add(progress.step, data)
        known = {self.param.itemText(i) for i in range(self.param.count())}
        self.param.blockSignals(True)
        for name in data:
            if name not in known:
                self.param.addItem(name)
        self.param.blockSignals(False)
        if not known:  # the first data: start on the selected parameter
            self._follow_selection(self.window_.selection.parameter)
        if self.isVisible():
            self.redraw()

    def _follow_selection(self, name: str) -> None:
        i = self.param.findText(name)
        if i >= 0:
            self.param.setCurrentIndex(i)

    def redraw(self) -> None:
        steps, rows = self.history.series(self.param.currentText())
        x = steps.astype(np.float64)
        for col, line in enumerate(self.lines):
            line.setData(x, rows[:, col] if len(rows) else np.zeros(0))
        self.median.setData(x, rows[:, 3] if len(rows) else np.zeros(0))
        # a line needs two points: a lone row (one step recorded, or one between gaps)
        # would draw nothing, so a sparse series shows every row as marks too
        marks = len(rows) > 0 and has_lone_points(rows[:, 3])
        self.median.setSymbol("o" if marks else None)
        for col, line in enumerate(self.lines):  # the median (column 3) has its dot
            line.setSymbol("_" if marks and col != 3 else None)
        if len(steps):
            show_scale(self.plot.plotItem, self.empty)
            self.plot.enableAutoRange()
            one = bool(steps[0] == steps[-1])
            if one:  # one step: in the middle of the plot, not at an edge
                self.plot.setXRange(float(steps[0]) - 1, float(steps[0]) + 1, padding=0)
            if one != self._whole_ticks:  # steps are whole numbers: no 0.5 ticks for one step
                axis = self.plot.getAxis("bottom")
                if one:
                    axis.setTickSpacing(1, 1)
                else:
                    axis.setTickSpacing()  # pyqtgraph's own again
                self._whole_ticks = one
        else:
            show_empty(self.plot.plotItem, self.empty, self.empty_text())
        at_end = self.slider.value() == self.slider.maximum()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(steps) - 1))
        if at_end:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(steps) > 1)
        self._show_step()

    def empty_text(self) -> str:
        """What the empty plot says: no run yet, and what training will record here."""
        return "\n".join(
            (
                self.tr("No runs yet"),
                self.tr(
                    "Train the model: each parameter's percentiles are recorded at display rate."
                ),
            )
        )

    def _show_step(self) -> None:
        steps, rows = self.history.series(self.param.currentText())
        if not len(steps):
            self.readout.setText("")
            self.cursor.hide()
            return
        i = min(self.slider.value(), len(steps) - 1)
        self.cursor.show()
        self.cursor.setValue(float(steps[i]))
        parts = "  ".join(f"p{p:g}={v:.4g}" for p, v in zip(PERCENTILES, rows[i], strict=True))
        self.readout.setText(self.tr("step {0}: {1}").format(int(steps[i]), parts))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.redraw()


def install(window) -> None:
    window.add_tab(
        window.register("history_view", HistoryView(window)), window.tr("History"), "HistoryTab"
    )
