"""``nn-explorer export-code`` writes code that builds the project's model."""

import subprocess
import sys

from explorer.resources import examples_dir


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args], capture_output=True, text=True, timeout=120
    )


def test_export_code_writes_a_file_that_builds_the_shared_example(tmp_path):
    out = tmp_path / "shared.py"
    result = run("export-code", str(examples_dir() / "05-shared-layer.nnx.json"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    ran = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import runpy; net = runpy.run_path({str(out)!r})['net']; print(net[2] is net[4])",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.stdout.strip() == "True", ran.stderr


def test_export_code_of_a_broken_file_is_one_line_and_exit_2(tmp_path, cli_run):
    bad = tmp_path / "bad.nnx.json"
    bad.write_text("[]")
    result = cli_run("export-code", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stdout == ""
