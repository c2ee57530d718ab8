"""Reset weights: fresh values from the seed, as one undo command; the step axis restarts.

``torch.manual_seed(seed)`` and building the model give the same values as writing the
model by hand after the same call (:func:`explorer.core.build.seeded_state_dict`), so a
reset is reproducible. A model built that way has no gradients yet, so the reset sets
every ``.grad`` to None (the last run's gradients belonged to the trained weights), and
the Step button's optimizer starts afresh (no momentum or Adam moments of them). Redo
starts the step axis again (the loss curve and History clear); undo puts the trained
weights, their gradients, their step count and what the views drew of the runs that
trained them back. Done or redone, the session notes the weights as the seed's own
(:meth:`~explorer.app.session.Session.mark_seeded`), so the Code tab's script, which
starts with the same ``torch.manual_seed``, prints what Forward shows again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.core.build import seeded_state_dict
from explorer.ui.common.commands import WeightsCommand


class ResetWeightsCommand(WeightsCommand):
    def __init__(self, controller, before: dict, after: dict, text: str):
        super().__init__(controller.document, before, after, text, controller.session)
        self.controller = controller
        self.steps_before = controller.steps_done
        self.records = [(view, view.snapshot_run()) for view in controller.run_records]
        net = controller.document.net
        self.grads = {  # the trained weights' gradients, for undo
            name: None if p.grad is None else p.grad.detach().clone()
            for name, p in net.named_parameters()
        }
        self.optimizer_held = controller.workbench.held()  # with its momentum, for undo
        self.seed, self.spec = controller.seed, controller.document.spec  # what ``after`` is of
        self._done_once = False

    def _set_grads(self, grads: dict) -> None:
        for name, p in self.document.net.named_parameters():
            g = grads.get(name)
            p.grad = None if g is None else g.to(p.device)  # the device may have changed since

    def redo(self) -> None:
        self._set_grads({})  # before the views hear of the new weights
        self.controller.workbench.forget()
        super().redo()
        if self.document.source is None and self.document.spec == self.spec:
            self.controller.session.mark_seeded(self.seed, self.spec)
        self.controller.set_steps_done(0)
        if self._done_once:  # Edit > Redo: the status line says what the weights are now
            self.controller.window.show_status(
                QCoreApplication.translate("ResetWeights", "Redo: weights reset, step 0")
            )
        self._done_once = True

    def undo(self) -> None:
        self._set_grads(self.grads)
        self.controller.workbench.hold(self.optimizer_held)
        super().undo()
        self.controller.set_steps_done(self.steps_before)
        for view, snapshot in self.records:
            view.restore_run(snapshot)
        self.controller.window.show_status(
            QCoreApplication.translate(
                "ResetWeights", "Undo: the trained weights are back, at step {0}"
            ).format(self.steps_before)
        )


def reset_weights(window, controller) -> bool:
    """Push a :class:`ResetWeightsCommand`; refused (with the reason) while a run is going."""
    from torch.nn.parameter import UninitializedParameter

    doc = window.document
    if doc.busy:
        window.report_error(window.tr("Cannot reset the weights now: {0}").format(doc.busy))
        return False
    live = doc.net.state_dict()
    if any(isinstance(v, UninitializedParameter) for v in live.values()):
        window.report_error(
            window.tr("Lazy layers have no weights yet: run a forward first (F5), then reset")
        )
        return False
    before = {k: v.detach().cpu().clone() for k, v in live.items()}
    if doc.source is not None:  # a Python class: constructed again after the seed
        from explorer.core.module_source import seeded_module_state

        with window.errors(window.tr("Cannot reset the weights: {0}")) as failed:
            after = seeded_module_state(doc.source, controller.seed)  # its __init__ may raise
        if failed:
            return False
    else:
        after = seeded_state_dict(doc.spec, controller.seed)
    window.undo_stack.push(
        ResetWeightsCommand(
            controller,
            before,
            after,
            window.tr("Reset weights (seed {0})").format(controller.seed),
        )
    )
    window.show_status(
        window.tr(
            "Weights reset from seed {0}: the next Train starts at step 0 (Ctrl+Z undoes)"
        ).format(controller.seed)
    )
    return True
