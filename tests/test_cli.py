"""The command line works on project files without Qt."""

import json
import subprocess
import sys

from explorer.resources import examples_dir


def run(*args):
    return subprocess.run([sys.executable, "-m", "explorer", *args], capture_output=True, text=True)


def test_summary_prints_the_per_layer_table(cli_run):
    out = cli_run("summary", str(examples_dir() / "01-sequential.nnx.json"))
    assert out.returncode == 0, out.stderr
    assert "Linear(20 -> 256)" in out.stdout and "(2, 256)" in out.stdout
    from torch import nn

    n = sum(p.numel() for p in nn.Sequential(nn.Linear(20, 256), nn.Linear(256, 10)).parameters())
    assert f"total params: {n:,} (trainable: {n:,}) · 30.7 kFLOPs" in out.stdout
    assert "params (" not in out.stdout  # no count before a fixed plural ("1 params")


def test_summary_json_with_another_input_shape_reports_the_error_and_exits_2(cli_run):
    out = cli_run(
        "summary", str(examples_dir() / "01-sequential.nnx.json"), "--input-shape", "2,30", "--json"
    )
    assert out.returncode == 2
    data = json.loads(out.stdout)
    assert (
        data["layers"][0]["error"]
        == "Linear(20 -> 256) at index 0 expects last dimension 20, got 30"
    )
    assert data["total_params"] == 7946


def test_summary_of_a_broken_file_is_one_line_and_exit_2(tmp_path, cli_run):
    bad = tmp_path / "bad.nnx.json"
    bad.write_text("{not json")
    out = cli_run("summary", str(bad))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "not valid JSON" in out.stderr


def test_doctor_lists_versions_and_devices():
    out = run("--doctor")
    assert "torch" in out.stdout and "cpu" in out.stdout
    assert out.returncode in (0, 1)  # 1 when no window can open here; the reason is printed
    if out.returncode == 1:
        assert "cannot open" in out.stdout


def test_launch_without_display_libraries_prints_the_fix_instead_of_aborting():
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    out = subprocess.run(
        [sys.executable, "-m", "explorer"], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 1
    assert "cannot open a window" in out.stderr


def test_autograd_json_matches_torch(cli_run):
    import torch

    out = cli_run("autograd", "x * y + x**2", "--leaf", "x=3.0", "--leaf", "y=torch.arange(3.0)",
              "--gradient", "torch.ones(3)", "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    x = torch.tensor(3.0, requires_grad=True)
    y = torch.arange(3.0, requires_grad=True)
    z = x * y + x**2
    z.backward(torch.ones(3))
    assert data["value"] == z.tolist()
    assert data["grads"] == {"x": x.grad.item(), "y": y.grad.tolist()}
    assert [n["name"] for n in data["graph"]][:3] == ["AddBackward0", "MulBackward0", "PowBackward0"]
    assert data["graph"][0]["next"] == [1, 2]


def test_autograd_on_a_non_scalar_exits_2_with_one_line(cli_run):
    out = cli_run("autograd", "x * 2", "--leaf", "x=torch.arange(4.0)")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "gradient=" in out.stderr
