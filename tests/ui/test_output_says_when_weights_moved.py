"""The Output tab's tensor is the value of ``out = net(X)`` when Forward ran.

Like a notebook's ``out`` it does not change when the weights do; the tab says when the
model has moved on since (a step, a run, Reset weights, an edit), so a learner does not
read an old output as the trained model's. A backward pass changes only ``.grad``.
"""

from PySide6.QtCore import Qt

from tests.ui.training_helpers import use

STALE = "older weights: Forward (F5) runs it again"


def act(qtbot, window, run, name):
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        run.actions[name].trigger()
    assert blocker.args[0] == "done", window.status_text()


def test_the_output_is_marked_once_the_weights_it_came_from_are_gone(qtbot, window, run, tv):
    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(5)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    view = run.output_view
    act(qtbot, window, run, "forward")
    net, x = window.document.net, window.tensors["input"]
    shown = view.main.text.toPlainText()
    assert shown == str(net(x))  # what print(net(X)) gives now
    assert STALE not in view.main.title.text()
    act(qtbot, window, run, "backward")  # only .grad changes: still net(X)
    assert STALE not in view.main.title.text()

    act(qtbot, window, run, "train")
    assert view.main.text.toPlainText() == shown  # the old out, as a notebook keeps it
    assert str(net(x)) != shown
    assert view.main.title.text().endswith(STALE)

    act(qtbot, window, run, "forward")  # again: the trained model's output, unmarked
    assert view.main.text.toPlainText() == str(net(x))
    assert STALE not in view.main.title.text()

    spec = window.document.spec
    assert window.push_spec(spec.__class__(spec.children[:1], spec.input_shape), "cut")
    assert view.main.title.text().endswith(STALE)  # another model than the one that ran
