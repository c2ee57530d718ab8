"""Exported PyTorch code builds the same model: same state_dict keys and shapes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from explorer.core.build import build
from explorer.core.codegen import layer_call, model_code
from explorer.core.spec import LayerSpec
from explorer.io.project import load_project
from tests.conftest import EXAMPLES
from tests.strategies import specs


def _shapes(net) -> dict[str, object]:
    from torch.nn.parameter import UninitializedParameter, UninitializedTensorMixin

    out = {}
    for key, value in net.state_dict(keep_vars=True).items():
        lazy = isinstance(value, (UninitializedParameter, UninitializedTensorMixin))
        out[key] = "uninitialized" if lazy else tuple(value.shape)
    return out


def _exec(code: str):
    namespace: dict[str, object] = {"__name__": "exported"}
    exec(compile(code, "<exported>", "exec"), namespace)  # noqa: S102 - our own generated code
    return namespace["net"]


def _check_same_model(spec) -> None:
    net = _exec(model_code(spec))
    assert _shapes(net) == _shapes(build(spec, device="meta"))
    assert type(net).__name__ == "Sequential"
    ties = {}
    for path, layer in spec.layers():
        m = net
        for i in path:
            m = m[i]
        assert type(m).__name__ == layer.type
        if layer.tie is not None:
            assert ties.setdefault(layer.tie, m) is m  # one module at every use


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_exported_code_of_each_example_builds_the_same_keys_and_shapes(path):
    _check_same_model(load_project(path).spec)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_exported_code_of_random_specs_builds_the_same_keys_and_shapes(spec):
    _check_same_model(spec)


def test_shared_layer_is_one_variable_used_twice_as_in_the_book():
    spec = load_project(next(p for p in EXAMPLES if "shared" in p.name)).spec
    code = model_code(spec)
    assert "shared = nn.Linear(8, 8)" in code
    assert code.count("    shared,\n") == 2


def test_required_arguments_are_positional_and_defaults_left_out():
    assert layer_call(LayerSpec.make("Linear", in_features=20, out_features=256)) == (
        "nn.Linear(20, 256)"
    )
    assert layer_call(LayerSpec.make("Linear", in_features=2, out_features=3, bias=False)) == (
        "nn.Linear(2, 3, bias=False)"
    )
    assert layer_call(LayerSpec.make("Dropout", p=0.1)) == "nn.Dropout(p=0.1)"
    # The catalog suggests dim=-1, which is not PyTorch's default (None): it must be written.
    assert layer_call(LayerSpec.make("Softmax")) == "nn.Softmax(dim=-1)"


def test_running_the_exported_file_prints_the_output_shape(tmp_path):
    import subprocess
    import sys

    spec = load_project(EXAMPLES[0]).spec
    out = tmp_path / "model.py"
    out.write_text(model_code(spec))
    result = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "torch.Size([2, 10])" in result.stdout
