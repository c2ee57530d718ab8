"""At 1280x800 (and up), in English and Chinese: every Parameters column in view, whole.

The ``requires_grad`` column lay past the dock's right edge (the tree scrolled sideways) and
the Training tab's data choice was cut ("random teacher (fits the"). Names stay PyTorch's:
elided only as drawn, whole in the tooltip and in a copy.
"""

from __future__ import annotations

from collections import OrderedDict

import pytest
import torch
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QToolTip
from torch import nn

from explorer.core.spec import LayerSpec, sequential
from explorer.ui.inspect.name_column import cell_tip, elided
from tests.ui import test_layout_sizes
from tests.ui.test_layout_sizes import _text_room, settle

small_window = test_layout_sizes.small_window  # the main window at 1280x800, en and zh_CN

SIZES = [(1280, 800), (1400, 900), (1920, 1080)]


def backward(window) -> None:
    """Fill the grad column, as a user's Backward does."""
    net = window.document.net
    net(torch.randn(tuple(window.document.spec.input_shape))).sum().backward()
    window.document.notify_weights_changed()
    settle()


def columns_out_of_view(tree) -> list[str]:
    """Header sections (by title) that end past the viewport or whose title is cut."""
    header = tree.header()
    fm = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    width = tree.viewport().width()
    out = []
    for c in range(header.count()):
        title = tree.headerItem().text(c)
        left, size = header.sectionViewportPosition(c), header.sectionSize(c)
        title_fits = fm.size(0, title).width() + margin <= size
        if left < 0 or left + size > width or not title_fits:
            out.append(title)
    return out


def entry_indexes(tree_part):
    tree = tree_part.tree
    return [(row, tree.indexFromItem(row, 0)) for row in tree_part.entry_rows()]


@pytest.mark.parametrize("size", SIZES)
def test_every_parameter_column_is_in_view_and_whole_without_scrolling(small_window, size):
    window = small_window
    window.resize(*size)
    settle()
    part = window.part("param_tree")
    tree = part.tree
    backward(window)  # the grad column at its widest: "(256, 20)"
    assert not tree.horizontalScrollBar().isVisible()
    assert columns_out_of_view(tree) == []
    assert tree.headerItem().text(4).replace("\n", "") == part.tr("requires_grad")
    assert "requires_grad" in tree.headerItem().toolTip(4)
    names = [n for n, _ in window.document.net.named_parameters()]
    assert [row.text(0) for row in part.entry_rows()] == names  # PyTorch's names, unchanged
    for row, index in entry_indexes(part):  # the demo's names and every value read whole
        cut = [c for c in range(tree.columnCount()) if elided(tree, index.siblingAtColumn(c))]
        assert cut == [], (row.text(0), cut)
    assert [row.text(4) for row in part.entry_rows()] == ["True"] * 4


def _long_named_net() -> tuple[nn.Module, object]:
    """A d2l-style model with a long child name, as the app and as plain PyTorch build it."""
    name = "hidden_layer_with_a_long_name"
    spec = sequential(
        LayerSpec.make("Linear", name=name, in_features=20, out_features=256),
        LayerSpec.make("ReLU"),
        LayerSpec.make("Linear", name="out", in_features=256, out_features=10),
        input_shape=(2, 20),
    )
    twin = nn.Sequential(
        OrderedDict([(name, nn.Linear(20, 256)), ("1", nn.ReLU()), ("out", nn.Linear(256, 10))])
    )
    return twin, spec


def test_a_long_name_is_elided_as_drawn_but_whole_in_its_tooltip_and_copy(small_window, qtbot):
    window = small_window
    twin, spec = _long_named_net()
    window.document.load_spec(spec)
    settle()
    part = window.part("param_tree")
    tree = part.tree
    assert [r.text(0) for r in part.entry_rows()] == [n for n, _ in twin.named_parameters()]
    assert not tree.horizontalScrollBar().isVisible() and columns_out_of_view(tree) == []
    long_row = part.row_for("hidden_layer_with_a_long_name.weight")
    index = tree.indexFromItem(long_row, 0)
    assert elided(tree, index)  # drawn cut: it does not fit beside the values at 1280 px
    assert cell_tip(tree, index).splitlines() == [long_row.text(0), long_row.toolTip(0)]
    short = tree.indexFromItem(part.row_for("out.bias"), 0)
    assert not elided(tree, short) and cell_tip(tree, short) == part.row_for("out.bias").toolTip(0)

    tree.scrollToItem(long_row)
    settle()
    where = tree.visualRect(index).center()  # a real hover: the tooltip Qt shows
    QApplication.sendEvent(
        tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, where, tree.viewport().mapToGlobal(where))
    )
    assert QToolTip.text().splitlines()[0] == "hidden_layer_with_a_long_name.weight"
    QToolTip.hideText()

    tree.setFocus()
    long_row.setSelected(True)
    part.row_for("out.bias").setSelected(True)
    qtbot.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied == ["hidden_layer_with_a_long_name.weight", "out.bias"]
    assert all(name in twin.state_dict() for name in copied)


@pytest.mark.parametrize("size", SIZES)
def test_every_training_data_choice_reads_whole_in_its_box(small_window, size):
    window = small_window
    window.resize(*size)
    window.show_tab("TrainingTab")
    settle()
    tv = window.part("run_actions").training_view
    source = tv.source
    assert source.isVisible()
    room = _text_room(source)
    fm = source.fontMetrics()
    cut = [
        (source.itemText(i), fm.horizontalAdvance(source.itemText(i)), room)
        for i in range(source.count())
        if fm.horizontalAdvance(source.itemText(i)) > room
    ]
    assert cut == []  # was 192 px for "random teacher (fits the model)" in 144 px
    source.setCurrentIndex(source.findData("teacher"))
    assert source.currentText() == source.tr("random teacher (fits the model)")
    assert tv.data_label.text() == tv.tr("Data") and tv.data_label.buddy() is source


def test_a_long_data_file_name_is_shortened_in_the_plot_title_and_the_data_stays_in_view(
    small_window, tmp_path
):
    from explorer.ui.shell.visibility import title_cut

    window = small_window
    window.show_tab("TrainingTab")
    settle()
    tv = window.part("run_actions").training_view
    path = tmp_path / "measurements_from_the_second_lab_session_2026.pt"
    torch.save({"X": torch.randn(300, 20), "y": torch.randn(300, 10)}, path)
    assert tv.use_file(str(path))
    settle()
    plot = tv.data_plot
    whole = tv.tr("{0}: {1} train, {2} held out").format(path.name, 240, 60)
    shown = plot.getPlotItem().titleLabel.text
    assert plot.toolTip() == whole != shown and shown.endswith("…")
    assert whole.startswith(shown[:-1])
    assert not title_cut(plot)
    box = plot.getPlotItem().vb.sceneBoundingRect()  # the samples' area, right side included
    assert box.left() >= 0 and box.right() <= plot.viewport().width()  # was cut at 1280 px


def test_shrink_to_lowers_only_the_widest_columns_to_one_level():
    from explorer.ui.inspect.name_column import shrink_to

    widths = {1: 153, 2: 49, 3: 45, 4: 62, 5: 43, 6: 38}
    assert shrink_to(widths, 400, 40) == widths  # fits: unchanged
    out = shrink_to(widths, 347, 40)  # 43 px too many: the widest alone gives them up
    assert out == {**widths, 1: 110} and sum(out.values()) == 347
    out = shrink_to({1: 100, 2: 100, 3: 30}, 150, 40)  # two at one level, the narrow kept
    assert out == {1: 60, 2: 60, 3: 30}
    assert shrink_to({1: 100, 2: 90}, 50, 40) == {1: 40, 2: 40}  # the floor holds: it scrolls


def test_a_lazy_model_keeps_its_names_whole_and_gives_the_uninitialized_shape_way(small_window):
    window = small_window
    spec = sequential(
        LayerSpec.make("LazyLinear", out_features=256),
        LayerSpec.make("ReLU"),
        LayerSpec.make("LazyLinear", out_features=10),
        input_shape=(2, 20),
    )
    window.document.load_spec(spec)
    settle()
    part = window.part("param_tree")
    tree = part.tree
    twin = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
    assert [r.text(0) for r in part.entry_rows()] == [n for n, _ in twin.named_parameters()]
    assert not tree.horizontalScrollBar().isVisible() and columns_out_of_view(tree) == []
    for row, index in entry_indexes(part):
        assert not elided(tree, index), row.text(0)  # the names whole, "0.weight" not "0.…ht"
        shape = index.siblingAtColumn(1)
        assert row.text(1) == "? UninitializedParameter"  # the text itself is unchanged
        assert elided(tree, shape)  # the 153 px text gave way, and reads whole on hover
        assert cell_tip(tree, shape).splitlines()[0] == "? UninitializedParameter"
    twin(torch.randn(2, 20))
    window.document.net(torch.randn(2, 20))  # the first forward materializes the weights
    window.document.notify_weights_changed()
    settle()
    shapes = {n: str(tuple(p.shape)).replace(",)", ")") for n, p in twin.named_parameters()}
    assert {r.text(0): r.text(1) for r in part.entry_rows()} == shapes
    for row, index in entry_indexes(part):  # the Shape column has its whole width back
        assert not any(elided(tree, index.siblingAtColumn(c)) for c in range(7)), row.text(0)
    assert columns_out_of_view(tree) == []
