"""The Activations tab shows the model that is open, with the weights it has now.

Outside a run its rows come from a forward pass of the current model; opening another
model, an edit or Reset weights must not leave the last model's (or the trained weights')
rows on screen. Each row is compared with plain forward hooks on the live ``nn.Module``.
"""

import torch
from torch import nn

from explorer.app.session import OpenRequest
from explorer.io.project import load_project
from tests.conftest import EXAMPLES


def hooked_calls(net: nn.Sequential, x: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """(place, output) per leaf call, as ``Sequential.forward`` runs ``_modules`` in order.

    ``named_modules()`` lists a tied module once; Sequential calls it at each place.
    """
    calls: list[tuple[str, torch.Tensor]] = []

    def run(seq: nn.Sequential, x: torch.Tensor, prefix: str) -> torch.Tensor:
        for name, m in seq._modules.items():
            if isinstance(m, nn.Sequential):
                x = run(m, x, f"{prefix}{name}.")
            else:
                x = m(x)
                calls.append((prefix + name, x))
        return x

    with torch.no_grad():
        y = run(net, x, "")
        assert torch.equal(y, net(x))  # the walk is the model's own forward
    return calls


def assert_rows_are_the_live_models(view, net):
    calls = hooked_calls(net, view.batch())
    assert [(r.layer, r.shape) for r in view.rows] == [(k, tuple(y.shape)) for k, y in calls]
    for r, (_, y) in zip(view.rows, calls, strict=True):
        assert abs(r.mean - float(y.mean())) < 1e-6
    shown = [view.layers.item(i).text().split()[0] for i in range(view.layers.count())]
    assert shown == [r.layer for r in view.rows]


def test_opening_another_model_shows_its_own_rows_not_the_last_models(window, qtbot):
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    book = load_project(next(p for p in EXAMPLES if "shared" in p.name)).spec
    assert window.open_model(OpenRequest(book, kind="example"))
    window.show_tab("ActivationsTab")  # opening may bring another tab to the front
    assert_rows_are_the_live_models(view, window.document.net)
    assert len(view.rows) == 7  # the tied layer at both of its uses


def test_opening_a_model_while_the_tab_is_hidden_shows_the_new_rows_when_shown(window, qtbot):
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    window.show_tab("CodeTab")
    book = load_project(next(p for p in EXAMPLES if "shared" in p.name)).spec
    assert window.open_model(OpenRequest(book, kind="example"))
    window.show_tab("ActivationsTab")
    assert_rows_are_the_live_models(view, window.document.net)


def test_reset_weights_and_an_edit_refresh_the_rows(window, qtbot):
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    net = window.document.net
    with torch.no_grad():
        net[0].weight.mul_(3.0)  # as a run or a loaded checkpoint moves them
    window.document.notify_weights_changed()
    assert_rows_are_the_live_models(view, net)
    window.part("run_actions").actions["reset_weights"].trigger()
    window.show_tab("ActivationsTab")
    assert_rows_are_the_live_models(view, window.document.net)

    from explorer.core.spec import LayerSpec

    spec = window.document.spec
    edited = spec.__class__(
        children=(*spec.children, LayerSpec.make("Tanh")),
        input_shape=spec.input_shape,
        dtype=spec.dtype,
    )
    assert window.push_spec(edited, "append Tanh")
    assert [r.type for r in view.rows][-1] == "Tanh"
    assert_rows_are_the_live_models(view, window.document.net)


def test_the_end_of_a_run_keeps_the_rows_its_last_probe_made_on_the_final_weights(
    window, qtbot, run, tv
):
    from PySide6.QtCore import Qt

    from tests.ui.training_helpers import use

    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(30)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    view = window.part("activations_view")
    seen = []
    window.run_progressed.connect(seen.append)
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        run.actions["train"].trigger()  # brings the Training tab to the front
        window.show_tab("ActivationsTab")  # watched from here on: the last tick probes it
    assert blocker.args == ["done"]
    last = seen[-1]
    assert last.step == 30
    assert all(a is b for a, b in zip(view.rows, last.probes["views.activations"], strict=True))


def test_rows_drawn_before_a_run_in_another_tab_follow_its_weights_when_shown(
    window, qtbot, run, tv
):
    from PySide6.QtCore import Qt

    from tests.ui.training_helpers import use

    use(tv.source, "spiral")
    use(run.loss, "cross_entropy")
    tv.steps.setValue(30)
    qtbot.mouseClick(tv.fit_offer.button, Qt.MouseButton.LeftButton)
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    before = view.rows
    with qtbot.waitSignal(window.run_finished, timeout=60000):
        run.actions["train"].trigger()  # the Training tab in front: no activation probes
    window.show_tab("ActivationsTab")
    assert [r.mean for r in view.rows] != [r.mean for r in before]
    assert_rows_are_the_live_models(view, window.document.net)


def test_an_edit_that_breaks_the_model_empties_the_rows_and_says_why_in_the_tab(window, qtbot):
    """The card shows the shape error; the tab says it too, with no message-bar alarm."""
    from explorer.core.spec import LayerSpec

    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    spec = window.document.spec
    broken = spec.__class__(
        children=(*spec.children[:2], LayerSpec.make("Linear", in_features=7, out_features=10)),
        input_shape=spec.input_shape,
    )
    assert window.push_spec(broken, "in_features 7")
    assert view.rows == () and view.layers.count() == 0
    assert view.note.text().startswith("No activations: the model does not run (")
    assert "Activations" not in window.status_text()  # no alarm: the card already says it
    window.undo_stack.undo()
    assert_rows_are_the_live_models(view, window.document.net)
