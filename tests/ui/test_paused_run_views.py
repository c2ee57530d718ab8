"""A paused run shows the weights it paused on: Tensor, Gradients, Activations and the tree.

Pause stops the run's thread at a step boundary; from then until Resume or Step the model
does not move, so whatever view the learner opens reads the paused weights and gradients,
as ``print(net[0].weight.grad)`` would in a hand loop stopped at that step. Nothing reads
the model while the thread is still in its step (``zero_grad`` sets ``.grad`` to None
for a moment there).
"""

import torch
from PySide6.QtCore import Qt

from explorer.core.monitor import grad_flow
from explorer.core.params import list_entries
from tests.ui.test_activations_follow_the_model import assert_rows_are_the_live_models
from tests.ui.training_helpers import use


def start_a_long_spiral_run(qtbot, window, run, tv):
    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(10_000_000)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    window.selection.select_parameter("0.weight")
    seen = []
    window.run_progressed.connect(seen.append)
    run.actions["train"].trigger()  # the Training tab in front: the other views wait
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=30000)
    return seen


def pause(qtbot, window, run):
    controller = run.controller
    run.actions["pause"].trigger()
    qtbot.waitUntil(lambda: controller.settled, timeout=10000)


def assert_views_show_the_live_model(qtbot, window):
    net = window.document.net
    assert net[0].weight.grad is not None  # a hand loop after its step has its grads
    window.show_tab("TensorTab")
    view = window.part("tensor_view")
    w, g = view.snaps
    assert w.stats.mean == float(net[0].weight.detach().mean())
    assert g is not None and g.stats.mean == float(net[0].weight.grad.mean())
    window.show_tab("GradientsTab")
    shown = [(r.layer, r.max_abs, r.mean_abs) for r in window.part("gradflow_view").rows]
    assert shown == [(r.layer, r.max_abs, r.mean_abs) for r in grad_flow(net)]
    window.show_tab("ActivationsTab")
    assert_rows_are_the_live_models(window.part("activations_view"), net)
    tree = window.part("param_tree")
    grads = {e.name: e.grad_shape for e in list_entries(net)}
    assert grads["0.weight"] == (256, 2)
    assert tree._rows["0.weight"].text(6) == "(256, 2)"  # the grad column, not "None"


def test_views_opened_while_paused_show_the_paused_weights(qtbot, window, run, tv):
    start_a_long_spiral_run(qtbot, window, run, tv)
    pause(qtbot, window, run)
    steps = run.controller.steps_done
    assert_views_show_the_live_model(qtbot, window)
    assert run.controller.steps_done == steps  # nothing moved while we looked

    window.show_tab("TrainingTab")  # where Resume is (shown, Activations would probe the batch)
    run.actions["pause"].trigger()  # Resume: the model moves again
    assert not run.controller.settled
    qtbot.wait(100)
    pause(qtbot, window, run)
    assert run.controller.steps_done > steps
    assert_views_show_the_live_model(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()


def test_a_single_step_while_paused_shows_that_step(qtbot, window, run, tv):
    start_a_long_spiral_run(qtbot, window, run, tv)
    pause(qtbot, window, run)
    steps = run.controller.steps_done
    window.show_tab("TrainingTab")
    tv.buttons["step"].click()  # one more step, then paused again
    assert not run.controller.settled  # the step is under way: nothing reads the model
    qtbot.waitUntil(lambda: run.controller.settled, timeout=10000)
    assert run.controller.steps_done == steps + 1
    assert_views_show_the_live_model(qtbot, window)
    before = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    qtbot.wait(200)
    after = window.document.net.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)  # paused means still
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()


def test_cancel_while_paused_says_the_run_was_cancelled_not_paused(qtbot, window, run, tv):
    """The tab's line had kept 'Paused at step 19 · ETA 2967 s after Resume' after Cancel."""
    start_a_long_spiral_run(qtbot, window, run, tv)
    pause(qtbot, window, run)
    steps = run.controller.steps_done
    assert tv.rate.text().startswith(f"Paused at step {steps}/")
    with qtbot.waitSignal(window.run_finished, timeout=20000) as blocker:
        run.actions["cancel"].trigger()
    assert blocker.args == ["cancelled"]
    assert tv.rate.text().startswith(f"step {steps}/10000000 · cancelled · loss ")
    assert "Resume" not in tv.rate.text() and "ETA" not in tv.rate.text()
    assert tv.buttons["train"].text() == "Continue"


def test_cancel_of_a_running_run_names_it_with_its_last_step(qtbot, window, run, tv):
    start_a_long_spiral_run(qtbot, window, run, tv)
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        run.actions["cancel"].trigger()
    steps = run.controller.steps_done
    assert tv.raw_curve.xData[-1] == steps
    assert tv.rate.text().startswith(f"step {steps}/10000000 · cancelled · loss ")
