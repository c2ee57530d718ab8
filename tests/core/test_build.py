"""build() gives the same model as the chapter's hand-written PyTorch, for every example."""

from collections import OrderedDict

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from explorer.core.build import build
from explorer.io.project import load_project
from explorer.resources import examples_dir


def load(stem):
    return load_project(examples_dir() / f"{stem}.nnx.json").spec


def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f"block {i}", block1())
    return net


class MLP(nn.Module):
    """The book's 5.1 MLP class."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.out = nn.Linear(256, 10)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))


def shared_net():
    torch.manual_seed(0)
    first = nn.Linear(4, 8)
    shared = nn.Linear(8, 8)  # constructed in spec order, so the same seed gives the same values
    last = nn.Linear(8, 1)
    return nn.Sequential(first, nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), last)


def deep_tanh_mlp():
    layers = []
    for _ in range(10):
        layers += [nn.Linear(64, 64), nn.Tanh()]
    return nn.Sequential(*layers, nn.Linear(64, 10))


HAND_WRITTEN = {
    "01-sequential": lambda: nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10)),
    "02-mlp": MLP,
    "03-parameter-access": lambda: nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1)),
    "04-nested-blocks": lambda: nn.Sequential(block2(), nn.Linear(4, 1)),
    "05-shared-layer": shared_net,
    "06-lazy-mlp": lambda: nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10)),
    "07-dropout-batchnorm": lambda: nn.Sequential(
        nn.Linear(20, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10)
    ),
    "08-mlp-save-load": lambda: nn.Sequential(
        OrderedDict(hidden=nn.Linear(20, 256), relu=nn.ReLU(), output=nn.Linear(256, 10))
    ),
    "09-deep-tanh-mlp": deep_tanh_mlp,
}


def test_every_shipped_example_has_a_hand_written_twin():
    assert {p.name.removesuffix(".nnx.json") for p in examples_dir().glob("*.nnx.json")} == set(
        HAND_WRITTEN
    )


@pytest.mark.parametrize("stem", sorted(HAND_WRITTEN))
def test_build_matches_hand_written_pytorch(stem):
    spec = load(stem)
    x = torch.rand(spec.input_shape, generator=torch.Generator().manual_seed(1))

    def make_and_run(factory):
        torch.manual_seed(0)  # lazy layers draw their values at the first forward
        net = factory().eval()
        with torch.no_grad():
            return net, net(x)

    ours, y_ours = make_and_run(lambda: build(spec))
    theirs, y_theirs = make_and_run(HAND_WRITTEN[stem])
    assert list(ours.state_dict()) == list(theirs.state_dict())
    for (k, a), (_, b) in zip(ours.state_dict().items(), theirs.state_dict().items(), strict=True):
        assert a.shape == b.shape, k
        assert torch.equal(a, b), k
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    assert torch.equal(y_ours, y_theirs)


def test_shared_layer_is_one_module_listed_once_in_named_parameters():
    net = build(load("05-shared-layer"))
    assert net[2] is net[4]
    assert [n for n, _ in net.named_parameters()] == [
        "0.weight",
        "0.bias",
        "2.weight",
        "2.bias",
        "6.weight",
        "6.bias",
    ]
    assert "4.weight" in net.state_dict()
    net[2].weight.data[0, 0] = 100  # the book's check: same object, not just equal values
    assert net[4].weight.data[0, 0] == 100


def test_shared_layer_gradient_is_the_sum_of_both_uses():
    net = build(load("05-shared-layer"))
    net(torch.rand(2, 4)).sum().backward()
    g = net[2].weight.grad
    assert g is not None and g is net[4].weight.grad


def test_nested_names_are_as_pytorch_shows_them():
    keys = list(build(load("04-nested-blocks")).state_dict())
    assert keys[0] == "0.block 0.0.weight"
    assert keys[-1] == "1.bias"


def test_named_layers_match_the_book_mlp_class_keys():
    assert list(build(load("02-mlp")).state_dict()) == list(MLP().state_dict())


def test_children_are_registered_as_add_module_registers_them_with_or_without_hooks():
    """build() sets index-named children directly (add_module's checks cost ~3 ms per 1,000
    layers); the result is what nn.Sequential(OrderedDict) gives, and a global module
    registration hook still sees every child."""
    from explorer.core.spec import LayerSpec, block, sequential

    L = LayerSpec.make
    spec = sequential(
        L("Linear", in_features=4, out_features=8),
        block(L("ReLU"), L("Linear", in_features=8, out_features=8), name="hidden"),
        L("Linear", in_features=8, out_features=2),
        input_shape=(3, 4),
    )
    modules: dict = {}
    net = build(spec, modules_out=modules)
    by_id = {id(m): m for m in modules.values()}

    def twin(seq: nn.Sequential) -> nn.Sequential:  # the same children through add_module
        return nn.Sequential(
            OrderedDict(
                (k, twin(m) if isinstance(m, nn.Sequential) and id(m) not in by_id else m)
                for k, m in seq._modules.items()
            )
        )

    plain = twin(net)
    assert [(k, type(m)) for k, m in net.named_modules()] == [
        (k, type(m)) for k, m in plain.named_modules()
    ]
    assert [(k, id(p)) for k, p in net.named_parameters()] == [
        (k, id(p)) for k, p in plain.named_parameters()
    ]
    keys = ["0.weight", "0.bias", "hidden.1.weight", "hidden.1.bias", "2.weight", "2.bias"]
    assert list(net.state_dict()) == keys
    x = torch.randn(3, 4)
    assert torch.equal(net(x), plain(x))
    seen = []
    handle = torch.nn.modules.module.register_module_module_registration_hook(
        lambda parent, name, child: seen.append(name)
    )
    try:
        build(spec)
    finally:
        handle.remove()
    assert sorted(seen) == sorted(["0", "0", "1", "hidden", "2"])
