"""One light look for every plot (Output, Training, Tensor, Init lab...), in any Qt theme.

pyqtgraph's default is black; plots made before the options are set keep it, so the main
window applies the theme before any feature builds a plot.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

BACKGROUND = QColor("#ffffff")
FOREGROUND = QColor("#303030")


def apply_plot_theme() -> None:
    """Set pyqtgraph's defaults for every plot created from now on."""
    pg.setConfigOptions(background=BACKGROUND, foreground=FOREGROUND, antialias=False)


def roomy_left_axis(plot_item, extra: int = 6) -> None:
    """Give a rotated axis title room for CJK glyphs (taller than the Latin font's line).

    pyqtgraph sizes the left axis from the label's Latin line height; a Chinese title
    such as 密度 is drawn with a fallback font and its left edge was cut.
    """
    axis = plot_item.getAxis("left")
    label_height = axis.label.boundingRect().height() if axis.label.isVisible() else 0
    axis.setStyle(tickTextOffset=3)
    if label_height:
        axis.setWidth(int(axis.textWidth + label_height + extra + 6))
