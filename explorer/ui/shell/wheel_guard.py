"""Scrolling a panel must not change the field under the pointer.

Qt's spin boxes and combo boxes take wheel events even without focus, so scrolling the
Properties or Init lab panes silently edited arguments (and a template combo replaced the
user's code). With this filter, such a field reacts to the wheel only once it has focus
(clicked or tabbed into); otherwise the wheel scrolls the pane around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox


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
        if (
            isinstance(obj, (QAbstractSpinBox, QComboBox))
            and event.type() == QEvent.Type.Wheel
            and not obj.hasFocus()
        ):
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:  # scroll the pane instead
                QApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        return False
