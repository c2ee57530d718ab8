"""Helpers shared by the Training tab's test files (its fixtures are in conftest.py)."""

from __future__ import annotations


def use(combo, value):
    """Choose the item whose data is ``value``, as the user picks it from the list."""
    combo.setCurrentIndex(combo.findData(value))


def spiral_ready(qtbot, window, run, tv, steps=30):
    """The spiral data, cross-entropy, ``steps`` steps, and the model fitted to the data."""
    from PySide6.QtCore import Qt

    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(steps)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    assert window.document.spec.input_shape == (32, 2)
