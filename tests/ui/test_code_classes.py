"""View > Code as nn.Module classes: the Code tab and Export code write classes with equal keys."""

import runpy

import torch
from PySide6.QtGui import QAction


def test_code_tab_as_classes_exports_a_class_whose_state_dict_loads_the_models(window, tmp_path):
    window.show_tab("CodeTab")
    assert "nn.Sequential(" in window.part("code_view").toPlainText()
    window.findChild(QAction, "action_code_classes").trigger()
    text = window.part("code_view").toPlainText()
    assert "class Net(nn.Module):" in text and "def forward(self, X):" in text
    out = tmp_path / "model.py"
    assert window.part("builder").export_code(str(out))
    assert out.read_text(encoding="utf-8") == text
    net = runpy.run_path(str(out))["net"]
    ours = window.document.net
    net.load_state_dict(ours.state_dict(), strict=True)
    x = torch.rand(2, 20)
    assert torch.equal(net(x), ours(x))
    window.findChild(QAction, "action_code_classes").trigger()
    assert "nn.Sequential(" in window.part("code_view").toPlainText()
