"""The core training loop is a plain PyTorch loop, yielded at display rate, with named failures."""

import copy
import itertools
import math

import pytest
import torch
from torch import nn

from explorer.core.data import DataSpec, from_tensors, make_dataset
from explorer.core.diagnose import RunError
from explorer.core.losses import OptimizerConfig
from explorer.core.training import RunControl, TrainConfig, batch_indices, train


def small_net(seed=0, dropout=0.2):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Dropout(dropout), nn.Linear(16, 3))


def run_all(gen):
    progress = []
    while True:
        try:
            progress.append(next(gen))
        except StopIteration as stop:
            return progress, stop.value


def ticking_clock(dt):
    t = [0.0]

    def clock():
        t[0] += dt
        return t[0]

    return clock


@pytest.mark.parametrize(
    "opt",
    [
        OptimizerConfig("sgd", 0.1, momentum=0.9, weight_decay=1e-3),
        OptimizerConfig("adam", 0.01),
        OptimizerConfig("adamw", 0.01, weight_decay=0.01),
        OptimizerConfig("rmsprop", 0.01, momentum=0.5),
    ],
)
def test_training_equals_a_hand_written_loop_bit_for_bit(opt):
    data = make_dataset(DataSpec("spiral", n=150, noise=0.1, seed=4, eval_fraction=0.2))
    net = small_net()
    hand = copy.deepcopy(net)
    config = TrainConfig(opt, "cross_entropy", batch_size=32, steps=None, epochs=3, seed=7)
    progress, result = run_all(train(net, data, config))

    # the loop a person writes, with the same seed (120 samples: the last batch has 24)
    torch.manual_seed(7)
    g = torch.Generator().manual_seed(7)
    cls = {
        "sgd": torch.optim.SGD,
        "adam": torch.optim.Adam,
        "adamw": torch.optim.AdamW,
        "rmsprop": torch.optim.RMSprop,
    }[opt.name]
    kwargs = {"momentum": opt.momentum} if opt.name in ("sgd", "rmsprop") else {}
    optimizer = cls(hand.parameters(), lr=opt.lr, weight_decay=opt.weight_decay, **kwargs)
    losses = []
    for _epoch in range(3):
        for idx in torch.randperm(len(data.X), generator=g).split(32):
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(hand(data.X[idx]), data.y[idx])
            loss.backward()
            optimizer.step()
            losses.append(loss.item())

    assert result.steps == 3 * math.ceil(120 / 32) == len(losses)
    assert [v for p in progress for _, v in p.losses] == losses
    for (name, a), b in zip(net.state_dict().items(), hand.state_dict().values(), strict=True):
        assert torch.equal(a, b), name


def test_progress_comes_at_display_rate_and_covers_every_step_once():
    data = make_dataset(DataSpec("moons", n=64, seed=1))
    config = TrainConfig(OptimizerConfig("sgd", 0.1), "cross_entropy", batch_size=8, steps=200)
    # each clock read advances 1 ms: a 20 Hz display gets far fewer updates than steps
    progress, _ = run_all(train(small_net(dropout=0.0), data, config, clock=ticking_clock(0.001)))
    assert 2 <= len(progress) < 50
    assert [s for p in progress for s, _ in p.losses] == list(range(1, 201))
    assert progress[-1].step == progress[-1].total == 200
    assert progress[-1].steps_per_s > 0


def test_yield_now_makes_the_next_step_yield_for_single_stepping():
    data = make_dataset(DataSpec("moons", n=64, seed=1))
    control = RunControl()
    gen = train(
        small_net(),
        data,
        TrainConfig(steps=1000, loss="cross_entropy"),
        control=control,
        clock=lambda: 0.0,
    )  # the clock never ticks: only yield_now makes it yield
    control.yield_now = True
    assert next(gen).step == 1
    control.yield_now = True
    assert next(gen).step == 2
    gen.close()


def test_held_out_loss_and_probes_arrive_in_progress():
    data = make_dataset(DataSpec("blobs", n=100, seed=2, eval_fraction=0.3))
    control = RunControl()
    probes = {
        "batch": lambda net, xb: tuple(xb.shape),
        "broken": lambda net, xb: 1 / 0,
    }
    progress, result = run_all(
        train(
            small_net(),
            data,
            TrainConfig(steps=5, loss="cross_entropy", batch_size=10),
            probes=probes,
            control=control,
            clock=lambda: 0.0,  # one tick, at the end: deterministic on a busy machine
        )
    )
    assert progress[-1].probes == {"batch": (10, 2)}
    assert control.warnings and "probe broken failed: ZeroDivisionError" in control.warnings[0]
    assert result.eval_loss is not None and progress[-1].eval_loss == result.eval_loss


def test_nan_in_the_data_stops_training_and_names_the_first_step_and_layer():
    data = make_dataset(DataSpec("moons", n=64, seed=1, eval_fraction=0))
    x = data.X.clone()
    x[37, 0] = float("nan")
    data = from_tensors("poisoned", x, data.y)
    first = next(i for i, idx in enumerate(batch_indices(64, 8, 0), 1) if 37 in idx.tolist())
    with pytest.raises(RunError) as err:
        run_all(
            train(small_net(), data, TrainConfig(steps=100, loss="cross_entropy", batch_size=8))
        )
    assert err.value.kind == "nonfinite" and err.value.step == first
    assert f"training stopped at step {first}" in str(err.value)
    assert "layer 0 (Linear)" in str(err.value)
    message = err.value.args[0]  # a Message: the UI shows it translated, the CLI in English
    assert message.msgid.startswith("training stopped at step {step}")
    assert message.fields["step"] == first and "layer 0 (Linear)" in str(message.fields["where"])


def test_the_finite_losses_before_a_nan_arrive_before_the_error():
    """A tick that holds the NaN step first hands over the finite losses before it, so the
    curve shows the steps that ran; they equal a hand loop's, and then the run stops."""
    data = make_dataset(DataSpec("moons", n=64, seed=1, eval_fraction=0))
    x = data.X.clone()
    x[37, 0] = float("nan")
    data = from_tensors("poisoned", x, data.y)
    first = next(i for i, idx in enumerate(batch_indices(64, 8, 0), 1) if 37 in idx.tolist())
    config = TrainConfig(steps=20, loss="cross_entropy", batch_size=8)
    gen = train(small_net(dropout=0), data, config, clock=lambda: 0.0)  # one tick, at the end
    seen = []
    with pytest.raises(RunError) as err:
        for p in gen:
            seen.append(p)
    assert err.value.step == first
    assert [s for p in seen for s, _ in p.losses] == list(range(1, first))
    assert seen[-1].step == first - 1
    net = small_net(dropout=0)
    opt = torch.optim.SGD(net.parameters(), lr=config.optimizer.lr)
    hand = []
    for idx in itertools.islice(batch_indices(64, 8, 0), first - 1):  # an endless stream
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x[idx]), data.y[idx])
        loss.backward()
        opt.step()
        hand.append(loss.item())
    assert [v for p in seen for _, v in p.losses] == hand


def test_a_shape_mismatch_names_the_layer_before_any_step():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(9, 3))
    before = copy.deepcopy(net.state_dict())
    data = make_dataset(DataSpec("spiral", n=40))
    with pytest.raises(RunError) as err:
        next(train(net, data, TrainConfig(loss="cross_entropy")))
    assert err.value.kind == "shape" and err.value.layer == "2"
    assert "layer 2 (Linear) cannot take input of shape (32, 8)" in str(err.value)
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())


def test_a_loss_that_does_not_fit_the_targets_says_so():
    data = make_dataset(DataSpec("sine", n=40))
    with pytest.raises(Exception, match="cross-entropy needs class labels"):
        next(train(nn.Sequential(nn.Linear(1, 3)), data, TrainConfig(loss="cross_entropy")))


def test_closing_the_generator_leaves_the_model_at_a_step_boundary():
    data = make_dataset(DataSpec("moons", n=64, seed=1))
    net = small_net(dropout=0.0)
    control = RunControl()
    gen = train(
        net,
        data,
        TrainConfig(steps=100, loss="cross_entropy", batch_size=8),
        control=control,
        clock=lambda: 0.0,
    )
    control.yield_now = True
    p = next(gen)
    snapshot = copy.deepcopy(net.state_dict())
    gen.close()
    assert p.step == 1
    assert all(torch.equal(snapshot[k], v) for k, v in net.state_dict().items())


def test_fast_steps_read_the_clock_a_few_times_per_display_tick_not_every_step():
    data = make_dataset(DataSpec("moons", n=64, seed=1))
    config = TrainConfig(OptimizerConfig("sgd", 0.1), "cross_entropy", batch_size=8, steps=200)
    reads = []
    tick = ticking_clock(0.001)  # 1 ms a read: 50 steps until the first 20 Hz tick

    def clock():
        reads.append(1)
        return tick()

    progress, _ = run_all(train(small_net(dropout=0.0), data, config, clock=clock))
    # one read a step until the first tick measures the rate, then about 8 per tick
    assert [s for p in progress for s, _ in p.losses] == list(range(1, 201))
    assert len(reads) < 200 / 2


@pytest.mark.parametrize("name", ["sum", "mse", "l1", "cross_entropy", "bce_with_logits"])
def test_the_looked_up_loss_function_computes_what_compute_loss_computes(name):
    from explorer.core.losses import compute_loss, fit_target, loss_function

    out = torch.randn(6, 3, generator=torch.Generator().manual_seed(1))
    target = fit_target(name, torch.tensor([0, 2, 1, 1, 0, 2]), (6, 3))
    assert torch.equal(loss_function(name)(out, target), compute_loss(name, out, target))


def test_the_held_out_loss_comes_at_a_steady_cadence_paid_from_its_own_share():
    from explorer.core.training import EVAL_INTERVAL_S, EVAL_SHARE

    data = make_dataset(DataSpec("spiral", n=200, seed=1, eval_fraction=0.25))
    config = TrainConfig(OptimizerConfig("sgd", 0.1), "cross_entropy", batch_size=8, steps=1000)
    # time is work: each forward pass (a training step, or an evaluation) takes 1 ms of
    # the clock, so an evaluation "costs" 1 ms and its interval is
    # max(EVAL_INTERVAL_S, cost / EVAL_SHARE) = 0.1 s, about every 100 steps
    forwards = [0]
    net = small_net(dropout=0.0)
    net.register_forward_hook(lambda *_: forwards.__setitem__(0, forwards[0] + 1))
    reads = [0]

    def clock():
        reads[0] += 1
        return forwards[0] * 0.001 + reads[0] * 1e-6

    progress, _ = run_all(train(net, data, config, clock=clock))
    evals = []
    for p in progress:
        if p.eval_loss is not None and (not evals or evals[-1][1] != p.eval_loss):
            evals.append((p.step, p.eval_loss))
    steps = [s for s, _ in evals]
    assert steps[0] < 100 and steps[-1] == 1000
    gaps = [b - a for a, b in zip(steps, steps[1:-1], strict=False)]
    expected = max(EVAL_INTERVAL_S, 0.001 / EVAL_SHARE) / 0.001  # in steps of ~1 ms
    assert len(gaps) >= 6 and all(0.5 * expected <= g <= 1.5 * expected for g in gaps), steps


def test_a_second_run_keeps_its_probes_within_their_share_from_the_first_tick():
    """With :class:`ExtraCosts`, a probe whose cost is known waits for its share of the run.

    Time is work: a step's forward pass takes 1 ms of the clock and the probe 10 ms. The
    first run cannot know the probe's cost, so it runs at the first display tick (about
    step 50). A second run of the same model knows it: at EXTRA_BUDGET = 2% of the elapsed
    time, 10 ms fit from 0.5 s on, about step 500. Another batch size starts over.
    """
    from explorer.core.training import EXTRA_BUDGET, ExtraCosts

    data = make_dataset(DataSpec("spiral", n=64, seed=1, eval_fraction=0.0))
    net = small_net(dropout=0.0)
    forwards, probed_ms, reads = [0], [0.0], [0]
    net.register_forward_hook(lambda *_: forwards.__setitem__(0, forwards[0] + 1))

    def clock():
        reads[0] += 1
        return forwards[0] * 0.001 + probed_ms[0] * 0.001 + reads[0] * 1e-6

    def probe(net, xb):
        probed_ms[0] += 10
        return probed_ms[0]

    def first_probe_step(batch_size, costs):
        config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", batch_size, 800)
        gen = train(net, data, config, probes={"p": probe}, clock=clock, extra_costs=costs)
        progress, _ = run_all(gen)
        assert "p" in progress[-1].probes  # the last tick always probes: views end on it
        return next(p.step for p in progress if "p" in p.probes)

    assert first_probe_step(8, None) < 100
    costs = ExtraCosts()
    assert first_probe_step(8, costs) < 100  # nothing known yet
    second = first_probe_step(8, costs)
    assert 0.010 / EXTRA_BUDGET * 1000 * 0.9 <= second < 800  # ~500 steps of 1 ms
    assert first_probe_step(16, costs) < 100  # another batch size: its cost is not known
    assert first_probe_step(8, None) < 100  # a caller without ExtraCosts: as before


def test_the_parameter_check_keeps_to_its_share_and_the_last_tick_always_has_it(monkeypatch):
    """Checking every weight for NaN/Inf costs a reduction over all of them: on a big model
    it comes at most at FINITE_SHARE of the run's time (the losses are checked every tick)."""
    import explorer.core.training as training

    data = make_dataset(DataSpec("spiral", n=64, seed=1, eval_fraction=0.0))
    net = small_net(dropout=0.0)
    forwards, checks, reads = [0], [], [0]
    net.register_forward_hook(lambda *_: forwards.__setitem__(0, forwards[0] + 1))
    real = training._params_finite

    def check(params):  # costs 5 ms of the clock: at 0.5% of the run, once a second
        checks.append(forwards[0])
        return real(params)

    def clock():
        reads[0] += 1
        return forwards[0] * 0.001 + len(checks) * 0.005 + reads[0] * 1e-6

    monkeypatch.setattr(training, "_params_finite", check)
    config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", 8, 3000)
    progress, _ = run_all(train(net, data, config, clock=clock))
    assert len(progress) > 50  # about 60 display ticks of 50 ms
    # the first tick, and the last step (+1: the shape check before step 1 runs a forward)
    assert checks[0] < 100 and checks[-1] == 3000 + 1
    gaps = [b - a for a, b in zip(checks, checks[1:-1], strict=False)]
    assert gaps and all(900 <= g <= 1100 for g in gaps), checks  # 5 ms / 0.005 = 1 s

