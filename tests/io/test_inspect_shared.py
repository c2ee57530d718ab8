"""Inspect names the keys a file stores once (tied layers), against plain PyTorch's storages."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import save_file, save_model

from explorer.io.checkpoints import save_state_dict
from explorer.io.tensors import inspect_file
from tests.io.helpers import book_sequential, tied_sequential


def torch_groups(path) -> tuple[list[tuple[str, ...]], int, int]:
    """Plain PyTorch: keys grouped by ``untyped_storage().data_ptr()``, bytes over the keys,
    bytes of the distinct storages."""
    state = torch.load(path, weights_only=True)
    by_ptr: dict[int, list[str]] = {}
    storages: dict[int, int] = {}
    for k, t in state.items():
        ptr = t.untyped_storage().data_ptr()
        by_ptr.setdefault(ptr, []).append(k)
        storages[ptr] = t.untyped_storage().nbytes()
    total = sum(t.numel() * t.element_size() for t in state.values())
    groups = [tuple(keys) for keys in by_ptr.values() if len(keys) > 1]
    return groups, total, sum(storages.values())


def test_a_tied_state_dict_names_its_shared_keys_and_counts_them_once(tmp_path):
    path = tmp_path / "tied.pt"
    torch.save(tied_sequential().state_dict(), path)
    groups, total, unique = torch_groups(path)
    assert groups == [("2.weight", "4.weight"), ("2.bias", "4.bias")]  # what PyTorch keeps
    tree = inspect_file(path)
    assert [s.keys for s in tree.shared] == groups
    assert (tree.total_bytes, tree.unique_bytes) == (total, unique)
    assert unique < total and tree.tensor_count == 8
    assert str(tree.shared[0].text) == "2.weight = 4.weight (one storage)"
    assert tree.shared_with("4.bias").keys == ("2.bias", "4.bias")


def test_a_file_without_ties_reports_no_shared_storage(tmp_path):
    path = tmp_path / "mlp.params"
    torch.save(book_sequential().state_dict(), path)
    groups, total, unique = torch_groups(path)
    tree = inspect_file(path)
    assert groups == [] and tree.shared == []
    assert tree.total_bytes == tree.unique_bytes == total == unique


def test_a_checkpoint_with_a_tied_model_inside_names_the_nested_keys(tmp_path):
    path = tmp_path / "ckpt.pt"
    torch.save({"model": tied_sequential().state_dict(), "epoch": 3}, path)
    tree = inspect_file(path)
    assert [s.keys for s in tree.shared] == [
        ("model.2.weight", "model.4.weight"),
        ("model.2.bias", "model.4.bias"),
    ]


def test_cli_inspect_says_which_keys_share_storage_in_text_and_json(tmp_path, cli_run):
    path = tmp_path / "tied.pt"
    torch.save(tied_sequential().state_dict(), path)
    _, total, unique = torch_groups(path)
    out = cli_run("inspect", str(path))
    assert out.returncode == 0, out.stderr
    head, *lines = out.stdout.splitlines()
    assert f"8 tensors, {total} B over the keys, {unique} B unique" in head
    assert "shared: 2.weight = 4.weight (one storage)" in lines
    assert "shared: 2.bias = 4.bias (one storage)" in lines
    data = json.loads(cli_run("inspect", str(path), "--json").stdout)
    assert (data["bytes"], data["unique_bytes"]) == (total, unique)
    assert [s["keys"] for s in data["shared"]] == [["2.weight", "4.weight"], ["2.bias", "4.bias"]]
    assert {s["how"] for s in data["shared"]} == {"storage"}


def test_cli_inspect_of_one_tensor_says_1_tensor(tmp_path, cli_run):
    torch.save(torch.zeros(3), tmp_path / "x-file")
    out = cli_run("inspect", str(tmp_path / "x-file"))
    assert out.returncode == 0 and ", 1 tensor, 12 B" in out.stdout.splitlines()[0]


def test_safetensors_refuses_shared_tensors_and_save_model_notes_the_dropped_keys(tmp_path):
    net = tied_sequential()
    with pytest.raises(RuntimeError, match="share memory"):  # the format has no shared storage
        save_file(net.state_dict(), tmp_path / "refused.safetensors")
    path = tmp_path / "tied.safetensors"
    save_model(net, str(path))
    tree = inspect_file(path)
    stored = {e.key for e in tree.entries}
    dropped = {s.keys[1] for s in tree.shared}
    assert dropped.isdisjoint(stored) and len(dropped) == 2  # not in the file
    assert stored | dropped == set(net.state_dict())
    assert {s.how for s in tree.shared} == {"dropped"}
    assert tree.unique_bytes == tree.total_bytes  # the file holds each tensor once
    kept, dropped_key = tree.shared[0].keys
    assert f"the metadata names {dropped_key} as {kept}" in str(tree.shared[0].text)


def test_the_apps_safetensors_aliases_are_shown_as_stored_once(tmp_path):
    path = tmp_path / "tied.safetensors"
    save_state_dict(tied_sequential().state_dict(), path)
    tree = inspect_file(path)
    assert [(s.keys, s.how) for s in tree.shared] == [
        (("2.weight", "4.weight"), "alias"),
        (("2.bias", "4.bias"), "alias"),
    ]
    assert tree.total_bytes - tree.unique_bytes == (8 * 8 + 8) * 4


def test_a_safetensors_file_without_ties_has_no_shared_keys(tmp_path):
    path = tmp_path / "mlp.safetensors"
    save_file(book_sequential().state_dict(), path)
    tree = inspect_file(path)
    assert tree.shared == [] and tree.unique_bytes == tree.total_bytes
