"""A plot title shortened at its end to the plot's width, whole in the plot's tooltip.

A title longer than its plot widened the plot past its pane: pyqtgraph lays the title out
at its whole width, so the plot's right side (its data) was cut off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

TITLE_MARGIN = 8  # px kept free on each side of a shortened title


class FittedTitle:
    """The title of ``widget``'s ``plot_item``; call :meth:`fit` when the room changes.

    It also follows the left axis, which widens with its tick labels after a title was set.
    """

    def __init__(self, widget, plot_item):
        self.widget = widget
        self.plot_item = plot_item
        self.full = ""
        plot_item.getAxis("left").geometryChanged.connect(self.fit)

    def set(self, title: str) -> None:
        self.full = title
        self.widget.setToolTip(title)
        self.fit()

    def fit(self) -> None:
        title = self.full
        if not title:
            return
        label = self.plot_item.titleLabel
        font = QFont(label.item.font())
        size = str(label.opts.get("size") or "")
        if size.endswith("pt"):  # the label's text is drawn at its own size, not the item's
            font.setPointSizeF(float(size[:-2]))
        metrics = QFontMetrics(font)
        # the title sits above the data, right of the left axis
        axis = self.plot_item.getAxis("left")
        taken = axis.width() if axis.isVisible() else 0
        room = max(40, int(self.widget.width() - taken - 2 * TITLE_MARGIN))
        text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        self._show(text)
        drawn = label.item.boundingRect().width()
        if drawn > room:  # the label draws a little wider than measured (its margins)
            overhead = drawn - metrics.horizontalAdvance(text)
            mode = Qt.TextElideMode.ElideRight
            self._show(metrics.elidedText(title, mode, max(10, int(room - overhead))))

    def _show(self, text: str) -> None:
        if text != self.plot_item.titleLabel.text:  # unchanged: no relayout (the axis calls back)
            self.plot_item.setTitle(text)
