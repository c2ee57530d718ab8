"""The Gradients tab: mean and max |grad| per layer, vanishing and exploding layers marked.

Drawn on a log axis. Refreshed from the live model after a backward outside a run
(``weights_changed``) and from the ``views.gradflow`` probe during a run.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.core.monitor import EXPLODING, VANISHING, GradFlowRow, grad_flow
from explorer.ui.common.plots.colors import EXPLODING_BRUSH, OK_BRUSH, VANISHING_BRUSH
from explorer.ui.common.when_shown import WhenShown

PROBE = "views.gradflow"
FLOOR = 1e-12  # where zero gradients sit on the log axis
# States from explorer.core.monitor, marked here for pyside6-lupdate.
STATE_NAMES = (
    QT_TRANSLATE_NOOP("GradFlowView", "vanishing"),
    QT_TRANSLATE_NOOP("GradFlowView", "exploding"),
)
STATE_BRUSH = {"ok": OK_BRUSH, "vanishing": VANISHING_BRUSH, "exploding": EXPLODING_BRUSH}


def _log(v: float) -> float:
    return math.log10(max(v, FLOOR)) if math.isfinite(v) else math.log10(1e30)


class GradFlowView(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.rows: tuple[GradFlowRow, ...] = ()
        self.plot = pg.PlotWidget(self)
        self.plot.plotItem.hideButtons()
        self.plot.setLabel("left", self.tr("log10 |grad|"))
        self.max_bars = pg.BarGraphItem(x=[], height=[], width=0.8, y0=math.log10(FLOOR))
        self.mean_bars = pg.BarGraphItem(x=[], height=[], width=0.4, y0=math.log10(FLOOR))
        self.plot.addItem(self.max_bars)
        self.plot.addItem(self.mean_bars)
        for level, color in ((VANISHING, VANISHING_BRUSH), (EXPLODING, EXPLODING_BRUSH)):
            line = pg.InfiniteLine(
                pos=math.log10(level),
                angle=0,
                pen=pg.mkPen(color[:3], style=pg.QtCore.Qt.PenStyle.DashLine),
            )
            self.plot.addItem(line)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self._when_shown = WhenShown(self, self.refresh)  # a hidden tab catches up when shown
        self.document.weights_changed.connect(self._on_weights_changed)
        self.document.spec_changed.connect(self._when_shown.request)
        window.run_progressed.connect(self.on_progress)
        window.run_probes[PROBE] = grad_flow
        self._pending = False  # rows a run sent while the tab was hidden are not drawn yet

    def refresh(self) -> None:
        self.show_rows(grad_flow(self.document.net))

    def _on_weights_changed(self) -> None:
        if not self.document.moving:  # a paused run: its paused gradients
            self._when_shown.request()

    def on_progress(self, progress) -> None:
        data = progress.probes.get(PROBE) if progress.probes else None
        if data is None:
            return
        if self.isVisible():
            self.show_rows(data)
        else:  # a hidden tab keeps the newest rows and draws them when shown
            self.rows = tuple(data)
            self._pending = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending:
            self.show_rows(self.rows)

    def show_rows(self, rows) -> None:
        self.rows = tuple(rows)
        self._pending = False
        with_grad = [r for r in self.rows if r.has_grad]
        x = np.arange(len(with_grad), dtype=float)
        base = math.log10(FLOOR)
        self.max_bars.setOpts(
            x=x,
            height=[_log(r.max_abs) - base for r in with_grad],
            brushes=[pg.mkBrush(*STATE_BRUSH[r.state][:3], 110) for r in with_grad],
        )
        self.mean_bars.setOpts(
            x=x,
            height=[_log(r.mean_abs) - base for r in with_grad],
            brushes=[pg.mkBrush(*STATE_BRUSH[r.state]) for r in with_grad],
        )
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, r.layer) for i, r in enumerate(with_grad)]])
        if not self.rows:
            self.summary.setText(self.tr("The model has no parameters."))
        elif not with_grad:
            self.summary.setText(
                self.tr("Every grad is None: run a backward pass (or a training step) first.")
            )
        else:
            marked = [
                self.tr("{0} {1}").format(r.layer, self.tr(r.state))
                for r in with_grad
                if r.state != "ok"
            ]
            text = self.tr("Wide bars: max |grad|; narrow bars: mean |grad|. ")
            text += (
                self.tr("Marked: {0}").format(", ".join(marked))
                if marked
                else self.tr("No layer is vanishing or exploding.")
            )
            self.summary.setText(text)
        self.plot.enableAutoRange()

    def layer_states(self) -> dict[str, str]:
        return {r.layer: r.state for r in self.rows}


def install(window) -> None:
    view = window.register("gradflow_view", GradFlowView(window))
    window.when_ready(view.refresh)
    window.add_tab(view, window.tr("Gradients"), "GradientsTab")
