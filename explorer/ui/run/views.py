"""The views that follow runs: the History, Gradients and Activations tabs."""

from __future__ import annotations


def install(window) -> None:
    from explorer.ui.run import activations_view, gradflow_view, history_view

    history_view.install(window)
    gradflow_view.install(window)
    activations_view.install(window)
