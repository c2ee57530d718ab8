"""Init lab plots: a histogram with the theoretical density, and std per layer for the probe.

Plot items are created once and updated with ``setData`` (pyqtgraph's own advice); the
numbers come ready-made from ``explorer.core.init_theory`` / ``init_probe``.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from explorer.core.init_probe import ProbeResult
from explorer.core.init_theory import Fit
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale
from explorer.ui.common.plots.theme import FOREGROUND, room_for_axis_titles

HIST_COLOR = QColor("#6f8fb3")  # neutral blue-grey: readable on light and dark backgrounds
THEORY_COLOR = QColor("#e0582f")
SERIES_COLORS = (QColor("#2f7fd6"), QColor("#e08a1b"))


def _base_color() -> QColor:
    from explorer.ui.common.plots.theme import BACKGROUND

    return BACKGROUND


def _plot(parent, title: str, left: str, bottom: str) -> pg.PlotWidget:
    w = pg.PlotWidget(parent, background=_base_color())
    text = FOREGROUND
    w.setTitle(title, color=text.name(), size="9pt")
    for side, label in (("left", left), ("bottom", bottom)):
        axis = w.getPlotItem().getAxis(side)
        axis.setLabel(label)
        axis.setTextPen(text)
    w.showGrid(x=True, y=True, alpha=0.2)
    room_for_axis_titles(w.getPlotItem())
    w.setMinimumHeight(140)
    return w


def legend_html(entries) -> str:
    """A one-line key, ``■ values  ━ theory``, each mark in its series' colour."""
    parts = [
        f"<span style='color:{color.name()}'>{mark}</span>&nbsp;{html.escape(label)}"
        for (color, label), mark in zip(entries, ("■", "━"), strict=False)
    ]
    return "&nbsp;&nbsp;&nbsp;".join(parts)


class DistributionPlot(pg.PlotWidget):
    """The values' histogram (density), the theory's density, and point masses as lines."""

    def __init__(self, parent=None):
        super().__init__(parent, background=_base_color())
        text = FOREGROUND
        for side in ("left", "bottom"):
            self.getPlotItem().getAxis(side).setTextPen(text)
        room_for_axis_titles(self.getPlotItem())
        self.getPlotItem().getAxis("left").setLabel(self.tr("density"))
        self.getPlotItem().getAxis("bottom").setLabel(self.tr("value"))
        self.getPlotItem().getAxis("bottom").enableAutoSIPrefix(False)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setMinimumHeight(140)
        fill = QColor(HIST_COLOR)
        fill.setAlpha(150)
        self.histogram = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(HIST_COLOR, width=1)
        )
        self.curve = pg.PlotDataItem(pen=pg.mkPen(THEORY_COLOR, width=2.5))
        self.addItem(self.histogram)
        self.addItem(self.curve)
        self.atoms: list[pg.InfiniteLine] = []
        self.empty = Placeholder(self.getPlotItem())  # no values: no scale of the last ones

    def key_html(self) -> str:
        """The plot's key, for a label outside the plot: inside it, at any corner, a legend
        covered the bars of a narrow plot (1280x800) or of a skewed distribution."""
        return legend_html(((HIST_COLOR, self.tr("values")), (THEORY_COLOR, self.tr("theory"))))

    def show_fit(self, fit: Fit | None) -> None:
        for line in self.atoms:
            self.removeItem(line)
        self.atoms = []
        if fit is None:  # the text beside the plot says why
            self.histogram.setData([], [])
            self.curve.setData([], [])
            show_empty(self.getPlotItem(), self.empty, self.tr("No values to show"))
            return
        show_scale(self.getPlotItem(), self.empty)
        self.histogram.setData(fit.edges, fit.counts)
        if fit.curve_x is not None:
            self.curve.setData(fit.curve_x, fit.curve_y)
        else:
            self.curve.setData([], [])
        for value in fit.atoms:
            line = pg.InfiniteLine(
                value, angle=90, pen=pg.mkPen(THEORY_COLOR, width=2.5, style=Qt.PenStyle.DashLine)
            )
            self.addItem(line)
            self.atoms.append(line)
        self.enableAutoRange()


def _log_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """1, 2, 5 x 10^k between low and high, as (log10 position, text): pyqtgraph's own log
    labels pile up when the range is under a decade."""
    ticks = []
    for k in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for m in (1, 2, 5):
            v = m * 10.0**k
            if low / 1.5 <= v <= high * 1.5:
                ticks.append((m, math.log10(v), f"{v:g}"))
    if len(ticks) > 8:
        ticks = [t for t in ticks if t[0] == 1]
    return [(pos, text) for _, pos, text in ticks]


class ProbePlots:
    """Two plots sharing the layer axis: activation std and gradient std, log scale."""

    def __init__(self, parent):
        self.activations = _plot(
            parent,
            parent.tr("activation std per layer"),
            parent.tr("std (log)"),
            parent.tr("layer"),
        )
        self.gradients = _plot(
            parent, parent.tr("gradient std per layer"), parent.tr("std (log)"), parent.tr("layer")
        )
        self.series: dict[str, list[pg.PlotDataItem]] = {"act": [], "grad": []}
        for plot, key in ((self.activations, "act"), (self.gradients, "grad")):
            plot.setLogMode(y=True)
            plot.getPlotItem().getAxis("left").setTicks([_log_ticks(1e-3, 1.0)])
            plot.setYRange(-3, 0)  # log10 units, until the first probe fills the plot
            for i, color in enumerate(SERIES_COLORS):
                item = pg.PlotDataItem(
                    pen=pg.mkPen(color, width=2),
                    symbol="o" if i == 0 else "s",
                    symbolSize=6,
                    symbolBrush=color,
                    symbolPen=None,
                )
                plot.addItem(item)
                self.series[key].append(item)

        self.empty = [Placeholder(p.getPlotItem()) for p in (self.activations, self.gradients)]
        self.show([])

    def show(self, results: list[ProbeResult]) -> None:
        # linked, an empty plot's x range follows the other's through their pixel geometry
        # (0..1 became -0.08..1 after a probe): linked only while they show layers
        self.gradients.setXLink(self.activations if results else None)
        for plot, placeholder in zip((self.activations, self.gradients), self.empty, strict=True):
            if results:
                show_scale(plot.getPlotItem(), placeholder)
            else:  # no probe yet: no layer axis of 0.2, 0.4... and no std scale
                placeholder.show_text(plot.tr("No probe yet"))
                placeholder.setPos(0.5, -1.5)  # the middle of the x range 0..1, log10 -3..0
                plot.setXRange(0, 1, padding=0)
                plot.setYRange(-3, 0, padding=0)
                # the grid of a plot never probed, not the last probe's layers and stds
                plot.getPlotItem().getAxis("left").setTicks([_log_ticks(1e-3, 1.0)])
                plot.getPlotItem().getAxis("bottom").setTicks(None)
                for side in ("left", "bottom"):
                    plot.getPlotItem().getAxis(side).setStyle(showValues=False)
        shown: dict[str, list[float]] = {"act": [], "grad": []}
        for i in range(len(SERIES_COLORS)):
            result = results[i] if i < len(results) else None
            for key, attr in (("act", "act_std"), ("grad", "grad_std")):
                item = self.series[key][i]
                if result is None:
                    item.setData([], [])
                    continue
                xs, ys = [], []
                for x, row in enumerate(result.rows):
                    y = getattr(row, attr)
                    if math.isfinite(y) and y > 0:
                        xs.append(x)
                        ys.append(y)
                item.setData(np.array(xs, dtype=float), np.array(ys, dtype=float))
                shown[key] += ys
        for key, plot in (("act", self.activations), ("grad", self.gradients)):
            if shown[key]:
                ticks = _log_ticks(min(shown[key]), max(shown[key]))
                plot.getPlotItem().getAxis("left").setTicks([ticks])
        if results:
            rows = results[0].rows
            step = max(1, math.ceil(len(rows) / 16))  # at most ~16 labels on the layer axis
            ticks = [(i, r.key) for i, r in enumerate(rows) if i % step == 0]
            for plot in (self.activations, self.gradients):
                plot.getPlotItem().getAxis("bottom").setTicks([ticks])
                plot.enableAutoRange()
