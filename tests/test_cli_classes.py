"""The command line on a learner's FILE.py --class NAME: the same contracts as on projects."""

from __future__ import annotations

import json

import torch
from torch import nn

from explorer.cli import run_cli
from explorer.core.data import DataSpec
from explorer.io.datafiles import load_dataset
from tests.hand_loop import hand_losses
from tests.io.test_module_file import NOTES_MLP, HandMLP


class Done:
    def __init__(self, returncode, captured):
        self.returncode = returncode
        self.stdout, self.stderr = captured.out, captured.err


def run(capsys, *args):
    code = run_cli([*map(str, args)])
    return Done(code, capsys.readouterr())


def mlp_file(tmp_path):
    path = tmp_path / "mlp.py"
    path.write_text(NOTES_MLP, encoding="utf-8")
    return path


def test_summary_json_of_the_notes_mlp(tmp_path, capsys):
    done = run(capsys, "summary", mlp_file(tmp_path), "--class", "MLP", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(r["name"], r["output_shape"]) for r in data["layers"]] == [
        ("hidden", [2, 256]),
        ("out", [2, 10]),
    ]
    assert data["total_params"] == sum(p.numel() for p in HandMLP().parameters())
    assert "guessed from hidden" in done.stderr


def test_init_values_equal_plain_pytorch_with_the_same_seed_and_order(tmp_path, capsys):
    out = tmp_path / "init.pt"
    done = run(capsys, "init", mlp_file(tmp_path), "--class", "MLP", "--scheme", "normal",
               "--arg", "std=0.01", "--target", "*.weight", "--seed", "5", "-o", out)  # fmt: skip
    assert done.returncode == 0, done.stderr
    torch.manual_seed(5)
    hand = HandMLP()
    torch.manual_seed(5)
    for name, p in hand.named_parameters():
        if name.endswith(".weight"):
            nn.init.normal_(p, std=0.01)
    state = torch.load(out, weights_only=True)
    assert list(state) == list(hand.state_dict())
    for key, value in hand.state_dict().items():
        assert torch.equal(state[key], value), key
    assert "nn.init.normal_(net.hidden.weight, mean=0, std=0.01)" in done.stdout


def test_training_losses_equal_a_hand_loop(tmp_path, capsys):
    out = tmp_path / "trained.pt"
    done = run(capsys, "train", mlp_file(tmp_path), "--class", "MLP", "--data", "teacher",
               "--samples", "100", "--steps", "12", "--batch-size", "16", "--lr", "0.05",
               "--seed", "3", "--json", "-o", out)  # fmt: skip
    assert done.returncode == 0, done.stderr
    history = [v for _, v in json.loads(done.stdout)["history"]]

    torch.manual_seed(3)
    hand = HandMLP()
    data = load_dataset(DataSpec("teacher", n=100, noise=0.1, seed=3, eval_fraction=0.2), (20,), 10)
    optimizer = torch.optim.SGD(hand.parameters(), lr=0.05)
    losses = hand_losses(hand, data.X, data.y, optimizer, nn.functional.mse_loss,
                         seed=3, batch_size=16, steps=12)  # fmt: skip
    assert history == losses
    state = torch.load(out, weights_only=True)
    for key, value in hand.state_dict().items():
        assert torch.equal(state[key], value), key


def test_train_on_a_class_refuses_a_project_output(tmp_path, capsys):
    done = run(capsys, "train", mlp_file(tmp_path), "--steps", "2", "-o", tmp_path / "x.nnx")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "write a .pt" in done.stderr


def test_export_code_of_a_class_is_the_converted_sequential_whose_keys_load(tmp_path, capsys):
    for style in ("sequential", "classes"):
        done = run(capsys, "export-code", mlp_file(tmp_path), "--class", "MLP", "--style", style)
        assert done.returncode == 0, done.stderr
        ns: dict = {"__name__": "exported"}
        exec(compile(done.stdout, "<exported>", "exec"), ns)  # noqa: S102 - our own output
        hand = HandMLP()
        ns["net"].load_state_dict(hand.state_dict(), strict=True)
        x = torch.rand(2, 20)
        assert torch.equal(ns["net"](x), hand(x))


def test_a_class_that_cannot_convert_exits_2_with_the_reason(tmp_path, capsys):
    path = tmp_path / "res.py"
    path.write_text(
        "from torch import nn\nclass Res(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.fc = nn.Linear(4, 4)\n"
        "    def forward(self, x):\n        return x + self.fc(x)\n"
    )
    done = run(capsys, "export-code", path)
    assert done.returncode == 2
    assert "not a straight chain" in done.stderr


def test_an_error_in_init_exits_2_with_the_line(tmp_path, capsys):
    path = tmp_path / "bad.py"
    path.write_text(
        "from torch import nn\nclass Bad(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.fc = nn.Linear(4, 'x')\n"
    )
    done = run(capsys, "summary", path, "--class", "Bad")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "bad.py, line 5, in __init__" in done.stderr


def test_summary_of_a_class_that_calls_a_module_twice_lists_each_call(tmp_path, capsys):
    from tests.io.test_module_called_twice import TWICE_IN_A_BLOCK

    path = tmp_path / "twice.py"
    path.write_text(TWICE_IN_A_BLOCK, encoding="utf-8")
    common = ("summary", path, "--class", "Twice", "--input-shape", "3,4")
    done = run(capsys, *common, "--json")
    assert done.returncode == 0, done.stderr
    rows = [(r["name"], r["call"], r["shared"]) for r in json.loads(done.stdout)["layers"]]
    assert ("linear", 1, False) in rows and ("linear", 2, True) in rows
    assert rows.index(("linear", 2, True)) == rows.index(("linear", 1, False)) + 1
    text = run(capsys, *common).stdout
    assert "linear (call 2)" in text and "body (call 2)" in text


LAZY_BN = """from torch import nn


class LazyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.LazyLinear(32), nn.ReLU(), nn.LazyBatchNorm1d(), nn.LazyLinear(10)
        )

    def forward(self, X):
        return self.net(X)
"""


def test_training_a_class_with_lazy_layers_that_never_ran_equals_a_hand_loop(tmp_path, capsys):
    path = tmp_path / "lazy.py"
    path.write_text(LAZY_BN, encoding="utf-8")
    out = tmp_path / "trained.pt"
    done = run(capsys, "train", path, "--input-shape", "2,20", "--data", "teacher",
               "--samples", "100", "--steps", "6", "--batch-size", "16", "--lr", "0.05",
               "--seed", "3", "--json", "-o", out)  # fmt: skip
    assert done.returncode == 0, done.stderr
    history = [v for _, v in json.loads(done.stdout)["history"]]

    torch.manual_seed(3)
    hand = nn.Sequential(nn.LazyLinear(32), nn.ReLU(), nn.LazyBatchNorm1d(), nn.LazyLinear(10))
    data = load_dataset(DataSpec("teacher", n=100, noise=0.1, seed=3, eval_fraction=0.2), (20,), 10)
    optimizer = torch.optim.SGD(hand.parameters(), lr=0.05)
    # 80 training samples: the 6th step starts the second epoch
    losses = hand_losses(hand, data.X, data.y, optimizer, nn.functional.mse_loss,
                         seed=3, batch_size=16, steps=6)  # fmt: skip
    assert history == losses
    state = torch.load(out, weights_only=True)
    expected = {f"net.{k}": v for k, v in hand.state_dict().items()}
    assert list(state) == list(expected)
    for key, value in expected.items():
        assert torch.equal(state[key], value), key
    assert int(state["net.2.num_batches_tracked"]) == 6
