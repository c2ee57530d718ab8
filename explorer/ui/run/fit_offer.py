"""The offer shown when the data does not fit the model, with a one-click, undoable fix.

The check and the edit are Qt-free (:mod:`explorer.core.fit_data`); this bar shows the
reason and the exact changes, and pushes the edit as one undo command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from explorer.core.errors import ExplorerError
from explorer.core.fit_data import describe_fit, fit_model_to_data, fit_problem
from explorer.ui.common.messages import error_text, message_text

STYLE = (
    "#training_fit_offer { background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px; }"
)


class FitOffer(QFrame):
    """A bar: "spiral has 2 features, the model takes 20" [Fit the model to the data]."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("training_fit_offer")
        self.setStyleSheet(STYLE)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Fit the model to the data"), self)
        self.button.setObjectName("training_fit_data")
        # the sentence above its button: in the settings column, a button beside it left the
        # text a few words wide, nine lines tall and cut at the top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.button.clicked.connect(self.apply)
        self._data = None
        self._loss = None
        self._batch = None
        self.hide()

    def check(self, data, loss: str | None, batch: int) -> None:
        """Show the offer when ``data`` cannot train the model with ``loss``; hide it otherwise."""
        self._data, self._loss, self._batch = data, loss, batch
        document = self.window_.document
        spec = document.spec
        problem = (
            fit_problem(
                spec, data, loss, report=document.report, editable=document.read_only is None
            )
            if data is not None
            else None
        )
        if problem is None:
            self.hide()
            return
        if problem.fixable:
            new = fit_model_to_data(spec, data, loss, batch)
            self.text.setText(
                self.tr("The data does not fit the model: {0}. One click sets {1}.").format(
                    message_text(problem.message), _changes(spec, new)
                )
            )
        elif document.read_only is not None:
            self.text.setText(
                self.tr(
                    "The data does not fit the model: {0}. The class's layers are set in its "
                    "code: change the code, choose other data, or convert it to Sequential."
                ).format(message_text(problem.message))
            )
        else:
            self.text.setText(
                self.tr("The data does not fit the model: {0}").format(
                    message_text(problem.message)
                )
            )
        self.button.setVisible(problem.fixable)
        self.show()

    def apply(self) -> bool:
        """Fit the model to the data as one undoable edit (Edit > Undo puts it back)."""
        if self._data is None:
            return False
        spec = self.window_.document.spec
        try:
            new = fit_model_to_data(spec, self._data, self._loss, self._batch)
        except ExplorerError as e:
            self.window_.report_error(error_text(e))
            return False
        if not self.window_.push_spec(new, self.tr("Fit the model to the data")):
            return False
        self.window_.show_status(
            self.tr("Fitted the model to the data: {0} (Ctrl+Z undoes)").format(_changes(spec, new))
        )
        return True


def _changes(old, new) -> str:
    """What fitting changes, in the interface language (``input (2, 20) -> (2, 2)``)."""
    return ", ".join(message_text(change) for change in describe_fit(old, new))
