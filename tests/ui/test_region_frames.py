"""A regions frame that would not change the picture does not repaint the data plot.

During a run the decision regions arrive at display rate; once the boundary settles most
grids are the same classes everywhere. Such a grid is not set again (no repaint of the
plot while the run waits for the GIL); a grid that differs is drawn at once.
"""

import numpy as np

from explorer.core.metrics import GridRequest
from explorer.ui.run.data_plot import DataPlot, region_lut


def shown_rgba(plot: DataPlot) -> np.ndarray:
    """The colours the regions image shows, per pixel (its data through its lookup table)."""
    return region_lut()[plot.regions.image]


def test_an_unchanged_grid_is_not_drawn_again_and_a_changed_one_is(qtbot):
    plot = DataPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.set_requests(GridRequest(-1.0, 1.0, -1.0, 1.0, resolution=8), None)
    first = np.zeros((8, 8), dtype=np.uint8)
    first[:, 4:] = 1
    plot.show_regions(first)
    assert plot.region_frames == 1 and plot.regions.isVisible()
    before = plot.grab().toImage()

    plot.show_regions(first.copy())  # the same classes: a new array, nothing to redraw
    assert plot.region_frames == 1
    assert plot.grab().toImage() == before
    assert np.array_equal(plot.regions.image, first)

    second = first.copy()
    second[0, 0] = 2  # one point changed class: drawn
    plot.show_regions(second)
    assert plot.region_frames == 2
    assert np.array_equal(plot.regions.image, second)
    assert (shown_rgba(plot)[0, 0] == region_lut()[2]).all()
    assert plot.grab().toImage() != before


def test_after_clearing_the_same_grid_is_drawn_again(qtbot):
    plot = DataPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.set_requests(GridRequest(-1.0, 1.0, -1.0, 1.0, resolution=8), None)
    grid = np.ones((8, 8), dtype=np.uint8)
    plot.show_regions(grid)
    plot.clear_model()  # another dataset or model: the picture is gone
    assert not plot.regions.isVisible()
    plot.show_regions(grid.copy())
    assert plot.region_frames == 2 and plot.regions.isVisible()
    assert np.array_equal(plot.last_grid, grid)
