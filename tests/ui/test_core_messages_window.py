"""In the real window, in zh_CN: the reasons core/io give are shown translated.

The same sentences stay English for the CLI and the Log (``str`` of the message).
"""

from __future__ import annotations

import pytest

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
