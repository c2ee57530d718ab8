"""Init lab: choose a scheme, click Apply; the model has plain PyTorch's values; undo restores."""

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from explorer.resources import examples_dir


@pytest.fixture
def lab(window):
    # pytest-qt closes the window before the window fixture marks the stack clean, so a test
    # that ends with an applied init would wait on the "unsaved changes" dialog
    window.close_guards.insert(0, lambda: window.mark_saved() or True)
    window.show_tab("InitLabTab")
    return window.part("init_lab")


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_apply_xavier_to_all_weights_equals_plain_pytorch_and_fits_the_theory(window, lab, qtbot):
    net = window.document.net
    before = {k: v.clone() for k, v in net.state_dict().items()}
    choose(lab.form.scope, "model")
    choose(lab.form.kind, "weight")
    choose(lab.form.scheme, "xavier_uniform")
    lab.form.seed.setValue(1)
    assert "nn.init.xavier_uniform_(net[2].weight, gain=1)" in lab.form.contract.toPlainText()
    click(qtbot, lab.form.apply_button)

    reference = [before["0.weight"].clone(), before["2.weight"].clone()]
    torch.manual_seed(1)
    for t in reference:
        nn.init.xavier_uniform_(t)
    assert torch.equal(net[0].weight, reference[0]) and torch.equal(net[2].weight, reference[1])
    assert torch.equal(net[0].bias, before["0.bias"])  # biases were not targeted
    lab.show_parameter("0.weight")
    stats = lab.stats.text()
    assert "√(6 / (20 + 256)) = 0.1474" in stats and "consistent with the theory" in stats
    assert lab.mode.text() == "current values"
    assert "Initialize 2 tensor(s) with xavier_uniform_" in window.status_text()

    window.undo_stack.undo()
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())
    window.undo_stack.redo()
    assert torch.equal(net[0].weight, reference[0])


def test_xavier_on_biases_is_refused_in_place_and_nothing_changes(window, lab, qtbot):
    before = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    choose(lab.form.scope, "model")
    choose(lab.form.kind, "all")
    choose(lab.form.scheme, "kaiming_normal")
    click(qtbot, lab.form.apply_button)
    assert lab.form.error.isVisible() and "0.bias (256,)" in lab.form.error.text()
    assert all(torch.equal(before[k], v) for k, v in window.document.net.state_dict().items())
    assert window.undo_stack.count() == 0


def test_preview_shows_the_values_without_changing_the_model(window, lab, qtbot):
    before = window.document.net[0].weight.clone()
    choose(lab.form.scheme, "constant")
    lab.form.arg_widgets["val"].setValue(0.1)
    click(qtbot, lab.form.preview_button)
    assert torch.equal(window.document.net[0].weight, before)
    assert lab.mode.text() == "preview (not applied)"
    assert "every value is 0.1" in lab.stats.text() and "D = 0 (" in lab.stats.text()


def test_custom_code_errors_show_the_line_and_the_book_my_init_applies(
    window, lab, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    net = window.document.net
    before = {k: v.clone() for k, v in net.state_dict().items()}
    choose(lab.form.scheme, "custom")
    lab.form.editor.setPlainText("def my_init(m):\n    if True\n        pass\n")
    click(qtbot, lab.form.apply_button)
    assert "line 2: SyntaxError" in lab.form.error.text()
    assert lab.form.editor.error_line == 2
    lab.form.editor.setPlainText("def my_init(m):\n    m.weight.fill_(1)\n")
    click(qtbot, lab.form.apply_button)
    assert "line 2: AttributeError" in lab.form.error.text()
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())
    assert window.undo_stack.count() == 0

    # the book's my_init replaces the edited code once the user agrees
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    lab.form.templates.activated.emit(0)
    click(qtbot, lab.form.apply_button)
    assert not lab.form.error.isVisible()
    w = net[0].weight
    assert bool(((w == 0) | (w.abs() >= 5)).all()) and float((w == 0).float().mean()) > 0.3
    assert "Init weight torch.Size([256, 20])" in lab.form.output.text()
    window.undo_stack.undo()
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())


def test_lazy_model_is_refused_then_a_forward_makes_it_initializable(window, lab, qtbot):
    window.part("file_actions").open_example(examples_dir() / "06-lazy-mlp.nnx.json")
    assert lab.form.lazy_banner.isVisible()
    choose(lab.form.scheme, "normal")
    click(qtbot, lab.form.apply_button)
    assert "only in the first forward pass" in lab.form.error.text()
    assert "not initialized yet" in window.status_text()
    click(qtbot, lab.form.materialize_button)
    assert not lab.form.lazy_banner.isVisible()
    assert tuple(window.document.net[0].weight.shape) == (256, 20)
    click(qtbot, lab.form.apply_button)
    assert window.undo_stack.count() == 1 and not lab.form.error.isVisible()


def test_the_shown_parameter_follows_the_shared_selection(window, lab):
    window.selection.select_parameter("2.bias")
    assert lab.parameter.currentData() == "2.bias"
    assert lab.stats.text().startswith("<b>2.bias</b> 10")


def test_depth_probe_compares_default_and_xavier_on_the_deep_tanh_mlp(window, lab, qtbot):
    click(qtbot, lab.probe.example_button)
    assert len(window.document.spec.children) == 21
    click(qtbot, lab.probe.run_button)
    a, b = lab.probe.results
    assert a.label == "PyTorch default" and b.label.startswith("xavier_uniform_, gain 5/3")
    summary = lab.probe.summary.text()
    assert "vanishing" in summary and "about constant" in summary
    xs, ys = lab.probe.plots.series["act"][0].getData()
    assert len(xs) == 21 and ys[-2] < ys[0]


def test_selected_layers_scope_initializes_only_the_selected_layer(window, lab, qtbot):
    net = window.document.net
    first = net[0].weight.clone()
    last_layer_id = window.document.spec.children[2].id
    window.selection.select_layers([last_layer_id])
    choose(lab.form.scope, "layers")
    choose(lab.form.scheme, "zeros")
    assert "2.weight, 2.bias" in lab.form.target_summary.text()
    click(qtbot, lab.form.apply_button)
    assert not net[2].weight.any() and not net[2].bias.any()
    assert torch.equal(net[0].weight, first)


def test_apply_is_refused_while_a_run_uses_the_model(window, lab, qtbot):
    before = window.document.net[0].weight.clone()
    window.document.set_busy("training")
    try:
        choose(lab.form.scheme, "ones")
        click(qtbot, lab.form.apply_button)
    finally:
        window.document.set_busy(None)
    assert "Cannot initialize now: training" in window.status_text()
    assert torch.equal(window.document.net[0].weight, before)


def test_the_plot_follows_what_was_just_initialized(window, lab, qtbot):
    lab.show_parameter("0.weight")
    choose(lab.form.scope, "model")
    choose(lab.form.kind, "bias")
    choose(lab.form.scheme, "zeros")
    click(qtbot, lab.form.apply_button)
    assert not window.document.net[0].bias.any()
    assert lab.parameter.currentData() == "0.bias"  # not the untouched 0.weight
    assert lab.stats.text().startswith("<b>0.bias</b>")


def test_the_theory_line_names_the_whole_scheme_not_the_boxs_short_entry(window, lab, qtbot):
    choose(lab.form.scheme, "default")
    assert lab.form.scheme.currentText() == "PyTorch default"  # the box's short entry
    lab.show_parameter("0.weight")
    assert "theory</b> (PyTorch default (reset_parameters))" in lab.stats.text()


def assert_probe_empty(probe) -> None:
    """No curve, the "No probe yet" sentence, no numbers on the axes, the intro summary."""
    assert probe.results == []
    for key in ("act", "grad"):
        for item in probe.plots.series[key]:
            xs, ys = item.getData()
            assert xs is None or len(xs) == 0, key
    for plot, placeholder in zip(
        (probe.plots.activations, probe.plots.gradients), probe.plots.empty, strict=True
    ):
        assert placeholder.textItem.toPlainText() == "No probe yet"
        for side in ("left", "bottom"):
            assert not plot.getPlotItem().getAxis(side).style["showValues"]
        # the sentence's range, not one shifted by the other plot (linked) to -0.08..1
        assert plot.getViewBox().viewRange()[0] == pytest.approx([0, 1])
        assert plot.getPlotItem().getAxis("bottom")._tickLevels is None  # no old layer keys
    assert probe.summary.text().startswith("Run probe:")


def run_probe(qtbot, probe) -> None:
    click(qtbot, probe.run_button)
    xs, _ = probe.plots.series["act"][0].getData()
    assert len(probe.results) == 2 and len(xs) > 0
    assert probe.plots.empty[0].textItem.toPlainText() == ""


def test_file_new_or_another_example_drops_the_old_models_probe_curves(window, lab, qtbot):
    probe = lab.probe
    assert_probe_empty(probe)
    run_probe(qtbot, probe)
    window.mark_saved()  # no "save changes?" prompt
    window.part("file_actions").new()
    assert window.document.spec.children == ()
    qtbot.wait(50)  # laid out and painted, as the user sees it
    assert_probe_empty(probe)
    # no parameters: the histogram says so instead of the last model's scale
    assert lab.plot.empty.textItem.toPlainText() == "No values to show"
    assert not lab.plot.getPlotItem().getAxis("bottom").style["showValues"]
    click(qtbot, probe.example_button)  # the deep tanh MLP: probe it, then open another example
    run_probe(qtbot, probe)
    assert len(probe.plots.series["act"][0].getData()[0]) == 21
    window.mark_saved()
    assert window.trigger("example_02-mlp")
    assert len(window.document.spec.children) == 3
    qtbot.wait(50)
    assert_probe_empty(probe)
    assert lab.plot.empty.textItem.toPlainText() == ""  # the new model's values are shown


def test_an_edit_of_the_model_drops_the_probe_of_the_old_layers(window, lab, qtbot):
    """The curves had a point per layer of the model probed: a cut model has fewer."""
    probe = lab.probe
    click(qtbot, probe.example_button)  # the deep tanh MLP, 21 layers
    run_probe(qtbot, probe)
    spec = window.document.spec
    cut = spec.__class__(children=spec.children[:4], input_shape=spec.input_shape, dtype=spec.dtype)
    assert window.push_spec(cut, "cut")
    qtbot.wait(50)
    assert_probe_empty(probe)
    run_probe(qtbot, probe)  # probing the edited model draws its 4 layers
    assert len(probe.plots.series["act"][0].getData()[0]) == 4


def test_new_weights_drop_a_probe_of_the_current_values_only(window, lab, qtbot):
    probe = lab.probe
    click(qtbot, probe.example_button)
    run_probe(qtbot, probe)  # PyTorch default vs Xavier: fresh draws, not the weights
    net = window.document.net
    with torch.no_grad():
        net[0].weight.mul_(10.0)
    window.document.notify_weights_changed()
    assert len(probe.results) == 2  # still true of this model
    choose(probe.choices[0], "current")
    run_probe(qtbot, probe)
    assert probe.results[0].label == "current values"
    with torch.no_grad():
        net[0].weight.mul_(0.1)  # the values it probed are gone
    window.document.notify_weights_changed()
    assert_probe_empty(probe)
