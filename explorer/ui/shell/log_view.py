"""The Log tab: every message, error and warning, with time, so details are never lost."""

from __future__ import annotations

import time

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from explorer.ui.common.formatting import whole_numbers_html

COLORS = {"error": "#d64545", "warning": "#c98a1b"}


class LogView(QPlainTextEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumBlockCount(5000)
        self.counts = {"info": 0, "warning": 0, "error": 0}

    def append_message(self, level: str, text: str) -> None:
        self.counts[level] = self.counts.get(level, 0) + 1
        stamp = time.strftime("%H:%M:%S")
        color = COLORS.get(level)
        safe = text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
        safe = whole_numbers_html(safe)  # "5 120" stays one word, as in the Init lab
        label = f"<b>{level}</b> " if level != "info" else ""
        html = f'<span style="color:{color}">{label}{safe}</span>' if color else safe
        self.appendHtml(f"<span style='color:gray'>{stamp}</span> {html}")
        self.moveCursor(QTextCursor.MoveOperation.End)


def install(window) -> None:
    view = window.register("log_view", LogView(window))
    window.add_tab(view, window.tr("Log"), "LogTab")
    window.log_message.connect(view.append_message)
