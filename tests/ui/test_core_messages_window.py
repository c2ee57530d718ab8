"""In the real window, in zh_CN: the reasons core/io give are shown translated.

The same sentences stay English for the CLI and the Log (``str`` of the message).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from explorer.ui.shell import i18n
from tests.io.test_module_file import NOTES_MLP
from tests.ui.test_class_model import open_class


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def test_a_class_fx_cannot_convert_says_why_in_chinese(
    window, qtbot, monkeypatch, tmp_path, chinese
):
    text = NOTES_MLP.replace(
        "return self.out(F.relu(self.hidden(X)))",
        "return self.out(F.relu(self.hidden(X))) + X.sum()",
    )
    open_class(window, qtbot, monkeypatch, tmp_path, text)
    view = window.part("class_view")
    assert not view.convert_button.isEnabled()
    assert view.why_not == (
        "MLP.forward 不是一条直链：.sum() 的输入不只是上一步的结果（有跳跃连接，或有多个输入）"
    )
    assert view.why_not in view.banner.text() and view.why_not in view.convert_button.toolTip()
    assert "straight chain" not in view.banner.text()


# torch.jit.script is how TorchScript files are made in the field; torch warns it is deprecated
@pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated")
def test_a_torchscript_import_refusal_is_shown_in_chinese(window, tmp_path, chinese):
    import torch

    from tests.io.real_nets import NETS, trained_like

    net = trained_like(NETS["residual"][0]())
    path = tmp_path / "net.ts.pt"
    torch.jit.script(net).save(str(path))
    before = window.document.spec
    assert not window.part("checkpoint_actions").import_path(path)
    assert window.document.spec is before  # refused: nothing changed
    assert window.status_text() == (
        "无法导入 net.ts.pt：1.body：它的输出与 1.body 的输入相加（残差连接）"
    )


def test_the_import_dialog_lists_the_guessed_layers_in_chinese(window, tmp_path, chinese):
    import torch
    from PySide6.QtWidgets import QDialogButtonBox
    from torch import nn

    from tests.ui.test_checkpoint_actions import in_import_dialog

    net = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))
    path = tmp_path / "net.params"
    torch.save(net.state_dict(), path)
    ok = QDialogButtonBox.StandardButton.Ok
    shown = in_import_dialog(lambda d: (d.guesses.toPlainText(), d.buttons.button(ok).click())[0])
    assert window.part("checkpoint_actions").import_asking(path)
    lines = shown[0].splitlines()
    assert lines == [
        "1: 文件中没有这一层（它没有参数）：假定为 ReLU（--between relu）",
        "model: 2 之后的层没有参数，文件无法体现它们：未添加任何层",
    ]
    # the imported ReLU carries the same note, translated, on its canvas badge
    canvas = window.part("canvas")
    model = canvas.model()
    relu = next(r for r in range(model.rowCount()) if "ReLU" in model.data(model.index(r, 0)))
    tooltip = model.data(model.index(relu, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("文件中没有这一层（它没有参数）：假定为 ReLU（--between relu）")
    # the document keeps the English sentence (saved in the project, read by the CLI)
    assert window.document.spec.children[1].guessed == (
        "not in the file (no parameters): ReLU assumed (--between relu)"
    )


def test_the_window_title_names_the_file_and_the_class_until_another_model_opens(
    window, qtbot, monkeypatch, tmp_path
):
    assert window.windowTitle() == "untitled[*] — NN Explorer"
    open_class(window, qtbot, monkeypatch, tmp_path)
    assert window.windowTitle() == "mlp.py — MLP[*] — NN Explorer"
    window.mark_saved()
    window.part("file_actions").new()
    assert window.windowTitle() == "untitled[*] — NN Explorer"


def test_a_project_with_an_unknown_loss_is_refused_in_one_line_and_changes_nothing(
    window, tmp_path, chinese
):
    import json

    path = tmp_path / "bad.nnx.json"
    assert window.part("file_actions").save_to(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"].setdefault("run", {})["loss"] = "bogus"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = window.document.spec
    assert not window.part("file_actions").open_path(path)
    assert window.document.spec is before
    assert window.status_text() == "无法打开模型：未知的损失函数 'bogus'"


def test_the_nan_locating_sentence_is_english_for_the_log_and_chinese_on_screen(chinese):
    import torch
    from torch import nn

    from explorer.core.diagnose import locate_nonfinite
    from explorer.ui.common.messages import message_text

    net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    with torch.no_grad():
        net[2].weight[0, 1] = float("nan")
    layer, where = locate_nonfinite(net, torch.ones(4, 2))
    assert layer == "2" and where == "layer 2 (Linear): 2.weight holds NaN or Inf"
    assert message_text(where) == "第 2 层（Linear）：2.weight 中有 NaN 或 Inf"
    _, outputs = locate_nonfinite(
        nn.Sequential(nn.Linear(2, 2)), torch.tensor([[float("inf"), 1.0]])
    )
    assert outputs == "layer 0 (Linear) outputs NaN or Inf"
    assert message_text(outputs) == "第 0 层（Linear）输出了 NaN 或 Inf"


def test_a_project_with_a_bad_dtype_is_refused_in_chinese(window, tmp_path, chinese):
    import json

    path = tmp_path / "bad.nnx.json"
    assert window.part("file_actions").save_to(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["dtype"] = "float8"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = window.document.spec
    assert not window.part("file_actions").open_path(path)
    assert window.document.spec is before
    assert window.status_text().endswith(
        "dtype 必须是 float32, float64, float16, bfloat16 之一，而这里是 float8"
    )
    assert "must be one of" not in window.status_text()
