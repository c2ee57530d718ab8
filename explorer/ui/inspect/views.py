"""Seeing parameters, gradients and activations (book 5.2): the feature's entry point.

Installs the Parameters dock and the Tensor tab (the History, Gradients and Activations
tabs, which follow runs, are installed by :mod:`explorer.ui.run.views`).
"""

from __future__ import annotations


def use_theme_colours() -> None:
    """Plots share one light theme (see explorer.ui.common.plots.theme)."""
    from explorer.ui.common.plots.theme import apply_plot_theme

    apply_plot_theme()


def install(window) -> None:
    from explorer.ui.inspect import param_tree, tensor_view

    use_theme_colours()
    param_tree.install(window)
    tensor_view.install(window)
