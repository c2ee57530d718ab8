"""A state machine over what a user does, driven through the real window.

Open an example, edit, Forward, Backward, Step, switch eval(), save, reopen, undo; after
each, the session must hold together:

- the window is marked modified exactly when a save would write something different
  (checked against the values themselves, not against the session's own bookkeeping);
- a model that was just opened is in ``train()``;
- the same example under the same seed gives the same first output;
- no shown tensor or message refers to something that no longer exists.
"""

from __future__ import annotations

import torch
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtGui import QAction

from explorer.core import edits
from explorer.core.spec import LayerSpec

EXAMPLES = ("01-sequential", "05-shared-layer", "07-dropout-batchnorm")


class Session(RuleBasedStateMachine):
    qtbot = None
    window = None
    folder = None

    def __init__(self):
        super().__init__()
        from explorer.app.run_settings import RunSettings

        self.window.session.set_settings(RunSettings())  # each example starts afresh
        self.first_outputs: dict[str, str] = {}
        self.fresh: str | None = None  # the example just opened, before any other action
        self.saved_path = None
        self.open_example(EXAMPLES[0])

    # ----- helpers ---------------------------------------------------------------------------

    def trigger(self, name: str) -> None:
        """Trigger an action; if it started a run, wait until the run ended."""
        ended = []
        self.window.run_finished.connect(ended.append)
        try:
            self.window.findChild(QAction, name).trigger()
            runner = self.window.part("run_actions").controller.runner
            self.qtbot.waitUntil(lambda: bool(ended) or not runner.running, timeout=20000)
        finally:
            self.window.run_finished.disconnect(ended.append)

    def remember_saved(self) -> None:
        """What the file holds now (the oracle for "modified")."""
        w = self.window
        self.saved_spec = w.document.spec
        self.saved_state = {k: v.detach().clone() for k, v in w.document.net.state_dict().items()}
        self.saved_settings = w.session.settings.to_dict()

    def would_write_something_else(self) -> bool:
        w = self.window
        if w.document.spec != self.saved_spec:
            return True
        if w.session.settings.to_dict() != self.saved_settings:
            return True
        if self.saved_path is not None and not self.saved_path.name.endswith(".nnx"):
            return False  # an architecture-only file holds no weights
        state = w.document.net.state_dict()
        if state.keys() != self.saved_state.keys():
            return True
        return any(not torch.equal(state[k], self.saved_state[k]) for k in state)

    # ----- rules: what a user does ----------------------------------------------------------

    @rule(stem=st.sampled_from(EXAMPLES))
    def open_example(self, stem):
        self.trigger("example_" + stem)
        self.saved_path = None
        assert self.window.document.net.training, "a new model starts in train()"
        assert not self.window.session.tensors
        self.remember_saved()
        self.fresh = stem
        self.forward()  # the first output of a fresh model: the seed decides it

    @rule()
    def edit(self):
        w = self.window
        spec = w.document.spec
        new = edits.insert(spec, (), len(spec.children), LayerSpec.make("ReLU"))
        w.push_spec(new, "Add ReLU")
        self.fresh = None

    @rule()
    def forward(self):
        self.trigger("action_forward")
        text = self.window.part("run_actions").output_view.main.text.toPlainText()
        if self.fresh is not None:
            first = self.first_outputs.setdefault(self.fresh, text)
            assert text == first, "the same seed gives the same output"
        self.fresh = None

    @rule()
    def backward(self):
        self.trigger("action_backward")
        self.fresh = None

    @rule()
    def step(self):
        self.trigger("action_step")  # without gradients: refused, nothing changes
        self.fresh = None

    @rule()
    def toggle_eval(self):
        self.trigger("action_eval_mode")
        self.fresh = None

    @rule(full=st.booleans())
    def save(self, full):
        path = self.folder / ("m.nnx" if full else "m.nnx.json")
        assert self.window.part("file_actions").save_to(path)
        self.saved_path = path
        self.remember_saved()

    @rule()
    def reopen(self):
        if self.saved_path is None:
            return
        assert self.window.part("file_actions").open_path(self.saved_path)
        assert self.window.document.net.training, "an opened model starts in train()"
        self.remember_saved()
        self.fresh = None

    @rule()
    def undo(self):
        self.window.undo_stack.undo()

    # ----- invariants ------------------------------------------------------------------------

    @invariant()
    def modified_exactly_when_a_save_would_differ(self):
        w = self.window
        expected = self.would_write_something_else()
        assert w.isWindowModified() == expected == w.session.modified, w.session.unsaved()

    @invariant()
    def nothing_shown_refers_to_what_is_gone(self):
        w = self.window
        keys = set(w.document.net.state_dict().keys())
        assert w.session.shown is None or w.session.exists(w.session.shown)
        shown = w.part("tensor_view").name
        assert shown == "" or shown in keys, shown
        message = w.message_bar.text()
        assert "is not in the model" not in message


def test_the_session_holds_together_through_user_actions(qtbot, window, tmp_path):
    Session.qtbot, Session.window, Session.folder = qtbot, window, tmp_path
    run_state_machine_as_test(
        Session,
        settings=settings(
            max_examples=6,
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
