"""Watching a run: the views' probes feed History, Gradients, Activations and the Tensor tab.

The run engine calls ``window.run_probes`` in its worker and emits ``run_progressed``;
here a run is simulated by training by hand and emitting Progress with the probes' output.
"""

import numpy as np
import pytest
import torch

from explorer.core.progress import Progress


def train_and_report(window, steps, lr=0.1, every=1):
    net = window.document.net
    torch.manual_seed(0)
    x = torch.randn(tuple(window.document.spec.input_shape))
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    window.document.set_busy("training")
    for step in range(1, steps + 1):
        opt.zero_grad()
        net(x).pow(2).mean().backward()
        opt.step()
        if step % every == 0:
            probes = {name: probe(net, x) for name, probe in window.run_probes.items()}
            window.run_progressed.emit(Progress(step=step, total=steps, probes=probes))
    window.document.set_busy(None)
    return x


def test_history_records_percentile_bands_per_parameter_over_steps(window):
    window.show_tab("HistoryTab")
    window.selection.select_parameter("2.weight")
    train_and_report(window, 6)
    view = window.part("history_view")
    assert view.param.currentText() == "2.weight"
    steps, rows = view.history.series("2.weight")
    assert list(steps) == [1, 2, 3, 4, 5, 6]
    w = window.document.net[2].weight.detach()
    assert rows[-1][0] == float(w.min()) and rows[-1][-1] == float(w.max())
    x, y = view.lines[3].getData()
    np.testing.assert_array_equal(y, rows[:, 3])
    view.slider.setValue(2)
    assert view.readout.text().startswith("step 3:")
    assert view.cursor.value() == 3


def test_gradient_flow_marks_a_vanishing_layer_after_a_hand_backward(window):
    window.show_tab("GradientsTab")
    view = window.part("gradflow_view")
    assert "None" in view.summary.text()
    net = window.document.net
    net(torch.randn(2, 20)).sum().backward()
    net[0].weight.grad.zero_()
    net[0].bias.grad.zero_()
    window.document.notify_weights_changed()
    assert view.layer_states() == {"0": "vanishing", "2": "ok"}
    assert "0 vanishing" in view.summary.text()


def test_gradient_flow_follows_the_run_through_its_probe(window):
    train_and_report(window, 2, lr=1e4)
    states = window.part("gradflow_view").layer_states()
    assert set(states) == {"0", "2"} and "exploding" in states.values()


def test_activations_show_each_output_and_dead_relu_share(window):
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    assert [r.layer for r in view.rows] == ["0", "1", "2"]  # filled when first shown
    net = window.document.net
    with torch.no_grad():
        net[0].bias.fill_(-100.0)  # every hidden unit dead
    x = train_and_report(window, 1, lr=0.0)
    relu = view.rows[1]
    assert relu.type == "ReLU" and relu.dead == 1.0
    assert "dead 100%" in view.layers.item(1).text()
    view.layers.setCurrentRow(2)
    out = net(x).detach()
    assert view.hist.hist.counts.sum() == out.numel()


def test_the_tensor_tab_follows_the_run_and_reports_the_update_ratio(window):
    window.show_tab("TensorTab")
    window.selection.select_parameter("0.weight")
    before = window.document.net[0].weight.detach().clone()
    train_and_report(window, 4, every=2)
    view = window.part("tensor_view")
    after = window.document.net[0].weight.detach()
    assert view.snaps[0].stats.mean == pytest.approx(float(after.mean()), abs=1e-7)
    assert view.snaps[1] is not None  # the gradient is shown next to the weight
    assert view.ratio_span == "(steps 3–4)" and view.ratio > 0  # between the probe's looks
    assert view.stats_table.item(9, 0).text().endswith(" (steps 3–4)")
    assert not torch.equal(before, after)
