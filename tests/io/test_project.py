"""Projects: .nnx holds architecture, weights, input and settings; .nnx.json still opens."""

from __future__ import annotations

import os
import zipfile

import pytest
import torch

from explorer.core.build import build
from explorer.core.errors import SpecError
from explorer.io.autosave import (
    autosave_path,
    orphaned_autosaves,
    remove_autosave,
    write_autosave,
)
from explorer.io.project import Project, load_project, save_project
from explorer.io.project_archive import WEIGHTS_ENTRY
from explorer.resources import examples_dir


def example(name: str):
    return load_project(examples_dir() / name)


def test_a_project_round_trips_spec_weights_input_and_settings_exactly(tmp_path):
    spec = example("05-shared-layer.nnx.json").spec
    net = build(spec)
    settings = {"training": {"lr": 0.03, "epochs": 4}, "input": {"seed": 1}}
    x = torch.randn(2, 4, dtype=torch.float64)
    project = Project(spec, "tied", settings, net.state_dict(), {"input": x})
    path = tmp_path / "tied.nnx"
    save_project(project, path)
    back = load_project(path)
    assert back.spec == spec and back.title == "tied" and back.settings == settings
    assert back.weights.keys() == net.state_dict().keys()
    assert all(torch.equal(back.weights[k], v) for k, v in net.state_dict().items())
    assert back.weights["2.weight"] is back.weights["4.weight"]
    assert torch.equal(back.tensors["input"], x) and back.tensors["input"].dtype == torch.float64
    with zipfile.ZipFile(path) as z:
        assert z.getinfo(WEIGHTS_ENTRY).compress_type == zipfile.ZIP_STORED


def test_every_shipped_json_example_still_opens(example_paths):
    for path in example_paths:
        assert load_project(path).weights is None


def test_a_damaged_archive_is_one_line(tmp_path):
    path = tmp_path / "p.nnx"
    save_project(Project(example("01-sequential.nnx.json").spec), path)
    cut = tmp_path / "cut.nnx"
    cut.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(SpecError, match="damaged project archive"):
        load_project(cut)
    nojson = tmp_path / "other.nnx"
    with zipfile.ZipFile(nojson, "w") as z:
        z.writestr("readme.txt", "hi")
    with pytest.raises(SpecError, match="without project.json"):
        load_project(nojson)


def test_autosaves_of_dead_processes_are_offered_and_ours_is_not(tmp_path):
    project = Project(example("01-sequential.nnx.json").spec)
    write_autosave(tmp_path, project)
    assert orphaned_autosaves(tmp_path) == []  # we are alive
    dead = 2**22 + 12345  # above the default pid_max: no such process
    os.replace(autosave_path(tmp_path), autosave_path(tmp_path, dead))
    found = orphaned_autosaves(tmp_path)
    assert [a.pid for a in found] == [dead]
    assert load_project(found[0].path).spec == project.spec
    remove_autosave(tmp_path, dead)
    assert orphaned_autosaves(tmp_path) == []
