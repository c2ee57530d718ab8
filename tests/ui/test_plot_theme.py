"""One light plot theme, cell-centred integer heatmap ticks, a placeholder for a missing grad."""

import pyqtgraph as pg

from explorer.ui.common.plots.heatmap import cell_ticks
from explorer.ui.common.plots.theme import BACKGROUND


def test_every_plot_of_the_window_has_the_light_background(window):
    plots = window.findChildren(pg.GraphicsView)
    names = {p.window().objectName() for p in plots}
    assert len(plots) >= 8 and names == {"MainWindow"}
    dark = [
        type(p.parentWidget()).__name__
        for p in plots
        if p.backgroundBrush().color().name() != BACKGROUND.name()
    ]
    assert dark == []
    for view in (window.part("run_actions").output_view, window.part("run_actions").training_view):
        assert view.findChildren(pg.GraphicsView)  # Output and Training were black before


def test_heatmap_ticks_are_whole_indices_at_cell_centres():
    assert cell_ticks(3) == [(0.5, "0"), (1.5, "1"), (2.5, "2")]
    ticks = cell_ticks(256)
    assert all(label == str(int(x - 0.5)) for x, label in ticks)
    assert 3 <= len(ticks) <= 8 and ticks[1][0] - ticks[0][0] in (50, 100)


def test_a_parameter_without_grad_shows_no_gradient_yet_instead_of_a_line(window, qtbot):
    window.show_tab("TensorTab")
    view = window.part("tensor_view")
    window.selection.select_parameter("0.weight")
    qtbot.waitUntil(lambda: view.snaps[0] is not None)
    x, y = view.grad_hist.curve.getData()
    assert (x is None or len(x) == 0) and view.grad_hist.placeholder.toPlainText() == (
        "no gradient yet"
    )
    controller = window.part("run_actions").controller
    controller.forward()
    qtbot.waitUntil(lambda: not controller.runner.running, timeout=10000)
    controller.backward()
    qtbot.waitUntil(lambda: view.snaps[1] is not None, timeout=10000)
    assert view.grad_hist.placeholder.toPlainText() == ""
    assert view.grad_hist.curve.getData()[1].sum() == 256 * 20


def test_plot_menus_are_built_on_the_first_right_click_and_are_pyqtgraphs_own(window, qtbot):
    from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
    from PySide6.QtCore import QPoint, Qt

    views = [p.getPlotItem().getViewBox() for p in window.findChildren(pg.PlotWidget)]
    assert len(views) >= 5 and all(vb.menu is None for vb in views)  # none built yet
    plot = pg.PlotWidget()  # made after the window applied the theme, as every feature's plots
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    plot.show()
    qtbot.waitExposed(plot)
    vb = plot.getPlotItem().getViewBox()
    assert vb.menu is None and vb.menuEnabled()
    center = plot.viewport().rect().center()
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=QPoint(center))
    assert isinstance(vb.menu, ViewBoxMenu)
    qtbot.waitUntil(lambda: vb.menu.isVisible())
    texts = [a.text() for a in vb.menu.actions()]
    # pyqtgraph's own entries, with the plot's options (log scale, grid...) added to them
    assert "View All" in texts and "Plot Options" in texts
    vb.menu.close()
