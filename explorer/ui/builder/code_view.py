"""The Code tab: the PyTorch code of the current model, regenerated on every edit.

A model opened from a Python class shows the file's own source.

The script starts with ``torch.manual_seed(seed)``, so it builds the weights an open or
Run > Reset weights gives; once the window's weights are others (an edit, a step, a load,
an init, another seed) a comment on top says so (:meth:`Session.weights_from_seed`), and
goes when Reset weights builds them from the seed again.

View > Code as nn.Module classes switches between the ``nn.Sequential`` text and one
small class per block (:mod:`explorer.core.codegen_classes`); File > Export code…
writes what the tab shows.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from explorer.core.codegen import model_code
from explorer.core.errors import ExplorerError
from explorer.ui.common.messages import error_text


class CodeView(QPlainTextEdit):
    """Read-only, selectable; File > Export code… writes the same text to a ``.py``."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)  # edits replace lines in place: keep no history
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._stale = True
        self.style = "sequential"  # or "classes"
        self._weights_match: bool | None = None  # as last written: the seed's weights or not
        self.document.spec_changed.connect(lambda *_: self.refresh())
        self.document.weights_changed.connect(self._on_weights)
        session.settings_changed.connect(self._on_settings)
        session.seeded.connect(self.refresh)

    def _on_weights(self) -> None:
        # new values never bring the seed's weights back (their versions only grow; an
        # open or Reset weights says so with ``seeded``): once noted, nothing to look at
        if self._weights_match is False or self.document.moving:
            return
        self.refresh()

    def _on_settings(self, old, new) -> None:
        if (old.seed, old.input_kind) != (new.seed, new.input_kind):
            self.refresh()

    def code(self) -> str:
        """The code shown (:meth:`code_text`)."""
        return self.code_text()

    def refresh(self) -> None:
        """Regenerate now if shown, else when next shown (hidden tabs cost nothing)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        bar = self.verticalScrollBar()
        top = bar.value()
        self.show_text(self.code_text())
        bar.setValue(top)

    def show_text(self, text: str) -> None:
        """Show ``text``, replacing only the lines that differ from what is shown.

        An edit of a 1,000-layer model changes a few lines of its code; laying out the
        whole text again (``setPlainText``) would cost more than the edit itself.
        """
        old = self.toPlainText()
        if old == text:
            return
        if not (old.endswith("\n") and text.endswith("\n")):
            self.setPlainText(text)
            return
        a, b = old.split("\n"), text.split("\n")  # both end in "": the tail is never empty
        head = 0
        while head < min(len(a), len(b)) - 1 and a[head] == b[head]:
            head += 1
        tail = 1
        while tail < min(len(a), len(b)) - head and a[-tail - 1] == b[-tail - 1]:
            tail += 1
        doc = QPlainTextEdit.document(self)  # self.document is the model being edited
        cursor = QTextCursor(doc)
        cursor.setPosition(doc.findBlockByNumber(head).position())
        end = doc.findBlockByNumber(len(a) - tail).position()
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("".join(line + "\n" for line in b[head : len(b) - tail]))

    def code_text(self) -> str:
        """The code in the chosen style; a model classes cannot hold says why, as a comment.

        The Sequential style uses the session's seed and input, so it prints what Forward
        shows while the weights are the ones that seed builds; a comment on top says when
        they are not. A Python class shows its file's source.
        """
        if self.document.source is not None:
            return self.document.source.source_text
        s = self.session.settings
        self._weights_match = match = self.session.weights_from_seed()
        sequential = model_code(
            self.document.spec, seed=s.seed, input_kind=s.input_kind, weights_match=match
        )
        if self.style != "classes":
            return sequential
        from explorer.core.codegen_classes import classes_code

        try:
            return classes_code(self.document.spec)
        except ExplorerError as e:
            return f"# {error_text(e)}\n\n" + sequential

    def set_style(self, style: str) -> None:
        self.style = style
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def install(window) -> None:
    view = window.register("code_view", CodeView(window.session, window))
    window.when_ready(view.refresh)
    window.add_tab(view, window.tr("Code"), "CodeTab")
    action = window.add_action(
        "View",
        window.tr("Code as nn.Module classes"),
        tip=window.tr("The Code tab and Export code write each block as a small nn.Module class"),
        name="action_code_classes",
    )
    action.setCheckable(True)
    action.toggled.connect(lambda on: view.set_style("classes" if on else "sequential"))
