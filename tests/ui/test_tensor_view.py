"""The Tensor tab: heatmap, histogram, exact statistics, editable values with undo."""

import math

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF, Qt

from explorer.core.spec import LayerSpec, sequential
from explorer.core.stats import tensor_stats
from tests.conftest import EXAMPLES

L = LayerSpec.make


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_editing_a_cell_writes_the_parameter_and_undo_restores_it(window, path):
    window.part("file_actions").open_example(path)
    net = window.document.net
    if "lazy" in path.name:
        net(torch.zeros(tuple(window.document.spec.input_shape)))
        window.document.notify_weights_changed()
    name, param = next(iter(net.named_parameters()))
    original = param.detach().clone()
    window.selection.select_parameter(name)
    values = window.part("tensor_view").values
    index = values.model_.index(0, 0)
    assert values.model_.setData(index, "100")  # what the cell editor commits
    expected = original.clone()
    expected.view(-1)[0] = 100.0
    assert torch.equal(dict(net.named_parameters())[name].detach(), expected)
    assert values.model_.index(0, 0).data() == "100"
    window.undo_stack.undo()
    assert torch.equal(dict(net.named_parameters())[name].detach(), original)
    assert values.model_.index(0, 0).data() == f"{float(original.view(-1)[0]):.6g}"


def test_typing_into_a_cell_of_the_tied_weight_changes_both_uses(window, qtbot):
    window.part("file_actions").open_example(next(p for p in EXAMPLES if "shared" in p.name))
    window.selection.select_parameter("4.weight")
    view = window.part("tensor_view")
    view.inner.setCurrentWidget(view.values)
    table = view.values.view
    index = view.values.model_.index(1, 2)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "100")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    net = window.document.net
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=2000)
    assert (
        float(net[2].weight.detach()[1, 2]) == 100.0
        and float(net[4].weight.detach()[1, 2]) == 100.0
    )
    assert window.undo_stack.undoText() == "Set 4.weight[1, 2] = 100"
    window.undo_stack.undo()
    assert float(net[4].weight.detach()[1, 2]) != 100.0


def test_bad_values_are_refused_with_a_message_and_change_nothing(window):
    window.selection.select_parameter("0.weight")
    before = window.document.net[0].weight.detach().clone()
    model = window.part("tensor_view").values.model_
    assert not model.setData(model.index(0, 0), "abc")
    assert model.setData(model.index(0, 0), "inf")
    assert "finite" in window.status_text()
    window.document.set_busy("training")
    model.setData(model.index(0, 0), "3")
    assert "training" in window.status_text()
    window.document.set_busy(None)
    assert torch.equal(window.document.net[0].weight.detach(), before)
    assert window.undo_stack.count() == 0


def test_a_large_parameter_is_drawn_reduced_with_exact_statistics(window):
    window.document.load_spec(
        sequential(L("Linear", in_features=1500, out_features=1100), input_shape=(2, 1500))
    )
    weight = window.document.net[0].weight
    with torch.no_grad():
        weight[1000, 1400] = -9.0
    window.selection.select_parameter("0.weight")
    snap, grad = window.part("tensor_view").snaps
    assert grad is None
    assert snap.image.reduced and max(snap.image.image.shape) <= 512
    assert snap.stats == tensor_stats(weight)
    assert snap.stats.min == -9.0 and np.nanmin(snap.image.image) == -9.0
    assert snap.hist.counts.sum() == weight.numel()
    heat = window.part("tensor_view").weight_map
    assert heat.image_item.image.shape == snap.image.image.shape
    assert "largest |value|" in heat.describe(1400.5, 1000.5)
    assert heat.bar.levels() == (-9.0, 9.0)  # symmetric around zero


def test_hovering_the_heatmap_names_the_index_and_value(window, qtbot):
    window.show_tab("TensorTab")
    window.selection.select_parameter("2.weight")
    heat = window.part("tensor_view").weight_map
    weight = window.document.net[2].weight.detach()
    qtbot.waitUntil(lambda: heat.isVisible())
    scene_pos = heat.plot.vb.mapViewToScene(QPointF(7.5, 3.5))
    heat.scene().sigMouseMoved.emit(scene_pos)
    assert heat.hover_text == f"[3, 7] = {float(weight[3, 7]):.6g}"


def test_conv_weights_get_a_slider_per_extra_dimension_and_a_tiled_grid(window):
    window.document.load_spec(
        sequential(
            L("Conv2d", in_channels=3, out_channels=4, kernel_size=3), input_shape=(1, 3, 8, 8)
        )
    )
    view = window.part("tensor_view")
    window.selection.select_parameter("0.weight")
    weight = window.document.net[0].weight.detach()
    assert len(view.sliders) == 2
    view.sliders[0].setValue(2)
    view.sliders[1].setValue(1)
    np.testing.assert_array_equal(view.snaps[0].image.image, weight[2, 1].numpy())
    assert view.values.model_.rowCount() == 3
    view.tile_box.setChecked(True)
    image = view.snaps[0].image
    assert image.tile == (3, 3) and image.image.shape == (4 * 4 - 1, 3 * 4 - 1)
    # kernel (2, 1) starts at row 2 * 4, column 1 * 4 (one-pixel gaps between kernels)
    assert (
        view.weight_map.describe(4 + 2.5, 8 + 1.5)
        == f"[2, 1, 1, 2] = {float(weight[2, 1, 1, 2]):.6g}"
    )
    assert view.snaps[0].stats == tensor_stats(weight)


def test_bin_count_and_log_axis_change_the_histogram(window):
    window.selection.select_parameter("0.weight")
    view = window.part("tensor_view")
    view.bins_spin.setValue(12)
    assert len(view.snaps[0].hist.counts) == 12
    x, y = view.weight_hist.curve.getData()
    assert len(x) == 13 and y.sum() == window.document.net[0].weight.numel()
    view.log_box.setChecked(True)
    _, y_log = view.weight_hist.curve.getData()
    np.testing.assert_allclose(y_log, np.log10(y + 1))


def test_update_ratio_after_a_step_is_the_relative_change(window, qtbot):
    window.selection.select_parameter("2.weight")
    qtbot.waitUntil(lambda: window.part("tensor_view").tracker.name == "2.weight")  # baseline taken
    weight = window.document.net[2].weight
    before = weight.detach().clone()
    with torch.no_grad():
        weight.mul_(1.01)
    window.document.notify_weights_changed()
    ratio = window.part("tensor_view").ratio
    assert ratio == pytest.approx(
        float((weight.detach() - before).norm() / before.norm()), rel=1e-5
    )
    assert window.part("tensor_view").stats_table.item(9, 0).text() == (
        f"{ratio:.3g} (last change of the weights)"
    )


def test_inspecting_an_output_shows_it_read_only(window):
    out = np.arange(12, dtype=np.float32).reshape(3, 4) - 5
    window.inspect_requested.emit("output", out)
    view = window.part("tensor_view")
    assert view.header.text().startswith("output  (3, 4)")
    np.testing.assert_array_equal(view.snaps[0].image.image, out)
    assert view.snaps[1] is None and not view.values.model_.editable
    assert view.snaps[0].stats.zeros == pytest.approx(1 / 12)
    assert window.bottom_tabs.currentWidget() is view
    assert not math.isnan(view.snaps[0].stats.std)


def test_nan_and_inf_in_an_inspected_array_are_counted_not_drawn_as_numbers(window):
    a = np.array([[1.0, np.nan], [np.inf, -2.0]], dtype=np.float32)
    window.inspect_requested.emit("input", a)
    stats = window.part("tensor_view").snaps[0].stats
    assert (stats.nan, stats.inf, stats.min, stats.max) == (1, 1, -2.0, 1.0)
    table = window.part("tensor_view").stats_table
    assert [table.item(r, 0).text() for r in (7, 8)] == ["1", "1"]


def test_an_empty_model_shows_only_the_model_row_and_no_tensor(window):
    window.selection.select_parameter("0.weight")
    window.part("file_actions").new()
    assert window.part("param_tree").entry_rows() == []
    assert window.part("param_tree").totals.text().startswith("parameters: 0")
    view = window.part("tensor_view")
    assert view.name == "" and window.session.shown is None  # nothing stale is shown
    assert view.header.text() == "Select a parameter, or inspect an input or output"
    window.show_tab("GradientsTab")  # a hidden tab catches up when shown
    assert window.part("gradflow_view").summary.text() == "The model has no parameters."


def test_deleting_the_shown_parameters_layer_shows_nothing_instead_of_a_stale_name(window):
    from explorer.core import edits

    window.selection.select_parameter("2.weight")
    view = window.part("tensor_view")
    assert view.name == "2.weight" == window.session.shown
    window.push_spec(edits.remove(window.document.spec, [(2,)]), "Delete")
    assert view.name == "" and window.session.shown is None
    window.undo_stack.undo()
    assert "2.weight" in window.document.net.state_dict()
