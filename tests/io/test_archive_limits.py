"""Archive members are capped by their headers and read with a limit; commands that need no
weights never read them. Measured with a real zip bomb, small on disk (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from explorer.core.errors import SpecError
from explorer.io import project_archive
from explorer.io.project import load_project
from tests.io.hostile import PROJECT, WEIGHTS, project_bytes, write_zip, zip_bomb

_CHILD = """
import json, sys
from explorer.cli import run_cli
code = run_cli(sys.argv[2:])
peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))
open(sys.argv[1], 'w').write(json.dumps({"code": code, "peak_kib": peak}))
"""


def cli_peak(tmp_path, *args) -> tuple[int, float, str]:
    """Exit code, peak resident memory (MiB, the child's own VmHWM) and stderr of a command."""
    report = tmp_path / "peak.json"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), *map(str, args)],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    data = json.loads(report.read_text())
    return data["code"], data["peak_kib"] / 1024, done.stderr


BOMB = 256 * 2**20


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bomb")
    bomb = zip_bomb(folder / "bomb.nnx", BOMB)
    plain = write_zip(folder / "plain.nnx", [(PROJECT, project_bytes())])
    return bomb, plain


@pytest.fixture(scope="module")
def summary_base(files, tmp_path_factory):
    code, base, _ = cli_peak(tmp_path_factory.mktemp("base"), "summary", files[1])
    assert code == 0
    return base


def test_summary_of_a_zip_bomb_reads_no_weights_and_stays_small(files, summary_base, tmp_path):
    bomb, _ = files
    assert bomb.stat().st_size < BOMB / 100  # small on disk
    code, peak, err = cli_peak(tmp_path, "summary", bomb)
    assert code == 0, err
    assert peak < summary_base + 32, f"a {BOMB >> 20} MiB bomb: summary peaked at {peak:.0f} MiB"


@pytest.mark.parametrize("command", ["init", "train"])
def test_commands_that_need_weights_refuse_a_zip_bomb_in_one_line(
    files, summary_base, tmp_path, command
):
    extra = (
        ["--scheme", "zeros", "--seed", "0", "-o", tmp_path / "o.pt"]
        if command == "init"
        else ["--steps", "1"]
    )
    code, peak, err = cli_peak(tmp_path, command, files[0], *extra)
    assert code == 2 and err.count("\n") == 1 and "zip bomb" in err, err
    # Reading the member would cost at least its 256 MiB; refusing it costs no more than a
    # summary (both import torch and read project.json only).
    assert peak < summary_base + 64


def test_a_member_over_the_cap_is_refused_by_its_header(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "a.nnx", [(PROJECT, project_bytes()), (WEIGHTS, bytes(4096))])
    monkeypatch.setattr(project_archive, "MAX_TENSORS_BYTES", 1024)
    with pytest.raises(SpecError, match="more than the"):
        load_project(path)
    assert load_project(path, weights=False).weights is None


def test_an_oversized_project_json_is_refused_before_reading(tmp_path, monkeypatch):
    import explorer.io.project as project_module

    path = write_zip(tmp_path / "a.nnx", [(PROJECT, project_bytes() + b" " * 5000)])
    monkeypatch.setattr(project_module, "MAX_PROJECT_BYTES", 1000)
    with pytest.raises(SpecError, match="project.json is 0 MiB unpacked"):
        load_project(path)


def test_a_deflated_archive_from_another_tool_still_opens(tmp_path):
    path = write_zip(tmp_path / "a.nnx", [(PROJECT, project_bytes())], zipfile.ZIP_DEFLATED)
    assert load_project(path).title == "t"


@pytest.mark.slow
def test_a_big_zip_bomb_costs_nothing_to_summarize(tmp_path):
    """The issue's figures: a 1.5 GiB deflated weights member (about 7 MB on disk)."""
    bomb = zip_bomb(tmp_path / "bomb.nnx", 1536 * 2**20)
    plain = write_zip(tmp_path / "plain.nnx", [(PROJECT, project_bytes())])
    _, base, _ = cli_peak(tmp_path, "summary", plain)
    code, peak, err = cli_peak(tmp_path, "summary", bomb)
    assert code == 0, err
    assert peak < base + 32
