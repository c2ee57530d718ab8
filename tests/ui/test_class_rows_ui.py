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
