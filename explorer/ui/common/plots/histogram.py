"""A histogram drawn from precomputed bin counts (computed on the tensor's device)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from explorer.core.stats import Histogram
from explorer.ui.common.plots.fitted_title import FittedTitle
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale
from explorer.ui.common.plots.theme import room_for_axis_titles


class HistogramPlot(pg.PlotWidget):
    """Bars from a :class:`Histogram`; the y axis can be linear or logarithmic."""

    def __init__(self, title: str = "", brush=(90, 120, 200, 170), parent=None):
        super().__init__(parent)
        self.setMinimumSize(80, 50)
        self.plotItem.setTitle(title)  # short, kept as is; set_title's are fitted
        self.plotItem.hideButtons()
        self.plotItem.setMenuEnabled(False)
        room_for_axis_titles(self.plotItem)
        # a short plot gets major ticks only: no overlapping labels at 100 px high
        self.plotItem.getAxis("left").setStyle(maxTickLevel=0)
        self.curve = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=brush, pen=pg.mkPen(brush[:3], width=1)
        )
        self.addItem(self.curve)
        self.placeholder = Placeholder(self.plotItem)
        self.fitted_title = FittedTitle(self, self.plotItem)
        self.log = False
        self.hist: Histogram | None = None

    def set_title(self, title: str) -> None:
        """Show ``title``, shortened at its end to the plot's width (whole in the tooltip):
        a longer title widened the plot past its pane, cutting off its right side."""
        self.fitted_title.set(title)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        title = getattr(self, "fitted_title", None)  # resized while PlotWidget is being made
        if title is not None:
            title.fit()

    def set_log(self, log: bool) -> None:
        self.log = log
        self.show_histogram(self.hist)

    def show_histogram(self, hist: Histogram | None, empty_text: str = "") -> None:
        """Draw ``hist``; None shows ``empty_text`` (e.g. "no gradient yet"), not a flat line."""
        self.hist = hist
        if hist is None:
            self.curve.setData([], [])
            self.plotItem.setLabel("left", "")
            show_empty(self.plotItem, self.placeholder, empty_text)  # no scale for nothing
            return
        show_scale(self.plotItem, self.placeholder)
        counts = hist.counts.astype(np.float64)
        if self.log:  # log10(1 + count): empty bins stay at 0 instead of -inf
            counts = np.log10(counts + 1.0)
            self.curve.setFillLevel(0)
        self.curve.setData(hist.edges, counts)
        self.plotItem.enableAutoRange()
        label = self.tr("log10(1 + count)") if self.log else self.tr("count")
        if hist.every > 1:  # a huge tensor: binned from a strided sample, counts scaled
            label += " " + self.tr("(every {0}th value)").format(hist.every)
        self.plotItem.setLabel("left", label)
