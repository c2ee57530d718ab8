"""The Code tab's text, run as it is, gives the weights the app gives the same spec and seed.

A tied layer is one module created at its first use; the generated code must create it
(and every layer that draws random numbers before it) in the order the app's build does,
or ``torch.manual_seed(seed)`` hands the numbers to other tensors.
"""

from __future__ import annotations

import pytest
import torch

from explorer.app.session import OpenRequest, Session
from explorer.core.codegen import model_code
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, block, sequential
from explorer.io.project import load_project
from tests.conftest import EXAMPLES

L = LayerSpec.make


def tied(tie: str, in_features: int = 8, out_features: int = 8) -> LayerSpec:
    """One use of the tied Linear ``tie`` (each use is its own spec node, one module)."""
    return LayerSpec(
        type="Linear",
        args=dict(L("Linear", in_features=in_features, out_features=out_features).args),
        tie=tie,
    )


def book_example() -> ModelSpec:
    return load_project(next(p for p in EXAMPLES if "shared" in p.name)).spec


def first_use_in_the_middle() -> ModelSpec:
    return sequential(
        L("Linear", in_features=4, out_features=8),
        L("ReLU"),
        L("Linear", in_features=8, out_features=8),
        tied("a"),
        L("Tanh"),
        L("Linear", in_features=8, out_features=8),
        tied("a"),
        L("Linear", in_features=8, out_features=2),
        input_shape=(2, 4),
    )


def tie_inside_a_nested_block() -> ModelSpec:
    return sequential(
        L("Linear", in_features=4, out_features=8),
        block(L("Linear", in_features=8, out_features=8), L("ReLU"), tied("a"), L("ReLU")),
        tied("a"),
        block(L("Linear", in_features=8, out_features=8), tied("a")),
        L("Linear", in_features=8, out_features=1),
        input_shape=(2, 4),
    )


def two_ties() -> ModelSpec:
    return sequential(
        L("Linear", in_features=4, out_features=8),
        tied("a"),
        L("ReLU"),
        L("Linear", in_features=8, out_features=8),
        tied("b"),
        tied("a"),
        L("Linear", in_features=8, out_features=8),
        tied("b"),
        L("Linear", in_features=8, out_features=3),
        input_shape=(2, 4),
    )


def named_children_and_a_tie() -> ModelSpec:
    """Named children make an ``OrderedDict``; the layer before the tie is named ``hidden``."""
    hidden = L("Linear", name="hidden", in_features=4, out_features=8)
    inner = BlockSpec((L("Linear", in_features=8, out_features=8), tied("a")), name="body")
    return sequential(hidden, L("ReLU"), inner, tied("a"), input_shape=(2, 4))


def the_tie_comes_first() -> ModelSpec:
    last = L("Linear", in_features=4, out_features=2)
    return sequential(tied("a", 4, 4), L("ReLU"), tied("a", 4, 4), last, input_shape=(2, 4))


SPECS = {
    "book": book_example,
    "middle": first_use_in_the_middle,
    "nested": tie_inside_a_nested_block,
    "two-ties": two_ties,
    "named": named_children_and_a_tie,
    "first": the_tie_comes_first,
}


def app_net(spec: ModelSpec, seed: int) -> torch.nn.Module:
    """The model the app shows after opening ``spec`` with ``seed``."""
    session = Session()
    session.open(OpenRequest(spec, kind="example", settings={"run": {"seed": seed}}))
    return session.document.net


def code_net(spec: ModelSpec, seed: int) -> torch.nn.Module:
    """``net`` of the Code tab's text, executed as a learner would run it."""
    namespace: dict[str, object] = {"__name__": "exported"}
    torch.manual_seed(seed + 12345)  # the code must set the seed itself
    code = model_code(spec, seed=seed)
    exec(compile(code, "<exported>", "exec"), namespace)  # noqa: S102 - our own generated code
    return namespace["net"]


def sharing(net: torch.nn.Module) -> list[list[str]]:
    """Groups of state_dict keys that are one tensor in memory (``data_ptr``)."""
    groups: dict[int, list[str]] = {}
    for key, value in net.state_dict().items():
        groups.setdefault(value.data_ptr(), []).append(key)
    return sorted(groups.values())


@pytest.mark.parametrize("seed", [0, 3])
@pytest.mark.parametrize("make", SPECS.values(), ids=SPECS.keys())
def test_the_code_of_a_tied_model_gives_the_apps_weights_under_the_same_seed(make, seed):
    spec = make()
    app, code = app_net(spec, seed), code_net(spec, seed)
    a, b = app.state_dict(), code.state_dict()
    assert list(a) == list(b)
    for key in a:
        assert torch.equal(a[key], b[key]), key
    assert sharing(app) == sharing(code)
    assert any(len(g) > 1 for g in sharing(code))  # the tie really is one tensor
    x = torch.rand(spec.input_shape)
    assert torch.equal(app(x), code(x))


def test_the_book_example_keeps_its_shared_variable_and_creates_net0_first():
    code = model_code(book_example(), seed=0)
    assert "shared = nn.Linear(8, 8)" in code
    assert code.count("    shared,\n") == 2
    # net[0] draws its numbers first, as in the app: it is created before ``shared``.
    first = code.index("= nn.Linear(4, 8)")
    assert first < code.index("shared = nn.Linear(8, 8)")
    assert code.count("nn.Linear(4, 8)") == 1


def test_a_model_whose_tie_comes_first_needs_no_extra_variables():
    code = model_code(the_tie_comes_first(), seed=0)
    made = [line for line in code.splitlines() if " = nn." in line and "Sequential" not in line]
    assert made == ["shared = nn.Linear(4, 4)  # one module, used 2 times (tied)"]
