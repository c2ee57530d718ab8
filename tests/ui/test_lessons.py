"""Lessons: each shipped lesson performed as a student would, on the real window.

The panel polls its check every 250 ms, so each step waits with ``qtbot.waitUntil``.
"""

from __future__ import annotations

import json

import pytest
import torch
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from explorer.core.lessons import load_lessons
from explorer.resources import resources_dir
from explorer.ui.lessons.lesson_checks import REQUIRED
from explorer.ui.lessons.lesson_highlight import find_target
from explorer.ui.lessons.lessons_panel import LessonsPanel
from tests.ui.builder_helpers import click_row

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIPPED, _ = load_lessons(resources_dir() / "lessons", REQUIRED)


@pytest.fixture
def panel(window):
    # a lesson changes the model; never wait on the "unsaved changes" question at close
    window.close_guards.insert(0, lambda: window.mark_saved() or True)
    return window.part("lessons_panel")


def start(qtbot, panel, lesson_id):
    panel.window_.findChild(QDockWidget, "LessonsDock").show()
    panel.chooser.setCurrentIndex(panel.chooser.findData(lesson_id))
    qtbot.mouseClick(panel.start_button, LEFT)
    assert panel.lesson.id == lesson_id and panel.index == 0
    assert panel.text.text() == panel.lesson.steps[0].text_in("en")


def wait_step(qtbot, panel, index):
    qtbot.waitUntil(lambda: panel.index == index, timeout=3000)
    assert panel.state.text().startswith("✓")  # the step before is marked done
    assert panel.steps.item(index - 1).text().startswith("✓")


def wait_finished(qtbot, panel):
    qtbot.waitUntil(lambda: panel.finished, timeout=3000)
    assert panel.text.text().startswith("Lesson complete")
    assert panel.progress.value() == len(panel.lesson.steps)
    assert all(panel.steps.item(i).text().startswith("✓") for i in range(panel.steps.count()))
    assert not panel.highlight.isVisible()


def key(qtbot, window, k):
    """A run shortcut (F5, F6, F7), waiting for the run to finish."""
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        qtbot.keyClick(window, k)


def click_tool(qtbot, window, name):
    action = window.findChild(QAction, name)
    qtbot.mouseClick(window.toolbar.widgetForAction(action), LEFT)


def click_param(qtbot, window, name):
    tree = window.part("param_tree").tree
    row = window.part("param_tree").row_for(name)
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=QPoint(rect.left() + 30, rect.center().y()))


def choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_every_shipped_lesson_loads_points_at_real_controls_and_speaks_chinese(window):
    panel = window.part("lessons_panel")
    assert not panel.errors and len(panel.lessons) == len(SHIPPED) >= 8
    sections = {lesson.section for lesson in panel.lessons}
    assert sections == {"5.1", "5.2", "5.3", "5.4"}
    for lesson in panel.lessons:
        assert lesson.title_in("zh_CN") != lesson.title_in("en")
        for step in lesson.steps:
            assert step.text_in("zh_CN") != step.text_in("en")
            assert not step.target or find_target(window, step.target)[0] is not None, step.target


def test_layers_and_blocks_forward_group_and_forward_again(qtbot, window, panel):
    start(qtbot, panel, "layers-and-blocks")
    key(qtbot, window, Qt.Key.Key_F5)
    wait_step(qtbot, panel, 1)
    canvas = window.part("canvas")
    click_row(qtbot, canvas, 2)  # ReLU
    click_row(qtbot, canvas, 3, CTRL)  # the last Linear
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_G, CTRL)
    wait_step(qtbot, panel, 2)
    assert "1.1.weight" in window.document.net.state_dict()
    key(qtbot, window, Qt.Key.Key_F5)
    wait_finished(qtbot, panel)
    assert window.tensors["output"].shape == (2, 10)


def test_autograd_backward_twice_doubles_then_zero_grad_clears(qtbot, window, panel):
    start(qtbot, panel, "autograd-accumulation")
    key(qtbot, window, Qt.Key.Key_F6)
    wait_step(qtbot, panel, 1)
    first = window.document.net[0].weight.grad.clone()
    key(qtbot, window, Qt.Key.Key_F6)
    wait_step(qtbot, panel, 2)
    assert torch.allclose(window.document.net[0].weight.grad, 2 * first)
    click_tool(qtbot, window, "action_zero_grad")
    wait_finished(qtbot, panel)
    assert window.document.net[0].weight.grad is None


def test_parameter_access_select_state_dict_backward_and_nested_names(qtbot, window, panel):
    start(qtbot, panel, "parameter-access")
    assert (
        window.findChild(QDockWidget, "ParametersDock").isVisible() and panel.isVisible()
    )  # split, not hidden by the tab
    click_param(qtbot, window, "2.bias")
    wait_step(qtbot, panel, 1)
    assert window.part("tensor_view").header.text().startswith("2.bias")
    qtbot.mouseClick(window.part("param_tree").state_button, LEFT)
    wait_step(qtbot, panel, 2)
    assert "bias" in window.part("param_tree").state_text.toPlainText()
    key(qtbot, window, Qt.Key.Key_F6)
    wait_step(qtbot, panel, 3)
    window.findChild(QAction, "example_04-nested-blocks").trigger()  # Examples > rgnet
    click_param(qtbot, window, "0.block 1.0.bias")
    wait_finished(qtbot, panel)


def test_initialization_zeros_constant_and_the_books_my_init_in_the_init_lab(qtbot, window, panel):
    start(qtbot, panel, "initialization")
    lab = window.part("init_lab")
    assert window.bottom_tabs.currentWidget() is lab  # the lesson opened the tab it points at
    form = lab.form
    choose(form.scope, "model")
    choose(form.kind, "bias")
    choose(form.scheme, "zeros")
    qtbot.mouseClick(form.apply_button, LEFT)
    wait_step(qtbot, panel, 1)
    choose(form.kind, "weight")
    choose(form.scheme, "constant")
    assert form.arg_widgets["val"].value() == 1
    qtbot.mouseClick(form.apply_button, LEFT)
    wait_step(qtbot, panel, 2)
    choose(form.scheme, "custom")
    qtbot.mouseClick(form.apply_button, LEFT)
    wait_finished(qtbot, panel)
    w = window.document.net[0].weight
    assert bool(((w == 0) | (w.abs() >= 5)).all())


def test_tying_select_the_shared_weight_set_a_cell_to_100_and_backward(qtbot, window, panel):
    start(qtbot, panel, "parameter-tying")
    click_param(qtbot, window, "2.weight")
    wait_step(qtbot, panel, 1)
    assert window.part("canvas").highlighted_rows() == [3, 5]  # both uses light up
    view = window.part("tensor_view")
    assert view.inner.currentWidget() is view.values  # the lesson shows the Values table
    table = view.values.view
    index = view.values.model_.index(0, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "100")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_step(qtbot, panel, 2)
    net = window.document.net
    assert float(net[2].weight.detach()[0, 0]) == 100 and net[2] is net[4]
    key(qtbot, window, Qt.Key.Key_F6)
    wait_finished(qtbot, panel)


def test_lazy_init_parameters_get_shapes_at_the_first_forward(qtbot, window, panel):
    start(qtbot, panel, "deferred-initialization")
    assert window.part("param_tree").row_for("0.weight").text(1) == "? UninitializedParameter"
    click_param(qtbot, window, "0.weight")
    wait_step(qtbot, panel, 1)
    key(qtbot, window, Qt.Key.Key_F5)
    wait_finished(qtbot, panel)
    assert tuple(window.document.net[0].weight.shape) == (256, 20)


def test_save_step_and_load_back_restores_the_saved_weights(qtbot, window, panel, tmp_path):
    from explorer.ui.files.load_report_dialog import STRICT

    path = tmp_path / "mlp.params"
    actions = window.part("checkpoint_actions")
    actions.ask_save_path = lambda *a: path  # the file dialogs' answers
    actions.ask_open_path = lambda *a: path
    actions.ask_load = lambda report, name: STRICT if report.ok else None
    start(qtbot, panel, "save-and-load")
    saved = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    window.findChild(QAction, "actionSaveWeights").trigger()  # File > Save Weights…
    wait_step(qtbot, panel, 1)
    assert path.is_file()
    key(qtbot, window, Qt.Key.Key_F6)
    key(qtbot, window, Qt.Key.Key_F7)
    wait_step(qtbot, panel, 2)
    window.findChild(QAction, "actionLoadWeights").trigger()  # File > Load Weights…
    wait_finished(qtbot, panel)
    state = window.document.net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in saved.items())


def test_eval_mode_compare_and_choosing_the_device(qtbot, window, panel):
    start(qtbot, panel, "eval-and-devices")
    qtbot.mouseClick(window.part("run_actions").badge, LEFT)
    wait_step(qtbot, panel, 1)
    assert not window.document.net.training
    with qtbot.waitSignal(window.run_finished, timeout=20000):
        window.findChild(QAction, "action_compare").trigger()  # Run > Compare modes
    wait_step(qtbot, panel, 2)
    combo = window.part("device_selector")
    assert panel.index == 2  # already on cpu: the step waits for the choice
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findData("cpu"), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_finished(qtbot, panel)


def test_the_highlight_covers_the_target_follows_the_steps_and_goes_away(qtbot, window, panel):
    start(qtbot, panel, "eval-and-devices")
    badge = window.part("run_actions").badge
    assert panel.target_widget() is badge
    qtbot.waitUntil(panel.highlight.isVisible)
    where = QRect(badge.mapTo(window, QPoint(0, 0)), badge.size())
    assert panel.highlight.geometry().contains(where)
    qtbot.mouseClick(badge, LEFT)  # the outline lets the click through
    wait_step(qtbot, panel, 1)
    bar = window.menuBar()  # Compare modes is in the Run menu: its title is outlined
    run_title = bar.actionGeometry(window.menus["Run"].menuAction())
    assert panel.highlight.geometry().contains(
        QRect(bar.mapTo(window, run_title.topLeft()), run_title.size())
    )
    qtbot.mouseClick(panel.back_button, LEFT)  # back to a done step: it stays done
    assert panel.index == 0 and panel.state.text() == "✓ Step 1 of 3: done"
    where = QRect(badge.mapTo(window, QPoint(0, 0)), badge.size())  # its text changed
    assert panel.highlight.geometry().contains(where)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.index == 1
    panel.stop()
    assert not panel.highlight.isVisible()


def test_a_malformed_lesson_is_reported_and_the_others_still_load(window, tmp_path):
    good = json.loads((resources_dir() / "lessons" / "5.1b-autograd.json").read_text("utf-8"))
    good["id"] = "teacher-lesson"
    (tmp_path / "a-good.json").write_text(json.dumps(good), "utf-8")
    (tmp_path / "b-broken.json").write_text('{"id": "x", "steps": [', "utf-8")
    bad_check = dict(good, id="bad-check")
    bad_check["steps"] = [{"text": "Press F6", "check": {"kind": "grad_present"}}]
    (tmp_path / "c-missing-param.json").write_text(json.dumps(bad_check), "utf-8")
    panel = LessonsPanel(window, "en", [resources_dir() / "lessons", tmp_path])
    ids = [lesson.id for lesson in panel.lessons]
    assert len(ids) == len(SHIPPED) + 1 and "teacher-lesson" in ids
    assert len(panel.errors) == 2
    assert panel.errors[0].startswith("b-broken.json: cannot read the lesson")
    assert (
        panel.errors[1]
        == "c-missing-param.json: bad-check: step 1: check 'grad_present' needs param"
    )
    assert "2 lesson file(s) could not be loaded" in panel.load_errors.text()
    assert window.status_text().startswith("Lesson not loaded: c-missing-param.json")


def test_chinese_lessons_show_the_chinese_text(qtbot, window):
    panel = LessonsPanel(window, "zh_CN")
    panel.start("autograd-accumulation")
    assert panel.text.text().startswith("在第一次反向传播之前")
    assert panel.chooser.currentText() == "5.1  自动微分与梯度累加"
    panel.stop()


def test_a_lesson_does_not_start_when_the_user_keeps_unsaved_work(qtbot, window, panel):
    window.part("canvas").setFocus()
    click_row(qtbot, window.part("canvas"), 2)
    qtbot.keyClick(window.part("canvas"), Qt.Key.Key_Delete)  # an unsaved edit
    assert not window.undo_stack.isClean()
    spec = window.document.spec
    window.part("file_actions").maybe_save = lambda: False  # the question answered with Cancel
    qtbot.mouseClick(panel.start_button, LEFT)
    assert panel.lesson is None and window.document.spec is spec


def test_help_lessons_shows_the_dock(window):
    window.findChild(QDockWidget, "LessonsDock").hide()
    action = window.findChild(QAction, "actionLessons")
    assert action in window.menus["Help"].actions() and action.shortcut().toString() == "F1"
    action.trigger()
    assert window.findChild(QDockWidget, "LessonsDock").isVisible()
