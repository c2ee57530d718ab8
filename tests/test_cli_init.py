"""``nn-explorer init``: the saved values equal plain PyTorch after torch.manual_seed(S)."""

import torch
from torch import nn

from explorer.cli import run_cli
from explorer.core.build import build
from explorer.io.project import load_project
from explorer.resources import examples_dir

SHARED = str(examples_dir() / "05-shared-layer.nnx.json")


def test_init_writes_a_state_dict_equal_to_plain_pytorch(tmp_path, capsys):
    out = tmp_path / "w.pt"
    args = ["init", SHARED, "--scheme", "kaiming_normal", "--arg", "nonlinearity=relu"]
    rc = run_cli([*args, "--target", "*.weight", "--seed", "3", "-o", str(out)])
    assert rc == 0, capsys.readouterr().err
    saved = torch.load(out, weights_only=True)
    torch.manual_seed(3)
    net = build(load_project(SHARED).spec)
    torch.manual_seed(3)
    for name, p in net.named_parameters():
        if name.endswith("weight"):
            nn.init.kaiming_normal_(p, nonlinearity="relu")
    assert list(saved) == list(net.state_dict())
    for key, value in net.state_dict().items():
        assert torch.equal(saved[key], value), key
    text = capsys.readouterr().out
    assert "nn.init.kaiming_normal_(net[2].weight, a=0, mode='fan_in', nonlinearity='relu')" in text
    assert f"(state_dict, keys: {len(saved)})" in text  # no "1 keys" for a one-tensor model


def test_init_to_a_project_writes_the_json_and_the_weights_beside_it(tmp_path):
    out = tmp_path / "lazy.nnx.json"
    lazy = str(examples_dir() / "06-lazy-mlp.nnx.json")
    rc = run_cli(
        ["init", lazy, "--scheme", "zeros", "--seed", "0", "--materialize", "-o", str(out)]
    )
    assert rc == 0
    assert load_project(out).spec == load_project(lazy).spec
    saved = torch.load(tmp_path / "lazy.pt", weights_only=True)
    assert tuple(saved["0.weight"].shape) == (256, 20) and not saved["0.weight"].any()


def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "w.pt"
    lazy = str(examples_dir() / "06-lazy-mlp.nnx.json")
    assert run_cli(["init", SHARED, "--scheme", "eye", "--seed", "0", "-o", str(out)]) == 2
    assert "eye_ needs exactly 2 dimensions" in capsys.readouterr().err
    assert run_cli(["init", lazy, "--scheme", "normal", "--seed", "0", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--materialize" in err
    assert run_cli(["init", SHARED, "--scheme", "glorot", "--seed", "0", "-o", str(out)]) == 2
    assert not out.exists()


def test_init_to_an_nnx_project_keeps_weights_and_starts_from_them_when_read_back(tmp_path):
    first, second = tmp_path / "a.nnx", tmp_path / "b.nnx"
    assert run_cli(["init", SHARED, "--scheme", "ones", "--seed", "0", "-o", str(first)]) == 0
    project = load_project(first)
    assert all(bool((v == 1).all()) for v in project.weights.values())
    # only the biases change; the weights read from a.nnx are kept
    args = ["init", str(first), "--scheme", "zeros", "--target", "*.bias", "--seed", "1"]
    assert run_cli([*args, "-o", str(second)]) == 0
    weights = load_project(second).weights
    assert bool((weights["2.weight"] == 1).all()) and not weights["2.bias"].any()
