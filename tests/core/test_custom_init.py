"""Custom init runs the user's function on a copy; errors name the line and change nothing."""

import pytest
import torch
from torch import nn

from explorer.core.custom_init import (
    BOOK_MY_INIT,
    PER_TENSOR_EXAMPLE,
    CustomInitError,
    run_custom,
)
from explorer.core.init import LazyParameterError, Target


def make_net():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))


def snapshot(net):
    return {k: v.clone() for k, v in net.state_dict().items()}


def unchanged(net, before):
    return all(torch.equal(before[k], v) for k, v in net.state_dict().items())


def test_book_my_init_equals_net_apply_my_init_after_the_same_seed(capsys):
    net = make_net()
    before = snapshot(net)
    result = run_custom(net, BOOK_MY_INIT, seed=4)
    assert unchanged(net, before)  # the live model is not touched
    reference = make_net()
    namespace = {"nn": nn}
    exec(BOOK_MY_INIT, namespace)
    torch.manual_seed(4)
    reference.apply(namespace["my_init"])
    for n, v in result.values.items():
        assert torch.equal(v, reference.get_parameter(n)), n
    w = result.values["0.weight"]
    assert bool(((w == 0) | (w.abs() >= 5)).all()) and bool((w.abs() <= 10).all())
    assert result.changed == ("0.weight", "2.weight") and result.form == "module"
    assert "Init weight torch.Size([8, 4])" in result.output
    assert capsys.readouterr().out.count("Init weight") == 2  # reference's prints only


def test_per_tensor_form_visits_only_the_targets():
    net = make_net()
    result = run_custom(net, PER_TENSOR_EXAMPLE, Target("layers", ("2",)), seed=1)
    assert list(result.values) == ["2.weight", "2.bias"]
    assert result.form == "tensor" and bool((result.values["2.bias"] == 0).all())


@pytest.mark.parametrize(
    "code, line, message",
    [
        ("def my_init(m):\n    x = = 1\n", 2, "SyntaxError"),
        (
            "def my_init(m):\n    nn.init.uniform_(m.weight, -10, 10)\n",
            2,
            "AttributeError: 'ReLU' object has no attribute 'weight'",
        ),
        ("def f(name, tensor):\n    tensor.zero_()\n    1 / 0\n", 3, "ZeroDivisionError"),
        ("x = 1\n", None, "define a function"),
        ("def f(a, b, c):\n    pass\n", 1, "takes 3 arguments"),
        ("def f(name, tensor):\n    tensor.fill_(float('nan'))\n", None, "NaN"),
        (
            "def f(m):\n    if isinstance(m, nn.Linear):\n        m.weight = nn.Parameter(torch.ones(2))\n",
            None,
            "replaced 0.weight",
        ),
    ],
)
def test_errors_carry_the_line_and_leave_parameters_untouched(code, line, message):
    net = make_net()
    before = snapshot(net)
    with pytest.raises(CustomInitError, match=message) as info:
        run_custom(net, code)
    assert info.value.line == line
    assert unchanged(net, before)


def test_an_endless_loop_is_stopped_with_its_line():
    net = make_net()
    with pytest.raises(CustomInitError, match="stopped after") as info:
        run_custom(net, "def f(m):\n    while True: pass\n", timeout=0.2)
    assert info.value.line == 2


def test_lazy_layers_are_refused():
    with pytest.raises(LazyParameterError):
        run_custom(nn.Sequential(nn.LazyLinear(3)), BOOK_MY_INIT)
