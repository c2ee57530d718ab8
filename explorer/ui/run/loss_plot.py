"""The Training tab's loss plot: raw, smoothed and held-out loss on the run's step axis.

Drawn at display rate from a :class:`~explorer.core.loss_history.LossHistory`, and cheap
to redraw while a run competes for the same cores: the curves are created once and
updated with ``setData``; the step axis grows by doubling up to the run's length
(:func:`step_axis_end`), and the loss axis moves only when the data leaves it or fills
less than half of it (:func:`loss_axis_range`). So the axes, their ticks and the view's
auto-range are not recomputed every frame. Once the user pans or zooms, the plot stops
following until the next fresh run. With no curve to draw (before the first run, after
Reset weights) it shows a sentence saying so instead of an empty 0-1 scale and a key.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from explorer.ui.common.plots.paint_time import TimedPaint
from explorer.ui.common.plots.placeholder import Placeholder, show_empty, show_scale
from explorer.ui.common.plots.theme import room_for_axis_titles

HEADROOM = 0.5  # of the data's span, left below it in a new range: losses mostly fall
MARGIN = 0.05  # of the data's span, above it
MIN_FILL = 0.5  # the data may shrink to this share of the range before the range follows
DOWNSAMPLE_FROM = 1.0  # points a pixel beyond which a curve is drawn thinned (pyqtgraph: 5)


def loss_axis_range(
    current: tuple[float, float] | None, lo: float, hi: float, log: bool
) -> tuple[float, float] | None:
    """The loss axis's new range for data within ``[lo, hi]``, or ``None`` to keep ``current``.

    ``lo`` and ``hi`` are in view units (``log10`` of the loss when ``log``). A range is
    kept while it holds the data and the data fills at least half of it; a new one leaves
    room below the data (losses fall), and on a linear axis never goes below 0 for data
    that does not.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi < lo:
        return None
    span = hi - lo
    if current is not None:
        c0, c1 = current
        if c0 <= lo and hi <= c1 and span >= MIN_FILL * (c1 - c0) and c1 > c0:
            return None
    if span <= 0:
        span = 0.5 if log else (abs(hi) * 0.1 or 1.0)
    low = lo - HEADROOM * span
    if not log and lo >= 0:
        low = max(0.0, low)
    return low, hi + MARGIN * span


def step_axis_end(current: int | None, last: int, total: int | None) -> int | None:
    """Where the step axis ends when step ``last`` is drawn, or ``None`` to keep ``current``.

    The axis grows by doubling, up to the run's ``total`` steps: it moves a few times a
    run, and the curve always fills at least half of it (a 10-million-step run does not
    squeeze its first thousand steps into one pixel).
    """
    if current is not None and last <= current:
        return None
    end = max(1, 2 * last)
    return end if total is None else max(last, min(end, total))


class LossPlot(TimedPaint, pg.PlotWidget):
    """The loss curves of the current step axis, drawn from a loss history."""

    def __init__(self, parent=None, title: str = ""):
        super().__init__(parent, title=title)
        # a light backing: in a narrow plot (1280 px, Chinese labels) the key lies over the
        # curves, which stay visible through it while the labels stay readable
        self.legend = self.addLegend(
            offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 190), pen=pg.mkPen(210, 210, 210)
        )
        self.setLabel("bottom", self.tr("step"))
        room_for_axis_titles(self.getPlotItem())
        self.setClipToView(True)
        self.setDownsampling(auto=True, mode="peak")
        self.raw = self.plot(pen=pg.mkPen((150, 150, 150), width=1), name=self.tr("loss"))
        self.smooth = self.plot(pen=pg.mkPen("#d64545", width=2), name=self.tr("smoothed"))
        self.eval = self.plot(
            pen=pg.mkPen("#3163ce", width=2), symbol="o", symbolSize=4, name=self.tr("held-out")
        )
        for curve in (self.raw, self.smooth):
            # pyqtgraph thins a curve only past 5 points a pixel; "peak" keeps each pixel
            # column's min and max, so from 1 a pixel on the line looks the same and a long
            # run's frame paints about a third faster (1,500 steps: 3.0 -> 1.9 ms). No setter
            # exists for this option, hence the dict.
            curve.opts["autoDownsampleFactor"] = DOWNSAMPLE_FROM
        self.getViewBox().sigResized.connect(self._fit_legend)
        self.log = False
        self.redraws = 0  # how many times the curves were set (the display rate, for tests)
        self._eval_drawn = -1
        self._y: tuple[float, float] | None = None
        self._x_end: float | None = None
        self.following = True
        self.getViewBox().sigRangeChangedManually.connect(self._stop_following)
        self.placeholder = Placeholder(self.getPlotItem())  # "no runs yet", in the plot
        self.empty = False
        self._show_empty()

    def _fit_legend(self, *_) -> None:
        """The key in one row where the plot is wide enough, else one entry a row.

        A column of three entries covers the top right of a narrow plot (1280 px, Chinese
        labels), where the curves are still falling in the run's first steps; one row is a
        third as tall.
        """
        items = self.legend.items
        if not items:
            return
        row = sum(s.boundingRect().width() + lab.boundingRect().width() + 15 for s, lab in items)
        columns = len(items) if row <= 0.9 * self.getViewBox().width() else 1
        self.legend.setColumnCount(columns)

    def empty_text(self) -> str:
        """What the empty plot says: no run yet, and what a run draws here."""
        return "\n".join(
            (self.tr("No runs yet"), self.tr("Train the model: each step's loss is drawn here."))
        )

    def _show_empty(self) -> None:
        self.empty = True
        self.legend.setVisible(False)  # a key to no curves reads like missing data
        show_empty(self.getPlotItem(), self.placeholder, self.empty_text())

    def _show_scale(self) -> None:
        self.empty = False
        self.legend.setVisible(True)
        show_scale(self.getPlotItem(), self.placeholder)

    def _stop_following(self, *_) -> None:
        self.following = False

    def set_log(self, on: bool) -> None:
        self.log = on
        self.setLogMode(y=on)
        self._y = None  # view units changed

    def clear_curves(self) -> None:
        """Forget the curves: a new step axis begins (and the plot follows the data again)."""
        for curve in (self.raw, self.smooth, self.eval):
            curve.setData([], [])
        self._eval_drawn = -1
        self._y = self._x_end = None
        self.following = True
        self.enableAutoRange()
        self._show_empty()

    def draw_history(self, history, total: int | None) -> None:
        """Draw ``history`` on an axis of ``total`` steps (``None``: unknown, fit the data)."""
        h = history
        if self.empty and len(h.steps):
            self._show_scale()  # the first drawn step: a scale for it, and the key
        finite = not self.log  # a log axis maps losses <= 0 to NaN: pyqtgraph must check
        self.raw.setData(h.steps, h.raw, skipFiniteCheck=finite)
        self.smooth.setData(h.steps, h.smooth, skipFiniteCheck=finite)
        if len(h.eval) != self._eval_drawn:
            self.eval.setData(h.eval_steps, h.eval)
            self._eval_drawn = len(h.eval)
        self.redraws += 1
        if self.following and len(h.steps):
            self._follow(h, total)

    def _follow(self, h, total: int | None) -> None:
        vb = self.getViewBox()
        end = step_axis_end(self._x_end, int(h.steps[-1]), total)
        if end is not None:
            vb.setXRange(0, end, padding=0.02)
            self._x_end = end
        values = [h.raw, h.smooth]
        if h.eval:
            values.append(np.asarray(h.eval, dtype=float))
        data = np.concatenate(values)
        if self.log:
            data = np.log10(data[data > 0])
        if not len(data):
            return
        new = loss_axis_range(self._y, float(data.min()), float(data.max()), self.log)
        if new is not None:
            vb.setYRange(*new, padding=0)
            self._y = new
