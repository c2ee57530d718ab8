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
        super().__init__(text)
        self.document = document
        self.old = document.spec
        self.new = new

    def redo(self) -> None:
        self.document.set_spec(self.new)

    def undo(self) -> None:
        self.document.set_spec(self.old)
