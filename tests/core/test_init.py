"""Initializers give exactly what plain PyTorch gives after torch.manual_seed(S)."""

import pytest
import torch
from torch import nn

from explorer.core.build import build
from explorer.core.document import Document
from explorer.core.init import (
    SCHEMES,
    InitError,
    LazyParameterError,
    Target,
    initialize,
    materialize,
    plain_pytorch,
    resolve,
    scheme,
)
from explorer.core.init_targets import parse_target
from explorer.io.project import load_project
from explorer.resources import examples_dir

ARGS = {
    "normal": {"mean": 0.5, "std": 0.02},
    "uniform": {"a": -0.1, "b": 0.1},
    "constant": {"val": 0.1},
    "zeros": {},
    "ones": {},
    "xavier_uniform": {"gain": 5 / 3},
    "xavier_normal": {"gain": 2.0},
    "kaiming_uniform": {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"},
    "kaiming_normal": {"a": 0.0, "mode": "fan_in", "nonlinearity": "relu"},
    "trunc_normal": {"mean": 0.1, "std": 0.5, "a": -0.2, "b": 0.6},
    "orthogonal": {"gain": 1.5},
    "eye": {},
}


def tied_net():
    shared = nn.Linear(8, 8)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.Linear(8, 3))


def test_every_builtin_scheme_is_tested():
    assert set(ARGS) | {"default"} == set(SCHEMES)


@pytest.mark.parametrize("name", sorted(ARGS))
def test_builtin_equals_plain_pytorch_with_the_same_seed_on_the_weights(name):
    net = tied_net()
    values = initialize(net, Target(kind="weight"), name, ARGS[name], seed=7)
    assert list(values) == ["0.weight", "2.weight", "5.weight"]  # the tied layer once
    reference = tied_net()
    torch.manual_seed(7)
    for n, p in reference.named_parameters():
        if n.endswith("weight"):
            getattr(nn.init, name + "_")(p, **ARGS[name])
    for n, v in values.items():
        assert torch.equal(v, reference.get_parameter(n)), n


@pytest.mark.parametrize("name", ["normal", "uniform", "constant", "zeros", "ones", "trunc_normal"])
def test_elementwise_schemes_cover_biases_too_in_named_parameters_order(name):
    net = tied_net()
    values = initialize(net, Target(), name, ARGS[name], seed=3)
    assert list(values) == [n for n, _ in net.named_parameters()]
    torch.manual_seed(3)
    for n, p in net.named_parameters():
        getattr(nn.init, name + "_")(p, **ARGS[name])
        assert torch.equal(values[n], p), n


def test_initialize_leaves_the_model_unchanged():
    net = tied_net()
    before = {k: v.clone() for k, v in net.state_dict().items()}
    initialize(net, Target(), "normal", {"std": 5.0}, seed=0)
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())


def test_pytorch_default_on_the_whole_model_equals_construction_after_the_same_seed():
    spec = load_project(examples_dir() / "04-nested-blocks.nnx.json").spec
    net = build(spec)
    values = initialize(net, Target(), "default", seed=11)
    torch.manual_seed(11)
    fresh = build(spec)
    assert set(values) == {n for n, _ in net.named_parameters()}
    for n, v in values.items():
        assert torch.equal(v, fresh.get_parameter(n)), n


def test_pytorch_default_on_weights_only_calls_reset_parameters_of_their_layers():
    net = tied_net()
    values = initialize(net, Target(kind="weight"), "default", seed=5)
    torch.manual_seed(5)
    for key in ("0", "2", "5"):
        net.get_submodule(key).reset_parameters()
        assert torch.equal(values[f"{key}.weight"], net.get_submodule(key).weight)
    assert "0.bias" not in values


def test_fan_based_schemes_refuse_biases_with_the_reason_and_change_nothing():
    net = tied_net()
    with pytest.raises(InitError, match=r"at least 2 dimensions.*0\.bias \(8,\)"):
        initialize(net, Target(), "xavier_uniform")


def test_eye_needs_a_matrix():
    net = nn.Sequential(nn.Conv2d(1, 2, 3))
    with pytest.raises(InitError, match=r"exactly 2 dimensions.*0\.weight \(2, 1, 3, 3\)"):
        initialize(net, Target(kind="weight"), "eye")


@pytest.mark.parametrize(
    "target, expected",
    [
        (Target("parameter", ("4.weight",)), ["2.weight"]),  # a tied alias names the one tensor
        (Target("layers", ("4",)), ["2.weight", "2.bias"]),
        (Target("layers", ("0", "5"), "bias"), ["0.bias", "5.bias"]),
        (Target("type", ("Linear",), "weight"), ["0.weight", "2.weight", "5.weight"]),
        (parse_target("*.bias"), ["0.bias", "2.bias", "5.bias"]),
        (parse_target("type:Linear.weight"), ["0.weight", "2.weight", "5.weight"]),
        (parse_target("0.*,5.weight"), ["0.weight", "0.bias", "5.weight"]),
    ],
)
def test_targets_resolve_in_named_parameters_order(target, expected):
    assert resolve(tied_net(), target) == expected


def test_a_block_target_covers_every_layer_inside_it():
    net = build(load_project(examples_dir() / "04-nested-blocks.nnx.json").spec)
    names = resolve(net, Target("layers", ("0.block 1",), "weight"))
    assert names == ["0.block 1.0.weight", "0.block 1.2.weight"]


def test_an_empty_target_is_an_error():
    with pytest.raises(InitError, match="no parameters match"):
        resolve(nn.Sequential(nn.ReLU()), Target())


@pytest.mark.parametrize(
    "name, args, message",
    [
        ("normal", {"std": -1}, "std must be at least 0"),
        ("uniform", {"a": 1, "b": 0}, "a must not exceed b"),
        ("kaiming_normal", {"mode": "fan_both"}, "mode must be one of fan_in, fan_out"),
        ("xavier_uniform", {"gain": "big"}, "gain must be a number"),
        ("zeros", {"val": 1}, "has no argument val"),
    ],
)
def test_bad_arguments_are_refused_in_words(name, args, message):
    with pytest.raises(InitError, match=message):
        initialize(tied_net(), Target(), name, args)


def test_scheme_accepts_pytorch_spellings():
    assert scheme("nn.init.xavier_uniform_").name == "xavier_uniform"
    assert scheme("reset_parameters").name == "default"
    with pytest.raises(InitError, match="unknown scheme"):
        scheme("glorot")


def test_the_shown_plain_pytorch_code_gives_the_same_values():
    net = tied_net()
    values = initialize(net, Target(kind="weight"), "kaiming_normal", ARGS["kaiming_normal"], 9)
    code = plain_pytorch(list(values), "kaiming_normal", ARGS["kaiming_normal"], 9)
    exec(code, {"torch": torch, "nn": nn, "net": net})
    for n, v in values.items():
        assert torch.equal(v, net.get_parameter(n))


def test_lazy_parameters_are_refused_until_a_forward_materializes_them():
    doc = Document(load_project(examples_dir() / "06-lazy-mlp.nnx.json").spec)
    with pytest.raises(LazyParameterError, match="only in the first forward pass") as info:
        initialize(doc.net, Target(), "normal")
    assert info.value.names == ["0.weight", "0.bias", "2.weight", "2.bias"]
    seen = []
    doc.weights_changed.connect(lambda: seen.append(True))
    assert materialize(doc) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert seen and tuple(doc.net[0].weight.shape) == (256, 20)
    assert type(doc.net[0]).__name__ == "Linear"
    values = initialize(doc.net, Target(kind="weight"), "normal", {"std": 0.01}, seed=0)
    assert tuple(values["2.weight"].shape) == (10, 256)


def test_the_shown_code_keeps_every_digit_of_the_arguments():
    code = plain_pytorch(["0.weight"], "xavier_uniform", {"gain": 1.666667}, 0)
    assert "gain=1.666667)" in code
