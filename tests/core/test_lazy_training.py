"""Lazy layers that never ran: the first training step materializes them, as plain PyTorch does.

The book's deferred initialization (``nn.LazyLinear``), with a lazy batch norm whose running
statistics are ``UninitializedBuffer`` objects. Compared with a hand-written loop on the same
model with the same seed: parameters and running statistics equal bit for bit, the running
statistics updated once per training forward. The looks before it (the shape check, the
failure locator, Activations, the train/eval comparison) leave the model lazy and the random
state where it was.
"""

import pytest
import torch
from torch import nn
from torch.nn.parameter import UninitializedTensorMixin

from explorer.core.buffers import (
    NOT_INITIALIZED,
    NotInitializedError,
    has_uninitialized,
    scratch_model,
    uninitialized_names,
)
from explorer.core.data import DataSpec, make_dataset
from explorer.core.diagnose import RunError, locate_failure
from explorer.core.losses import OptimizerConfig
from explorer.core.monitor import activations
from explorer.core.probes import ActivationsProbe, RequestBox, TensorProbe, TensorRequest
from explorer.core.session import compare_modes
from explorer.core.training import RunControl, TrainConfig, output_shape, train
from tests.core.test_training import run_all
from tests.hand_loop import hand_losses


def lazy_net(seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.LazyLinear(32), nn.ReLU(), nn.LazyBatchNorm1d(), nn.LazyLinear(3))


def spiral():
    return make_dataset(DataSpec("spiral", n=150, noise=0.1, seed=4, eval_fraction=0.2))


def hand_loop(net, data, config, steps):
    """The loop a person writes: the optimizer on the lazy parameters, the seed, the steps."""
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[config.optimizer.name]
    kwargs = {"lr": config.optimizer.lr}
    if config.optimizer.name == "sgd":
        kwargs["momentum"] = config.optimizer.momentum
    optimizer = cls(net.parameters(), **kwargs)
    return hand_losses(
        net, data.X, data.y, optimizer, nn.functional.cross_entropy,
        seed=config.seed, batch_size=config.batch_size, steps=steps,
    )  # fmt: skip


def assert_same_model(net, hand):
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in hand.named_parameters()]
    got, expected = net.state_dict(), hand.state_dict()
    assert list(got) == list(expected)
    for key, value in expected.items():
        assert got[key].shape == value.shape and torch.equal(got[key], value), key


@pytest.mark.parametrize(
    "opt", [OptimizerConfig("sgd", 0.1, momentum=0.9), OptimizerConfig("adam", 0.01)]
)
def test_training_a_lazy_model_equals_a_hand_loop_bit_for_bit(opt):
    data = spiral()
    net, hand = lazy_net(), lazy_net()
    assert has_uninitialized(net)
    config = TrainConfig(opt, "cross_entropy", batch_size=32, steps=9, seed=7)
    progress, result = run_all(train(net, data, config))
    losses = hand_loop(hand, data, config, 9)

    assert [v for p in progress for _, v in p.losses] == losses
    assert not has_uninitialized(net) and type(net[0]) is nn.Linear
    assert_same_model(net, hand)
    assert int(net[2].num_batches_tracked) == 9  # once per training forward, no more
    assert result.eval_loss is not None  # the held-out loss ran (eval mode: no update)


def test_probes_at_every_tick_leave_the_running_statistics_to_the_training_forwards():
    data = spiral()
    net, hand = lazy_net(), lazy_net()
    probes = {
        "activations": ActivationsProbe(RequestBox(True)),
        "tensor": TensorProbe(RequestBox(TensorRequest("0.weight"))),
    }
    control = RunControl()
    config = TrainConfig(OptimizerConfig("sgd", 0.05), "cross_entropy", batch_size=16, steps=6)
    gen = train(net, data, config, probes=probes, control=control)
    seen = []
    while True:
        control.yield_now = True  # a single step each time: the probes run after every step
        try:
            seen.append(next(gen))
        except StopIteration:
            break
    assert len(seen) == 6 and all(p.probes.get("activations") for p in seen)
    assert control.warnings == []
    hand_loop(hand, data, config, 6)
    assert_same_model(net, hand)
    assert int(net[2].num_batches_tracked) == 6


def test_the_shape_check_leaves_lazy_layers_and_the_random_state_alone():
    net = lazy_net()
    x = torch.randn(5, 2)
    state = torch.random.get_rng_state()
    assert output_shape(net, x) == (5, 3)
    assert torch.equal(torch.random.get_rng_state(), state)
    assert uninitialized_names(net) == [
        "0.weight",
        "0.bias",
        "2.weight",
        "2.bias",
        "3.weight",
        "3.bias",
        "2.running_mean",
        "2.running_var",
    ]
    # and the first forward afterwards is the one plain PyTorch makes
    hand = lazy_net()
    torch.manual_seed(3)
    a = net(x)
    torch.manual_seed(3)
    assert torch.equal(a, hand(x))
    assert_same_model(net, hand)


def test_the_stand_in_shares_initialized_parameters_and_copies_buffers():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4), nn.LazyLinear(3))
    mean, version = net[1].running_mean, net[1].running_mean._version
    with scratch_model(net) as model:
        assert model is not net
        assert model[0].weight is net[0].weight  # no memory doubled
        assert model[1].running_mean is not net[1].running_mean
        model(torch.randn(6, 2))
        assert model[2].weight.shape == (3, 4)
    assert isinstance(net[2].weight, UninitializedTensorMixin)
    assert net[1].running_mean is mean and mean._version == version
    assert torch.equal(mean, torch.zeros(4))
    with scratch_model(net[:2]) as same:  # nothing lazy: the model itself
        assert same is not None and same[0] is net[0]


def test_a_shape_error_on_a_lazy_model_names_the_layer_and_materializes_nothing():
    torch.manual_seed(0)
    net = nn.Sequential(nn.LazyLinear(4), nn.ReLU(), nn.Linear(3, 2))
    x = torch.randn(5, 6)
    name, module, shape, _ = locate_failure(net, x)
    assert (name, module, shape) == ("2", net[2], (5, 4))
    with pytest.raises(RunError) as info:
        output_shape(net, x)
    assert info.value.layer == "2" and "(5, 4)" in str(info.value)
    assert isinstance(net[0].weight, UninitializedTensorMixin) and type(net[0]) is nn.LazyLinear


def test_looks_that_need_values_say_not_initialized_yet():
    net = lazy_net()
    x = torch.randn(4, 2)
    for look in (lambda: activations(net, x), lambda: compare_modes(net, x)):
        with pytest.raises(NotInitializedError) as info:
            look()
        assert str(info.value) == NOT_INITIALIZED
    assert len(uninitialized_names(net)) == 8
