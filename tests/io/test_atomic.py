"""Atomic writes keep the usual file mode and name the user's folder when it is missing."""

import os
import subprocess
import sys

import pytest

from explorer.io.atomic import _umask, atomic_write_bytes


def test_saved_files_get_the_mode_a_plain_open_gives(tmp_path):
    path = tmp_path / "m.params"
    atomic_write_bytes(path, b"x")
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~_umask()


def test_a_missing_folder_is_reported_with_its_own_name_and_nothing_is_left(tmp_path):
    with pytest.raises(FileNotFoundError) as e:
        atomic_write_bytes(tmp_path / "nope" / "m.params", b"x")
    assert e.value.filename == str(tmp_path / "nope")
    assert list(tmp_path.iterdir()) == []


def test_cli_writing_into_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    from explorer.resources import examples_dir

    out = subprocess.run(
        [sys.executable, "-m", "explorer", "export-code", str(examples_dir() / "01-sequential.nnx.json"),
         "-o", str(tmp_path / "nope" / "m.py")],
        capture_output=True, text=True,
    )
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "nope" in out.stderr and ".tmp" not in out.stderr
