"""What an empty plot shows: a grey sentence in the middle, wrapped to the plot's width.

A plot with nothing to draw shows a sentence saying why ("nothing selected", "no runs
yet") and no scale, instead of pyqtgraph's default ±0.5 axes that read like data. The
sentence wraps to the view's width, so a narrow plot (the Tensor tab at 1280x800) or a
longer translation never spills over the axes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

GREY = (120, 120, 120)
MARGIN = 6  # px kept free on each side of the sentence


class Placeholder(pg.TextItem):
    """A centred, wrapped sentence in ``plot_item``'s view (not counted in its range)."""

    def __init__(self, plot_item, color=GREY):
        super().__init__("", color=color, anchor=(0.5, 0.5))
        self.plot_item = plot_item
        option = self.textItem.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.textItem.document().setDefaultTextOption(option)
        plot_item.addItem(self, ignoreBounds=True)  # its position must not widen the range
        plot_item.vb.sigResized.connect(lambda *_: self._fit())

    def show_text(self, text: str) -> None:
        """Show ``text`` ("" hides it) wrapped to the view's width."""
        self.setText(text)
        self._fit()

    def _fit(self) -> None:
        self.setTextWidth(max(24.0, self.plot_item.vb.width() - 2 * MARGIN))


def show_empty(plot_item, placeholder: Placeholder, text: str) -> None:
    """Clear the scale of ``plot_item`` and show ``text`` in its middle.

    Both axes keep their titles but lose their numbers (a scale of nothing reads like
    data), and the view is fixed to the unit square the sentence sits in the middle of.
    """
    placeholder.show_text(text)
    placeholder.setPos(0.5, 0.5)
    plot_item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    for side in ("left", "bottom"):
        plot_item.getAxis(side).setStyle(showValues=False)


def show_scale(plot_item, placeholder: Placeholder) -> None:
    """Undo :func:`show_empty`: numbers on both axes, no sentence."""
    placeholder.show_text("")
    for side in ("left", "bottom"):
        plot_item.getAxis(side).setStyle(showValues=True)
