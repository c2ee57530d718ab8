"""A heatmap of a 2-D picture of a tensor, coloured around zero, with a colour bar."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal

from explorer.core.stats import DisplayImage, symmetric_levels
from explorer.ui.common.plots.colors import DIVERGING
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale


def cell_ticks(n: int, max_labels: int = 8) -> list[tuple[float, str]]:
    """Whole-number ticks at the centres of ``n`` cells (cell i spans [i, i+1]).

    At most about ``max_labels`` labels, at a step of 1, 2 or 5 times a power of ten.
    """
    if n <= 0:
        return []
    step = 1
    while n / step > max_labels:
        step = _next_step(step)
    return [(i + 0.5, str(i)) for i in range(0, n, step)]


def _next_step(step: int) -> int:
    """1, 2, 5, 10, 20, 50, ..."""
    digits = str(step)
    lead, zeros = int(digits[0]), len(digits) - 1
    return {1: 2, 2: 5, 5: 10}[lead] * 10**zeros


def set_cell_ticks(plot_item, rows: int, cols: int) -> None:
    """Label a heatmap's axes with row and column indices centred on the cells."""
    plot_item.getAxis("bottom").setTicks([cell_ticks(cols)])
    plot_item.getAxis("left").setTicks([cell_ticks(rows)])


class Heatmap(pg.GraphicsLayoutWidget):
    """Draws a :class:`DisplayImage`; hovering reports the index and value under the mouse.

    Rows go down and columns right, as the tensor prints. The image item and colour bar
    are created once; :meth:`show_image` only calls ``setImage``/``setRect``/``setLevels``.
    """

    hovered = Signal(str)

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.setMinimumSize(80, 60)
        self.plot = self.addPlot(title=title)
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image_item)
        self.bar = pg.ColorBarItem(
            values=(-1, 1), colorMap=DIVERGING, interactive=False, width=12, rounding=1e-12
        )
        self.bar.setImageItem(self.image_item, insert_in=self.plot)
        self.message = Placeholder(self.plot)  # wrapped to the plot: narrow at 1280x800
        self.display: DisplayImage | None = None
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_title(self, title: str) -> None:
        self.plot.setTitle(title)

    def show_image(self, display: DisplayImage | None, message: str = "") -> None:
        """Draw ``display`` (None: clear, showing ``message`` instead)."""
        self.display = display
        if display is None:
            self.image_item.clear()
            set_cell_ticks(self.plot, 0, 0)
            show_empty(self.plot, self.message, message)
            return
        show_scale(self.plot, self.message)
        lo, hi = symmetric_levels(display.image)
        self.image_item.setImage(display.image, autoLevels=False, levels=(lo, hi))
        rows, cols = display.source_shape
        self.image_item.setRect(QRectF(0, 0, cols, rows))
        self.bar.setLevels((lo, hi))
        set_cell_ticks(self.plot, rows, cols)
        self.plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.02)

    def describe(self, x: float, y: float) -> str:
        """What the pixel at data coordinates (x = column, y = row) stands for."""
        d = self.display
        if d is None:
            return ""
        rows, cols = d.source_shape
        if not (0 <= x < cols and 0 <= y < rows):
            return ""
        r, c = int(y) // d.row_step, int(x) // d.col_step
        r, c = min(r, d.image.shape[0] - 1), min(c, d.image.shape[1] - 1)
        value = float(d.image[r, c])
        if np.isnan(value) and d.tile is not None:
            return ""
        if d.tile is not None:
            kh, kw = d.tile
            row, col = int(y), int(x)
            o, i = row // (kh + 1), col // (kw + 1)
            return f"[{o}, {i}, {row % (kh + 1)}, {col % (kw + 1)}] = {value:.6g}"
        if not d.reduced:
            return f"[{int(y)}, {int(x)}] = {value:.6g}"
        r0, c0 = r * d.row_step, c * d.col_step
        r1, c1 = min(r0 + d.row_step, rows), min(c0 + d.col_step, cols)
        return self.tr("[{0}:{1}, {2}:{3}] largest |value| = {4}").format(
            r0, r1, c0, c1, f"{value:.6g}"
        )

    def _on_mouse_moved(self, pos: QPointF) -> None:
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        point = self.plot.vb.mapSceneToView(pos)
        text = self.describe(point.x(), point.y())
        if text != self.hover_text:
            self.hover_text = text
            self.setToolTip(text)
            self.hovered.emit(text)
