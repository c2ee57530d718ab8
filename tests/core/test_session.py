"""Forward, backward, zero grad and step behave exactly as the same PyTorch lines."""

import copy

import pytest
import torch
from torch import nn

from explorer.core.data import make_input
from explorer.core.diagnose import RunError
from explorer.core.losses import OptimizerConfig, make_optimizer, move_optimizer_state
from explorer.core.session import (
    Workbench,
    compare_modes,
    grad_norm,
    run_backward,
    run_forward,
    run_step,
)


def book_net():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))


def test_forward_prints_the_output_as_pytorch_does_with_its_grad_fn():
    net = book_net()
    x = make_input((2, 20), "rand", seed=0)
    _, result = run_forward(net, x)
    assert result.text == str(net(x))
    assert result.grad_fn == "AddmmBackward0" and result.shape == (2, 10)
    assert result.text.endswith("grad_fn=<AddmmBackward0>)")
    assert result.values.shape == (2, 10)


def test_backward_twice_without_zeroing_doubles_the_gradients_like_pytorch():
    net, plain = book_net(), book_net()
    x = make_input((2, 20), "rand", seed=0)
    first = run_backward(net, x, None, "sum", zero_first=False)
    second = run_backward(net, x, None, "sum", zero_first=False)
    plain(x).sum().backward()
    once = [p.grad.clone() for p in plain.parameters()]
    plain(x).sum().backward()
    assert first.grad_norm_before is None
    assert second.grad_norm_after == pytest.approx(2 * first.grad_norm_after, rel=1e-6)
    for p, q, g in zip(net.parameters(), plain.parameters(), once, strict=True):
        assert torch.equal(p.grad, q.grad)
        assert torch.allclose(p.grad, 2 * g)


def test_zeroing_before_each_backward_keeps_one_backward_worth_of_gradient():
    net = book_net()
    x = make_input((2, 20), "randn", seed=3)
    a = run_backward(net, x, None, "sum", zero_first=True)
    b = run_backward(net, x, None, "sum", zero_first=True)
    assert b.grad_norm_before == pytest.approx(a.grad_norm_after)
    assert b.grad_norm_after == pytest.approx(a.grad_norm_after)


def test_step_moves_parameters_as_plain_sgd_and_refuses_without_gradients():
    net = book_net()
    opt = make_optimizer(OptimizerConfig("sgd", 0.1), net.parameters())
    with pytest.raises(RunError, match="press Backward before Step"):
        run_step(opt, net)
    plain = copy.deepcopy(net)
    x = make_input((2, 20), "rand", seed=0)
    run_backward(net, x, None, "sum", zero_first=False)
    moved = run_step(opt, net)
    plain(x).sum().backward()
    torch.optim.SGD(plain.parameters(), lr=0.1).step()
    for p, q in zip(net.parameters(), plain.parameters(), strict=True):
        assert torch.equal(p, q)
    assert moved == pytest.approx(0.1 * grad_norm(plain), rel=1e-4)


def test_compare_modes_shows_dropout_and_batch_norm_and_leaves_the_model_as_it_was():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Dropout(0.5), nn.Linear(8, 2))
    stats = copy.deepcopy(dict(net.named_buffers()))
    train_out, eval_out = compare_modes(net, torch.randn(6, 4))
    assert train_out.training and not eval_out.training
    assert (train_out.values != eval_out.values).any()
    assert net.training
    for k, v in net.named_buffers():
        assert torch.equal(v, stats[k]), k


def test_a_device_mismatch_says_which_tensor_is_where():
    net = book_net()
    with pytest.raises(RunError) as err:
        run_forward(net, torch.empty(2, 20, device="meta"))
    assert err.value.kind == "device"
    assert "the input is on meta, but the model (0.weight and the rest) is on cpu" in str(err.value)


def test_workbench_keeps_the_optimizer_until_the_parameters_or_settings_change():
    bench = Workbench()
    net = book_net()
    first = bench.optimizer_for(net, OptimizerConfig("adam", 0.01))
    assert bench.optimizer_for(net, OptimizerConfig("adam", 0.01)) is first
    assert bench.rebuilt is None
    bench.optimizer_for(net, OptimizerConfig("adam", 0.02))
    assert bench.rebuilt == "the optimizer settings changed"
    bench.optimizer_for(book_net(), OptimizerConfig("adam", 0.02))
    assert bench.rebuilt == "the model changed"


def test_optimizer_state_follows_the_model_to_another_device():
    net = book_net()
    opt = make_optimizer(OptimizerConfig("sgd", 0.1, momentum=0.9), net.parameters())
    run_backward(net, make_input((2, 20)), None, "sum", zero_first=False)
    run_step(opt, net)
    assert move_optimizer_state(opt, "meta") == 4
    assert all(s["momentum_buffer"].device.type == "meta" for s in opt.state.values())


def test_grad_norm_is_none_before_the_first_backward():
    assert grad_norm(book_net()) is None


def test_out_of_memory_is_explained_with_the_device_and_what_to_try():
    from explorer.core.diagnose import explain

    err = explain(
        torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"), book_net(), None
    )
    assert err.kind == "memory"
    assert str(err).startswith("out of memory on cpu: try a smaller batch size")
