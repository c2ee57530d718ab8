"""Drive the canvas as a user does: hand-built drag events with the real MIME data.

Offscreen, ``QDrag.exec`` does nothing, so the drag's enter/move/drop events are built
here with the palette's (or the canvas's) own ``QMimeData`` and sent to the viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def card_rect(canvas, row: int):
    return canvas.visualRect(canvas.model().index(row))


def below(canvas, row: int) -> QPoint:
    """A point in the lower part of card ``row``: the drop goes right after it."""
    r = card_rect(canvas, row)
    return QPoint(r.center().x(), r.bottom() - 4)


def above(canvas, row: int) -> QPoint:
    r = card_rect(canvas, row)
    return QPoint(r.center().x(), r.top() + 4)


def drag_over(canvas, mime_data, pos: QPoint):
    """Enter and move over ``pos``; return the drop target the canvas shows (its line)."""
    vp = canvas.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(pos, ACTIONS, mime_data, LEFT, NONE))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, ACTIONS, mime_data, LEFT, NONE))
    return canvas.drop_target


def drop(canvas, mime_data, pos: QPoint):
    """A whole drag: enter, move, drop. Returns (target shown while dragging, drop event)."""
    shown = drag_over(canvas, mime_data, pos)
    event = QDropEvent(QPointF(pos), ACTIONS, mime_data, LEFT, NONE)
    QApplication.sendEvent(canvas.viewport(), event)
    return shown, event


def palette_mime(window, type_name: str):
    palette = window.part("palette_view")
    return palette.tree.mimeData([palette.items[type_name]])


def click_row(qtbot, canvas, row: int, modifier=NONE):
    qtbot.mouseClick(canvas.viewport(), LEFT, modifier, card_rect(canvas, row).center())


def types(spec):
    return [getattr(n, "type", "block") for n in spec.children]
