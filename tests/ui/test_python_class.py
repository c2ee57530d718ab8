"""File > Open Python class: trust prompt, class picker, errors with lines, conversion."""

import torch
from PySide6.QtCore import Qt

from explorer.ui.pyclass import open_action
from explorer.ui.pyclass.class_dialog import ClassDialog
from tests.io.test_module_file import NOTES_MLP, HandMLP

EXTRA = """

class Res(nn.Module):
    def __init__(self, width=4):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return x + self.fc(x)
"""


def write(tmp_path, text=NOTES_MLP + EXTRA):
    path = tmp_path / "mlp.py"
    path.write_text(text, encoding="utf-8")
    return path


def drive(monkeypatch, qtbot, steps, trust=True):
    """Answer the trust prompt; run ``steps(dialog)`` instead of waiting on the modal dialog."""
    monkeypatch.setattr(open_action, "ask_trust", lambda parent, path: trust)
    seen = []

    def fake_exec(dialog):
        seen.append(dialog)
        qtbot.addWidget(dialog)
        steps(dialog)
        return dialog.result()

    monkeypatch.setattr(ClassDialog, "exec", fake_exec)
    return seen


def test_declining_the_trust_prompt_runs_nothing(window, qtbot, monkeypatch, tmp_path):
    marker = tmp_path / "ran.txt"
    path = write(tmp_path, f"open({str(marker)!r}, 'w').write('x')\n" + NOTES_MLP)
    seen = drive(monkeypatch, qtbot, lambda d: None, trust=False)
    spec = window.document.spec
    assert window.part("python_class_opener").open_path(path) is False
    assert not marker.exists() and seen == [] and window.document.spec == spec


def test_the_notes_mlp_converts_into_an_editable_project_with_the_class_weights(
    window, qtbot, monkeypatch, tmp_path
):
    def steps(dialog):
        assert [dialog.classes.itemData(i) for i in range(dialog.classes.count())] == [
            "MLP", "Res"
        ]  # fmt: skip
        top = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
        assert top == ["hidden", "out"]
        assert dialog.tree.topLevelItem(0).text(1).startswith("Linear(in_features=20")
        assert dialog.source.toPlainText() == path.read_text(encoding="utf-8")
        assert dialog.input_shape.text() == "2, 20"
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)

    path = write(tmp_path)
    seen = drive(monkeypatch, qtbot, steps)
    assert window.part("python_class_opener").open_path(path) is True
    net = seen[0].net
    spec = window.document.spec
    assert [c.name for c in spec.children] == ["hidden", "relu", "out"]
    assert list(window.document.net.state_dict()) == list(net.state_dict())
    for key, value in net.state_dict().items():
        assert torch.equal(window.document.net.state_dict()[key], value)
    hand = HandMLP()
    hand.load_state_dict(window.document.net.state_dict(), strict=True)  # keys load into the class
    assert window.isWindowModified() and window.file_path is None


def test_a_class_that_cannot_convert_says_why_and_nothing_changes(
    window, qtbot, monkeypatch, tmp_path
):
    def steps(dialog):
        dialog.classes.setCurrentIndex(1)
        dialog.args.setText('{"width": 5}')
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
        assert "not a straight chain" in dialog.message.text()
        dialog.args.setText('{"width": -1}')
        assert dialog.construct() is False
        text = path.read_text(encoding="utf-8").splitlines()
        line = text.index("        self.fc = nn.Linear(width, width)") + 1
        assert f"mlp.py, line {line}, in __init__" in dialog.message.text()
        assert dialog.tree.topLevelItem(0).text(1).startswith("Linear(in_features=5")
        dialog.reject()

    spec = window.document.spec
    path = write(tmp_path)
    drive(monkeypatch, qtbot, steps)
    assert window.part("python_class_opener").open_path(path) is False
    assert window.document.spec == spec


def test_a_syntax_error_is_reported_with_its_line(window, qtbot, monkeypatch, tmp_path):
    seen = drive(monkeypatch, qtbot, lambda d: None)
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    path = write(tmp_path, "from torch import nn\nclass A(nn.Module)\n    pass\n")
    assert window.part("python_class_opener").open_path(path) is False
    assert seen == [] and len(errors) == 1
    assert errors[0].startswith("mlp.py, line 2: SyntaxError")


def test_file_open_accepts_a_py_and_goes_through_the_trust_prompt(
    window, qtbot, monkeypatch, tmp_path
):
    prompts = []
    monkeypatch.setattr(open_action, "ask_trust", lambda parent, path: prompts.append(path))
    path = write(tmp_path)
    spec = window.document.spec
    assert window.part("file_actions").open_path(path) is False  # declined: nothing ran
    assert prompts == [path] and window.document.spec == spec

    def steps(dialog):
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, qtbot, steps)
    assert window.part("file_actions").open_path(path) is True
    assert [c.name for c in window.document.spec.children] == ["hidden", "relu", "out"]
