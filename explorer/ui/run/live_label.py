"""A word-wrapped label for text that changes many times a second (a run's status line).

``QLabel.setText`` calls ``updateGeometry()``, and Qt then lays out every ancestor up to the
main window, whose layout re-applies each dock's geometry through a new (zero-length)
``QPropertyAnimation``; the relayout also repaints the buttons and labels around it. Once
per display frame of a run that was about a third of the GUI thread's work (measured on the
spiral run: 345 -> 208 ms of event handling over a 2.7 s run).

:class:`LiveLabel` holds its ``QLabel`` without a layout: a new text repaints the label, and
the holder asks its parent for a new layout only when the text needs another height at the
current width. Everything else reads as a ``QLabel``'s (``text``, ``setText``, style sheet).
With ``hides_when_empty`` it takes no room while its text is empty.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


class LiveLabel(QWidget):
    """A ``QLabel`` (word-wrapped) whose text changes relayout the window only when needed."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, hides_when_empty: bool = False
    ) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.setSizePolicy(self.label.sizePolicy())
        self._laid_out_height: int | None = None  # the label's height the layout gave room for
        self.hides_when_empty = hides_when_empty
        if hides_when_empty and not text:
            self.hide()

    # ----- what a QLabel offers -----------------------------------------------------------

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name
        if self.hides_when_empty:
            self.setVisible(bool(text))  # (a no-op while it stays shown)
        if text == self.label.text():
            return
        self.label.setText(text)
        if self._needed_height() != self._laid_out_height:
            self.updateGeometry()  # another number of lines: the layout must make room

    # ----- geometry: the label's own ---------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.label.heightForWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.label.setGeometry(self.rect())
        self._laid_out_height = self._needed_height()
        super().resizeEvent(event)

    def _needed_height(self) -> int:
        if self.width() <= 0:
            return -1  # never laid out: any text asks for a layout
        return self.label.heightForWidth(self.width())
