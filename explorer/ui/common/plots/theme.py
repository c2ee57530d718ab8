"""One light look for every plot (Output, Training, Tensor, Init lab...), in any Qt theme.

pyqtgraph's default is black; plots made before the options are set keep it, so the main
window applies the theme before any feature builds a plot.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from explorer.ui.common.plots.lazy_menu import install_lazy_plot_menus

BACKGROUND = QColor("#ffffff")
FOREGROUND = QColor("#303030")


def apply_plot_theme() -> None:
    """Set pyqtgraph's defaults for every plot created from now on."""
    pg.setConfigOptions(background=BACKGROUND, foreground=FOREGROUND, antialias=False)
    install_lazy_plot_menus()


def room_for_axis_titles(plot_item, margin: int = 6) -> None:
    """Keep rotated and bottom axis titles whole, in any script.

    pyqtgraph draws the left title 5 px left of its axis and the bottom title 5 px below
    it; Latin text hides that in its side bearings, but CJK glyphs fill the whole em
    box, so 密度 or 标准差（对数） lost their edge at the plot's border.
    """
    plot_item.setContentsMargins(margin, 2, 2, margin)
