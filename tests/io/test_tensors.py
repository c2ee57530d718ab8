"""Tensor files as in the book, and the tree Inspect shows."""

from __future__ import annotations

import json
import subprocess
import sys

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
    assert mydict.kind == "state_dict" and mydict.entries[1].dtype == "float32"


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
    save_state_dict(tied_sequential().state_dict(), path)
    tree = inspect_file(path)
    assert tree.kind == "safetensors" and "nn_explorer.aliases" in tree.metadata
    assert {e.key for e in tree.entries} >= {"2.weight", "4.weight"}


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_inspect_prints_json_and_exits_0_or_2_with_the_reason(tmp_path):
    path = tmp_path / "mlp.params"
    torch.save(book_sequential().state_dict(), path)
    out = cli("inspect", str(path), "--json")
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
    bad = cli("inspect", str(tmp_path / "empty.pt"))
    assert bad.returncode == 2 and bad.stderr == "nn-explorer: empty.pt is empty\n"


def test_cli_inspect_refuses_a_hostile_file_without_running_it(tmp_path):
    from tests.io.test_safe_load import Payload

    marker = tmp_path / "pwned"
    torch.save({"w": Payload(marker)}, tmp_path / "evil.pt")
    out = cli("inspect", str(tmp_path / "evil.pt"))
    assert out.returncode == 2 and "refused" in out.stderr and not marker.exists()
