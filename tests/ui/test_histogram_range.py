"""A histogram's x axis spans its values, whatever it showed before (a placeholder)."""

from __future__ import annotations

import torch
from PySide6.QtWidgets import QApplication

from explorer.core.stats import histogram
from explorer.ui.common.plots.histogram import HistogramPlot


def test_after_the_no_gradient_placeholder_the_x_range_is_the_values_range(qtbot):
    plot = HistogramPlot("grad")
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    plot.show()
    plot.show_histogram(None, "no gradient yet")  # drawn at (0.5, 0.5) in a 0..1 view
    values = torch.linspace(-0.2, 0.2, 5120)
    hist = histogram(values)
    plot.show_histogram(hist)
    QApplication.processEvents()
    (x0, x1), _ = plot.plotItem.viewRange()
    lo, hi = float(hist.edges[0]), float(hist.edges[-1])
    width = hi - lo
    assert x0 <= lo and x1 >= hi  # every bar is shown
    assert x1 - x0 < 1.3 * width  # and the view is not stretched to the placeholder's 0.5
