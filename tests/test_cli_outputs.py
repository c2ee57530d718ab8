"""Never lose data through ``-o``: every output is checked before work, old files survive
byte for byte, and messages name what a file holds (issue 17, data loss)."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys

import pytest
import torch

from explorer.cli import run_cli
from explorer.core.spec import LayerSpec, sequential
from explorer.io.atomic import atomic_write_bytes
from explorer.io.project import Project, load_project, save_project

L = LayerSpec.make


def spec():
    return sequential(
        L("Linear", in_features=2, out_features=8),
        L("ReLU"),
        L("Linear", in_features=8, out_features=3),
        input_shape=(4, 2),
    )


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.nnx.json"
    save_project(Project(spec(), "p"), path)
    return path


@pytest.fixture
def weights(tmp_path):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    path = tmp_path / "w.pt"
    torch.save(net.state_dict(), path)
    return path


def cli(capsys, *args):
    try:
        code = run_cli([*map(str, args)])
    except SystemExit as e:  # argparse's usage errors
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(code, err):
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_import_state_dict_onto_its_own_input_is_refused_and_the_weights_stay(
    weights, capsys
):
    before = weights.read_bytes()
    code, out, err = cli(capsys, "import-state-dict", weights, "-o", weights)
    assert "weights loaded" not in out
    one_line_error(code, err)
    assert weights.read_bytes() == before


def test_import_state_dict_to_json_says_the_weights_were_not_kept(weights, tmp_path, capsys):
    out_path = tmp_path / "arch.nnx.json"
    code, out, err = cli(capsys, "import-state-dict", weights, "-o", out_path)
    assert code == 0, err
    assert "weights were not kept" in out and "weights loaded" not in out
    assert load_project(out_path).weights is None


def test_import_state_dict_to_nnx_keeps_the_weights_and_says_so(weights, tmp_path, capsys):
    out_path = tmp_path / "full.nnx"
    code, out, err = cli(capsys, "import-state-dict", weights, "-o", out_path)
    assert code == 0, err
    assert "weights written (tensors: 4)" in out
    loaded = load_project(out_path).weights
    for k, v in torch.load(weights, weights_only=True).items():
        assert torch.equal(loaded[k], v)


def test_import_state_dict_to_another_suffix_is_refused(weights, tmp_path, capsys):
    target = tmp_path / "other.pt"
    target.write_bytes(b"precious")
    code, _, err = cli(capsys, "import-state-dict", weights, "-o", target)
    one_line_error(code, err)
    assert target.read_bytes() == b"precious"


def test_export_code_onto_the_project_is_refused_and_the_project_stays(proj, capsys):
    before = proj.read_bytes()
    code, _, err = cli(capsys, "export-code", proj, "-o", proj)
    one_line_error(code, err)
    assert proj.read_bytes() == before


def test_export_code_onto_a_hard_link_of_the_project_is_refused(proj, tmp_path, capsys):
    link = tmp_path / "same.py"
    os.link(proj, link)
    before = proj.read_bytes()
    code, _, err = cli(capsys, "export-code", proj, "-o", link)
    assert "input file" in one_line_error(code, err)
    assert proj.read_bytes() == before


def test_a_fifo_output_is_refused_and_stays_a_fifo(proj, tmp_path, capsys):
    fifo = tmp_path / "code.py"
    os.mkfifo(fifo)
    code, _, err = cli(capsys, "export-code", proj, "-o", fifo)
    assert "FIFO" in one_line_error(code, err)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def a_device() -> str:
    for name in ("/dev/full", "/dev/zero", "/dev/null"):
        if os.path.exists(name) and stat.S_ISCHR(os.stat(name).st_mode):
            return name
    pytest.skip("no character device to try")


def test_a_device_is_never_replaced_by_an_atomic_write():
    from explorer.io.atomic import OutputError

    device = a_device()
    before = os.stat(device)
    with pytest.raises(OutputError, match="device"):
        atomic_write_bytes(device, b"x")
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_cli_output_onto_a_device_through_a_py_symlink_is_refused(proj, tmp_path, capsys):
    device = a_device()
    link = tmp_path / "out.py"
    link.symlink_to(device)
    code, _, err = cli(capsys, "export-code", proj, "-o", link)
    assert "device" in one_line_error(code, err)
    assert stat.S_ISCHR(os.stat(device).st_mode) and link.is_symlink()


def test_a_folder_output_is_refused(proj, tmp_path, capsys):
    folder = tmp_path / "dir.py"
    folder.mkdir()
    code, _, err = cli(capsys, "export-code", proj, "-o", folder)
    assert "folder" in one_line_error(code, err)
    assert folder.is_dir()


def test_writing_through_a_symlink_writes_its_target_and_keeps_the_link(proj, tmp_path, capsys):
    target = tmp_path / "real.py"
    target.write_text("old")
    link = tmp_path / "link.py"
    link.symlink_to(target)
    code, _, err = cli(capsys, "export-code", proj, "-o", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "nn.Sequential" in target.read_text()


def test_train_into_a_missing_folder_fails_before_the_first_step(proj, tmp_path, capsys):
    out = tmp_path / "out" / "missing" / "x.pt"
    code, stdout, err = cli(capsys, "train", proj, "--steps", "50", "--every", "1", "-o", out)
    assert "no such folder" in one_line_error(code, err)
    assert "step" not in stdout  # nothing trained
    assert not (tmp_path / "out").exists()


def test_train_onto_its_project_is_refused_before_training(proj, capsys):
    before = proj.read_bytes()
    code, stdout, err = cli(capsys, "train", proj, "--steps", "5", "--every", "1", "-o", proj)
    one_line_error(code, err)
    assert "step" not in stdout and proj.read_bytes() == before


def run_with_file_limit(limit: int, *args) -> subprocess.CompletedProcess:
    """The CLI in a child whose files cannot grow past ``limit`` bytes (RLIMIT_FSIZE): a
    real write failure (EFBIG) at the point a full disk would fail."""

    def limit_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "explorer", *map(str, args)],
        capture_output=True, text=True, preexec_fn=limit_files, timeout=300,
    )


def test_train_with_a_full_disk_leaves_the_old_project_and_weights_together(
    proj, tmp_path, capsys
):
    out = tmp_path / "run.nnx.json"
    assert cli(capsys, "train", proj, "--steps", "3", "-o", out)[0] == 0
    weights = tmp_path / "run.pt"
    old_project, old_weights = out.read_bytes(), weights.read_bytes()
    # The project JSON fits under the limit, the state dict does not.
    assert len(old_project) < 1200 < len(old_weights)
    done = run_with_file_limit(1200, "train", proj, "--steps", "4", "--seed", "1", "-o", out)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert out.read_bytes() == old_project and weights.read_bytes() == old_weights
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_init_with_a_full_disk_leaves_the_old_project_and_weights_together(tmp_path, capsys):
    proj = tmp_path / "long.nnx.json"
    save_project(Project(spec(), "x" * 20_000), proj)  # a project larger than its weights
    out = tmp_path / "i.nnx.json"
    assert cli(capsys, "init", proj, "--scheme", "zeros", "--seed", "0", "-o", out)[0] == 0
    old_project, old_weights = out.read_bytes(), (tmp_path / "i.pt").read_bytes()
    assert len(old_weights) < 10_000 < len(old_project)
    done = run_with_file_limit(
        10_000, "init", proj, "--scheme", "ones", "--seed", "0", "-o", out
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert out.read_bytes() == old_project and (tmp_path / "i.pt").read_bytes() == old_weights


def test_epochs_zero_is_refused(proj, capsys):
    code, stdout, err = cli(capsys, "train", proj, "--epochs", "0")
    assert "--epochs" in one_line_error(code, err)
    assert "step" not in stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--samples", str(10**12)),
        ("--batch-size", "0"),
        ("--held-out", "1.5"),
        ("--lr", "nan"),
        ("--seed", str(10**23)),
        ("--steps", "1e3"),
    ],
)
def test_out_of_range_train_numbers_are_one_line(proj, capsys, args):
    code, stdout, err = cli(capsys, "train", proj, *args)
    one_line_error(code, err)
    assert "step" not in stdout


def test_init_with_a_huge_seed_is_one_line(proj, tmp_path, capsys):
    code, _, err = cli(
        capsys, "init", proj, "--scheme", "zeros", "--seed", str(10**23), "-o", tmp_path / "x.pt"
    )
    one_line_error(code, err)
    assert not (tmp_path / "x.pt").exists()


def test_init_refuses_infinite_values_and_writes_nothing(proj, tmp_path, capsys):
    out = tmp_path / "w.pt"
    code, _, err = cli(
        capsys, "init", proj, "--scheme", "normal", "--arg", "std=1e308", "--seed", "0", "-o", out
    )
    assert "infinite or NaN" in one_line_error(code, err)
    assert not out.exists()


def test_init_with_mismatched_weights_names_the_keys(tmp_path, capsys):
    path = tmp_path / "bad.nnx"
    wrong = {"0.weight": torch.zeros(8, 5), "0.bias": torch.zeros(8), "9.bias": torch.zeros(3)}
    save_project(Project(spec(), "bad", weights=wrong), path)
    code, _, err = cli(
        capsys, "init", path, "--scheme", "zeros", "--seed", "0", "-o", tmp_path / "o.pt"
    )
    err = one_line_error(code, err)
    assert "Error(s) in loading" not in err
    assert "missing 2.weight" in err and "unexpected 9.bias" in err and "(8, 5)" in err


def test_loss_log_keeps_every_step_while_json_history_is_bounded(proj, tmp_path, capsys):
    import json

    log = tmp_path / "loss.csv"
    code, stdout, err = cli(
        capsys, "train", proj, "--steps", "300", "--json", "--loss-log", log
    )
    assert code == 0, err
    lines = log.read_text().splitlines()
    assert lines[0] == "step,loss" and len(lines) == 301
    assert [int(x.split(",")[0]) for x in lines[1:]] == list(range(1, 301))
    history = json.loads(stdout)["history"]
    assert history[-1][0] == 300
