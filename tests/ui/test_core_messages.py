"""Errors raised in the core carry a message id; the UI shows them in the interface language."""

from __future__ import annotations

import re

import pytest
from torch import nn

from explorer.core.custom_init import CustomInitError, run_custom
from explorer.core.errors import message_parts
from explorer.ui.common.messages import error_text
from explorer.ui.shell import i18n
from tests.ui.message_scan import INTERNAL_RAISES, english_raises, scan


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


# ----- every sentence made in core/io is marked for translation and translated ------------


def test_every_core_message_is_kept_for_lupdate_and_has_a_chinese_translation():
    from explorer.ui.common.core_messages import CORE_MESSAGES

    found = scan()
    assert found.unresolved == []  # a template the scan cannot read: make it a literal
    assert len(found.found) > 400  # load report, refusals, init theory, code errors, shapes
    assert found.found == set(CORE_MESSAGES)  # nothing missing for lupdate, nothing stale
    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    for msgid in CORE_MESSAGES:
        assert msgid in table, msgid
        fields = set(re.findall(r"\{(\w*)\}", msgid))
        assert set(re.findall(r"\{(\w*)\}", table[msgid])) == fields, msgid


def test_the_scan_reads_templates_picked_from_a_dict_a_name_or_a_forwarding_function():
    found = scan().found
    # Target.describe: Message(template, ...) with template = {...}[self.scope]
    assert {"{what} of layer {names}", "{what} of every {names}"} <= found
    # diagnose._at_step(step, without, with_step): its callers' templates
    assert any("at step {step}" in t for t in found)
    # CustomInitError(..., msgid="..."): a keyword its __init__ passes to with_message
    assert "{fname} left NaN or infinity in {name}; nothing was applied" in found
    assert "{kind}: {detail}" in found


def test_no_error_in_core_io_or_app_is_raised_with_english_built_in_place():
    """A refusal made with an f-string or a plain literal stays English in the interface."""
    assert english_raises() == set(INTERNAL_RAISES)


# ----- in the window: the load report, a refusal and the init theory ---------------------


def _report_for_a_mismatched_file(window, tmp_path):
    """A file with one key the model lacks and one of the wrong shape (book MLP 20-256-10)."""
    import torch

    from explorer.io.checkpoints import compare, read_state_file

    state = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    state["0.weight"] = torch.zeros(3, 20)
    state["extra.bias"] = torch.zeros(2)
    path = tmp_path / "odd.pt"
    torch.save(state, path)
    return compare(window.document.net, read_state_file(path), "cpu")


def _load_report_text(window, tmp_path) -> str:
    from explorer.ui.files.load_report_dialog import LoadReportDialog

    report = _report_for_a_mismatched_file(window, tmp_path)
    dialog = LoadReportDialog(window, report, "odd.pt")
    try:
        return dialog.summary.text()
    finally:
        dialog.deleteLater()


def _refusal_text(window, tmp_path) -> str:
    empty = tmp_path / "empty.pt"
    empty.write_bytes(b"")
    before = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    assert not window.part("checkpoint_actions").load_weights_from(empty)
    after = window.document.net.state_dict()
    assert all(after[k].equal(v) for k, v in before.items())  # refused: nothing changed
    return window.message_bar.text()


def _theory_text(window) -> str:
    window.show_tab("InitLabTab")
    lab = window.part("init_lab")
    scheme = lab.form.scheme
    scheme.setCurrentIndex(scheme.findData("xavier_uniform"))
    lab.show_parameter("0.weight")
    return lab.stats.text()


def test_in_english_the_load_report_refusal_and_theory_read_as_the_core_wrote_them(
    window, tmp_path
):
    report = _report_for_a_mismatched_file(window, tmp_path)
    assert report.summary() == "keys that match: 3, 1 unexpected, 1 with the wrong shape"
    assert _load_report_text(window, tmp_path) == report.summary()
    assert _refusal_text(window, tmp_path) == "Cannot load empty.pt: empty.pt is empty"
    theory = _theory_text(window)
    assert "values U(-a, a)" in theory and "√(6 / (20 + 256))" in theory


def test_in_chinese_the_load_report_refusal_and_theory_are_translated(window, tmp_path):
    i18n.install_language("zh_CN")
    try:
        summary = _load_report_text(window, tmp_path)
        refusal = _refusal_text(window, tmp_path)
        theory = _theory_text(window)
    finally:
        i18n.install_language("en")
    assert summary == "3 个键匹配，1 个多余，1 个形状不符"
    assert refusal == "无法加载 empty.pt：empty.pt 是空文件"
    assert "取值服从 U(-a, a)" in theory and "√(6 / (20 + 256))" in theory
    assert "values U(-a, a)" not in theory
    # the CLI and the Log's English stay as they were
    assert str(_report_for_a_mismatched_file(window, tmp_path).summary()).startswith("keys that match: 3")


def test_lesson_inspector_and_weights_refusals_read_in_chinese(chinese):
    import torch

    from explorer.core.errors import SpecError
    from explorer.core.init import weights_mismatch
    from explorer.core.lessons import lesson_from_dict
    from explorer.io.inspect_formats import parse_safetensors_header
    from explorer.ui.common.messages import message_text

    with pytest.raises(SpecError) as info:
        lesson_from_dict({"id": "l1", "steps": [{"text": "hi", "target": 3}]})
    assert str(info.value) == "l1: step 1: 'target' must be an objectName"
    assert error_text(info.value) == "l1：第 1 步：'target' 必须是一个 objectName"
    with pytest.raises(Exception) as info:
        parse_safetensors_header(b"[]", "w.safetensors")
    assert error_text(info.value) == "w.safetensors 不是可读的 safetensors 文件"
    problem = weights_mismatch({"a": torch.zeros(2), "b": torch.zeros(3)}, {"b": torch.zeros(4)})
    assert problem == "missing a; b is (4,) in the file but (3,) in the model"
    assert message_text(problem) == "缺少 a；b 在文件中是 (4,)，在模型中却是 (3,)"
