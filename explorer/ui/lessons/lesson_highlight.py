"""Pointing at a control for a lesson step: find it by objectName, bring it into view,
and draw a pulsing outline over it.

The outline is one transparent child of the main window drawn above the target's
rectangle (a style sheet on the target would leak into its children and lose its own
style), and it lets every mouse event through. An action is shown by its toolbar button,
or by the title of the menu that holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QTabWidget, QToolBar, QWidget

from explorer.ui.common.geometry import shown_rect

COLOR = QColor("#f0a020")


def find_target(window, name: str) -> tuple[QWidget | None, QRect | None]:
    """The widget to point at for ``name`` and the rectangle in it (None: the whole widget).

    ``name`` is a widget's or an action's objectName; an action is found as its toolbar
    button, else as the title of its menu in the menu bar.
    """
    if not name:
        return None, None
    widget = window.findChild(QWidget, name)
    if widget is not None:
        return widget, None
    action = window.findChild(QAction, name)
    if action is None:
        return None, None
    for toolbar in window.findChildren(QToolBar):
        button = toolbar.widgetForAction(action)
        if button is not None and button.isVisible():
            return button, None
    bar = window.menuBar()
    for menu in window.menus.values():
        if action in menu.actions():
            return bar, bar.actionGeometry(menu.menuAction())
    return None, None


def reveal(window, widget: QWidget, keep_visible: QDockWidget | None = None) -> None:
    """Switch the tabs and raise or show the docks that hide ``widget``.

    A dock sharing a tab group with ``keep_visible`` (the Lessons dock) is split off
    below it instead of raised, so the lesson text stays in view.
    """
    child, parent = widget, widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            i = tabs.indexOf(child)
            if i >= 0 and tabs.currentIndex() != i:
                tabs.setCurrentIndex(i)
        if isinstance(parent, QDockWidget) and parent is not keep_visible:
            if not parent.isVisible():
                parent.show()
            if keep_visible is not None and parent in window.tabifiedDockWidgets(keep_visible):
                area = window.dockWidgetArea(parent)
                window.removeDockWidget(keep_visible)
                window.addDockWidget(area, keep_visible, Qt.Orientation.Vertical)
                keep_visible.show()
            parent.raise_()
        child, parent = parent, parent.parentWidget()


class Highlight(QWidget):
    """A pulsing outline over another widget of the same window; mouse events pass through."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("LessonHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target: QWidget | None = None
        self.rect_in_target: QRect | None = None
        self.bright = True
        self.pulse = QTimer(self)
        self.pulse.setInterval(500)
        self.pulse.timeout.connect(self._blink)
        self.hide()

    def point_at(self, widget: QWidget | None, rect: QRect | None = None) -> None:
        self.target, self.rect_in_target = widget, rect
        self.follow()

    def clear(self) -> None:
        self.point_at(None)

    def follow(self) -> None:
        """Move over the target (it may have moved, or been hidden or shown)."""
        w = self.target
        try:
            visible = w is not None and w.isVisible()
        except RuntimeError:  # the target widget was deleted
            self.target, visible = None, False
        if not visible:
            self.hide()
            self.pulse.stop()
            return
        # Only the part in view: a form scrolled inside a small pane must not be outlined
        # over the panes around it.
        r = shown_rect(w, self.rect_in_target or w.rect())
        if r.isEmpty():
            self.hide()
            self.pulse.stop()
            return
        top_left = w.window().mapTo(self.parentWidget(), r.topLeft())
        self.setGeometry(QRect(top_left - QPoint(3, 3), r.size() + type(r.size())(6, 6)))
        self.show()
        self.raise_()
        if not self.pulse.isActive():
            self.pulse.start()

    def _blink(self) -> None:
        self.bright = not self.bright
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(COLOR)
        color.setAlpha(255 if self.bright else 130)
        painter.setPen(QPen(color, 3))
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 4, 4)
