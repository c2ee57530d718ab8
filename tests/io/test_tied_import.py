"""A module used twice, saved by plain PyTorch in every format that carries a model: it
imports as tied layers (one module in two places) that compute bit for bit what the
original computes, and whose gradients are the original's; what a tie cannot express is
refused in one line."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from explorer.core.errors import ExplorerError
from explorer.io.import_any import import_file

pytestmark = [
    pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated"),
    pytest.mark.filterwarnings("ignore:`torch.jit.trace.*` is deprecated"),
]

X = torch.randn(3, 4, generator=torch.Generator().manual_seed(1))


def shared_in_sequential() -> nn.Module:
    """Book 5.2: ``net[2]`` and ``net[4]`` are one ``nn.Linear``."""
    shared = nn.Linear(8, 8)
    return nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 2)
    )


class CalledTwice(nn.Module):
    """A user's class whose forward calls one child twice."""

    def __init__(self):
        super().__init__()
        self.inp, self.fc, self.out = nn.Linear(4, 8), nn.Linear(8, 8), nn.Linear(8, 2)

    def forward(self, x):
        x = torch.relu(self.inp(x))
        x = torch.relu(self.fc(x))
        x = torch.relu(self.fc(x))
        return self.out(x)


def block_used_twice() -> nn.Module:
    block = nn.Sequential(nn.Linear(8, 8), nn.Tanh())
    return nn.Sequential(nn.Linear(4, 8), block, block, nn.Linear(8, 2))


class Inner(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        return torch.tanh(self.fc(x))


class UserBlockTwice(nn.Module):
    """A user's block called twice (a trace writes the second call as ``forward1``)."""

    def __init__(self):
        super().__init__()
        self.a, self.inner = nn.Linear(4, 8), Inner()

    def forward(self, x):
        return self.inner(self.inner(self.a(x)))


class Alternating(nn.Module):
    """Computes tanh on odd calls and relu on even ones: its two traced calls differ."""

    def __init__(self):
        super().__init__()
        self.fc, self.calls = nn.Linear(8, 8), 0

    def forward(self, x):
        self.calls += 1
        return torch.tanh(self.fc(x)) if self.calls % 2 else torch.relu(self.fc(x))


class AlternatingTwice(UserBlockTwice):
    def __init__(self):
        super().__init__()
        self.inner = Alternating()


def save(net: nn.Module, fmt: str, folder) -> object:
    path = folder / {"script": "n.ts.pt", "trace": "n.tr.pt", "export": "n.pt2"}.get(fmt, "n.pt")
    if fmt == "script":
        torch.jit.script(net).save(str(path))
    elif fmt == "trace":
        torch.jit.trace(net, X).save(str(path))
    elif fmt == "export":
        torch.export.save(torch.export.export(net, (X,)), str(path))
    else:
        torch.save(net, path)
    return path


CASES = [
    (shared_in_sequential, ("script", "trace", "export", "pickled")),
    (CalledTwice, ("script", "trace", "export")),  # a pickle does not carry its forward
    (block_used_twice, ("script", "trace", "export", "pickled")),
    (UserBlockTwice, ("script", "trace", "export")),
]


@pytest.mark.parametrize(
    ("make", "fmt"),
    [(m, f) for m, fmts in CASES for f in fmts],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_a_module_used_twice_imports_tied_and_computes_the_same(make, fmt, tmp_path):
    torch.manual_seed(0)
    net = make().eval()
    result = import_file(save(net, fmt, tmp_path))
    imported = result.net.eval()
    assert torch.equal(imported(X), net(X))  # bit for bit
    tied = [(p, n) for p, n in result.spec.layers() if n.tie and n.type == "Linear"]
    assert len(tied) == 2 and tied[0][1].tie == tied[1][1].tie
    modules = dict(imported.named_modules(remove_duplicate=False))
    first, second = (modules[".".join(map(str, _names(result.spec, p)))] for p, _ in tied)
    assert first is second  # one module in two places, as in PyTorch
    # the gradient of the shared weight is the sum over both uses, as in the original
    net(X).square().sum().backward()
    imported(X).square().sum().backward()
    original = {id(p): p for p in net.parameters()}  # parameters() lists a shared one once
    assert len(list(imported.parameters())) == len(original)
    for mine, theirs in zip(imported.parameters(), net.parameters(), strict=True):
        assert torch.equal(mine, theirs) and torch.allclose(mine.grad, theirs.grad, atol=1e-7)


def _names(spec, path) -> list[str]:
    """The attribute names that lead to a layer in the built model."""
    out, children = [], spec.children
    for i in path:
        node = children[i]
        out.append(node.name if node.name is not None else str(i))
        children = getattr(node, "children", ())
    return out


def partly_shared() -> nn.Module:
    a, b = nn.Linear(8, 8), nn.Linear(8, 8)
    b.weight = a.weight  # the weight is shared, each keeps its own bias: not one layer
    return nn.Sequential(nn.Linear(4, 8), a, nn.ReLU(), b, nn.Linear(8, 2))


def shared_unknown_layer() -> nn.Module:
    shared = nn.Linear(8, 8)
    return nn.Sequential(nn.Linear(4, 8), shared, nn.Hardshrink(), shared)


@pytest.mark.parametrize("fmt", ["script", "trace", "export", "pickled"])
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (partly_shared, ("3.weight is the same tensor as 1.weight", "ties whole layers")),
        (shared_unknown_layer, ("nn.Hardshrink", "does not offer")),
    ],
    ids=["partly shared", "unknown layer"],
)
def test_what_a_tie_cannot_express_is_refused_in_one_line(make, words, fmt, tmp_path):
    net = make().eval()
    with pytest.raises(ExplorerError) as e:
        import_file(save(net, fmt, tmp_path))
    text = str(e.value)
    assert "\n" not in text and all(w in text for w in words), text


def test_a_traced_block_whose_second_call_computes_otherwise_is_refused(tmp_path):
    net = AlternatingTwice().eval()
    with pytest.raises(ExplorerError) as e:
        import_file(save(net, "trace", tmp_path))
    assert str(e.value) == (
        "inner: called again through a traced copy of its forward that does not compute "
        "the same chain (not a chain)"
    )
