"""Export as classes: the same keys and, under the same seed, the same values as the Sequential."""

from __future__ import annotations

import pytest
import torch
from hypothesis import HealthCheck, given, settings

from explorer.core.build import build
from explorer.core.codegen_classes import classes_code
from explorer.core.errors import SpecError
from explorer.core.spec import BlockSpec, LayerSpec, sequential
from explorer.io.project import load_project
from tests.conftest import EXAMPLES
from tests.strategies import specs


def _exec(code: str):
    namespace: dict[str, object] = {"__name__": "exported"}
    torch.manual_seed(7)
    exec(compile(code, "<exported>", "exec"), namespace)  # noqa: S102 - our own generated code
    return namespace["net"]


def _check_equal(spec) -> None:
    net = _exec(classes_code(spec))
    torch.manual_seed(7)
    ref = build(spec)
    assert type(net).__name__ == "Net" and isinstance(net, torch.nn.Module)
    a, b = net.state_dict(), ref.state_dict()
    assert list(a) == list(b)
    for key in a:
        if isinstance(b[key], torch.nn.parameter.UninitializedParameter):
            continue
        assert torch.equal(a[key], b[key]), key
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in ref.named_parameters()]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_each_example_as_classes_has_the_sequentials_keys_and_values(path):
    spec = load_project(path).spec
    _check_equal(spec)
    if not any(layer.type.startswith("Lazy") for _, layer in spec.layers()):
        net, ref = _exec(classes_code(spec)), build(spec)
        ref.load_state_dict(net.state_dict())
        net.eval(), ref.eval()
        x = torch.rand(spec.input_shape)
        assert torch.equal(net(x), ref(x))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_random_specs_as_classes_keep_keys_and_values(spec):
    try:
        code = classes_code(spec)
    except SpecError:
        return  # a tie across blocks is refused; checked below
    assert "class Net(nn.Module)" in code
    _check_equal(spec)


def test_named_children_are_attributes_and_blocks_are_classes():
    spec = sequential(
        LayerSpec.make("Linear", name="hidden", in_features=20, out_features=256),
        LayerSpec.make("ReLU"),
        BlockSpec((LayerSpec.make("Linear", in_features=256, out_features=10),), name="head"),
        input_shape=(2, 20),
    )
    code = classes_code(spec)
    assert "self.hidden = nn.Linear(20, 256)" in code
    assert "self.add_module('1', nn.ReLU())" in code
    assert "class Head(nn.Module):" in code and "self.head = Head()" in code
    assert "X = self.hidden(X)" in code


def test_a_tie_across_blocks_is_refused_with_the_reason():
    shared = LayerSpec(type="Linear", args={"in_features": 4, "out_features": 4}, tie="t")
    spec = sequential(
        shared,
        BlockSpec((LayerSpec(type="Linear", args=dict(shared.args), tie="t"),)),
        input_shape=(2, 4),
    )
    with pytest.raises(SpecError, match="different blocks"):
        classes_code(spec)
