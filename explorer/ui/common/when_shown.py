"""Refresh a view now if it can be seen, otherwise the next time it is shown.

A hidden tab or dock need not follow every edit of a 1,000-layer model: it is marked
stale and catches up from the model in its next show event, so what the user sees is
always current while the work of views nobody looks at is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """Calls ``refresh`` through :meth:`request`: at once when ``widget`` is visible in its
    window (or the window is not shown yet), else in the widget's next show event."""

    def __init__(self, widget: QWidget, refresh: Callable[[], object]):
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        widget.installEventFilter(self)

    def request(self, *_args) -> None:
        """The model changed: refresh now, or mark stale while hidden."""
        if self._widget.isVisibleTo(self._widget.window()):
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if self.stale and obj is self._widget and event.type() == QEvent.Type.Show:
            self.stale = False
            self._refresh()
        return False
