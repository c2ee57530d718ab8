"""The Code tab: the PyTorch code of the current model, regenerated on every edit."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit

from explorer.core.codegen import model_code


class CodeView(QPlainTextEdit):
    """Read-only, selectable; File > Export code… writes the same text to a ``.py``."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._stale = True
        document.spec_changed.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        """Regenerate now if shown, else when next shown (hidden tabs cost nothing)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        bar = self.verticalScrollBar()
        top = bar.value()
        self.setPlainText(model_code(self.document.spec))
        bar.setValue(top)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def install(window) -> None:
    window.code_view = CodeView(window.document, window)
    window.when_ready(window.code_view.refresh)
    window.add_tab(window.code_view, window.tr("Code"), "CodeTab")
