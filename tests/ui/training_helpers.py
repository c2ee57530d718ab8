"""Helpers shared by the Training tab's test files (its fixtures are in conftest.py)."""

from __future__ import annotations


def use(combo, value):
    """Choose the item whose data is ``value``, as the user picks it from the list."""
    combo.setCurrentIndex(combo.findData(value))
