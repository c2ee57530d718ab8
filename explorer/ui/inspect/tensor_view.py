"""The Tensor tab: a parameter (or any array) and its gradient, side by side.

Heatmaps (diverging around zero), histograms, exact statistics, the update ratio
|Δw|/|w| labelled with what it spans (during a run the steps between two looks of the
run's probe, ``steps 41-60``; after a run the whole run; else the last change of the
weights), and the values table where a cell edit becomes an undoable
:class:`~explorer.ui.common.commands.WeightsCommand`. What is drawn comes from
:func:`explorer.core.stats.snapshot`, computed on the tensor's device: from the live
model on the GUI thread when no run is going, from the ``views.tensor`` probe in the
run's worker during a run.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.format import group_digits, shape_text
from explorer.core.probes import RequestBox, TensorProbe, TensorRequest
from explorer.core.stats import Snapshot, UpdateTracker, as_matrix, snapshot
from explorer.ui.common.plots.colors import GRAD_BRUSH, WEIGHT_BRUSH
from explorer.ui.common.plots.heatmap import Heatmap
from explorer.ui.common.plots.histogram import HistogramPlot
from explorer.ui.inspect.stats_table import StatsTable
from explorer.ui.inspect.values_table import ValuesTable

STAT_ROWS = ("numel", "mean", "std", "min", "max", "L2 norm", "zeros", "NaN", "Inf")
PROBE = "views.tensor"


def _fmt(value) -> str:
    if isinstance(value, int):
        return group_digits(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return f"{value:.6g}"


class TensorView(QWidget):
    """Shows one tensor: ``show_parameter(name)`` or ``show_array(title, array)``."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.name = ""  # the parameter shown ("" when an array or nothing is shown)
        self.array = None  # a torch tensor from inspect_requested
        self.array_title = ""
        self.index: tuple[int, ...] = ()
        self.tiled = False
        self.bins: int | None = None  # None: from the data (numpy's "auto", capped)
        self.tracker = UpdateTracker()
        self.ratio: float | None = None
        self.ratio_span = ""  # what the ratio is measured over, in words ("" when unknown)
        self.snaps: tuple[Snapshot | None, Snapshot | None] = (None, None)
        self._probe_step = 0  # the run's step at the probe's last look (0: none this run)
        self._run_steps = 0  # steps trained since this view's own last look at the weights
        self.shown = False

        self.header = QLabel(self)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dims_bar = QHBoxLayout()
        self.sliders: list[QSlider] = []
        self.tile_box = QCheckBox(self.tr("Tile kernels"), self)
        self.tile_box.setToolTip(self.tr("Draw a conv weight as a grid of its kernels"))
        self.bins_spin = QSpinBox(self)
        self.bins_spin.setRange(1, 1000)
        self.bins_spin.setSpecialValueText(self.tr("bins: auto"))  # the minimum, 1
        self.bins_spin.setValue(1)
        self.bins_spin.setPrefix(self.tr("bins "))
        self.bins_spin.setToolTip(self.tr("auto: from the data, as numpy's bins='auto'"))
        self.log_box = QCheckBox(self.tr("Log counts"), self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(self.dims_bar)
        top.addWidget(self.tile_box)
        top.addWidget(self.bins_spin)
        top.addWidget(self.log_box)

        self.weight_map = Heatmap(self.tr("value"), self)
        self.grad_map = Heatmap(self.tr("grad"), self)
        self.weight_hist = HistogramPlot(self.tr("value"), WEIGHT_BRUSH, self)
        self.grad_hist = HistogramPlot(self.tr("grad"), GRAD_BRUSH, self)
        hists = QSplitter(Qt.Orientation.Vertical, self)
        hists.addWidget(self.weight_hist)
        hists.addWidget(self.grad_hist)
        self.stats_table = StatsTable(
            [*STAT_ROWS, "|Δw|/|w|"], [self.tr("value"), self.tr("grad")], self
        )
        plots = QSplitter(Qt.Orientation.Horizontal, self)
        for w in (self.weight_map, self.grad_map, hists, self.stats_table):
            plots.addWidget(w)
        plots.setCollapsible(3, False)
        plots.setStretchFactor(3, 0)
        plots.setSizes([300, 300, 260, self.stats_table.minimumWidth()])
        self.values = ValuesTable(self)
        self.values.setObjectName("TensorValues")
        self.inner = QTabWidget(self)
        self.inner.addTab(plots, self.tr("Plots"))
        self.inner.addTab(self.values, self.tr("Values"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.inner, 1)

        self.tile_box.toggled.connect(self._on_tile)
        self.bins_spin.valueChanged.connect(self._on_bins)
        self.log_box.toggled.connect(self._on_log)
        self.values.edit_requested.connect(self.edit_value)
        window.selection.parameter_changed.connect(self.show_parameter)
        window.inspect_requested.connect(self.show_array)
        window.run_progressed.connect(self.on_progress)
        window.run_finished.connect(self._on_run_finished)
        self.document.weights_changed.connect(self._on_weights_changed)
        self.document.spec_changed.connect(lambda *_: self._on_spec_changed())
        self.document.device_changed.connect(lambda *_: self.refresh())
        self.document.replaced.connect(self.show_nothing)  # another model: nothing of it shown
        window.session.shown_changed.connect(self._on_shown_changed)
        self.requests: RequestBox[TensorRequest] = RequestBox()
        self.probe = TensorProbe(self.requests)  # never touches this widget
        window.run_probes[PROBE] = self.probe
        self.show_nothing()

    # ----- what is shown --------------------------------------------------------------

    def show_nothing(self) -> None:
        self.name, self.array = "", None
        self.window_.session.set_shown(None)
        self._publish()
        self.header.setText(self.tr("Select a parameter, or inspect an input or output"))
        self._draw(None, None, self.tr("nothing selected"))

    def show_parameter(self, name: str) -> None:
        if not name:
            return
        if name != self.name:
            self.index, self.ratio, self.ratio_span = (), None, ""
        self.name, self.array = name, None
        self.window_.session.set_shown(name)
        self.tracker.forget()
        self.refresh()
        # the baseline for |Δw|/|w| is a copy of the tensor: taken after the first paint
        QTimer.singleShot(50, self._take_baseline)

    def _take_baseline(self) -> None:
        t = self.live_tensor()
        if t is None or self.array is not None or self.document.moving:
            return
        from torch.nn.parameter import UninitializedParameter

        if not isinstance(t, UninitializedParameter) and self.tracker.name != self.name:
            self.tracker.observe(self.name, t)

    def show_array(self, title: str, array) -> None:
        import numpy as np
        import torch

        self.name, self.index, self.ratio = "", (), None
        self.window_.session.set_shown(None)
        self.array = torch.as_tensor(np.asarray(array))
        self.array_title = title
        self.refresh()
        self.window_.show_tab("TensorTab")

    def live_tensor(self):
        """The shown tensor (live parameter or buffer, or the inspected array), or None."""
        from explorer.core.params import tensor_by_name

        if self.array is not None:
            return self.array
        if not self.name:
            return None
        try:
            return tensor_by_name(self.document.net, self.name)
        except (KeyError, AttributeError):
            return None

    def _entry(self):
        from explorer.core.params import list_entries

        for e in list_entries(self.document.net):
            if self.name in e.names:
                return e
        return None

    # ----- computing and drawing ------------------------------------------------------

    def compute(self, t, grad, title: str):
        """Snapshots of a tensor and its gradient with the current view settings."""
        lead = max(0, t.dim() - 2)
        self.index = tuple(min(i, t.shape[d] - 1) for d, i in enumerate(self.index[:lead]))
        tiled = self.tiled and t.dim() == 4
        w = snapshot(t, title, self.index, tiled, self.bins)
        g = None if grad is None else snapshot(grad, "grad", self.index, tiled, self.bins)
        return w, g

    def refresh(self, observe: bool = False) -> None:
        """Redraw from the live model (or the inspected array)."""
        self._redraw(observe)
        self._publish()

    def _redraw(self, observe: bool) -> None:
        from explorer.core.params import list_entries  # noqa: F401 - torch loads lazily

        t = self.live_tensor()
        if t is None:
            if self.name:  # the parameter went with its layer: show nothing, not a stale name
                self.show_nothing()
            return
        entry = None if self.array is not None else self._entry()
        if entry is not None and entry.lazy:
            self.header.setText(
                self.tr(
                    "{0}: UninitializedParameter, shape unknown until the first forward"
                ).format(self.name)
            )
            self._draw(None, None, self.tr("UninitializedParameter"))
            self.values.set_source((0, 0), None, False)
            return
        if observe and self.array is None:
            ratio = self.tracker.observe(self.name, t)
            if ratio is not None:
                self.ratio, self.ratio_span = ratio, self._look_span()
            self._run_steps = 0
        grad = None if self.array is not None else t.grad
        w, g = self.compute(t, grad, self.name or self.array_title)
        self._set_header(entry, t)
        self._sync_sliders(tuple(t.shape))
        no_grad = self.tr("grad is None") if self.array is None else self.tr("no gradient")
        self._draw(w, g, no_grad)
        editable = self.array is None and entry is not None and t.is_floating_point()
        self._set_values_source(t, editable)

    def _set_header(self, entry, t) -> None:
        if entry is None:
            self.header.setText(f"{self.array_title}  {shape_text(tuple(t.shape))}  {t.dtype}")
            return
        names = " = ".join(entry.names)
        grad = "None" if entry.grad_shape is None else shape_text(entry.grad_shape)
        text = self.tr("{0}  {1}  {2}  {3}  requires_grad={4}  grad: {5}").format(
            names, shape_text(entry.shape), entry.dtype, entry.device, entry.requires_grad, grad
        )
        if entry.tied:
            text += "  " + self.tr("(tied: one tensor, {0} names)").format(len(entry.names))
        if entry.kind == "buffer":
            text += "  " + self.tr("(buffer: state_dict only)")
        self.header.setText(text)

    def _draw(self, w: Snapshot | None, g: Snapshot | None, message: str = "") -> None:
        self.snaps = (w, g)
        self.weight_map.show_image(None if w is None else w.image, "" if w else message)
        no_grad = self.tr("no gradient yet") if w is not None else ""
        self.grad_map.show_image(None if g is None else g.image, "" if g else message or no_grad)
        self.weight_hist.show_histogram(None if w is None else w.hist, "" if w else message)
        self.grad_hist.show_histogram(None if g is None else g.hist, no_grad or message)
        for col, snap in enumerate((w, g)):
            values = (
                [] if snap is None else [snap.stats.numel] + [v for _, v in snap.stats.as_rows()]
            )
            for row in range(len(STAT_ROWS)):
                text = _fmt(values[row]) if values else "—"
                if values and STAT_ROWS[row] == "zeros":
                    text = f"{values[row]:.2%}"
                self.stats_table.setItem(row, col, QTableWidgetItem(text))
        ratio = "—" if self.ratio is None else f"{self.ratio:.3g}"
        if self.ratio is not None and self.ratio_span:
            ratio += " " + self.ratio_span
        self.stats_table.setItem(len(STAT_ROWS), 0, QTableWidgetItem(ratio))
        self.stats_table.setItem(len(STAT_ROWS), 1, QTableWidgetItem(""))

    def _sync_sliders(self, shape: tuple[int, ...]) -> None:
        lead = shape[:-2] if len(shape) > 2 else ()
        self.tile_box.setVisible(len(shape) == 4)
        if [s.maximum() + 1 for s in self.sliders] != list(lead):
            for s in self.sliders:
                self.dims_bar.removeWidget(s)
                s.deleteLater()
            self.sliders = []
            for size in lead:
                s = QSlider(Qt.Orientation.Horizontal, self)
                s.setRange(0, size - 1)
                s.setFixedWidth(120)
                s.valueChanged.connect(lambda _v: self._on_slider())
                self.dims_bar.addWidget(s)
                self.sliders.append(s)
        for d, s in enumerate(self.sliders):
            s.blockSignals(True)
            s.setValue(self.index[d] if d < len(self.index) else 0)
            s.setToolTip(self.tr("index of dimension {0}: {1}").format(d, s.value()))
            s.setEnabled(not (self.tiled and len(shape) == 4))
            s.blockSignals(False)

    def _set_values_source(self, t, editable: bool) -> None:
        matrix, _ = as_matrix(t, self.index)
        index = self.index

        def fetch(r0, r1, c0, c1):
            source = self.live_tensor()
            if source is None:
                import numpy as np

                return np.zeros((0, 0))
            m, _ = as_matrix(source, index)
            return m[r0:r1, c0:c1].detach().float().cpu().numpy()

        self.values.set_source(tuple(matrix.shape), fetch, editable)

    # ----- user actions ---------------------------------------------------------------

    def _on_slider(self) -> None:
        self.index = tuple(s.value() for s in self.sliders)
        self.refresh()

    def _on_tile(self, on: bool) -> None:
        self.tiled = on
        self.refresh()

    def _on_bins(self, bins: int) -> None:
        self.bins = bins if bins > 1 else None
        self.refresh()

    def _on_log(self, on: bool) -> None:
        self.weight_hist.set_log(on)
        self.grad_hist.set_log(on)

    def full_index(self, row: int, col: int) -> tuple[int, ...]:
        """The tensor index of a cell of the values table."""
        t = self.live_tensor()
        if t.dim() == 0:
            return ()
        if t.dim() == 1:
            return (col,)
        return (*self.index, row, col)

    def edit_value(self, row: int, col: int, value: float) -> bool:
        """``net[2].weight.data[0, 0] = value`` as an undoable command."""
        import torch

        from explorer.ui.common.commands import WeightsCommand

        t = self.live_tensor()
        if t is None or self.array is not None:
            return False
        if self.document.busy:
            self.window_.report_error(
                self.tr("Cannot edit values now: {0}").format(self.document.busy)
            )
            return False
        if not math.isfinite(value):
            self.window_.report_error(self.tr("A parameter value must be a finite number"))
            return False
        index = self.full_index(row, col)
        before = {self.name: t.detach().cpu().clone()}
        after = {self.name: before[self.name].clone()}
        after[self.name][index] = value
        if torch.equal(after[self.name], before[self.name]):
            return False  # the same value again (an editor losing focus): nothing to undo
        where = ", ".join(str(i) for i in index)
        text = self.tr("Set {0}[{1}] = {2}").format(self.name, where, f"{value:g}")
        command = WeightsCommand(self.document, before, after, text, self.window_.session)
        self.window_.undo_stack.push(command)
        self.window_.show_status(text)
        return True

    # ----- events ---------------------------------------------------------------------

    def _on_weights_changed(self) -> None:
        if self.document.moving:
            return  # during a run the probe brings the values
        # paused: the paused weights, with the update ratio the run's probe measured
        self.refresh(observe=not self.document.busy)

    def _on_shown_changed(self, name) -> None:
        if name is None and self.name:
            self.show_nothing()

    def _on_spec_changed(self) -> None:
        self.tracker.forget()
        if self.name or self.array is None:
            self.refresh()

    def _publish(self) -> None:
        """Hand the run's worker a frozen request for what is shown (GUI thread only)."""
        shown = self.name and self.array is None and self.shown
        self.requests.set(
            TensorRequest(self.name, self.index, self.tiled, self.bins) if shown else None
        )

    def _look_span(self) -> str:
        """What this view's own ratio spans: the run since it started, or the last change."""
        if self._run_steps:
            return self.tr("(since the run started · steps: {0})").format(self._run_steps)
        return self.tr("(last change of the weights)")

    def _probe_span(self, previous: int, step: int) -> str:
        """The steps between the probe's previous look and this one: ``(steps 41–60)``."""
        if previous + 1 >= step:
            return self.tr("(step {0})").format(step)
        return self.tr("(steps {0}–{1})").format(previous + 1, step)

    def on_progress(self, progress) -> None:
        data = progress.probes.get(PROBE) if progress.probes else None
        self._run_steps = max(self._run_steps, progress.step)
        if not data:
            return  # the probe did not look: its previous look still stands
        previous, self._probe_step = self._probe_step, progress.step
        if data["name"] != self.name or data["index"] != self.index:
            return
        if data["ratio"] is None or not previous:
            self.ratio, self.ratio_span = None, ""  # the probe's first look in this run
        else:
            self.ratio = data["ratio"]
            self.ratio_span = self._probe_span(previous, progress.step)
        self._draw(data["weight"], data["grad"], self.tr("grad is None"))

    def _on_run_finished(self, *_args) -> None:
        """The next run's probe starts from its own first look (not this run's last one)."""
        self.probe.tracker.forget()
        self._probe_step = 0
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.shown = True
        self._publish()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.shown = False
        self._publish()


def install(window) -> None:
    window.add_tab(
        window.register("tensor_view", TensorView(window)), window.tr("Tensor"), "TensorTab"
    )
