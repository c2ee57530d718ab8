"""Seeing parameters, gradients and activations (book 5.2): the feature's entry point.

Installs the Parameters dock and the Tensor tab (the History, Gradients and Activations
tabs, which follow runs, are installed by :mod:`explorer.ui.run.views`).
"""

from __future__ import annotations


def use_theme_colours() -> None:
    """Plots take the window's colours (light or dark theme) instead of pyqtgraph's black."""
    import pyqtgraph as pg
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    palette = QApplication.instance().palette()
    pg.setConfigOptions(
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
        antialias=False,
    )


def install(window) -> None:
    from explorer.ui.inspect import param_tree, tensor_view

    use_theme_colours()
    param_tree.install(window)
    tensor_view.install(window)
