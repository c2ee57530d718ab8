"""Colours and small text helpers shared by the views."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ERROR_RED = QColor("#d64545")
TIED_PURPLE = QColor("#8e5bd6")
LAZY_AMBER = QColor("#d69a2d")


def is_dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def muted(color: QColor | None = None) -> QColor:
    app = QApplication.instance()
    base = color or app.palette().color(QPalette.ColorRole.Text)
    c = QColor(base)
    c.setAlphaF(0.55)
    return c
