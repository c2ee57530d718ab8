"""Plots build their right-click menu when it is first opened, not when they are made.

pyqtgraph builds each ViewBox's context menu (about forty widgets from a Designer form) in
the constructor. The window has about twenty plots, most on tabs the user has not opened,
and those menus were the largest single cost of building the window. pyqtgraph supports a
ViewBox without a menu (``enableMenu=False``) and adding one later; this subclass does that
on the first right-click. The menu, once built, is pyqtgraph's own.
"""

from __future__ import annotations

import importlib

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu


class LazyMenuViewBox(pg.ViewBox):
    """A ``pg.ViewBox`` whose menu is made on first use."""

    def __init__(self, *args, enableMenu: bool = True, **kwargs):  # noqa: N803 - pyqtgraph's name
        super().__init__(*args, enableMenu=False, **kwargs)
        self.state["enableMenu"] = enableMenu  # wanted, not yet built

    def ensure_menu(self) -> None:
        if self.menu is None and self.menuEnabled():
            self.menu = ViewBoxMenu(self)
            self.updateViewLists()

    def getMenu(self, ev):  # noqa: N802 - pyqtgraph override
        self.ensure_menu()
        return super().getMenu(ev)

    def getContextMenus(self, event):  # noqa: N802 - pyqtgraph override
        self.ensure_menu()
        return super().getContextMenus(event)


def install_lazy_plot_menus() -> None:
    """Make every PlotItem created from now on (PlotWidget, addPlot, ColorBarItem) lazy."""
    # the module, not the class of the same name that its package exports
    module = importlib.import_module("pyqtgraph.graphicsItems.PlotItem.PlotItem")
    module.ViewBox = LazyMenuViewBox
