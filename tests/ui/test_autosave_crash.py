"""Kill the real app seconds after an edit, relaunch it, and check the recovery offer
(issue 17): the edit is there, the project path comes back, and a second crash right after
recovery loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.core.spec import LayerSpec, sequential
from explorer.io.project import Project, load_project, save_project

CHILD = Path(__file__).with_name("crash_child.py")


def launch(tmp_path, *args):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NN_EXPLORER_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, str(CHILD), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def read_until(child, prefix: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        if line.startswith(prefix):
            return line[len(prefix):].strip()
    child.kill()
    pytest.fail(f"no {prefix!r} from the child: {child.stderr.read()[-2000:]}")


def kill(child) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


def test_killed_seconds_after_an_edit_the_app_offers_the_edit_with_its_project_path(tmp_path):
    project = tmp_path / "work.nnx"
    spec = sequential(LayerSpec.make("Linear", in_features=20, out_features=4),
                      LayerSpec.make("ReLU"), input_shape=(2, 20))
    save_project(Project(spec, "work"), project)
    before = project.read_bytes()

    first = launch(tmp_path, "edit", project)
    try:
        read_until(first, "EDITED")
        time.sleep(4)  # the debounce is 2 s; the old timer wrote every 60 s
    finally:
        kill(first)
    left = tmp_path / "data" / f"autosave-{first.pid}.nnx"
    assert left.exists(), "the edit made 4 s before the crash was not autosaved"
    assert project.read_bytes() == before

    second = launch(tmp_path, "recover")
    try:
        seen = json.loads(read_until(second, "RECOVERED "))
    finally:
        kill(second)  # a second crash right after recovery
    assert len(seen["offers"]) == 1 and "work.nnx" in seen["offers"][0]
    assert seen["file_path"] == str(project)
    assert seen["types"] == ["Linear", "Dropout", "ReLU"] and seen["modified"]
    assert seen["autosave_exists"]
    # The recovered work survives the second crash: still on disk, still offered.
    kept = Path(seen["autosave"])
    assert kept.exists() and not left.exists()
    assert [type(n).__name__ for n in load_project(kept).spec.children] == ["LayerSpec"] * 3
