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

    With the ``session``, an undo that brings back the weights a seed built says so
    (:meth:`~explorer.app.session.Session.mark_seeded`): they were the seed's when the
    command was made, and nothing but this command changed them since its redo (the
    fingerprint is the one the redo left), so every value is again the seed's.
    """

    def __init__(self, document: Document, before: dict, after: dict, text: str, session=None):
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after
        self.session = session
        self._seed = None  # the seed whose weights ``before`` (and the rest) are, or None
        if session is not None and session.weights_from_seed():
            self._seed, self._spec = session.settings.seed, document.spec
        self._after_fingerprint: tuple | None = None

    def _write(self, values: dict, seeded: bool = False) -> None:
        import torch

        state = self.document.net.state_dict(keep_vars=True)
        with torch.no_grad():
            for key, value in values.items():
                state[key].copy_(value.to(state[key].device))
        if seeded:  # before the views hear of the weights: they are the seed's again
            self.session.mark_seeded(self._seed, emit=False)
        self.document.notify_weights_changed()
        if seeded:
            self.session.seeded.emit()

    def redo(self) -> None:
        self._write(self.after)
        if self._seed is not None:
            from explorer.app.session import weights_fingerprint

            self._after_fingerprint = weights_fingerprint(self.document.net)

    def undo(self) -> None:
        seeded = False
        if self._seed is not None and self.document.spec == self._spec:
            from explorer.app.session import weights_fingerprint

            seeded = weights_fingerprint(self.document.net) == self._after_fingerprint
        self._write(self.before, seeded)
