"""The Summary and Activations tabs of a Python class: one row per module, PyTorch's names.

The notes' MLP is opened through the real trust prompt and class dialog; the rows shown
are compared with forward hooks on a hand-made ``HandMLP`` (same class, same weights).
"""

import torch

from explorer.core.format import group_digits, shape_text
from tests.io.test_class_rows import hooked_outputs
from tests.io.test_module_file import HandMLP
from tests.ui.test_class_model import open_class


def test_the_notes_mlp_summary_lists_hidden_and_out_with_their_shapes_and_counts(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    window.show_tab("SummaryTab")
    table = window.part("summary_view").table
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    hand = HandMLP()
    shape = tuple(window.document.spec.input_shape)
    outs = hooked_outputs(hand, torch.zeros(shape))
    shown = [[table.item(r, c).text().strip() for c in range(4)] for r in range(2)]
    assert shown == [
        [
            key,
            f"Linear({m.in_features} -> {m.out_features})",
            shape_text(tuple(outs[key].shape)),
            group_digits(sum(p.numel() for _, p in m.named_parameters())),
        ]
        for key, m in (("hidden", hand.hidden), ("out", hand.out))
    ]
    assert (
        window.part("summary_view")
        .totals.text()
        .startswith("Total params: " + group_digits(sum(p.numel() for p in hand.parameters())))
    )


def test_the_notes_mlp_activations_are_hidden_then_out_as_hooks_see_them(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 2)
    hand = HandMLP()
    hand.load_state_dict(window.document.net.state_dict())
    outs = hooked_outputs(hand, view.batch())
    assert [view.layers.item(i).text().split()[:2] for i in range(2)] == [
        ["hidden", "Linear"],
        ["out", "Linear"],
    ]
    for r in view.rows:
        assert r.shape == tuple(outs[r.layer].shape)
        assert abs(r.mean - float(outs[r.layer].mean())) < 1e-6
    view.layers.setCurrentRow(1)
    assert "out" in view.hist.plotItem.titleLabel.text
    plot = view.dead_plot.plotItem  # F.relu is no module: the dead-units plot says so
    assert view.dead_empty.toPlainText() == view.tr("No ReLU layer: no dead units to count.")
    assert not plot.getAxis("left").style["showValues"]


def test_a_module_called_twice_shows_a_row_per_call_in_activations_and_summary(
    window, qtbot, monkeypatch, tmp_path
):
    """The book's FixedHiddenMLP runs ``self.linear`` twice: two rows, as hooks see it."""
    from tests.io.test_class_rows import hand_class
    from tests.io.test_module_called_twice import FIXED_HIDDEN_MLP, hooked_calls

    open_class(window, qtbot, monkeypatch, tmp_path, text=FIXED_HIDDEN_MLP, shape="2, 20")
    net = window.document.net
    assert type(net).__name__ == "FixedHiddenMLP"
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 2)
    hand = hand_class(FIXED_HIDDEN_MLP, "FixedHiddenMLP")()
    hand.load_state_dict(net.state_dict())
    hand.rand_weight = net.rand_weight
    calls = hooked_calls(hand, view.batch(), leaves_only=True)
    shown = [view.layers.item(i).text().split("  ")[:2] for i in range(view.layers.count())]
    assert shown == [["linear", "Linear"], ["linear (call 2)", "Linear"]]
    for r, (key, y) in zip(view.rows, calls, strict=True):
        assert r.layer == key and r.shape == tuple(y.shape)
        assert abs(r.mean - float(y.mean())) < 1e-6
        assert abs(r.std - float(y.std(correction=0))) < 1e-6
    view.layers.setCurrentRow(1)
    assert view.hist.toolTip() == "output of linear (call 2) Linear, shape (2, 20)"
    # the title, shortened at its end if need be, never widens the plot past its view
    qtbot.wait(50)  # the axis settles its width, and the title follows
    assert view.hist.plotItem.minimumWidth() <= view.hist.width()

    window.show_tab("SummaryTab")
    table = window.part("summary_view").table
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    rows = [[table.item(r, c).text().strip() for c in (0, 2, 3)] for r in range(2)]
    n = sum(p.numel() for p in hand.parameters())
    assert rows == [
        ["linear", "(2, 20)", group_digits(n)],
        ["linear (call 2)", "(2, 20)", "(shared)"],
    ]
