"""Scrolling a panel must not change the field under the pointer.

Qt's spin boxes and combo boxes take wheel events even without focus, and their default
focus policy (``WheelFocus``) makes a real wheel turn give them focus *before* the event
reaches any filter, so a check of ``hasFocus()`` alone lets the turn through. This guard
therefore does two things for every spin box and combo box of the application:

- when the widget is polished (first shown), its ``WheelFocus`` policy becomes
  ``StrongFocus``: a click or Tab still focuses it, a wheel turn no longer does;
- a wheel event over such a field without focus goes to the nearest scrolling pane
  around it (or nowhere), so the pane scrolls and the value stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox

GUARDED = (QAbstractSpinBox, QComboBox)


def strong_focus(widget) -> None:
    """Drop the wheel from a field's focus policy (click and Tab still focus it)."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """Installed on the application by the main window."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        QApplication.instance().installEventFilter(self)
        parent.destroyed.connect(self._remove)

    def _remove(self, *_):
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        # Every event of the application passes here: the type test (a C-level isinstance)
        # comes first, as ``event.type()`` builds a Python enum on each call.
        if not isinstance(obj, GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish:
            strong_focus(obj)
        elif kind == QEvent.Type.Wheel and not obj.hasFocus():
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:  # scroll the pane instead
                QApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        return False
