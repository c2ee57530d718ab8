"""The Activations tab: each layer's output histogram and the share of dead ReLU units.

During a run the ``views.activations`` probe runs one extra no-grad forward of the
current batch at display rate (only while this tab is shown). Outside a run, "Refresh"
runs it on the published ``input`` tensor, or on a seeded random batch of the model's
input shape.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.monitor import ActivationRow, activations
from explorer.core.probes import ActivationsProbe, RequestBox
from explorer.ui.common.messages import error_text
from explorer.ui.common.plots.colors import EXPLODING_BRUSH
from explorer.ui.common.plots.histogram import HistogramPlot
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale
from explorer.ui.common.when_shown import WhenShown

PROBE = "views.activations"


class ActivationsView(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.rows: tuple[ActivationRow, ...] = ()
        self.shown = False
        self.layers = QListWidget(self)
        self.hist = HistogramPlot(self.tr("output"), parent=self)
        self.dead_plot = pg.PlotWidget(self)
        self.dead_plot.plotItem.hideButtons()
        self.dead_plot.setTitle(self.tr("dead ReLU units (share)"))
        self.dead_plot.setYRange(0, 1)
        self.dead_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=EXPLODING_BRUSH)
        self.dead_plot.addItem(self.dead_bars)
        self.dead_empty = Placeholder(self.dead_plot.plotItem)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setToolTip(
            self.tr("Run a forward pass without gradients and summarize each output")
        )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.layers)
        split.addWidget(self.hist)
        split.addWidget(self.dead_plot)
        split.setSizes([260, 380, 260])  # a row's mean and std whole at 1280x800
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.layers.currentRowChanged.connect(lambda _: self._show_layer())
        refresh.clicked.connect(self.refresh)
        window.run_progressed.connect(self.on_progress)
        self.requests: RequestBox[bool] = RequestBox(False)  # True while the tab is shown
        window.run_probes[PROBE] = ActivationsProbe(self.requests)
        # The rows must be of the model that is open, with its weights now: another model,
        # an edit, Reset weights, Step or a loaded checkpoint run the forward pass again
        # (at once if the tab is shown, else when it is next shown). ``_rows_of``: the
        # weights a run's probe summarized, so the run's own end does not redo its last rows.
        self._rows_of: tuple | None = None
        self._when_shown = WhenShown(self, self._follow_model)
        self.document.replaced.connect(self._when_shown.request)
        self.document.spec_changed.connect(self._when_shown.request)
        self.document.weights_changed.connect(self._on_weights_changed)

    def batch(self):
        """The published ``input`` tensor if it fits the model, else a seeded random batch."""
        import torch

        x = self.window_.tensors.get("input")
        shape = tuple(self.document.spec.input_shape)
        if isinstance(x, torch.Tensor) and tuple(x.shape[1:]) == shape[1:]:
            return x.to(self.document.device)
        gen = torch.Generator().manual_seed(0)
        dtype = getattr(torch, self.document.spec.dtype)
        return torch.randn(shape, generator=gen).to(self.document.device, dtype)

    def _on_weights_changed(self) -> None:
        if self.document.moving:
            return  # the probe brings fresh values during a run
        if self._rows_of is not None and self._rows_of == self._fingerprint():
            return  # the run's last probe already summarized these weights
        self._when_shown.request()

    def _has_lazy_weights(self) -> bool:
        """Lazy layers that have not run (weights, or a lazy batch norm's statistics)."""
        from explorer.core.buffers import has_uninitialized

        return has_uninitialized(self.document.net)

    def _fingerprint(self) -> tuple:
        from explorer.app.session import weights_fingerprint

        return weights_fingerprint(self.document.net)

    def _follow_model(self) -> None:
        """The model changed: its rows, or none while it cannot run (the card says why)."""
        if self.document.moving:
            return
        error = self.document.report.error
        if error is None:
            self.refresh()
            return
        self._rows_of = None
        self._show_none(
            self.tr("No activations: the model does not run ({0})").format(error_text(error))
        )

    def _show_none(self, why: str) -> None:
        """No rows, and why, in the tab's note (the dead-unit plot shows no scale)."""
        self.show_rows(())
        show_empty(self.dead_plot.plotItem, self.dead_empty, "")
        self.note.setText(why)

    def refresh(self) -> None:
        if self.document.moving:
            return  # the probe brings fresh values during a run
        self._rows_of = None
        if self._has_lazy_weights():  # a forward here would give them shapes behind Forward's back
            self._show_none(
                self.tr("Lazy layers are not initialized yet: run a forward (F5) or train a step")
            )
            return
        try:
            rows = activations(self.document.net, self.batch())
        except RuntimeError as e:
            self.window_.report_error(
                self.tr("Activations: the forward pass failed: {0}").format(error_text(e))
            )
            return
        self.show_rows(rows)

    def on_progress(self, progress) -> None:
        data = progress.probes.get(PROBE) if progress.probes else None
        if data is not None:
            self.show_rows(data)
            self._rows_of = self._fingerprint()  # the run's last tick: the weights it ends on

    def show_rows(self, rows) -> None:
        current = self.layers.currentRow()
        self.rows = tuple(rows)
        self.layers.blockSignals(True)
        self.layers.clear()
        for r in self.rows:
            text = f"{self.row_name(r)}  {r.type}  mean {r.mean:.3g}  std {r.std:.3g}"
            if r.dead is not None:
                text += "  " + self.tr("dead {0}").format(f"{r.dead:.0%}")
            item = QListWidgetItem(text)
            item.setToolTip(text)  # the whole line, when the list is narrower than it
            self.layers.addItem(item)
        self.layers.setCurrentRow(min(max(current, 0), len(self.rows) - 1))
        self.layers.blockSignals(False)
        relus = [r for r in self.rows if r.dead is not None]
        self.dead_bars.setOpts(x=np.arange(len(relus)), height=[r.dead for r in relus])
        ticks = [(i, self.row_name(r)) for i, r in enumerate(relus)]
        self.dead_plot.getAxis("bottom").setTicks([ticks])
        no_relu = self.tr("No ReLU layer: no dead units to count.")
        if relus:
            show_scale(self.dead_plot.plotItem, self.dead_empty)
            # room for at least 4 bars: one ReLU is a bar, not a block filling the plot
            self.dead_plot.setXRange(-0.5, max(len(relus), 4) - 0.5, padding=0.02)
            self.dead_plot.setYRange(0, 1)
        else:  # an F.relu in a class's forward is no module: say so in the plot
            show_empty(self.dead_plot.plotItem, self.dead_empty, no_relu)
        self.note.setText(
            self.tr("A unit is dead when it outputs 0 for every sample of the batch.")
            if relus
            else ""  # the plot itself says there is no ReLU
        )
        self._show_layer()

    def row_name(self, row: ActivationRow) -> str:
        """``linear``, or ``linear (call 2)`` for a module's second call in ``forward``."""
        if row.call == 1:
            return row.layer
        return self.tr("{0} (call {1})").format(row.layer, row.call)

    def _show_layer(self) -> None:
        i = self.layers.currentRow()
        if 0 <= i < len(self.rows):
            r = self.rows[i]
            self.hist.set_title(
                self.tr("output of {0} {1}, shape {2}").format(self.row_name(r), r.type, r.shape)
            )
            self.hist.show_histogram(r.hist)
        else:
            self.hist.show_histogram(None)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.shown = True
        self.requests.set(True)
        if not self.rows:
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.shown = False
        self.requests.set(False)


def install(window) -> None:
    window.add_tab(
        window.register("activations_view", ActivationsView(window)),
        window.tr("Activations"),
        "ActivationsTab",
    )
