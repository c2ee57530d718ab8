"""At 1280x800, in English and Chinese, every named control of every panel is shown whole.

Not clipped by a pane that is too small, not in the toolbar's overflow; a Linear's and a
Conv2d's arguments fit without scrolling; no action changes the window's size.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from explorer.core.spec import LayerSpec, sequential
from explorer.ui.shell import i18n
from explorer.ui.shell.visibility import TAB_CONTROLS, clipped, hidden_controls
from tests.ui.builder_helpers import click_row

SIZE = (1280, 800)


@pytest.fixture(params=["en", "zh_CN"])
def small_window(request, qtbot, settings):
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    i18n.install_language(request.param)
    try:
        w = MainWindow(Document(demo_spec()), settings=settings)
        qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
        w.resize(*SIZE)
        w.show()
        qtbot.waitUntil(lambda: w.ready)
        yield w
        w.mark_saved()
        w.close()
    finally:
        i18n.install_language("en")


def settle():
    for _ in range(4):
        QApplication.processEvents()


def test_named_controls_are_fully_visible_and_the_window_keeps_its_size(small_window, qtbot):
    window = small_window
    settle()
    assert hidden_controls(window) == []
    for tab in TAB_CONTROLS:
        window.show_tab(tab)
        settle()
        assert hidden_controls(window, tab) == [], tab

    doc = window.document
    doc.load_spec(
        sequential(
            LayerSpec.make("Conv2d", in_channels=1, out_channels=4, kernel_size=3),
            LayerSpec.make("Flatten"),
            LayerSpec.make("LazyLinear", out_features=10),
            LayerSpec.make("Linear", in_features=10, out_features=2),
            input_shape=(2, 1, 8, 8),
        )
    )
    props = window.part("properties")
    scroll = props.findChild(QScrollArea)
    for row, kind in ((1, "Conv2d"), (4, "Linear")):
        click_row(qtbot, window.part("canvas"), row)
        settle()
        assert set(props.fields) > {"name"}, kind
        cut = {n: clipped(f.widget) for n, f in props.fields.items() if clipped(f.widget)}
        assert cut == {} and scroll.verticalScrollBar().value() == 0, kind

    with qtbot.waitSignal(window.run_finished, timeout=10000):  # the LazyLinear takes its
        window.part("run_actions").actions["forward"].trigger()  # shape: Compare needs one
    window.part("run_actions")._compare()  # Run > Compare modes
    output = window.part("run_actions").output_view
    qtbot.waitUntil(output.compare_box.isVisible, timeout=10000)
    settle()
    assert (window.width(), window.height()) == SIZE


def _inside(item, view) -> bool:
    """``item`` (a placeholder sentence) lies within ``view`` and its text fits its width."""
    text = item.textItem.document()
    return (
        view.sceneBoundingRect().contains(item.sceneBoundingRect())
        and text.idealWidth() <= view.width()
    )


def test_empty_plots_say_why_inside_their_plot_with_no_scale(small_window, qtbot):
    window = small_window
    window.show_tab("TensorTab")
    settle()
    tensor = window.part("tensor_view")
    tensor.show_nothing()
    settle()
    for plot in (tensor.weight_map, tensor.grad_map):
        message = plot.message
        assert message.toPlainText() == window.tr("nothing selected") != ""
        assert _inside(message, plot.plot.vb), plot.plot.titleLabel.text
    for hist in (tensor.weight_hist, tensor.grad_hist):
        assert hist.placeholder.toPlainText() == window.tr("nothing selected")
        assert _inside(hist.placeholder, hist.plotItem.vb)
        assert not hist.plotItem.getAxis("bottom").style["showValues"]

    window.show_tab("HistoryTab")
    settle()
    history = window.part("history_view")
    assert history.empty.toPlainText().startswith(history.tr("No runs yet"))
    assert _inside(history.empty, history.plot.plotItem.vb)
    for side in ("left", "bottom"):  # no +-0.4 scale (with an x0.001 prefix) for no data
        axis = history.plot.plotItem.getAxis(side)
        assert not axis.style["showValues"] and axis.labelUnitPrefix == ""

    window.show_tab("TrainingTab")  # the loss plot before any run: a sentence, no 0-1 scale
    settle()
    loss = window.part("run_actions").training_view.loss_plot
    assert loss.placeholder.toPlainText().startswith(loss.tr("No runs yet"))
    assert _inside(loss.placeholder, loss.getPlotItem().vb)
    assert not loss.legend.isVisible()


@pytest.mark.parametrize("size", [(1280, 800), (1400, 900), (1920, 1080)])
def test_init_lab_key_sits_above_the_histogram_not_on_its_bars(small_window, qtbot, size):
    window = small_window
    window.resize(*size)
    window.show_tab("InitLabTab")
    lab = window.part("init_lab")
    plot = lab.plot
    qtbot.waitUntil(lambda: plot.histogram.xData is not None and len(plot.histogram.xData) > 0)
    settle()
    key = lab.key
    assert plot.tr("values") in key.text() and plot.tr("theory") in key.text()
    assert clipped(key) is None and clipped(plot) is None  # both whole, side by side
    key_bottom = key.mapTo(window, key.rect().bottomLeft()).y()
    assert key_bottom < plot.mapTo(window, plot.rect().topLeft()).y()  # above, not on the bars
    assert plot.getPlotItem().legend is None  # no legend item drawn inside the view


def test_the_grad_column_widens_when_a_backward_fills_it(small_window):
    import torch

    window = small_window
    tree = window.part("param_tree").tree
    window.document.net(torch.randn(2, 20)).sum().backward()
    window.document.notify_weights_changed()
    settle()
    grad = 6  # logical column "grad"
    texts = [tree.topLevelItem(0).child(0).child(i).text(grad) for i in range(2)]
    assert texts == ["(256, 20)", "(256)"]
    needed = max(tree.fontMetrics().horizontalAdvance(t) for t in texts)
    assert tree.columnWidth(grad) > needed  # was the width of "None": "(25…"


def test_init_lab_probe_plots_say_no_probe_yet_until_one_runs(small_window, qtbot):
    window = small_window
    window.show_tab("InitLabTab")
    settle()
    probe = window.part("init_lab").probe
    plots = (probe.plots.activations, probe.plots.gradients)
    for plot, placeholder in zip(plots, probe.plots.empty, strict=True):
        assert placeholder.toPlainText() == plot.tr("No probe yet")
        assert _inside(placeholder, plot.getPlotItem().vb)
        assert not plot.getPlotItem().getAxis("bottom").style["showValues"]  # no layer 0.2
    qtbot.mouseClick(probe.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(probe.results), timeout=30000)
    for plot, placeholder in zip(plots, probe.plots.empty, strict=True):
        assert placeholder.toPlainText() == ""
        assert plot.getPlotItem().getAxis("bottom").style["showValues"]


def test_one_relu_is_drawn_as_a_bar_not_a_block_filling_the_plot(small_window, qtbot):
    window = small_window
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    settle()
    (x0, x1), _ = view.dead_plot.getViewBox().viewRange()
    assert x1 - x0 >= 4 * 0.6  # the one bar (width 0.6) takes under a quarter of the width


def test_the_empty_autograd_graph_says_how_to_fill_it_within_its_view(small_window, qtbot):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    window = small_window
    window.show_tab("AutogradTab")
    settle()
    panel = window.bottom_tabs.currentWidget()
    graph = panel.graph

    def hints() -> list[tuple[str, object]]:
        # plain values only: a wrapper kept past scene.clear() crashes PySide when collected
        return [
            (item.text(), graph.mapFromScene(item.sceneBoundingRect()).boundingRect())
            for item in graph.scene().items()
            if isinstance(item, QGraphicsSimpleTextItem) and item.parentItem() is None
        ]

    ((text, shown),) = hints()
    assert text == graph.tr("Press Evaluate to draw the graph")
    assert graph.viewport().rect().contains(shown)
    qtbot.mouseClick(panel.evaluate_button, Qt.MouseButton.LeftButton)
    assert graph.nodes and hints() == []  # the graph replaced it


def _text_room(combo) -> int:
    """The width the combo box gives its current entry's text (its edit field)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = QStyle.SubControl.SC_ComboBoxEditField
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt, field, combo)
    return rect.width() - 4  # Fusion draws the label 2 px in from each side


@pytest.mark.parametrize("size", [(1280, 800), (1400, 900), (1920, 1080)])
def test_init_lab_form_shows_every_choice_whole_with_its_full_text_as_tooltip(
    small_window, qtbot, size
):
    window = small_window
    window.resize(*size)
    window.show_tab("InitLabTab")
    form = window.part("init_lab").form
    form.scope.setCurrentIndex(form.scope.findData("type"))  # the layer type row shows
    settle()
    assert form.layer_type.isVisible() and clipped(form.layer_type) is None
    for scheme in ("default", "custom"):  # the custom page shows the templates
        form.set_scheme(scheme)
        form.scheme.activated.emit(form.scheme.currentIndex())  # as a user's choice
        settle()
        combos = (form.scope, form.kind, form.scheme) + (
            (form.templates,) if scheme == "custom" else ()
        )
        for combo in combos:
            in_view = scheme == "default" or combo is form.templates  # custom code scrolls
            assert combo.isVisible() and (clipped(combo) is None or not in_view), combo
            room = _text_room(combo)
            for i in range(combo.count()):
                text = combo.itemText(i)
                assert combo.fontMetrics().horizontalAdvance(text) <= room, (text, room)
                full = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
                assert text in full or full[:3] == text[:3], (text, full)  # same entry, whole
            assert combo.toolTip() == combo.itemData(
                combo.currentIndex(), Qt.ItemDataRole.ToolTipRole
            )
    form.set_scheme("default")
    assert form.scheme.toolTip() == form.tr("PyTorch default (reset_parameters)")


@pytest.mark.parametrize("size", [(1280, 800), (1400, 900)])
def test_autograd_leaves_table_has_room_for_several_rows_and_every_input_shows(
    small_window, qtbot, size
):
    window = small_window
    window.resize(*size)
    window.show_tab("AutogradTab")
    panel = window.bottom_tabs.currentWidget()
    inputs = (
        panel.leaves,
        panel.code,
        panel.evaluate_button,
        panel.backward_button,
        panel.zero_button,
        panel.retain,
        panel.model_button,
        panel.gradient,
    )
    for press in (None, panel.evaluate_button, panel.backward_button):
        if press is not None:
            qtbot.mouseClick(press, Qt.MouseButton.LeftButton)
        settle()
        table = panel.leaves
        rows = table.viewport().height() // table.rowHeight(0)
        assert rows >= 4, rows  # was about 1.5 at 1280x800
        cut = [(w.objectName() or type(w).__name__, clipped(w)) for w in inputs if clipped(w)]
        assert cut == []
    assert panel.value.text() == "z = 15.0"  # the result and the grads show beside the graph
    assert clipped(panel.value) is None and clipped(panel.grads) is None
    assert panel.grads.text().splitlines() == ["x.grad = 8.0", "y.grad = 3.0"]


def test_the_training_data_choice_reads_whole_in_its_tooltip(small_window):
    window = small_window
    window.show_tab("TrainingTab")
    source = window.part("run_actions").training_view.source
    settle()
    for i in range(source.count()):
        source.setCurrentIndex(i)
        tip = source.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert source.toolTip() == f"{source.itemText(i)}\n{tip}"  # the box may elide the text
    source.setCurrentIndex(source.findData("teacher"))
    title = source.toolTip().splitlines()[0]
    assert title == source.tr("random teacher (fits the model)")


def test_an_empty_accuracy_line_leaves_no_gap_above_the_training_settings(small_window):
    window = small_window
    window.show_tab("TrainingTab")
    settle()
    tv = window.part("run_actions").training_view
    assert tv.accuracy.text() == "" and not tv.accuracy.isVisible()
    rate_bottom = tv.rate.mapTo(window, tv.rate.rect().bottomLeft()).y()
    # the first settings row: the data's label and Load file… (the choice spans the next)
    first_top = min(
        w.mapTo(window, w.rect().topLeft()).y() for w in (tv.data_label, tv.load_button)
    )
    assert first_top - rate_bottom < 2 * tv.rate.height()  # 36 px: a blank line and more
    tv.accuracy.setText("accuracy 50.0 %")
    settle()
    assert tv.accuracy.isVisible() and clipped(tv.accuracy) is None


@pytest.mark.parametrize("size", [(1280, 800), (1400, 900), (1920, 1080)])
def test_init_lab_histogram_has_room_beside_a_narrow_whole_probe_column(small_window, size):
    window = small_window
    window.resize(*size)
    window.show_tab("InitLabTab")
    settle()
    lab = window.part("init_lab")
    probe = lab.probe
    # was 122 px (en) and 138 px (zh) at 1280x800: the probe column would not go below 287 px
    assert lab.plot.width() >= (190 if size[0] < 1400 else 270), lab.plot.width()
    controls = (*probe.choices, probe.batch, probe.run_button, probe.example_button)
    assert [c.objectName() or type(c).__name__ for c in controls if clipped(c)] == []
    for combo in probe.choices:  # short entries read whole; the tooltip has the whole label
        room = _text_room(combo)
        for i in range(combo.count()):
            assert combo.fontMetrics().horizontalAdvance(combo.itemText(i)) <= room
            assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole) == probe._label(
                combo.itemData(i)
            )
    grid = probe.layout().itemAt(0).layout()
    for row, combo in enumerate(probe.choices):  # no gap between "A" and its choice
        letter = grid.itemAtPosition(row, 1).widget()
        assert combo.x() - (letter.x() + letter.sizeHint().width()) < 16, (size, combo.x())
    assert probe.example_button.toolTip().splitlines()[0] == probe.tr(
        "Open the deep tanh MLP example"
    )
