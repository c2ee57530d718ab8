"""Tensor files as in the book, and the tree Inspect shows."""

from __future__ import annotations

import json

import pytest
import torch

from explorer.io.checkpoints import save_state_dict
from explorer.io.tensors import inspect_file, load_tensors, pack, save_tensors
from tests.io.helpers import book_sequential, tied_sequential


@pytest.mark.parametrize("layout", ["tensor", "list", "dict"])
def test_tensors_saved_by_the_app_load_in_plain_pytorch_as_in_the_book(tmp_path, layout):
    x, y = torch.arange(4), torch.zeros(4)
    tensors = {"x": x} if layout == "tensor" else {"x": x, "y": y}
    path = tmp_path / "x-file"
    save_tensors(pack(tensors, layout), path)
    back = torch.load(path, weights_only=True)
    if layout == "tensor":
        assert torch.equal(back, x)
    elif layout == "list":
        assert isinstance(back, list) and torch.equal(back[0], x) and torch.equal(back[1], y)
    else:
        assert set(back) == {"x", "y"} and torch.equal(back["y"], y)
    assert type(load_tensors(path)) is type(back)


def test_the_books_tensor_files_open_in_inspect(tmp_path):
    x, y = torch.arange(4), torch.zeros(4)
    torch.save(x, tmp_path / "x-file")
    torch.save([x, y], tmp_path / "x-files")
    torch.save({"x": x, "y": y}, tmp_path / "mydict")
    single = inspect_file(tmp_path / "x-file")
    assert single.kind == "tensor" and single.entries[0].shape == (4,)
    listed = inspect_file(tmp_path / "x-files")
    assert [e.key for e in listed.entries] == ["[0]", "[1]"]
    assert torch.equal(listed.tensor("[1]"), y)
    mydict = inspect_file(tmp_path / "mydict")
    # {'x': x, 'y': y} is a dict of tensors, not a state dict: no "Import as model"
    assert mydict.kind == "tensors" and mydict.kind_text == "dict of tensors"
    assert mydict.entries[1].dtype == "float32" and not mydict.importable
    assert torch.equal(single.tensor("(tensor)"), x)  # a single tensor opens in the inspector


def test_a_state_dict_is_told_from_a_dict_of_tensors_by_its_keys(tmp_path):
    torch.save(torch.nn.Linear(2, 3).state_dict(), tmp_path / "linear.pt")
    torch.save(book_sequential().state_dict(), tmp_path / "seq.pt")
    assert inspect_file(tmp_path / "linear.pt").importable
    assert inspect_file(tmp_path / "seq.pt").kind == "state_dict"


def test_inspect_opens_npy_npz_and_nnx_from_their_headers(tmp_path):
    import numpy as np

    from explorer.core.spec import LayerSpec, sequential
    from explorer.io.project import Project, save_project

    np.save(tmp_path / "a.npy", np.arange(6.0).reshape(2, 3))
    np.savez(tmp_path / "b.npz", x=np.ones(3, np.float32), y=np.zeros((2, 2)))
    spec = sequential(LayerSpec.make("Linear", name="hidden", in_features=2, out_features=3))
    weights = {"hidden.weight": torch.ones(3, 2), "hidden.bias": torch.zeros(3)}
    save_project(Project(spec, "p", weights=weights), tmp_path / "p.nnx")
    npy = inspect_file(tmp_path / "a.npy")
    assert (npy.kind, npy.format, npy.entries[0].shape) == ("tensor", "npy", (2, 3))
    assert torch.equal(npy.tensor("(tensor)"), torch.arange(6.0, dtype=torch.float64).view(2, 3))
    npz = inspect_file(tmp_path / "b.npz")
    assert [(e.key, e.shape, e.dtype) for e in npz.entries] == [
        ("x", (3,), "float32"),
        ("y", (2, 2), "float64"),
    ]
    assert npz.kind_text == "dict of tensors" and torch.equal(npz.tensor("x"), torch.ones(3))
    nnx = inspect_file(tmp_path / "p.nnx")
    assert nnx.kind == "project" and nnx.metadata["title"] == "p"
    assert [e.key for e in nnx.entries if e.kind == "tensor"] == [
        "weights.hidden.weight",
        "weights.hidden.bias",
    ]
    assert torch.equal(nnx.tensor("weights.hidden.weight"), torch.ones(3, 2))


def test_a_hostile_bare_pickle_is_refused_naming_its_global(tmp_path):
    import os
    import pickle

    from explorer.io.safe_load import UnsafeFileError

    class Evil:
        def __reduce__(self):
            return (os.system, ("echo never",))

    for protocol in (2, 4, 5):
        path = tmp_path / f"evil{protocol}.pt"
        path.write_bytes(pickle.dumps(Evil(), protocol=protocol))
        with pytest.raises(UnsafeFileError, match=r"it asks for (posix|nt)\.system"):
            inspect_file(path)


def test_inspect_of_a_pickled_sequential_shows_its_weights_without_running_it(tmp_path):
    net = book_sequential()
    torch.save(net, tmp_path / "net.pt")
    tree = inspect_file(tmp_path / "net.pt")
    assert tree.kind == "model" and tree.importable
    assert torch.equal(tree.tensor("2.bias"), net[2].bias.detach())


def test_inspect_shows_a_checkpoint_dict_tree_with_sizes(tmp_path):
    net = book_sequential()
    path = tmp_path / "ckpt.pt"
    torch.save({"model": net.state_dict(), "epoch": 7}, path)
    tree = inspect_file(path)
    assert tree.kind == "checkpoint"
    weight = next(e for e in tree.entries if e.key == "model.0.weight")
    assert (weight.shape, weight.depth, weight.nbytes, weight.device) == (
        (256, 20),
        1,
        20480,
        "cpu",
    )
    assert next(e for e in tree.entries if e.key == "epoch").value == "7"
    assert torch.equal(tree.tensor("model.2.bias"), net[2].bias.detach())


def test_inspect_reads_safetensors_with_its_metadata(tmp_path):
    path = tmp_path / "tied.safetensors"
    state = tied_sequential().state_dict()
    save_state_dict(state, path)
    tree = inspect_file(path)
    assert tree.format == "safetensors" and tree.kind == "state_dict"
    assert "nn_explorer.aliases" in tree.metadata
    assert [e.key for e in tree.entries] == list(state)  # our key order, aliases included
    assert torch.equal(tree.tensor("4.weight"), state["2.weight"])



def test_cli_inspect_prints_json_and_exits_0_or_2_with_the_reason(tmp_path, cli_run):
    path = tmp_path / "mlp.params"
    torch.save(book_sequential().state_dict(), path)
    out = cli_run("inspect", str(path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["kind"] == "state_dict" and data["tensors"] == 4
    assert data["entries"][0] == {
        "key": "0.weight",
        "depth": 0,
        "kind": "tensor",
        "shape": [256, 20],
        "dtype": "float32",
        "device": "cpu",
        "nbytes": 20480,
        "value": "",
    }
    (tmp_path / "empty.pt").write_bytes(b"")
    bad = cli_run("inspect", str(tmp_path / "empty.pt"))
    assert bad.returncode == 2 and bad.stderr == "nn-explorer: empty.pt is empty\n"


def test_cli_inspect_refuses_a_hostile_file_without_running_it(tmp_path, cli_run):
    from tests.io.test_safe_load import Payload

    marker = tmp_path / "pwned"
    torch.save({"w": Payload(marker)}, tmp_path / "evil.pt")
    out = cli_run("inspect", str(tmp_path / "evil.pt"))
    assert out.returncode == 2 and "refused" in out.stderr and not marker.exists()
