"""The exported script is plain PyTorch: it reproduces the app's run and runs under torchrun."""

import os
import re
import subprocess
import sys
from pathlib import Path

import torch

from explorer.core.build import build
from explorer.core.data import DataSpec, make_dataset
from explorer.core.export_script import training_script
from explorer.core.losses import OptimizerConfig
from explorer.core.spec import LayerSpec, sequential
from explorer.core.training import TrainConfig, train

L = LayerSpec.make
SPEC = sequential(
    L("Linear", in_features=2, out_features=16),
    L("ReLU"),
    L("Linear", in_features=16, out_features=3),
    input_shape=(8, 2),
)
DATA = DataSpec("spiral", n=128, noise=0.1, seed=1, eval_fraction=0.25)
CONFIG = TrainConfig(
    OptimizerConfig("adam", 0.02), "cross_entropy", batch_size=16, steps=40, seed=2
)


def write_script(tmp_path: Path) -> Path:
    path = tmp_path / "train.py"
    path.write_text(training_script(SPEC, DATA, CONFIG))
    return path


def run(cmd, tmp_path, out):
    env = {**os.environ, "OUT": str(out), "OMP_NUM_THREADS": "1"}
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def losses(stdout):
    first = float(re.search(r"initial loss ([\d.]+)", stdout).group(1))
    last = float(re.search(r"final loss ([\d.]+)", stdout).group(1))
    return first, last


def test_the_script_reproduces_the_apps_training_bit_for_bit(tmp_path):
    script = write_script(tmp_path)
    stdout = run([sys.executable, str(script)], tmp_path, tmp_path / "one.pt")
    first, last = losses(stdout)
    assert last < first
    torch.manual_seed(CONFIG.seed)
    net = build(SPEC)
    for _ in train(net, make_dataset(DATA), CONFIG):
        pass
    saved = torch.load(tmp_path / "one.pt", weights_only=True)
    assert saved.keys() == net.state_dict().keys()
    assert all(torch.equal(saved[k], v) for k, v in net.state_dict().items())


def test_the_script_trains_with_two_processes_under_torchrun(tmp_path):
    script = write_script(tmp_path)
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        "--nproc_per_node=2",
        str(script),
    ]
    stdout = run(cmd, tmp_path, tmp_path / "ddp.pt")
    first, last = losses(stdout)
    assert last < 0.9 * first
    assert torch.load(tmp_path / "ddp.pt", weights_only=True)["0.weight"].shape == (16, 2)
