"""The Code tab: the PyTorch code of the current model, regenerated on every edit.

View > Code as nn.Module classes switches between the ``nn.Sequential`` text and one
small class per block (:mod:`explorer.core.codegen_classes`); File > Export code…
writes what the tab shows.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit

from explorer.core.codegen import model_code
from explorer.core.errors import ExplorerError


class CodeView(QPlainTextEdit):
    """Read-only, selectable; File > Export code… writes the same text to a ``.py``."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._stale = True
        self.style = "sequential"  # or "classes"
        document.spec_changed.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        """Regenerate now if shown, else when next shown (hidden tabs cost nothing)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        bar = self.verticalScrollBar()
        top = bar.value()
        self.setPlainText(self.code_text())
        bar.setValue(top)

    def code_text(self) -> str:
        """The code in the chosen style; a model classes cannot hold says why, as a comment."""
        if self.style != "classes":
            return model_code(self.document.spec)
        from explorer.core.codegen_classes import classes_code

        try:
            return classes_code(self.document.spec)
        except ExplorerError as e:
            return f"# {e}\n\n" + model_code(self.document.spec)

    def set_style(self, style: str) -> None:
        self.style = style
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def install(window) -> None:
    window.code_view = CodeView(window.document, window)
    window.when_ready(window.code_view.refresh)
    window.add_tab(window.code_view, window.tr("Code"), "CodeTab")
    action = window.add_action(
        "View",
        window.tr("Code as nn.Module classes"),
        tip=window.tr("The Code tab and Export code write each block as a small nn.Module class"),
        name="action_code_classes",
    )
    action.setCheckable(True)
    action.toggled.connect(lambda on: window.code_view.set_style("classes" if on else "sequential"))
