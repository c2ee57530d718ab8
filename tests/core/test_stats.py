"""Tensor summaries: exact statistics, histograms on device, reduced pictures."""

import math

import numpy as np
import pytest
import torch

from explorer.core.stats import (
    UpdateTracker,
    as_matrix,
    display_image,
    histogram,
    snapshot,
    symmetric_levels,
    tensor_stats,
)


def test_statistics_match_torch_on_the_full_tensor():
    torch.manual_seed(1)
    t = torch.randn(300, 200)
    t[0, :10] = 0
    s = tensor_stats(t)
    assert s.numel == t.numel()
    assert s.mean == pytest.approx(float(t.mean()), abs=1e-6)
    assert s.std == pytest.approx(float(t.std()), rel=1e-5)
    assert (s.min, s.max) == (float(t.min()), float(t.max()))
    assert s.norm == pytest.approx(float(t.norm()), rel=1e-5)
    assert s.zeros == pytest.approx(float((t == 0).float().mean()))
    assert (s.nan, s.inf) == (0, 0)


def test_nan_and_inf_are_counted_and_left_out_of_the_moments():
    t = torch.tensor([1.0, 2.0, float("nan"), float("inf"), -float("inf"), 3.0])
    s = tensor_stats(t)
    assert (s.nan, s.inf) == (1, 2)
    assert (s.mean, s.min, s.max) == (2.0, 1.0, 3.0)
    assert s.norm == pytest.approx(math.sqrt(14))


def test_integer_buffers_and_scalars_have_statistics():
    s = tensor_stats(torch.tensor(7))
    assert (s.numel, s.mean, s.std, s.zeros) == (1, 7.0, 0.0, 0.0)


def test_histogram_counts_equal_numpy_and_every_element_is_binned():
    torch.manual_seed(2)
    t = torch.randn(10_000)
    h = histogram(t, bins=20)
    expected, edges = np.histogram(t.numpy(), bins=20, range=(float(t.min()), float(t.max())))
    assert h.counts.sum() == t.numel()
    assert np.abs(h.counts - expected).max() <= 2  # histc and numpy may split an edge value
    np.testing.assert_allclose(h.edges, edges, rtol=1e-6)


def test_a_large_matrix_is_reduced_but_keeps_its_extreme_value_and_exact_stats():
    torch.manual_seed(3)
    t = torch.randn(2048, 1536)
    t[1000, 777] = -50.0
    snap = snapshot(t, max_side=256)
    img = snap.image
    assert img.image.shape == (256, 256) and img.reduced
    assert (img.row_step, img.col_step) == (8, 6)
    assert img.image[1000 // 8, 777 // 6] == -50.0
    assert snap.stats == tensor_stats(t)  # the reduction never touches the statistics
    assert snap.hist.counts.sum() == t.numel()


def test_small_matrices_are_drawn_as_they_are():
    t = torch.arange(6.0).reshape(2, 3)
    img = display_image(t)
    np.testing.assert_array_equal(img.image, t.numpy())
    assert not img.reduced


def test_extra_dimensions_are_fixed_by_an_index_and_conv_kernels_can_be_tiled():
    t = torch.arange(2 * 3 * 4 * 5.0).reshape(2, 3, 4, 5)
    m, _ = as_matrix(t, (1, 2))
    assert torch.equal(m, t[1, 2])
    with pytest.raises(IndexError):
        as_matrix(t, (2, 0))
    grid, tile = as_matrix(t, tiled=True)
    assert tile == (4, 5) and grid.shape == (2 * 5 - 1, 3 * 6 - 1)
    assert torch.equal(grid[5:9, 6:11], t[1, 1])
    assert torch.isnan(grid[4, 0])


def test_vectors_are_one_row_and_levels_are_symmetric_around_zero():
    img = display_image(torch.tensor([-1.0, 0.5, 3.0]))
    assert img.image.shape == (1, 3)
    assert symmetric_levels(img.image) == (-3.0, 3.0)


def test_update_ratio_is_the_relative_change_since_the_last_look():
    w = torch.ones(4)
    tracker = UpdateTracker()
    assert tracker.observe("0.weight", w) is None
    w += torch.tensor([0.5, 0.0, 0.0, 0.0])
    assert tracker.observe("0.weight", w) == pytest.approx(0.5 / 2.0)
    assert tracker.observe("2.weight", w) is None  # another parameter starts over
