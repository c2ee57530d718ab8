"""Colours and small text helpers shared by the views."""

from __future__ import annotations

import re

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


_GROUPED = re.compile(r"\d{1,3}(?:\u202f\d{3})+")


def whole_numbers_html(text: str) -> str:
    """Keep thin-space grouped numbers ("5 120") whole in rich text.

    Qt's HTML reader turns the narrow no-break space of :func:`group_digits` into a plain,
    breakable space, so a wrapped rich-text label split "5 | 120" over two lines; inside
    ``white-space: pre`` the character, and the number, stay as they are.
    """
    return _GROUPED.sub(lambda m: f"<span style='white-space:pre'>{m.group(0)}</span>", text)
