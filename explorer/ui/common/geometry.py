"""Where a widget is, and how much of it a user can see."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def window_rect(widget: QWidget) -> QRect:
    """``widget``'s rectangle in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def shown_rect(widget: QWidget, rect: QRect | None = None) -> QRect:
    """The part of ``rect`` (default: all of ``widget``) its ancestors do not clip.

    In window coordinates; empty when nothing of it is in view (scrolled away, or
    squeezed out by a pane that is too small).
    """
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    shown = (rect or widget.rect()).translated(top_left)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            shown = shown.intersected(window_rect(parent.viewport()))
        shown = shown.intersected(window_rect(parent))
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return shown
