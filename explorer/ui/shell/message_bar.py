"""The message bar above the canvas: refusals and failures, where the user looks.

A message belongs to the model it was about: opening another model clears it, and an
information message goes away by itself after a while. Errors stay until closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

INFO_MS = 8000  # how long an information message stays

STYLES = {
    "error": "QFrame#MessageBar { background: #fbe3e3; border: 1px solid #d64545; }",
    "warning": "QFrame#MessageBar { background: #fdf1d6; border: 1px solid #c98a00; }",
    "info": "QFrame#MessageBar { background: #e3effb; border: 1px solid #3163ce; }",
}


class MessageBar(QFrame):
    """One line of text with a close button; hidden when there is nothing to say."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.level = ""
        self.label = QLabel(self)
        self.label.setObjectName("message_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setObjectName("message_close")
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close this message"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(STYLES.get(level, STYLES["info"]))
        self.show()
        if level == "info":
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def clear(self) -> None:
        self._timer.stop()
        self.label.clear()
        self.level = ""
        self.hide()
