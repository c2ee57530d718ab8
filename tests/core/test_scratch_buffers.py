"""Looking at a model (Activations, Output's train/eval comparison) writes none of its tensors."""

import torch
from torch import nn

from explorer.core.monitor import activations
from explorer.core.session import compare_modes


def bn_model() -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))


def state(net):
    return {k: (b, b._version, b.clone()) for k, b in net.state_dict(keep_vars=True).items()}


def assert_untouched(net, before):
    for k, b in net.state_dict(keep_vars=True).items():
        same, version, value = before[k]
        assert b is same and b._version == version and torch.equal(b, value), k


def test_activations_in_train_mode_leave_the_running_statistics_and_their_versions():
    net, x = bn_model(), torch.randn(6, 4)
    before = state(net)
    rows = activations(net, x)
    assert_untouched(net, before)
    # the rows are what a train() forward shows (batch statistics), as plain PyTorch gives
    hand = bn_model()
    with torch.no_grad():
        bn_out = hand[1](hand[0](x))
    assert abs(rows[1].mean - float(bn_out.mean())) < 1e-6


def test_compare_modes_leaves_the_running_statistics_and_their_versions():
    net, x = bn_model(), torch.randn(6, 4)
    before = state(net)
    train_out, eval_out = compare_modes(net, x)
    assert_untouched(net, before)
    assert net.training
    hand = bn_model()
    with torch.no_grad():
        expected_train = hand(x)  # batch statistics
        hand.eval()
        expected_eval = hand(x)  # with the statistics the train() pass just updated
    assert train_out.training and not eval_out.training
    assert torch.equal(torch.as_tensor(train_out.values), expected_train)
    assert torch.equal(torch.as_tensor(eval_out.values), expected_eval)
