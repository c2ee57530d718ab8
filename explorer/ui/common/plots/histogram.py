"""A histogram drawn from precomputed bin counts (computed on the tensor's device)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from explorer.core.stats import Histogram
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale
from explorer.ui.common.plots.theme import room_for_axis_titles

TITLE_MARGIN = 8  # px kept free on each side of a shortened title


class HistogramPlot(pg.PlotWidget):
    """Bars from a :class:`Histogram`; the y axis can be linear or logarithmic."""

    def __init__(self, title: str = "", brush=(90, 120, 200, 170), parent=None):
        super().__init__(parent)
        self.setMinimumSize(80, 50)
        self._full_title = ""  # set_title's text; the constructor's is short and kept as is
        self.plotItem.setTitle(title)
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
        # the left axis widens with its tick labels after a title was set: fit it again
        self.plotItem.getAxis("left").geometryChanged.connect(self._fit_title)
        self.log = False
        self.hist: Histogram | None = None

    def set_title(self, title: str) -> None:
        """Show ``title``, shortened at its end to the plot's width (whole in the tooltip):
        a longer title widened the plot past its pane, cutting off its right side."""
        self._full_title = title
        self.setToolTip(title)
        self._fit_title()

    def _fit_title(self) -> None:
        title = getattr(self, "_full_title", "")  # resized while PlotWidget is being made
        if not title:
            return
        label = self.plotItem.titleLabel
        font = QFont(label.item.font())
        size = str(label.opts.get("size") or "")
        if size.endswith("pt"):  # the label's text is drawn at its own size, not the item's
            font.setPointSizeF(float(size[:-2]))
        metrics = QFontMetrics(font)
        # the title sits above the data, right of the left axis
        axis = self.plotItem.getAxis("left")
        taken = axis.width() if axis.isVisible() else 0
        room = max(40, int(self.width() - taken - 2 * TITLE_MARGIN))
        text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        self._set_title_text(text)
        drawn = label.item.boundingRect().width()
        if drawn > room:  # the label draws a little wider than measured (its margins)
            overhead = drawn - metrics.horizontalAdvance(text)
            mode = Qt.TextElideMode.ElideRight
            self._set_title_text(metrics.elidedText(title, mode, max(10, int(room - overhead))))

    def _set_title_text(self, text: str) -> None:
        if text != self.plotItem.titleLabel.text:  # unchanged: no relayout (the axis calls back)
            self.plotItem.setTitle(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_title()

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
