"""The Code tab's script prints what Forward shows, or says on top that it cannot.

Its ``torch.manual_seed(seed)`` builds the weights of a model opened with that seed (or
reset from it). A layer the builder adds takes its weights from torch's global random
state, a step or a training run moves them, a loaded state dict replaces them: from then
on the tab (and the exported file) starts with a note, until Run > Reset weights builds
them from the seed again. Each check runs the tab's text with ``exec`` and compares its
tensors with the window's, as a learner pasting it into a notebook would.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import Qt

from explorer.app.session import OpenRequest
from explorer.core.codegen import WEIGHTS_NOTE
from explorer.ui.files.file_actions import demo_spec
from tests.io.helpers import book_sequential
from tests.ui.builder_helpers import click_row, types
from tests.ui.test_checkpoint_actions import answer_load

SEED_CLAIM = "# the seed decides the weights"


def code_tab(window):
    """The Code tab, in front (a hidden tab writes its text when shown)."""
    window.show_tab("CodeTab")
    return window.part("code_view")


def run_script(text: str):
    """``python model.py``: the net it builds and the tensor it prints."""
    printed = []
    ns = {"__name__": "__main__", "print": printed.append}
    exec(compile(text, "model.py", "exec"), ns)
    (out,) = printed
    return ns["net"], out


def act(qtbot, window, name):
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        window.part("run_actions").actions[name].trigger()
    assert blocker.args[0] == "done", window.status_text()


def forward(qtbot, window):
    act(qtbot, window, "forward")
    return window.tensors["output"]


def same_state(net, window) -> bool:
    a, b = net.state_dict(), window.document.net.state_dict()
    return list(a) == list(b) and all(torch.equal(a[k], b[k]) for k in a)


def assert_script_is_forward(qtbot, window):
    """No note, and the script's weights and printed output are exactly the window's."""
    text = code_tab(window).toPlainText()
    assert not text.startswith(WEIGHTS_NOTE) and SEED_CLAIM in text
    net, printed = run_script(text)
    assert same_state(net, window)
    assert torch.equal(printed, forward(qtbot, window))


def assert_noted(window, text=None):
    text = code_tab(window).toPlainText() if text is None else text
    assert text.startswith(WEIGHTS_NOTE) and SEED_CLAIM not in text
    net, _ = run_script(text)
    assert not same_state(net, window)  # the note tells the truth


def open_demo(window, seed=7):
    request = OpenRequest(demo_spec(), kind="new", settings={"run": {"seed": seed}})
    assert window.open_model(request)


def test_a_layer_added_in_the_builder_brings_the_note_and_reset_weights_ends_it(
    qtbot, window, tmp_path
):
    open_demo(window)
    assert_script_is_forward(qtbot, window)
    view = code_tab(window)
    click_row(qtbot, window.part("canvas"), 2)  # the ReLU: a Linear(256, 256) comes after it
    palette = window.part("palette_view")
    rect = palette.tree.visualItemRect(palette.items["Linear"])
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert types(window.document.spec) == ["Linear", "ReLU", "Linear", "Linear"]
    assert window.document.spec.children[2].args["out_features"] == 256
    assert view.isVisible()
    assert_noted(window, view.toPlainText())  # live, in the shown tab
    _, printed = run_script(view.toPlainText())
    assert not torch.equal(printed, forward(qtbot, window))
    path = tmp_path / "model.py"
    assert window.part("builder").export_code(str(path))
    assert path.read_text(encoding="utf-8").startswith(WEIGHTS_NOTE)

    window.part("run_actions").actions["reset_weights"].trigger()
    assert_script_is_forward(qtbot, window)
    assert window.part("builder").export_code(str(path))
    assert not path.read_text(encoding="utf-8").startswith(WEIGHTS_NOTE)
    window.undo_stack.undo()  # the reset undone: the added layer's own weights are back
    assert_noted(window)
    window.undo_stack.redo()
    assert_script_is_forward(qtbot, window)


def test_a_step_and_a_training_run_bring_the_note_and_reset_weights_ends_it(qtbot, window):
    open_demo(window)
    act(qtbot, window, "backward")  # only .grad changes: still the seed's weights
    assert_script_is_forward(qtbot, window)
    act(qtbot, window, "step")
    assert_noted(window)
    window.part("run_actions").actions["reset_weights"].trigger()
    assert_script_is_forward(qtbot, window)

    window.part("run_actions").training_view.steps.setValue(5)
    act(qtbot, window, "train")
    assert_noted(window)
    window.part("run_actions").actions["reset_weights"].trigger()
    assert_script_is_forward(qtbot, window)


def test_a_loaded_state_dict_brings_the_note_and_undoing_the_load_ends_it(
    qtbot, window, tmp_path
):
    open_demo(window)
    view = code_tab(window)
    path = tmp_path / "mlp.params"
    torch.save(book_sequential().state_dict(), path)
    answer_load(window, "strict")
    assert window.part("checkpoint_actions").load_weights_from(path)
    assert_noted(window, view.toPlainText())
    window.undo_stack.undo()  # the seed's values are back, and nothing else moved
    assert_script_is_forward(qtbot, window)
    window.undo_stack.redo()
    assert_noted(window)
    window.part("run_actions").actions["reset_weights"].trigger()
    assert_script_is_forward(qtbot, window)


def test_another_seed_brings_the_note_until_reset_weights_builds_its_weights(qtbot, window):
    open_demo(window, seed=7)
    run = window.part("run_actions")
    view = code_tab(window)
    run.seed.lineEdit().selectAll()
    qtbot.keyClicks(run.seed.lineEdit(), "5")
    assert window.session.settings.seed == 5
    assert "torch.manual_seed(5)" in view.toPlainText()
    assert_noted(window, view.toPlainText())
    run.actions["reset_weights"].trigger()
    assert_script_is_forward(qtbot, window)


def test_the_window_as_the_app_starts_shows_the_seeds_weights(qtbot, settings):
    from explorer.ui.app import create_window

    torch.manual_seed(12345)  # whatever ran before must not decide the demo model's weights
    window = create_window(settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.mark_saved())
    window.show()
    qtbot.waitUntil(lambda: window.ready)
    assert_script_is_forward(qtbot, window)
    window.mark_saved()
