"""Fuzzing the commands with hostile project files and archives (issue 17).

The property: any input gives exit 0 with a valid result, or exit 2 with exactly one line;
never a traceback, never the CLI's "internal error" net, and memory stays under a cap.
The suite runs a bounded number of examples; ``make fuzz`` (``NN_EXPLORER_FUZZ=1``) runs
thousands and adds ``init`` and ``train`` on every input.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.cli import run_cli
from tests.fuzz_strategies import archives, project_dicts, project_text

HEAVY = bool(os.environ.get("NN_EXPLORER_FUZZ"))
FUZZ = settings(
    max_examples=2000 if HEAVY else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
    database=None,
)
MEMORY_CAP_MIB = 1024  # growth of this process's peak over the whole fuzz run


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        code = run_cli([*map(str, args)])
    except SystemExit as e:
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


def check(code, out, err, command):
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("nn-explorer"), err
        return
    if command == "summary":
        data = json.loads(out)
        assert data["error"] is None and isinstance(data["total_params"], int)
    elif command == "export-code":
        compile(out, "model.py", "exec")


def commands(path: Path, folder: Path):
    yield ("summary", path, "--json")
    yield ("export-code", path)
    if HEAVY:
        yield ("init", path, "--scheme", "normal", "--seed", "0", "-o", folder / "o.nnx")
        yield ("train", path, "--steps", "2", "-o", folder / "t.pt")


@pytest.fixture(scope="module")
def start_peak():
    import torch  # noqa: F401 - imported before measuring, as every command imports it

    return peak_mib()


@FUZZ
@given(project_dicts())
def test_any_project_json_is_a_result_or_one_line(capsys, start_peak, d):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "p.nnx.json"
        path.write_text(project_text(d), encoding="utf-8")
        for args in commands(path, folder):
            check(*run(capsys, *args), args[0])
    assert peak_mib() - start_peak < MEMORY_CAP_MIB


@FUZZ
@given(st.data())
def test_any_archive_is_a_result_or_one_line(capsys, start_peak, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = data.draw(archives(folder))
        for args in commands(path, folder):
            check(*run(capsys, *args), args[0])
    assert peak_mib() - start_peak < MEMORY_CAP_MIB
