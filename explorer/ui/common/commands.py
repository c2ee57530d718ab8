"""Undo commands. Each one calls model methods only; views refresh from model events."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from explorer.core.document import Document
from explorer.core.spec import ModelSpec


class SpecCommand(QUndoCommand):
    """Replace the document's spec; undo puts the old one back (exactly: specs are values).

    Build it *after* computing ``new`` with a pure edit function, so a failed edit never
    reaches the undo stack.
    """

    def __init__(self, document: Document, new: ModelSpec, text: str):
        document.check_edit(new)  # a Python class's layers: refused before the stack sees it
        super().__init__(text)
        self.document = document
        self.old = document.spec
        self.new = new

    def redo(self) -> None:
        self.document.set_spec(self.new)

    def undo(self) -> None:
        self.document.set_spec(self.old)


class WeightsCommand(QUndoCommand):
    """Parameter values changed in place (a cell edit, an initializer); undo restores them.

    ``before`` and ``after`` map ``state_dict`` keys to detached CPU copies. Build it
    after the change succeeded on a copy, with both dicts; the first ``redo`` (called by
    ``QUndoStack.push``) writes ``after`` into the live model. Tied parameters are one
    tensor, so writing one key updates every use.
    """

    def __init__(self, document: Document, before: dict, after: dict, text: str):
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after

    def _write(self, values: dict) -> None:
        import torch

        state = self.document.net.state_dict(keep_vars=True)
        with torch.no_grad():
            for key, value in values.items():
                state[key].copy_(value.to(state[key].device))
        self.document.notify_weights_changed()

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)
