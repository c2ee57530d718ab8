"""The History view's percentiles on the CPU (numpy selection, no mask copy when all is
finite) are torch.quantile's on the same sample, NaN and Inf still left out."""

import numpy as np
import torch

from explorer.core.monitor import _SAMPLE, PERCENTILES, percentiles


def torch_reference(t: torch.Tensor) -> np.ndarray:
    """What the probe computed before: mask, strided sample, torch.quantile, exact extremes."""
    flat = t.detach().float().reshape(-1)
    flat = flat[torch.isfinite(flat)]
    lo, hi = torch.aminmax(flat)
    sample = flat[:: max(1, flat.numel() // _SAMPLE)]
    q = torch.tensor([p / 100 for p in PERCENTILES[1:-1]])
    inner = torch.quantile(sample, q)
    return torch.cat([lo[None], inner, hi[None]]).numpy().astype(np.float64)


def test_a_large_weight_gives_torch_quantiles_of_the_same_sample():
    torch.manual_seed(0)
    w = torch.nn.Linear(1024, 1024).weight  # 1M values: a strided sample of 262k
    ww = w.detach()
    row = percentiles(w)
    np.testing.assert_allclose(row, torch_reference(w), rtol=1e-6, atol=1e-9)
    assert row[0] == float(ww.min()) and row[-1] == float(ww.max())  # extremes exact


def test_nan_and_inf_are_left_out_as_before():
    torch.manual_seed(1)
    t = torch.randn(5000)
    t[7], t[100], t[4000] = float("nan"), float("inf"), -float("inf")
    row = percentiles(t)
    assert np.isfinite(row).all()
    np.testing.assert_allclose(row, torch_reference(t), rtol=1e-6, atol=1e-9)
    assert np.isnan(percentiles(torch.full((4,), float("nan")))).all()


def test_small_integer_and_double_tensors_match_numpy():
    t = torch.arange(101, dtype=torch.int64)
    np.testing.assert_allclose(percentiles(t), np.percentile(np.arange(101), PERCENTILES))
    d = torch.randn(333, dtype=torch.float64)
    np.testing.assert_allclose(
        percentiles(d), np.percentile(d.numpy(), PERCENTILES), rtol=1e-6, atol=1e-7
    )
