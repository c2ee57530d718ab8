"""A bare state dict becomes a runnable nn.Sequential."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch
from torch import nn

from explorer.core.build import build
from explorer.io.project import load_project
from explorer.io.state_dict_import import ImportError_, import_state_file, infer_spec
from tests.io.helpers import MLP, book_sequential, tied_sequential


def runs_like(original: nn.Module, spec, state) -> bool:
    net = build(spec)
    net.load_state_dict(state)
    X = torch.randn(*spec.input_shape)
    return torch.equal(net(X), original(X))


def test_the_books_mlp_class_becomes_hidden_relu_output_and_computes_the_same():
    mlp = MLP()
    result = infer_spec(mlp.state_dict())
    layers = result.spec.children
    assert [(n.type, n.name) for n in layers] == [
        ("Linear", "hidden"),
        ("ReLU", None),
        ("Linear", "output"),
    ]
    assert result.guessed == [("1", "not in the file (no parameters): ReLU assumed")]
    assert result.guessed_ids == [layers[1].id]
    assert runs_like(mlp, result.spec, mlp.state_dict())


def test_a_sequential_with_gaps_gets_relu_in_the_gaps_and_runs():
    net = book_sequential()
    result = infer_spec(net.state_dict())
    assert [n.type for n in result.spec.children] == ["Linear", "ReLU", "Linear"]
    assert result.spec.input_shape == (2, 20)
    assert runs_like(net, result.spec, net.state_dict())


def test_nested_blocks_become_nested_sequentials():
    # A trailing parameter-free layer leaves no key, so the book's block1 without its last ReLU.
    def block1():
        return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4))

    net = nn.Sequential(nn.Sequential(block1(), block1()), nn.Linear(4, 1))
    result = infer_spec(net.state_dict())
    assert sorted(build(result.spec).state_dict()) == sorted(net.state_dict())
    assert runs_like(net, result.spec, net.state_dict())


def test_shared_tensors_become_one_tied_layer():
    net = tied_sequential()
    result = infer_spec(net.state_dict())
    layers = result.spec.children
    assert layers[2].tie is not None and layers[2].tie == layers[4].tie
    assert layers[0].tie is None
    built = build(result.spec)
    assert built[2] is built[4]


def test_conv_and_batchnorm_are_inferred_from_shapes_and_buffers():
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2),
        nn.BatchNorm2d(6),
        nn.Sigmoid(),
        nn.Flatten(),
        nn.Linear(6 * 28 * 28, 10),
        nn.BatchNorm1d(10),
        nn.LayerNorm(10),
    )
    result = infer_spec(net.state_dict())
    types = [n.type for n in result.spec.children]
    assert types == [
        "Conv2d",
        "BatchNorm2d",
        "ReLU",
        "Flatten",
        "Linear",
        "BatchNorm1d",
        "LayerNorm",
    ]
    assert result.spec.children[0].args["kernel_size"] == (5, 5)
    built = build(result.spec)
    built.load_state_dict(net.state_dict())  # padding is not in the file: shapes still load
    assert result.spec.input_shape == (1, 1, 28, 28)


def test_a_state_dict_that_is_not_a_sequential_is_explained():
    with pytest.raises(ImportError_, match="cannot tell the layer"):
        infer_spec({"0.scale": torch.ones(3)})
    with pytest.raises(ImportError_, match="empty"):
        infer_spec({})


def test_cli_import_state_dict_writes_a_project_with_the_weights(tmp_path):
    mlp = MLP()
    src, out = tmp_path / "mlp.params", tmp_path / "mlp.nnx"
    torch.save(mlp.state_dict(), src)
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", "import-state-dict", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "layer 1: not in the file (no parameters): ReLU assumed" in proc.stdout
    project = load_project(out)
    assert all(torch.equal(project.weights[k], v) for k, v in mlp.state_dict().items())
    assert import_state_file(src).net is not None
