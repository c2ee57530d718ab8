"""``nn-explorer train`` trains a project's model and writes its weights atomically."""

import json

import pytest
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


def test_train_json_has_final_and_per_step_accuracy_equal_to_plain_pytorch(tmp_path, capsys):
    from explorer.core.build import build
    from explorer.core.data import DataSpec, make_dataset

    out = tmp_path / "trained.pt"
    done = run(capsys, project(tmp_path), "--data", "spiral", "--steps", "25", "--json", "-o", out)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    net = build(load_project(project(tmp_path)).spec)
    net.load_state_dict(torch.load(out, weights_only=True))
    data = make_dataset(DataSpec("spiral", n=512, noise=0.1, seed=0, eval_fraction=0.2))
    with torch.no_grad():
        train = (net(data.X).argmax(1) == data.y).float().mean().item()
        held = (net(data.X_eval).argmax(1) == data.y_eval).float().mean().item()
    assert result["accuracy"] == pytest.approx(train) and result["eval_accuracy"] == pytest.approx(
        held
    )
    assert result["accuracy_history"][-1] == [25, result["accuracy"]]
    assert result["eval_accuracy_history"][-1] == [25, result["eval_accuracy"]]
    steps = [s for s, _ in result["accuracy_history"]]
    assert steps == sorted(set(steps)) and all(0 <= a <= 1 for _, a in result["accuracy_history"])


def test_plain_output_prints_accuracy_beside_the_loss_and_regression_has_none(tmp_path, capsys):
    done = run(capsys, project(tmp_path), "--data", "blobs", "--steps", "20", "--every", "10")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        lines[-1].startswith("final")
        and "accuracy" in lines[-1]
        and "held-out accuracy" in lines[-1]
    )
    assert "accuracy" in next(line for line in lines if line.startswith("step      20"))
    spec = sequential(
        L("Linear", in_features=1, out_features=4),
        L("Linear", in_features=4, out_features=1),
        input_shape=(8, 1),
    )
    save_project(Project(spec, "r"), tmp_path / "r.nnx.json")
    done = run(capsys, tmp_path / "r.nnx.json", "--data", "sine", "--steps", "5", "--json")
    result = json.loads(done.stdout)
    assert "accuracy" not in result and "eval_accuracy" not in result
