"""The loss history of a long run stays bounded and keeps the curve's shape and last step."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.loss_history import SMOOTHING, LossHistory


def test_a_million_steps_keep_at_most_capacity_points_and_the_last_step():
    h = LossHistory(capacity=1000)
    steps = np.arange(1, 1_000_001)
    for chunk in np.array_split(steps, 997):  # display ticks of uneven size
        h.extend(zip(chunk.tolist(), (1.0 / chunk).tolist(), strict=True))
    assert len(h) <= 1001
    assert h.steps[0] == 1 and h.steps[-1] == 1_000_000
    assert h.raw[-1] == 1e-6
    assert np.all(np.diff(h.steps) > 0)
    assert h.nbytes() == 3 * 1000 * 8  # fixed, whatever the length of the run


def test_the_smoothed_curve_is_the_moving_average_of_every_step_not_only_the_kept_ones():
    values = np.random.default_rng(0).random(5000)
    h = LossHistory(capacity=64)
    h.extend(enumerate(values.tolist(), start=1))
    ema = values[0]
    for v in values[1:]:
        ema = SMOOTHING * ema + (1 - SMOOTHING) * v
    assert h.smooth[-1] == ema


def test_kept_points_are_real_steps_evenly_spaced():
    h = LossHistory(capacity=16)
    h.extend((s, float(s * s)) for s in range(1, 201))
    kept = h.steps[:-1]
    assert np.all(h.raw == h.steps**2)  # every kept value is that step's own loss
    assert len(set(np.diff(kept))) == 1


@settings(max_examples=30, deadline=None)
@given(st.integers(4, 64), st.lists(st.integers(0, 50), max_size=40))
def test_any_tick_pattern_stays_within_capacity_and_ends_on_the_last_step(capacity, ticks):
    h = LossHistory(capacity=capacity)
    step = 0
    for n in ticks:
        h.extend((step + i + 1, float(i)) for i in range(n))
        step += n
    assert len(h) <= capacity + 1
    if step:
        assert h.steps[-1] == step and h.seen == step
    else:
        assert len(h) == 0


def test_a_long_cli_run_keeps_memory_flat(tmp_path, monkeypatch):
    """The issue's 1.3 MB a minute: the outcome's history no longer grows with the run."""
    from explorer.core.spec import LayerSpec, sequential
    from explorer.io import run_files
    from explorer.io.project import Project, save_project
    from explorer.io.run_files import TrainRequest, run_training

    monkeypatch.setattr(run_files, "HISTORY_POINTS", 20)

    path = tmp_path / "p.nnx.json"
    save_project(
        Project(sequential(LayerSpec.make("Linear", in_features=2, out_features=1),
                           input_shape=(4, 2)), "p"),
        path,
    )
    outcome = run_training(TrainRequest(project=str(path), data="linear", steps=500,
                                        batch_size=4, samples=64))
    assert outcome.steps == 500
    assert len(outcome.history) <= outcome.history.capacity + 1 == 21
    assert outcome.history.steps[-1] == 500
