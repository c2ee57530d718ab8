"""Autosave you can trust (issue 17): written seconds after an edit and during training,
kept until recovered work is saved, damaged files set aside and reported in the window,
and recovery brings back the project path with the work (issue 11)."""

from __future__ import annotations

import os
import time

import torch
from PySide6.QtCore import Qt

from explorer.core import edits
from explorer.core.spec import LayerSpec
from explorer.io.autosave import autosave_path
from tests.io.helpers import snapshot
from tests.io.hostile import patch_member
from tests.ui.test_project_files import new_window


def edit(window):
    spec = edits.insert(window.document.spec, (), 1, LayerSpec.make("Dropout", p=0.5))
    assert window.push_spec(spec, "Add Dropout")
    return spec


def crash(window, pid=2**22 + 901) -> os.PathLike:
    """What a crash leaves: this window's autosave under a pid no process has."""
    mine = autosave_path(window.part("autosaver").folder)
    crashed = autosave_path(window.part("autosaver").folder, pid)
    os.replace(mine, crashed)
    window.part("autosaver").last_state = None
    window.mark_saved()  # this window itself closes cleanly
    return crashed


def answer_recovery(monkeypatch, saver_type, answer=True):
    asked = []
    monkeypatch.setattr(
        saver_type, "ask_recover", lambda self, when, title: asked.append(title) or answer
    )
    return asked


def test_an_edit_is_autosaved_within_seconds_without_a_timer_tick(window, qtbot):
    path = autosave_path(window.part("autosaver").folder)
    assert not path.exists()
    t0 = time.monotonic()
    edit(window)
    qtbot.waitUntil(path.exists, timeout=8000)
    assert time.monotonic() - t0 < 8  # was: the next 60 s tick
    assert window.part("autosaver").debounce.interval() == 2000


def test_saving_removes_the_autosave_at_once(window, qtbot, tmp_path):
    path = autosave_path(window.part("autosaver").folder)
    edit(window)
    assert window.part("autosaver").autosave() and path.exists()
    assert window.part("file_actions").save_to(tmp_path / "saved.nnx")
    qtbot.waitUntil(lambda: not path.exists(), timeout=500)  # the next event-loop turn


def test_training_autosaves_on_a_timer_while_it_runs(window, qtbot):
    saver = window.part("autosaver")
    saver.deadline.setInterval(300)
    path = autosave_path(saver.folder)
    run = window.part("run_actions")
    run.training_view.steps.setValue(10_000_000)
    with qtbot.waitSignal(window.run_progressed, timeout=20000):
        run.actions["train"].trigger()
    qtbot.waitUntil(path.exists, timeout=10000)  # while the run goes on, no edit at all
    assert run.controller.runner.running
    first = path.stat().st_mtime_ns
    qtbot.waitUntil(lambda: path.stat().st_mtime_ns != first, timeout=10000)
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_recovery_restores_the_project_path_and_keeps_the_file_until_saved(
    window, qtbot, settings, tmp_path, monkeypatch
):
    project = tmp_path / "mine.nnx"
    assert window.part("file_actions").save_to(project)
    spec = edit(window)
    weights = snapshot(window.document.net)
    assert window.part("autosaver").autosave()
    crashed = crash(window)
    asked = answer_recovery(monkeypatch, type(window.part("autosaver")))
    other = new_window(qtbot, settings)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["mine.nnx"]
    assert other.document.spec == spec and other.file_path == project
    assert all(torch.equal(other.document.net.state_dict()[k], v) for k, v in weights.items())
    assert other.isWindowModified()
    kept = autosave_path(other.part("autosaver").folder)
    assert kept.exists() and not crashed.exists()  # adopted, not deleted
    qtbot.wait(2500)  # past the debounce: still there while the work is unsaved
    assert kept.exists()
    assert other.part("file_actions").save()  # saves to the restored path
    qtbot.waitUntil(lambda: not kept.exists(), timeout=500)
    assert project.exists() and other.file_path == project


def test_a_damaged_newest_autosave_is_set_aside_and_the_older_good_one_offered(
    window, qtbot, settings, monkeypatch
):
    spec = edit(window)
    assert window.part("autosaver").autosave()
    good = crash(window, pid=2**22 + 1001)
    os.utime(good, (time.time() - 60, time.time() - 60))  # older
    edit(window)
    assert window.part("autosaver").autosave()
    bad = crash(window, pid=2**22 + 1002)
    patch_member(bad, "project.json", method=99)
    bad_bytes = bad.read_bytes()
    warned = []
    monkeypatch.setattr(type(window.part("autosaver")), "tell_damaged", lambda self, lines: warned.extend(lines))
    asked = answer_recovery(monkeypatch, type(window.part("autosaver")))
    other = new_window(qtbot, settings)
    qtbot.waitUntil(lambda: bool(asked))
    aside = bad.with_name(bad.name + ".damaged")
    assert aside.read_bytes() == bad_bytes  # never deleted
    assert len(warned) == 1 and "compression method 99" in warned[0] and str(aside) in warned[0]
    assert other.part("log_view").counts["error"] >= 1  # also in the status bar and the Log tab
    assert other.document.spec == spec  # the older good one was recovered


def test_declining_removes_only_the_offered_autosave(window, qtbot, settings, monkeypatch):
    edit(window)
    assert window.part("autosaver").autosave()
    crashed = crash(window)
    asked = answer_recovery(monkeypatch, type(window.part("autosaver")), answer=False)
    other = new_window(qtbot, settings)
    qtbot.waitUntil(lambda: bool(asked))
    assert not crashed.exists() and not other.isWindowModified()
