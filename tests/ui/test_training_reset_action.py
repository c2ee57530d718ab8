"""Reset weights from the Run menu (one action with the Training tab's button), and its undo.

Undo of a reset puts back the trained weights bit for bit and, with them, what the runs
that trained them drew: the loss curves on the same step axis, History and the step count.
"""

import numpy as np
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.ui.training_helpers import use


def spiral(qtbot, window, run, tv, steps):
    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(steps)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    assert window.document.spec.input_shape == (32, 2)


def train(qtbot, window, run):
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        run.actions["train"].trigger()
    assert blocker.args == ["done"], window.status_text()


def menu_action(window, name):
    (action,) = [a for a in window.menus["Run"].actions() if a.objectName() == name]
    return action


def seeded_weights(seed):
    torch.manual_seed(seed)
    plain = torch.nn.Sequential(torch.nn.Linear(2, 256), torch.nn.ReLU(), torch.nn.Linear(256, 3))
    return plain.state_dict()


def curves(tv):
    return [(c.xData, c.yData) for c in (tv.raw_curve, tv.smooth_curve, tv.eval_curve)]


def test_reset_weights_is_one_action_in_the_run_menu_and_the_tab(qtbot, window, run, tv):
    action = menu_action(window, "action_reset_weights")
    assert action is run.actions["reset_weights"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert action.toolTip().endswith("(Ctrl+Shift+R)") and "manual_seed" in action.toolTip()
    button = tv.buttons["reset_weights"]
    assert button.toolTip() == action.toolTip()
    spiral(qtbot, window, run, tv, steps=15)
    train(qtbot, window, run)
    assert run.controller.steps_done == 15

    action.trigger()  # Run > Reset weights
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in seeded_weights(run.controller.seed).items())
    assert run.controller.steps_done == 0 and tv.buttons["train"].text() == "Train"
    assert window.undo_stack.undoText() == f"Reset weights (seed {run.controller.seed})"

    # while a run goes, the menu item and the button are off together
    tv.steps.setValue(10_000_000)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        run.actions["train"].trigger()
    assert not action.isEnabled() and not button.isEnabled()
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    assert action.isEnabled() and button.isEnabled()

    # the tab's button triggers the same action
    fired = []
    action.triggered.connect(lambda *_: fired.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fired == [1] and run.controller.steps_done == 0


def test_the_shortcut_resets_the_weights(qtbot, window, run, tv):
    spiral(qtbot, window, run, tv, steps=5)
    train(qtbot, window, run)
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in seeded_weights(run.controller.seed).items())
    assert run.controller.steps_done == 0


def test_undo_of_reset_puts_back_weights_loss_curve_history_and_step_count(qtbot, window, run, tv):
    spiral(qtbot, window, run, tv, steps=25)
    train(qtbot, window, run)
    train(qtbot, window, run)  # Continue: steps 26..50 on the same axis
    history = window.part("history_view")
    trained = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    before_curves = curves(tv)
    assert list(before_curves[0][0]) == list(range(1, 51))
    before_history = history.history.series("0.weight")
    assert len(before_history[0]) > 0
    before_text = tv.rate.text()
    assert before_text.startswith("step 50/50")

    menu_action(window, "action_reset_weights").trigger()
    assert run.controller.steps_done == 0
    assert all(len(x if x is not None else []) == 0 for x, _ in curves(tv))
    assert len(history.history.series("0.weight")[0]) == 0  # History starts over too
    assert tv.rate.text() == "Not started"

    for _ in range(2):  # undo, redo, undo: the snapshot stays whole
        window.undo_stack.undo()
        state = window.document.net.state_dict()
        assert all(torch.equal(state[k], v) for k, v in trained.items())
        assert run.controller.steps_done == 50 and tv.buttons["train"].text() == "Continue"
        for (x, y), (x0, y0) in zip(curves(tv), before_curves, strict=True):
            assert np.array_equal(x, x0) and np.array_equal(y, y0)
        steps, rows = history.history.series("0.weight")
        assert np.array_equal(steps, before_history[0])
        assert np.array_equal(rows, before_history[1])
        assert history.param.count() > 0 and history.slider.isEnabled()
        assert tv.rate.text() == before_text and tv.progress.value() == 50
        assert "trained weights are back, at step 50" in window.status_text()  # not stale
        window.undo_stack.redo()
        assert run.controller.steps_done == 0 and len(history.history.series("0.weight")[0]) == 0
        assert "weights reset, step 0" in window.status_text()
    window.undo_stack.undo()

    # Continue after the undo counts on from 51, the curve keeps its first 50 steps
    progress = []
    window.run_progressed.connect(progress.append)
    train(qtbot, window, run)
    assert progress[0].losses[0][0] == 51
    assert list(tv.raw_curve.xData) == list(range(1, 76))


def test_reset_leaves_no_gradient_as_a_freshly_built_model_and_undo_brings_them_back(
    qtbot, window, run, tv
):
    """``torch.manual_seed(seed)`` then building the model: every ``.grad`` is None."""
    spiral(qtbot, window, run, tv, steps=5)
    train(qtbot, window, run)
    net = window.document.net
    trained = {n: p.grad.clone() for n, p in net.named_parameters()}
    run.actions["reset_weights"].trigger()
    fresh = torch.nn.Sequential(torch.nn.Linear(2, 256), torch.nn.ReLU(), torch.nn.Linear(256, 3))
    assert all(p.grad is None for p in fresh.parameters())  # what the tooltip's code gives
    assert all(p.grad is None for p in net.parameters())
    tree = window.part("param_tree")
    assert tree._rows["0.weight"].text(6) == "None"
    window.show_tab("GradientsTab")
    assert window.part("gradflow_view").summary.text().startswith("Every grad is None")

    window.undo_stack.undo()  # the trained weights come back with their gradients
    assert all(torch.equal(p.grad, trained[n]) for n, p in net.named_parameters())
    assert tree._rows["0.weight"].text(6) == "(256, 2)"
    window.undo_stack.redo()
    assert all(p.grad is None for p in net.parameters())


def test_step_after_reset_starts_a_fresh_optimizer_as_a_new_script_would(qtbot, window, run, tv):
    """After Train with Adam, Step keeps the run's optimizer (its moments); after Reset
    weights the model is new, and so is the optimizer: the first Step is a fresh Adam step."""
    use(tv.optimizer, "adam")
    spiral(qtbot, window, run, tv, steps=5)
    train(qtbot, window, run)
    assert run.controller.workbench.optimizer.state  # Adam's moments of the trained weights
    run.actions["reset_weights"].trigger()
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        run.actions["backward"].trigger()
    net = window.document.net
    hand = [torch.nn.Parameter(p.detach().clone()) for p in net.parameters()]
    for h, p in zip(hand, net.parameters(), strict=True):
        h.grad = p.grad.detach().clone()
    torch.optim.Adam(hand, lr=run.controller.optimizer.lr).step()
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        run.actions["step"].trigger()
    assert all(torch.equal(h, p) for h, p in zip(hand, net.parameters(), strict=True))

    window.undo_stack.undo()  # the trained weights come back, and their optimizer with them
    assert run.controller.workbench.optimizer.state
