"""The window opens on the book's first example, with shapes, counts and the device."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from explorer.core import edits
from explorer.core.spec import LayerSpec


def outline_rows(window):
    """Each card's name, layer, output shape and parameter count, as the canvas shows them."""
    canvas = window.part("canvas")
    return [list(canvas.texts(r).values()) for r in range(canvas.model().rowCount())]


def test_opens_on_the_demo_with_shapes_and_parameter_counts(window):
    rows = outline_rows(window)
    assert rows[0][0] == "input" and rows[0][2] == "(2, 20)"
    assert rows[1][1:] == ["Linear(20 -> 256)", "(2, 256)", "5\u202f376"]
    assert rows[2][1:] == ["ReLU()", "(2, 256)", "0"]
    assert rows[3][1:] == ["Linear(256 -> 10)", "(2, 10)", "2\u202f570"]
    assert rows[4][3] == "7\u202f946"
    status = " ".join(
        w.text() for w in window.statusBar().findChildren(type(window._status_device))
    )
    assert "device cpu" in status and "params: 7\u202f946" in status


def test_edit_is_undoable_and_marks_the_window_modified(window):
    spec = window.document.spec
    window.push_spec(edits.insert(spec, (), 1, LayerSpec.make("Dropout", p=0.5)), "Add Dropout")
    assert window.isWindowModified()
    assert outline_rows(window)[2][1] == "Dropout(p=0.5)"
    window.undo_stack.undo()
    assert window.document.spec == spec and not window.isWindowModified()
    assert outline_rows(window)[2][1] == "ReLU()"


def test_ctrl_z_undoes_through_the_keyboard(window, qtbot):
    spec = window.document.spec
    window.push_spec(edits.remove(spec, [(1,)]), "Delete")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.spec == spec


def test_layout_is_remembered(qtbot, settings):
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    first = MainWindow(Document(demo_spec()), settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width() + 10, first.minimumSizeHint().height() + 10)
    first.findChild(QDockWidget, "LessonsDock").close()  # the user closed a dock
    size = first.size()
    first.close()
    second = MainWindow(Document(demo_spec()), settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert not second.findChild(QDockWidget, "LessonsDock").isVisible() and second.bottom_dock.isVisible()


def test_examples_menu_opens_each_chapter_example(window, example_paths):
    projects = [a for a in window.menus["Examples"].actions() if not a.objectName().endswith("_py")]
    titles = [a.text() for a in projects]
    assert len(titles) == len(example_paths)
    shared = next(a for a in window.menus["Examples"].actions() if "tying" in a.text())
    shared.trigger()
    net = window.document.net
    assert net[2] is net[4]
    assert window.file_path is None  # examples open as untitled copies


def test_save_and_reopen_round_trips(window, tmp_path):
    path = tmp_path / "m.nnx.json"
    assert window.part("file_actions").save_to(path)
    spec = window.document.spec
    window.part("file_actions").new()
    assert window.document.spec.children == ()
    assert window.part("file_actions").open_path(path)
    assert window.document.spec == spec
    assert window.windowTitle().startswith("m.nnx.json")


def test_a_broken_file_is_reported_and_the_document_kept(window, tmp_path):
    bad = tmp_path / "bad.nnx.json"
    bad.write_bytes(b"\x00\x01garbage")
    spec = window.document.spec
    assert not window.part("file_actions").open_path(bad)
    assert window.document.spec == spec
    assert "Cannot open bad.nnx.json" in window.status_text()


def test_changed_weights_mark_the_window_modified_and_closing_asks(window, tmp_path, monkeypatch):
    import torch
    from PySide6.QtWidgets import QMessageBox

    assert not window.isWindowModified()
    window.document.notify_weights_changed()  # views refresh; no value changed
    assert not window.isWindowModified()
    with torch.no_grad():
        window.document.net[0].bias.add_(1.0)  # what an optimizer step does
    window.document.notify_weights_changed()
    assert window.isWindowModified()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel
    )
    assert not window.close()  # the user cancelled: the window stays open
    assert asked and window.isVisible()
    window.part("file_actions").save_to(tmp_path / "arch.nnx.json")
    assert not window.isWindowModified()  # it holds all a save would write: no weights
    window.part("file_actions").save_to(tmp_path / "full.nnx")
    assert not window.isWindowModified()
    with torch.no_grad():
        window.document.net[0].bias.add_(1.0)
    window.document.notify_weights_changed()
    assert window.isWindowModified()  # the .nnx file holds the weights


def test_opening_another_model_clears_the_previous_models_output_and_curves(window, qtbot):
    from PySide6.QtGui import QAction

    window.findChild(QAction, "action_forward").trigger()
    qtbot.waitUntil(lambda: "output" in window.tensors, timeout=10000)
    output_view = window.part("run_actions").output_view
    assert output_view.main.text.toPlainText().startswith("tensor(")
    window.part("run_actions").training_view.history.extend([(1, 0.5), (2, 0.4)])
    example = next(a for a in window.menus["Examples"].actions() if "tying" in a.text())
    example.trigger()
    assert "output" not in window.tensors and "input" not in window.tensors
    assert window.part("run_actions").training_view.history.steps.size == 0
    assert output_view.main.text.toPlainText() == ""


def test_the_mouse_wheel_over_an_unfocused_field_does_not_change_it(window, qtbot):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QSpinBox

    spin = QSpinBox(window)
    spin.setRange(0, 1000)
    spin.setValue(256)
    spin.show()

    def wheel():
        pos = QPointF(spin.rect().center())
        event = QWheelEvent(pos, QPointF(spin.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(spin, event)

    wheel()
    assert spin.value() == 256  # scrolling past it changed nothing
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel()
    assert spin.value() == 257  # once the user clicked into it, the wheel edits it


def test_toolbar_undo_is_short_and_names_the_command_in_its_tooltip(window):
    from explorer.core import edits

    window.push_spec(edits.remove(window.document.spec, [(1,)]), "Delete ReLU")
    assert window.undo_tool.text() == "Undo" and window.undo_tool.isEnabled()
    assert "Delete ReLU" in window.undo_tool.toolTip()
    window.undo_tool.trigger()
    assert len(window.document.spec.children) == 3 and window.redo_tool.isEnabled()


def test_features_register_their_parts_instead_of_setting_window_attributes(window):
    import pytest

    with pytest.raises(AttributeError, match="register"):
        window.my_view = object()
    assert window.part("canvas").objectName() == "Canvas"
    assert window.part("no_such_part", None) is None
    with pytest.raises(KeyError):
        window.register("canvas", object())


def test_actions_land_at_their_named_places(window):
    from PySide6.QtGui import QAction

    names = [a.objectName() for a in window.menus["File"].actions() if not a.isSeparator()]
    texts = [a.text() for a in window.menus["File"].actions() if not a.isSeparator()]
    assert "Quit" in texts[-1]  # Quit stays last, whoever adds to File later
    assert names.index("actionSave") < names.index("actionSaveWeights")
    assert names.index("actionSaveWeights") < names.index("action_export_script")
    help_names = [a.objectName() for a in window.menus["Help"].actions() if not a.isSeparator()]
    assert help_names[0] == "actionLessons"
    assert window.trigger("no_such_action") is False
    assert isinstance(window.findChild(QAction, "actionExportCode"), QAction)


def test_start_up_objects_are_frozen_after_the_window_is_ready(window, qtbot):
    import gc

    from explorer.ui.app import freeze_when_started

    gc.unfreeze()
    try:
        tracked = len(gc.get_objects())
        freeze_when_started(window)  # the window is ready: the freeze follows on the event loop
        assert gc.get_freeze_count() == 0
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
        # what start-up made (torch, Qt, the window) is frozen: full passes no longer walk it
        assert gc.get_freeze_count() > tracked // 2 and len(gc.get_objects()) < tracked // 10
    finally:
        gc.unfreeze()  # the test process goes on making and freeing windows
