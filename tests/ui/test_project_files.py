"""Projects with weights, settings and tensors round-trip through the window; autosave and
recovery after a crash."""

from __future__ import annotations

import os

import torch

from explorer.core import edits
from explorer.core.document import Document
from explorer.core.spec import LayerSpec
from explorer.io.autosave import autosave_path
from explorer.resources import examples_dir
from explorer.ui.files.file_actions import demo_spec
from explorer.ui.shell.main_window import MainWindow
from tests.io.helpers import snapshot


def new_window(qtbot, settings):
    w = MainWindow(Document(demo_spec()), settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
    w.show()
    qtbot.waitUntil(lambda: w.ready)
    return w


def test_a_nnx_project_reopens_with_the_same_weights_settings_and_input(
    window, qtbot, settings, tmp_path
):
    stored = {"lr": 0.03, "epochs": 5}
    restored = []
    window.project_state["training"] = (lambda: dict(stored), restored.append)
    window.set_tensor("input", torch.randn(2, 20))
    weights = snapshot(window.document.net)
    path = tmp_path / "mine.nnx"
    assert window.part("file_actions").save_to(path)
    other = new_window(qtbot, settings)
    other.project_state["training"] = (dict, restored.append)
    assert other.part("file_actions").open_path(path)
    assert other.document.spec == window.document.spec
    now = other.document.net.state_dict()
    assert all(torch.equal(now[k], v) for k, v in weights.items())
    assert restored == [stored]
    assert torch.equal(other.tensors["input"], window.tensors["input"])
    assert not other.isWindowModified() and other.file_path == path


def test_architecture_only_json_examples_keep_opening(window):
    assert window.part("file_actions").open_path(examples_dir() / "04-nested-blocks.nnx.json")
    assert window.file_path.name == "04-nested-blocks.nnx.json"


def test_unsaved_work_is_autosaved_and_offered_after_a_crash(window, qtbot, settings):
    saver = window.part("autosaver")
    assert not saver.autosave()  # nothing unsaved yet
    spec = edits.insert(window.document.spec, (), 1, LayerSpec.make("Dropout", p=0.5))
    window.push_spec(spec, "Add Dropout")
    assert saver.autosave()
    assert not saver.autosave()  # unchanged since: not written again
    mine = autosave_path(saver.folder)
    assert mine.exists()
    crashed = autosave_path(saver.folder, 2**22 + 777)  # a pid no process has
    os.replace(mine, crashed)
    weights = snapshot(window.document.net)

    asked = []
    original = type(saver).ask_recover
    type(saver).ask_recover = lambda self, when, title: asked.append(title) or True
    try:
        other = new_window(qtbot, settings)
        qtbot.waitUntil(lambda: bool(asked))
    finally:
        type(saver).ask_recover = original
    assert other.document.spec == spec
    assert all(torch.equal(other.document.net.state_dict()[k], v) for k, v in weights.items())
    assert other.isWindowModified()
    assert not crashed.exists()


def test_closing_normally_removes_the_autosave(window):
    window.push_spec(edits.remove(window.document.spec, [(1,)]), "Delete")
    assert window.part("autosaver").autosave()
    path = autosave_path(window.part("autosaver").folder)
    window.mark_saved()
    window.close()
    assert not path.exists()
