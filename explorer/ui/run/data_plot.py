"""The Training tab's data plot: the samples, the model's decision regions, its fitted curve.

Every item is created once and updated: the scatter from the dataset, the regions image
from the class-id grid a probe computed on the model's device (a small ``uint8`` array),
the curve from ``(xs, ys)`` arrays. Nothing here runs the model.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from explorer.core.metrics import CurveRequest, GridRequest
from explorer.ui.common.plots.fitted_title import FittedTitle
from explorer.ui.common.plots.paint_time import TimedPaint

CLASS_COLORS = ("#3163ce", "#d64545", "#3a9a4a", "#c98a1b", "#8e5bd6", "#2aa1a8", "#a0522d", "#777")
REGION_ALPHA = 70  # the regions are a light wash under the samples


def region_lut() -> np.ndarray:
    """RGBA rows for class ids 0..255 (the class colours, light)."""
    lut = np.zeros((256, 4), dtype=np.uint8)
    for i in range(256):
        c = pg.mkColor(CLASS_COLORS[i % len(CLASS_COLORS)])
        lut[i] = (c.red(), c.green(), c.blue(), REGION_ALPHA)
    return lut


class DataPlot(TimedPaint, pg.PlotWidget):
    """Samples as a scatter; decision regions (2-D classification) or a fitted curve (1-D)."""

    def __init__(self, parent=None, title: str = ""):
        super().__init__(parent, title=title)
        self.regions = pg.ImageItem(axisOrder="row-major")
        self.regions.setLookupTable(region_lut())
        self.regions.setZValue(-10)
        self.addItem(self.regions)
        self.scatter = pg.ScatterPlotItem(size=5, pen=None)
        self.addItem(self.scatter)
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#d64545", width=2))
        self.addItem(self.curve)
        self.message = pg.TextItem("", anchor=(0.5, 0.5))
        self.addItem(self.message)
        # A new regions frame repaints the whole plot while a run holds the GIL between
        # torch ops: every Python paint call then waits for it. The samples and the axes
        # do not change between frames, so Qt draws them from a cached pixmap instead.
        item = self.getPlotItem()
        for still in (self.scatter, *(item.getAxis(a) for a in ("left", "bottom"))):
            still.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.grid_request: GridRequest | None = None
        self.curve_request: CurveRequest | None = None
        self.last_grid: np.ndarray | None = None
        self._placed: GridRequest | None = None  # the request the image's rect was set for
        self.region_frames = 0  # grids that changed the picture (each repaints the plot)
        # a data file's long name cut the plot's right side off at 1280 px: fitted, whole
        # in the tooltip
        self.fitted_title = FittedTitle(self, self.getPlotItem())

    def set_title(self, title: str) -> None:
        """Show ``title`` shortened at its end to the plot's width; whole in the tooltip."""
        self.fitted_title.set(title)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        fitted = getattr(self, "fitted_title", None)  # resized while PlotWidget is being made
        if fitted is not None:
            fitted.fit()

    def show_samples(self, px, py, brushes) -> None:
        self.scatter.setData(px, py, brush=brushes)
        self.message.setText("")

    def show_message(self, text: str) -> None:
        self.scatter.setData([], [])
        self.clear_model()
        self.message.setText(text)

    def set_requests(self, grid: GridRequest | None, curve: CurveRequest | None) -> None:
        """What the probes will compute for this dataset; a change drops the old picture."""
        if grid != self.grid_request or curve != self.curve_request:
            self.clear_model()
        self.grid_request, self.curve_request = grid, curve

    def show_regions(self, grid: np.ndarray) -> None:
        req = self.grid_request
        if req is None or grid.shape != (req.resolution, req.resolution):
            return
        if (
            self._placed == req
            and self.last_grid is not None
            and self.regions.isVisible()
            and np.array_equal(grid, self.last_grid)
        ):
            # the same classes everywhere: the picture would not change, so the plot is not
            # repainted (a frame is ~1-2 ms of painting, mostly while the run waits for the GIL)
            return
        self.last_grid = grid
        self.region_frames += 1
        # a fixed lookup table and levels: no per-frame level scan; the rect is set once per
        # request, so a new frame changes no bounds (no auto-range, no axis relayout)
        self.regions.setImage(grid, autoLevels=False, levels=(0, 255))
        if self._placed != req:
            step_x = (req.x1 - req.x0) / max(1, req.resolution - 1)
            step_y = (req.y1 - req.y0) / max(1, req.resolution - 1)
            # pixel centres sit on the grid points
            self.regions.setRect(
                QRectF(
                    req.x0 - step_x / 2,
                    req.y0 - step_y / 2,
                    step_x * req.resolution,
                    step_y * req.resolution,
                )
            )
            self._placed = req
        if not self.regions.isVisible():
            self.regions.show()

    def show_curve(self, xs: np.ndarray, ys: np.ndarray) -> None:
        if self.curve_request is not None:
            self.curve.setData(xs, ys)

    def clear_model(self) -> None:
        """Forget what the model drew (another dataset, another model, reset weights)."""
        self.last_grid = None
        self._placed = None
        self.regions.clear()
        self.regions.hide()
        self.curve.setData([], [])
