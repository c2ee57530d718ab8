"""Dropping a .py on the window goes through the trust prompt and the class dialog."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from explorer.ui.pyclass import open_action
from tests.ui.test_python_class import drive, write


def drop_events(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return (
        mime,
        QDragEnterEvent(QPointF(50, 50).toPoint(), *args),
        QDropEvent(QPointF(50, 50), *args),
    )


def send_drop(window, path):
    mime, enter, drop = drop_events(path)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_a_dropped_py_is_not_run_when_the_trust_prompt_is_declined(
    window, qtbot, monkeypatch, tmp_path
):
    marker = tmp_path / "ran.txt"
    path = write(tmp_path, f"open({str(marker)!r}, 'w').write('x')\n")
    prompts = []
    monkeypatch.setattr(open_action, "ask_trust", lambda parent, p: prompts.append(p) or False)
    spec, net = window.document.spec, window.document.net
    send_drop(window, path)
    assert prompts == [path] and not marker.exists()
    assert window.document.spec == spec and window.document.net is net


def test_a_dropped_py_opens_the_chosen_class_through_the_dialog(
    window, qtbot, monkeypatch, tmp_path
):
    path = write(tmp_path)
    seen = drive(
        monkeypatch, qtbot, lambda d: qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    )
    send_drop(window, path)
    assert [d.class_name() for d in seen] == ["MLP"]
    assert type(window.document.net).__name__ == "MLP"
    assert window.document.source.title == "MLP (mlp.py)"
