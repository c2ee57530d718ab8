"""Histogram bins come from the data, by numpy's "auto" rule, capped."""

import numpy as np
import torch

from explorer.core.stats import AUTO_BINS_MAX, auto_bins, histogram


def test_eight_values_get_numpys_auto_bin_count_not_fifty():
    t = torch.tensor([0.1, -0.3, 0.5, 0.2, -0.1, 0.0, 0.4, -0.2])
    h = histogram(t)
    expected, edges = np.histogram(t.numpy(), bins="auto")
    assert len(h.counts) == len(expected) < 10
    assert h.counts.tolist() == expected.tolist()
    assert np.allclose(h.edges, edges)


def test_a_large_normal_sample_is_capped():
    t = torch.randn(200_000, generator=torch.Generator().manual_seed(0))
    h = histogram(t)
    assert len(h.counts) == AUTO_BINS_MAX and h.counts.sum() == t.numel()


def test_auto_bins_of_a_constant_or_tiny_array_is_one():
    assert auto_bins(np.array([3.0]), 2.5, 3.5) == 1
    assert auto_bins(np.array([1.0, 1.0]), 1.0, 1.0) == 1
