"""The first-start arrangement of the docks, sized from the window it opens in.

The right column (Properties above Parameters) runs the full height of the window, so a
layer's arguments and at least eight parameter rows fit at 1280x800; the bottom panels
share the width left of it. Nothing here runs when the user's own arrangement was saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

#: The smallest size the bottom tabs ask for: a tab that would need more is squeezed or
#: scrolls inside, never growing the window past the screen.
PANELS_MIN = (240, 160)


def arrange_frame(window) -> None:
    """Corners and limits that hold whatever the arrangement (called once, at start)."""
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.bottom_tabs.setMinimumSize(*PANELS_MIN)


def default_dock_sizes(window) -> None:
    """Split the window between the docks in proportions that work from 1280x800 up."""
    width, height = window.width(), window.height()
    props = window.findChild(QDockWidget, "PropertiesDock")
    params = window.findChild(QDockWidget, "ParametersDock")
    palette = window.findChild(QDockWidget, "PaletteDock")
    right = min(560, max(420, int(width * 0.32)))
    horizontal = [d for d in (palette, props) if d is not None]
    sizes = [min(220, max(180, int(width * 0.14))), right][-len(horizontal) :]
    if horizontal:
        window.resizeDocks(horizontal, sizes, Qt.Orientation.Horizontal)
    if props is not None and params is not None:
        column = height - 90  # menu bar, toolbar and status bar
        top = max(300, int(column * 0.63))  # eight parameter rows need far less
        window.resizeDocks([props, params], [top, column - top], Qt.Orientation.Vertical)
    window.resizeDocks([window.bottom_dock], [int((height - 90) * 0.45)], Qt.Orientation.Vertical)
