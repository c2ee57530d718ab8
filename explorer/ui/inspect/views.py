"""Seeing parameters, gradients and activations (book 5.2): the feature's entry point.

Installs the Parameters dock and the Tensor, History, Gradients and Activations tabs,
and registers their run probes.
"""

from __future__ import annotations


def use_theme_colours() -> None:
    """Plots share one light theme (see explorer.ui.common.plots.theme)."""
    from explorer.ui.common.plots.theme import apply_plot_theme

    apply_plot_theme()


def install(window) -> None:
    from explorer.ui.inspect import param_tree, tensor_view
    from explorer.ui.run import activations_view, gradflow_view, history_view

    use_theme_colours()
    param_tree.install(window)
    tensor_view.install(window)
    history_view.install(window)
    gradflow_view.install(window)
    activations_view.install(window)
