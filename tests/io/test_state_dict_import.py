"""A bare state dict becomes a runnable nn.Sequential."""

from __future__ import annotations

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
        ("ReLU", "relu"),
        ("Linear", "output"),
    ]
    why = "not in the file (no parameters): ReLU assumed (--between relu)"
    assert result.guessed[0] == ("relu", why)
    assert result.guessed_ids == [layers[1].id]
    assert layers[1].guessed == why and layers[0].guessed is None and layers[2].guessed is None
    assert runs_like(mlp, result.spec, mlp.state_dict())


def test_between_none_inserts_nothing_between_named_layers():
    result = infer_spec(MLP().state_dict(), between="none")
    assert [(n.type, n.name) for n in result.spec.children] == [
        ("Linear", "hidden"),
        ("Linear", "output"),
    ]


def test_between_dropout_fills_index_gaps_with_marked_dropout():
    net = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5), nn.Linear(8, 2))
    result = infer_spec(net.state_dict(), between="dropout")
    gap = result.spec.children[1]
    assert gap.type == "Dropout" and "Dropout assumed" in gap.guessed
    with pytest.raises(ImportError_, match="--between softmax2"):
        infer_spec(net.state_dict(), between="softmax2")


def test_a_foreign_safetensors_file_with_named_children_is_refused_not_reordered():
    state = MLP().state_dict()
    with pytest.raises(ImportError_, match="will not invent an order"):
        infer_spec(dict(sorted(state.items())), ordered=False)
    numeric = book_sequential().state_dict()
    assert (
        infer_spec(dict(sorted(numeric.items())), ordered=False).spec.children[0].type == "Linear"
    )


def test_our_safetensors_file_keeps_the_key_order_and_imports_like_the_pt(tmp_path):
    from collections import OrderedDict

    from explorer.io.checkpoints import read_state_file, save_state_dict

    net = nn.Sequential(OrderedDict(features=nn.Linear(3, 4), classifier=nn.Linear(4, 2)))
    save_state_dict(net.state_dict(), tmp_path / "n.safetensors")
    torch.save(net.state_dict(), tmp_path / "n.pt")
    loaded = read_state_file(tmp_path / "n.safetensors")
    assert list(loaded.state) == list(net.state_dict()) and loaded.ordered
    a = import_state_file(tmp_path / "n.safetensors").spec
    b = import_state_file(tmp_path / "n.pt").spec
    assert [(n.type, n.name) for n in a.children] == [(n.type, n.name) for n in b.children]
    assert [n.name for n in a.children] == ["features", "relu", "classifier"]


def test_input_shape_is_proven_by_a_first_linear_and_given_by_the_option():
    result = infer_spec(nn.Sequential(nn.Linear(9216, 3)).state_dict())
    assert result.spec.input_shape == (2, 9216)
    assert not any(k == "input" for k, _ in result.guessed)
    given = infer_spec(nn.Sequential(nn.Linear(9216, 3)).state_dict(), input_shape=(5, 9216))
    assert given.spec.input_shape == (5, 9216)


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


def test_conv_and_batchnorm_are_inferred_and_every_guess_is_marked():
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
    layers = result.spec.children
    assert [n.type for n in layers] == [
        "Conv2d",
        "BatchNorm2d",
        "ReLU",
        "Flatten",
        "Linear",
        "BatchNorm1d",
        "LayerNorm",
    ]
    assert layers[0].args["kernel_size"] == (5, 5)
    marked = {n.type for n in layers if n.guessed}
    assert marked == {"Conv2d", "BatchNorm2d", "ReLU", "Flatten", "BatchNorm1d", "LayerNorm"}
    assert "padding" in layers[0].guessed and "input size" in layers[0].guessed
    built = build(result.spec)
    built.load_state_dict(net.state_dict())  # padding is not in the file: shapes still load
    # without padding the Linear fixes the picture at 32x32, not the original 28x28: a guess
    assert result.spec.input_shape == (2, 1, 32, 32)


def test_a_depthwise_convolution_gets_groups_from_the_channels_before_it_marked():
    net = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Conv2d(8, 8, 3, groups=8))
    result = infer_spec(net.state_dict())
    dw = result.spec.children[-1]
    assert dw.args["groups"] == 8 and dw.args["in_channels"] == 8
    assert "groups=8 inferred" in dw.guessed


def test_a_state_dict_that_is_not_a_sequential_is_explained():
    with pytest.raises(ImportError_, match="cannot tell the layer"):
        infer_spec({"0.scale": torch.ones(3)})
    with pytest.raises(ImportError_, match="empty"):
        infer_spec({})


def test_cli_import_state_dict_writes_a_project_with_the_weights(tmp_path, cli_run):
    mlp = MLP()
    src, out = tmp_path / "mlp.params", tmp_path / "mlp.nnx"
    torch.save(mlp.state_dict(), src)
    proc = cli_run("import-state-dict", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "2 guesses" in proc.stdout
    assert "relu: not in the file (no parameters): ReLU assumed" in proc.stdout
    assert "weights written (tensors: 4)" in proc.stdout
    project = load_project(out)
    assert all(torch.equal(project.weights[k], v) for k, v in mlp.state_dict().items())
    assert project.spec.children[1].guessed  # the mark is kept in the project
    assert import_state_file(src).net is not None


def test_cli_to_nnx_json_says_the_weights_were_not_kept(tmp_path, cli_run):
    src, out = tmp_path / "mlp.params", tmp_path / "mlp.nnx.json"
    torch.save(MLP().state_dict(), src)
    proc = cli_run("import-state-dict", str(src), "-o", str(out), "--between", "none")
    assert proc.returncode == 0, proc.stderr
    assert "weights were not kept" in proc.stdout and "weights loaded" not in proc.stdout
    assert "weights written" not in proc.stdout
    assert [n.type for n in load_project(out).spec.children] == ["Linear", "Linear"]


def test_cli_imports_a_pickled_sequential_exactly_with_zero_layer_guesses(tmp_path, cli_run):
    net = nn.Sequential(nn.Linear(6, 4), nn.Tanh(), nn.Dropout(0.1), nn.Linear(4, 2)).eval()
    src, out = tmp_path / "net.pt", tmp_path / "net.nnx"
    torch.save(net, src)
    proc = cli_run("import-state-dict", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "pickled model (architecture read from the file)" in proc.stdout
    assert "0 guesses" in proc.stdout
    project = load_project(out)
    rebuilt = build(project.spec)
    rebuilt.load_state_dict(project.weights)
    X = torch.randn(3, 6)
    assert torch.equal(rebuilt.eval()(X), net(X))


def test_cli_refuses_a_custom_model_class_in_one_line(tmp_path, cli_run):
    src = tmp_path / "mlp.pt"
    torch.save(MLP(), src)
    proc = cli_run("import-state-dict", str(src), "-o", str(tmp_path / "x.nnx"))
    assert proc.returncode == 2 and not (tmp_path / "x.nnx").exists()
    assert proc.stderr.count("\n") == 1 and "tests.io.helpers.MLP" in proc.stderr

