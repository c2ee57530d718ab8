"""The Code tab: the PyTorch code of the current model, regenerated on every edit."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit

from explorer.core.codegen import model_code


class CodeView(QPlainTextEdit):
    """Read-only, selectable; File > Export code… writes the same text to a ``.py``."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._stale = True
        self.document.spec_changed.connect(lambda *_: self.refresh())
        session.settings_changed.connect(self._on_settings)

    def _on_settings(self, old, new) -> None:
        if (old.seed, old.input_kind) != (new.seed, new.input_kind):
            self.refresh()

    def code(self) -> str:
        """The model's code with the session's seed: it prints what Forward shows."""
        s = self.session.settings
        return model_code(self.document.spec, seed=s.seed, input_kind=s.input_kind)

    def refresh(self) -> None:
        """Regenerate now if shown, else when next shown (hidden tabs cost nothing)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        bar = self.verticalScrollBar()
        top = bar.value()
        self.setPlainText(self.code())
        bar.setValue(top)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def install(window) -> None:
    view = window.register("code_view", CodeView(window.session, window))
    window.when_ready(view.refresh)
    window.add_tab(view, window.tr("Code"), "CodeTab")
