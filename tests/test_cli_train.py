"""``nn-explorer train`` trains a project's model and writes its weights atomically."""

import json

import torch

from explorer.cli import run_cli
from explorer.core.spec import LayerSpec, sequential
from explorer.io.project import Project, load_project, save_project

L = LayerSpec.make


def project(tmp_path):
    spec = sequential(
        L("Linear", in_features=2, out_features=16),
        L("ReLU"),
        L("Linear", in_features=16, out_features=3),
        input_shape=(8, 2),
    )
    path = tmp_path / "m.nnx.json"
    save_project(Project(spec, "m"), path)
    return path


class Done:
    def __init__(self, returncode, captured):
        self.returncode = returncode
        self.stdout, self.stderr = captured.out, captured.err


def run(capsys, *args):
    """The command in-process (the subprocess path is covered by test_cli.py)."""
    code = run_cli(["train", *map(str, args)])
    return Done(code, capsys.readouterr())


def test_train_prints_the_loss_every_k_steps_and_writes_a_state_dict(tmp_path, capsys):
    out = tmp_path / "trained.pt"
    done = run(
        capsys,
        project(tmp_path),
        "--data",
        "spiral",
        "--steps",
        "40",
        "--every",
        "10",
        "--optimizer",
        "adam",
        "--lr",
        "0.02",
        "-o",
        out,
    )
    assert done.returncode == 0, done.stderr
    steps = [int(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("step")]
    assert steps == [10, 20, 30, 40]
    state = torch.load(out, weights_only=True)
    assert list(state) == ["0.weight", "0.bias", "2.weight", "2.bias"]


def test_train_json_history_and_a_project_output_with_weights_beside_it(tmp_path, capsys):
    out = tmp_path / "trained.nnx.json"
    done = run(capsys, project(tmp_path), "--data", "moons", "--steps", "15", "--json", "-o", out)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [s for s, _ in result["history"]] == list(range(1, 16))
    assert result["loss"] == result["history"][-1][1]
    saved = load_project(out)
    assert saved.settings["training"]["data"]["source"] == "moons"
    assert torch.load(tmp_path / "trained.pt", weights_only=True)["2.bias"].shape == (3,)


def test_data_that_does_not_fit_is_one_line_and_exit_2(tmp_path, capsys):
    done = run(capsys, project(tmp_path), "--data", "sine", "--steps", "5")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "sine has samples of shape (1,)" in done.stderr


def test_an_nnx_output_holds_the_trained_weights_and_training_continues_from_them(tmp_path, capsys):
    first = tmp_path / "first.nnx"
    done = run(capsys, project(tmp_path), "--data", "spiral", "--steps", "5", "-o", first)
    assert done.returncode == 0, done.stderr
    saved = load_project(first)
    assert saved.weights is not None and saved.weights["2.bias"].shape == (3,)
    assert saved.settings["training"]["steps"] == 5
    # one tiny SGD step from the archive stays next to its weights, so training started
    # from them (a fresh initialization would be ~0.1 away)
    again = tmp_path / "again.pt"
    done = run(capsys, first, "--data", "spiral", "--steps", "1", "--lr", "1e-6", "-o", again)
    assert done.returncode == 0, done.stderr
    state = torch.load(again, weights_only=True)
    assert max((state[k] - v).abs().max().item() for k, v in saved.weights.items()) < 1e-4
