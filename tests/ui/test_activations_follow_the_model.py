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
from tests.ui.training_helpers import spiral_ready


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
    spiral_ready(qtbot, window, run, tv, steps=30)
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
    spiral_ready(qtbot, window, run, tv, steps=30)
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


def test_looking_at_a_lazy_model_leaves_its_layers_uninitialized_until_forward(window, qtbot):
    """A forward gives lazy layers their shapes (the state_dict changes): Forward does that
    and says so; the Activations tab does not do it behind the learner's back."""
    from torch.nn.parameter import UninitializedParameter

    lazy = load_project(next(p for p in EXAMPLES if "lazy" in p.name)).spec
    window.show_tab("ActivationsTab")
    assert window.open_model(OpenRequest(lazy, kind="example"))
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    net = window.document.net
    assert all(isinstance(p, UninitializedParameter) for p in net.parameters())
    assert view.rows == () and view.note.text().startswith("Lazy layers are not initialized yet")
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        window.part("run_actions").actions["forward"].trigger()
    assert not any(isinstance(p, UninitializedParameter) for p in net.parameters())
    window.show_tab("ActivationsTab")
    assert_rows_are_the_live_models(view, net)


def test_looking_at_a_batch_norm_model_leaves_a_saved_model_saved(window, qtbot):
    """The running statistics a train() forward updates are copies: the buffers the model
    holds are not written, so a saved model does not turn 'unsaved' by being looked at."""
    spec = load_project(next(p for p in EXAMPLES if "batchnorm" in p.name)).spec
    assert window.open_model(OpenRequest(spec, kind="example"))
    net = window.document.net
    assert net.training and any(isinstance(m, nn.BatchNorm1d) for m in net.modules())
    window.mark_saved()
    buffers = {k: (b, b._version, b.clone()) for k, b in net.named_buffers()}
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    assert [r.type for r in view.rows][1] == "BatchNorm1d"
    view.refresh()
    for k, b in net.named_buffers():
        same, version, value = buffers[k]
        assert b is same and b._version == version and torch.equal(b, value), k
    window.session.refresh_modified()
    assert not window.session.modified
