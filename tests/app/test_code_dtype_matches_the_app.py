"""The Code tab's text of a float64 (or half) model gives the app's weights under its seed.

The app creates each layer in the spec's dtype (``nn.Linear(4, 8, dtype=torch.float64)``):
PyTorch's initializers then draw float64 numbers, which are not float32 draws cast with
``.to(torch.float64)`` afterwards. The exported code must create them the same way.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch

from explorer.core.codegen import model_code
from explorer.core.codegen_classes import classes_code
from explorer.core.spec import LayerSpec, sequential
from tests.app.test_code_of_tied_models_matches_the_app import app_net, code_net, tied

L = LayerSpec.make


def mlp():
    return sequential(
        L("Linear", in_features=4, out_features=8),
        L("ReLU"),
        L("Linear", in_features=8, out_features=3),
        input_shape=(2, 4),
    )


def tied_with_batchnorm():
    return sequential(
        L("Linear", in_features=4, out_features=8),
        L("BatchNorm1d", num_features=8),
        tied("a"),
        L("Tanh"),
        tied("a"),
        L("Linear", in_features=8, out_features=2),
        input_shape=(4, 4),
    )


SPECS = {"mlp": mlp, "tied+batchnorm": tied_with_batchnorm}


def same_state(a: torch.nn.Module, b: torch.nn.Module) -> None:
    sa, sb = a.state_dict(), b.state_dict()
    assert list(sa) == list(sb)
    for key in sa:
        assert sa[key].dtype == sb[key].dtype, key
        assert torch.equal(sa[key], sb[key]), key


@pytest.mark.parametrize("dtype", ["float64", "float16", "bfloat16"])
@pytest.mark.parametrize("make", SPECS.values(), ids=SPECS.keys())
def test_the_code_of_a_model_in_another_dtype_gives_the_apps_weights(make, dtype):
    spec = replace(make(), dtype=dtype)
    app, code = app_net(spec, 5), code_net(spec, 5)
    same_state(app, code)
    x = torch.rand(spec.input_shape).to(getattr(torch, dtype))
    app.eval(), code.eval()
    assert torch.equal(app(x), code(x))


@pytest.mark.parametrize("dtype", ["float64", "bfloat16"])
def test_the_classes_code_in_another_dtype_gives_the_apps_weights(dtype):
    spec = replace(mlp(), dtype=dtype)
    namespace: dict[str, object] = {"__name__": "exported"}
    torch.manual_seed(5)
    exec(compile(classes_code(spec), "<exported>", "exec"), namespace)  # noqa: S102 - our code
    same_state(app_net(spec, 5), namespace["net"])


def test_a_float64_layer_is_created_in_float64_as_the_app_builds_it():
    code = model_code(replace(mlp(), dtype="float64"), seed=0)
    assert "nn.Linear(4, 8, dtype=torch.float64)" in code
    assert "nn.ReLU()," in code  # no dtype for a layer that has no tensors to create
