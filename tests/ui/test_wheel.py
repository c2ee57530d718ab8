"""A wheel turn over a pane scrolls it; fields change only after a click or Tab.

Qt gives a ``WheelFocus`` widget focus on a real (spontaneous) wheel turn before any
filter sees the event. ``QApplication.sendEvent`` skips that step, so :func:`user_wheel`
performs it exactly as Qt does, to see what a user sees.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QScrollArea, QSpinBox

from explorer.core.spec import LayerSpec, sequential
from tests.ui.builder_helpers import click_row


def user_wheel(widget, steps: int = 1) -> None:
    """A wheel turn over ``widget`` as a mouse delivers it (focus step first)."""
    policy = widget.focusPolicy()
    if (policy.value & Qt.FocusPolicy.WheelFocus.value) == Qt.FocusPolicy.WheelFocus.value:
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_every_spin_box_and_combo_box_of_the_window_takes_focus_only_by_click_or_tab(window):
    fields = window.findChildren(QSpinBox) + window.findChildren(QComboBox)
    assert len(fields) > 10
    wheel_focus = [
        f.objectName() or type(f).__name__
        for f in fields
        if f.isVisible() and f.focusPolicy() == Qt.FocusPolicy.WheelFocus
    ]
    assert wheel_focus == []


def test_wheel_over_in_features_scrolls_properties_and_keeps_the_value(window, qtbot):
    doc = window.document
    doc.load_spec(sequential(LayerSpec.make("Linear", in_features=20, out_features=20)))
    click_row(qtbot, window.part("canvas"), 1)
    props = window.part("properties")
    spin = props.fields["in_features"].widget
    scroll = props.findChild(QScrollArea)
    dock = window.findChild(QDockWidget, "PropertiesDock")
    dock.raise_()
    window.resizeDocks([dock], [150], Qt.Orientation.Vertical)  # a small pane that must scroll
    qtbot.waitUntil(spin.isVisible)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    window.part("canvas").setFocus()
    steps = window.undo_stack.count()
    user_wheel(spin, 3)
    assert spin.value() == 20 and doc.spec.children[0].args["in_features"] == 20
    assert not spin.hasFocus() and window.undo_stack.count() == steps
    assert scroll.verticalScrollBar().value() > 0  # the pane scrolled instead
    scroll.ensureWidgetVisible(spin)
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(spin.hasFocus)
    user_wheel(spin)
    assert spin.value() == 19  # after a click the wheel edits, as the user asked


def test_wheel_over_the_optimizer_combo_leaves_it(window):
    tv = window.part("run_actions").training_view
    window.show_tab("TrainingTab")
    before = tv.optimizer.currentText()
    window.part("canvas").setFocus()
    user_wheel(tv.optimizer, 2)
    assert tv.optimizer.currentText() == before and not tv.optimizer.hasFocus()


def test_an_init_lab_template_never_replaces_edited_code_without_asking(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    form = window.part("init_lab").form
    window.show_tab("InitLabTab")
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2])
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    form.editor.setPlainText("def mine(m):\n    pass  # my work\n")
    answer(QMessageBox.StandardButton.No)
    form.templates.activated.emit(1)
    assert "my work" in form.editor.toPlainText() and len(asked) == 1
    answer(QMessageBox.StandardButton.Yes)
    form.templates.activated.emit(1)
    assert form.editor.toPlainText() == form.templates.itemData(1)
    form.templates.activated.emit(2)  # a template's own code is replaced without a question
    assert form.editor.toPlainText() == form.templates.itemData(2) and len(asked) == 2
