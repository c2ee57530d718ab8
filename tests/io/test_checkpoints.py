"""State dicts: saved as plain PyTorch does, loaded all-or-nothing after a report."""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file
from torch import nn

from explorer.core.build import build
from explorer.core.spec import LayerSpec, sequential
from explorer.io.atomic import atomic_write_with
from explorer.io.checkpoints import (
    LoadedState,
    LoadRefused,
    NotAStateDict,
    compare,
    device_mismatches,
    load_into,
    read_state_file,
    save_state_dict,
)
from tests.io.helpers import MLP, book_sequential, snapshot, tied_sequential, unchanged

L = LayerSpec.make


def named_mlp_spec():
    return sequential(
        L("Linear", name="hidden", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", name="output", in_features=256, out_features=10),
    )


def test_a_params_file_is_exactly_the_state_dict_and_loads_in_plain_pytorch(tmp_path):
    app_net = build(named_mlp_spec())
    path = tmp_path / "mlp.params"
    save_state_dict(app_net.state_dict(), path)
    clone = MLP()
    clone.load_state_dict(torch.load(path, weights_only=True))  # the book's code
    X = torch.randn(2, 20)
    assert torch.equal(clone(X), app_net(X))
    assert all(torch.equal(clone.state_dict()[k], v) for k, v in app_net.state_dict().items())


def test_the_books_mlp_params_load_strictly_into_the_app_model_bit_exact(tmp_path):
    mlp = MLP()
    path = tmp_path / "mlp.params"
    torch.save(mlp.state_dict(), path)  # book 5.4
    app_net = build(named_mlp_spec())
    report = load_into(app_net, read_state_file(path), strict=True)
    assert report.ok and len(report.matching) == 4
    X = torch.randn(2, 20)
    assert torch.equal(app_net(X), mlp(X))


@pytest.mark.parametrize("suffix", [".pt", ".safetensors"])
def test_tied_weights_round_trip_in_both_formats_and_stay_tied(tmp_path, suffix):
    net = tied_sequential()
    path = tmp_path / f"tied{suffix}"
    save_state_dict(net.state_dict(), path)
    loaded = read_state_file(path)
    assert loaded.state["2.weight"].data_ptr() == loaded.state["4.weight"].data_ptr()
    target = tied_sequential()
    load_into(target, loaded, strict=True)
    assert target[2] is target[4]
    assert all(torch.equal(target.state_dict()[k], v) for k, v in net.state_dict().items())


def test_safetensors_stores_a_tied_tensor_once_and_plain_safetensors_reads_it(tmp_path):
    path = tmp_path / "tied.safetensors"
    net = tied_sequential()
    save_state_dict(net.state_dict(), path)
    raw = load_file(path)
    assert "2.weight" in raw and "4.weight" not in raw
    assert torch.equal(raw["2.weight"], net[4].weight.detach())


def test_non_contiguous_and_views_are_saved_to_safetensors(tmp_path):
    base = torch.arange(12.0).reshape(3, 4)
    state = {"t": base.t(), "row": base[1], "base": base}
    path = tmp_path / "views.safetensors"
    save_state_dict(state, path)
    back = read_state_file(path).state
    assert all(torch.equal(back[k], v) for k, v in state.items())


def test_strict_load_with_a_wrong_shape_changes_nothing_unlike_plain_pytorch(tmp_path):
    wrong = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 5))
    path = tmp_path / "wrong.pt"
    torch.save(wrong.state_dict(), path)
    net = book_sequential()
    before = snapshot(net)
    with pytest.raises(LoadRefused, match=r"2\.weight: file has shape \(5, 256\)"):
        load_into(net, read_state_file(path), strict=True)
    assert unchanged(net, before)
    with pytest.raises(RuntimeError):  # PyTorch's own load: raises after copying 0.*
        net.load_state_dict(wrong.state_dict(), strict=False)
    assert torch.equal(net[0].weight, wrong[0].weight)


def test_non_strict_loads_only_the_matching_keys(tmp_path):
    wrong = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 5))
    net = book_sequential()
    before = snapshot(net)
    report = load_into(net, LoadedState(wrong.state_dict()), strict=False)
    assert report.matching == ("0.weight", "0.bias")
    assert [k for k, *_ in report.shape_mismatched] == ["2.weight", "2.bias"]
    assert torch.equal(net[0].weight, wrong[0].weight)
    assert torch.equal(net[2].weight, before["2.weight"])


def test_the_report_lists_missing_unexpected_and_dtype_changes():
    net = book_sequential()
    state = {k: v.double() for k, v in net.state_dict().items() if k != "2.bias"}
    state["3.weight"] = torch.zeros(1)
    report = compare(net, LoadedState(state))
    assert report.missing == ("2.bias",) and report.unexpected == ("3.weight",)
    assert ("0.weight", "float64", "float32") in report.dtype_changes
    assert not report.ok
    assert report.summary() == "keys that match: 3, 1 missing, 1 unexpected"
    before = snapshot(net)
    with pytest.raises(LoadRefused, match="missing in the file: 2.bias"):
        load_into(net, LoadedState(state), strict=True)
    assert unchanged(net, before)


def test_a_lazy_model_not_yet_run_is_explained_and_unchanged():
    lazy = build(sequential(L("LazyLinear", out_features=4)))
    state = nn.Sequential(nn.Linear(3, 4)).state_dict()
    with pytest.raises(LoadRefused, match="run a forward pass first"):
        load_into(lazy, LoadedState(state), strict=False)
    assert isinstance(lazy[0].weight, nn.parameter.UninitializedParameter)


def test_a_checkpoint_dict_yields_its_model_entry_with_a_note(tmp_path):
    net = book_sequential()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    path = tmp_path / "ckpt.pt"
    torch.save({"model": net.state_dict(), "optimizer": opt.state_dict(), "epoch": 3}, path)
    loaded = read_state_file(path)
    assert set(loaded.state) == set(net.state_dict())
    assert "'model' entry" in loaded.note and "epoch" in loaded.note


def test_a_single_tensor_file_is_not_a_state_dict(tmp_path):
    path = tmp_path / "x.pt"
    torch.save(torch.arange(4), path)
    with pytest.raises(NotAStateDict, match="a single tensor of shape"):
        read_state_file(path)


def test_a_failing_writer_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "mlp.params"
    save_state_dict(book_sequential().state_dict(), path)
    old = path.read_bytes()

    def writer(f):
        f.write(b"half a file")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write_with(path, writer)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["mlp.params"]


def test_a_save_that_fails_inside_torch_save_leaves_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "w.pt"
    save_state_dict({"a": torch.ones(3)}, path)
    old = path.read_bytes()

    def broken_save(obj, f):
        with open(f, "wb") as out:
            out.write(b"PK partial")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(torch, "save", broken_save)
    with pytest.raises(RuntimeError):
        save_state_dict({"a": torch.zeros(3)}, path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["w.pt"]


def test_device_mismatches_name_each_tensor_and_its_device():
    net = book_sequential()
    assert device_mismatches(net, "cpu") == []
    names = [name for name, _ in device_mismatches(net, "meta")]
    assert names == ["0.weight", "0.bias", "2.weight", "2.bias"]


def test_an_untied_file_loaded_into_a_tied_model_warns_that_the_last_value_wins():
    untied = nn.Sequential(
        nn.Linear(4, 8),
        nn.ReLU(),
        nn.Linear(8, 8),
        nn.ReLU(),
        nn.Linear(8, 8),
        nn.ReLU(),
        nn.Linear(8, 1),
    )
    tied = tied_sequential()
    report = load_into(tied, LoadedState(untied.state_dict()), strict=True)
    assert report.tied_conflicts == (("2.weight", "4.weight"), ("2.bias", "4.bias"))
    assert "4.weight wins" in report.problems()[0]
    assert torch.equal(tied[2].weight, untied[4].weight)
