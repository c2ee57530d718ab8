"""Errors raised in the core carry a message id; the UI shows them in the interface language."""

from __future__ import annotations

import pytest
from torch import nn

from explorer.core.custom_init import CustomInitError, run_custom
from explorer.core.errors import message_parts
from explorer.ui.common.messages import error_text
from explorer.ui.shell import i18n


def custom_error(code: str) -> CustomInitError:
    net = nn.Sequential(nn.Linear(2, 3))
    with pytest.raises(CustomInitError) as info:
        run_custom(net, code, seed=0)
    return info.value


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def test_a_line_error_keeps_its_english_text_and_carries_a_message_id(qapp):
    e = custom_error("def f(m):\n    undefined_name\n")
    assert str(e).startswith("line 2: NameError") and e.line == 2
    msgid, fields = message_parts(e)
    assert msgid == "line {line}: {detail}" and fields["line"] == 2
    assert error_text(e) == str(e)  # English interface: the same sentence


def test_in_chinese_the_frame_is_translated_and_pythons_own_text_is_kept(chinese):
    e = custom_error("def f(m):\n    undefined_name\n")
    text = error_text(e)
    assert text.startswith("第 2 行：NameError") and "undefined_name" in text
    none = custom_error("x = 1\n")
    assert error_text(none).startswith("请定义一个函数")
    arity = custom_error("def f(a, b, c):\n    pass\n")
    assert error_text(arity).startswith("第 1 行：f 有 3 个参数")
