"""Sentences made in core/io/app, shown by the real window in Chinese (fields filled in),
while the English the CLI and the Log read stays as it was."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from explorer.ui.common.messages import error_text, message_text
from explorer.ui.shell import i18n
from tests.ui.training_helpers import use


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def _tooltip_of(window, layer_type: str) -> str:
    model = window.part("canvas").model()
    row = next(r for r in range(model.rowCount()) if layer_type in model.data(model.index(r, 0)))
    return model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)


def test_an_imported_guess_reads_in_chinese_after_the_project_is_saved_and_reopened(
    window, tmp_path, chinese
):
    net = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))
    weights = tmp_path / "net.params"
    torch.save(net.state_dict(), weights)
    assert window.part("checkpoint_actions").import_path(weights)
    project = tmp_path / "imported.nnx.json"
    assert window.part("file_actions").save_to(project)
    imported = window.document.spec
    assert window.part("file_actions").open_path(project), window.status_text()
    assert window.document.spec is not imported  # read back from the file
    relu = window.document.spec.children[1]
    assert relu.guessed is not imported.children[1].guessed
    assert str(relu.guessed) == "not in the file (no parameters): ReLU assumed (--between relu)"
    assert _tooltip_of(window, "ReLU").endswith(
        "文件中没有这一层（它没有参数）：假定为 ReLU（--between relu）"
    )


def test_an_old_project_with_an_english_note_shows_it_as_written(window, tmp_path, chinese):
    import json

    net = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))
    torch.save(net.state_dict(), tmp_path / "net.params")
    assert window.part("checkpoint_actions").import_path(tmp_path / "net.params")
    project = tmp_path / "old.nnx.json"
    assert window.part("file_actions").save_to(project)
    data = json.loads(project.read_text(encoding="utf-8"))
    for layer in data["layers"]:
        layer.pop("guessed_message", None)  # as rounds before this one wrote it
    project.write_text(json.dumps(data), encoding="utf-8")
    assert window.part("file_actions").open_path(project), window.status_text()
    assert _tooltip_of(window, "ReLU").endswith(
        "not in the file (no parameters): ReLU assumed (--between relu)"
    )


def test_an_absent_cuda_device_is_refused_in_chinese_and_nothing_moves(window, chinese):
    selector = window.part("device_selector")
    n = torch.cuda.device_count()
    before = window.document.device
    assert not selector.choose(f"cuda:{n + 3}")
    assert window.document.device == before
    assert window.message_bar.text() == (
        f"无法把模型移到 cuda:{n + 3}：cuda:{n + 3} 不可用：本机有 {n} 个 CUDA 设备"
    )


def test_the_fit_offer_names_the_input_change_in_chinese(window, run, tv, chinese):
    use(tv.source, "spiral")
    text = tv.fit_offer.text.text()
    assert "输入 (2, 20) -> (32, 2)" in text and "0.in_features 20 -> 2" in text
    assert "input (2, 20)" not in text


def test_a_data_file_refusal_reads_in_chinese_with_its_fields(window, run, tv, tmp_path, chinese):
    path = tmp_path / "three.pt"
    torch.save([torch.zeros(4, 2), torch.zeros(4), torch.zeros(4)], path)
    before = window.document.spec
    assert not tv.use_file(str(path))
    assert window.document.spec is before
    assert window.message_bar.text() == ("three.pt：列表必须包含两个张量 [X, y]，而它有 3 项")


def test_saving_over_a_folder_is_refused_in_chinese(window, tmp_path, chinese):
    folder = tmp_path / "taken.nnx.json"
    folder.mkdir()
    assert not window.part("file_actions").save_to(folder)
    assert folder.is_dir() and not any(folder.iterdir())
    assert f"{folder} 是一个文件夹，不是文件：拒绝覆盖它" in window.message_bar.text()


def test_the_inspect_dialog_names_a_checkpoint_and_its_entries_in_chinese(
    window, tmp_path, chinese
):
    from explorer.io.tensors import inspect_file
    from explorer.ui.files.inspect_dialog import InspectDialog

    path = tmp_path / "ckpt.pt"
    torch.save({"model": nn.Linear(2, 3).state_dict(), "epoch": 3}, path)
    tree = inspect_file(path)
    assert str(tree.kind_text) == "checkpoint (a state dict inside a dict)"  # the CLI's words
    dialog = InspectDialog(window, tree)
    try:
        assert "检查点（字典中的 state dict）" in dialog.summary.text()
        model = dialog.tree.topLevelItem(0)
        assert (model.text(0), model.text(1)) == ("model", "2 项")
    finally:
        dialog.deleteLater()


def test_a_python_class_refuses_a_dtype_edit_in_chinese(
    window, qtbot, monkeypatch, tmp_path, chinese
):
    from dataclasses import replace

    from tests.ui.test_class_model import open_class

    open_class(window, qtbot, monkeypatch, tmp_path)
    title, spec = window.document.source.title, window.document.spec
    assert not window.push_spec(replace(spec, dtype="float64"), "dtype")
    assert window.document.spec == spec
    assert window.message_bar.text() == (
        f"{title} 是 Python 类：它的 dtype（{spec.dtype}）由其代码决定"
    )


def test_a_run_error_crosses_the_worker_as_a_message_and_is_shown_in_chinese(
    qtbot, window, chinese
):
    """The worker thread sends the core's Message itself (a str signal would drop its
    template), and the window shows it in the interface language."""
    from explorer.core.data import DataSpec, from_tensors, make_dataset
    from explorer.core.errors import Message
    from explorer.core.training import TrainConfig, train

    data = make_dataset(DataSpec("moons", n=64, eval_fraction=0))
    x = data.X.clone()
    x[5] = float("nan")
    data = from_tensors("poisoned", x, data.y)
    net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 2))
    config = TrainConfig(loss="cross_entropy", steps=500, batch_size=8)
    runner = window.part("run_actions").controller.runner
    with qtbot.waitSignal(runner.errored, timeout=20000) as blocker:
        runner.start(lambda control: train(net, data, config, control=control))
    message = blocker.args[0]
    assert isinstance(message, Message) and "training stopped at step" in message
    assert window.message_bar.text() == message_text(message)
    assert "第" in window.message_bar.text() and "training stopped" not in (
        window.message_bar.text()
    )


def test_probe_custom_code_stats_and_io_refusals_translate_their_framing_only(chinese):
    """One sentence of each converted module, as error_text shows it (Python's words kept)."""
    from explorer.core.custom_init import CustomInitError, run_custom
    from explorer.core.errors import ExplorerError
    from explorer.core.init_probe import depth_probe
    from explorer.core.stats import as_matrix
    from explorer.core.training import RunError, TrainConfig
    from explorer.io.outputs import check_output

    class Broken(nn.Module):
        def forward(self, x):
            raise RuntimeError("boom inside forward")

    with pytest.raises(ExplorerError) as info:
        depth_probe(nn.Sequential(nn.Linear(4, 4), Broken()), (2, 4))
    assert str(info.value) == "the probe's forward/backward failed: boom inside forward"
    assert error_text(info.value) == "探测的前向/反向传播失败：boom inside forward"

    with pytest.raises(CustomInitError) as info:
        run_custom(nn.Sequential(nn.Linear(2, 3)), "def f(m):\n    while True: pass\n", timeout=0.2)
    assert str(info.value) == "line 2: TimeoutError: stopped after 0.2 s (an endless loop?)"
    assert error_text(info.value) == "第 2 行：TimeoutError：0.2 秒后已停止（是死循环吗？）"

    with pytest.raises(IndexError) as info:
        as_matrix(torch.zeros(2, 3, 4), (5,))
    assert error_text(info.value) == "索引 5 超出了第 0 维的范围（大小为 2）"

    with pytest.raises(RunError) as info:
        TrainConfig(batch_size=0).check(10)
    assert error_text(info.value) == "批量大小至少为 1，而这里是 0"

    with pytest.raises(ExplorerError) as info:
        check_output("model.txt", (".pt",), what="a state dict")
    assert str(info.value) == "-o model.txt: this command writes .pt (a state dict)"
    assert error_text(info.value) == "-o model.txt：此命令写出的是 .pt（a state dict）"


# ----- identifiers the CLI uses: named in Chinese, the id kept beside the name ------------


def test_a_dataset_id_is_named_in_chinese_with_the_id_and_kept_as_is_in_english(
    window, run, tv, qapp
):
    use(tv.source, "spiral")
    assert "spiral has (2,)" in tv.fit_offer.text.text()
    assert tv.data_plot.plotItem.titleLabel.text.startswith("spiral: ")
    i18n.install_language("zh_CN")
    try:
        use(tv.source, "moons")
        use(tv.source, "spiral")  # shown again in the new language
        offer = tv.fit_offer.text.text()
        title = tv.data_plot.plotItem.titleLabel.text
    finally:
        i18n.install_language("en")
    assert "螺旋（spiral）" in offer and "spiral has" not in offer
    assert title.startswith("螺旋：")  # a short title; the id is in the offer and the tooltip
    assert window.part("run_actions").controller.dataset.name == "spiral"  # the CLI's id
    tip = tv.source.itemData(tv.source.findData("spiral"), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Command line: nn-explorer train --data spiral"


def test_the_between_choices_keep_the_cli_values_and_name_none_in_chinese(window, qtbot, qapp):
    from PySide6.QtCore import Qt as QtNs

    from explorer.ui.files.import_options_dialog import ImportOptionsDialog

    def texts():
        dialog = ImportOptionsDialog(window, "mlp.params")
        qtbot.addWidget(dialog)
        combo = dialog.between
        items = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
        tip = combo.itemData(combo.findData("relu"), QtNs.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findData("none"))
        return items, tip, dialog.options()[0]  # what the import is given

    english, tip, chosen = texts()
    assert english["none"] == "none" and english["relu"] == "relu" and tip == "nn.ReLU"
    i18n.install_language("zh_CN")
    try:
        chinese_items, _, chinese_chosen = texts()
    finally:
        i18n.install_language("en")
    assert chinese_items["none"] == "不插入（none）" and chinese_items["relu"] == "relu"
    assert chosen == chinese_chosen == "none"  # the CLI's value, whatever the language


def test_every_term_has_a_chinese_name():
    from explorer.core.data import GENERATORS
    from explorer.ui.common.terms import TERMS

    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    assert {key for kind, key in TERMS if kind == "dataset"} == set(GENERATORS)
    for source in TERMS.values():
        assert table.get(source), source


def test_weights_that_do_not_fit_an_opened_project_are_reported_in_chinese(window, chinese):
    """A project whose weights do not fit its layers opens (architecture) and says why."""
    from explorer.app.session import OpenRequest
    from explorer.core.spec import LayerSpec, sequential

    spec = sequential(LayerSpec.make("Linear", in_features=3, out_features=2))
    weights = {"0.weight": torch.zeros(5, 3), "0.bias": torch.zeros(2)}
    assert window.open_model(OpenRequest(spec, "project", None, "odd", weights=weights))
    assert window.document.net[0].weight.shape == (2, 3)  # the layer as the spec says
    shown = window.message_bar.text()
    assert shown.startswith("未加载权重：") and "0.weight" in shown, shown
    assert "weights not loaded" not in shown


def test_the_depth_probe_failure_is_shown_in_chinese_in_the_panel(window, qtbot, chinese):
    from explorer.core import edits

    window.show_tab("InitLabTab")
    lab = window.part("init_lab")
    assert window.push_spec(edits.set_input(window.document.spec, (2, 7)), "input")
    weights = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    qtbot.mouseClick(lab.probe.run_button, Qt.MouseButton.LeftButton)
    summary = lab.probe.summary.text()
    assert "探测的前向/反向传播失败：" in summary and "mat1 and mat2" in summary, summary
    assert window.message_bar.text().startswith("探测的前向/反向传播失败：")
    after = window.document.net.state_dict()
    assert all(after[k].equal(v) for k, v in weights.items())  # the probe works on a copy


def test_a_failing_view_probe_is_logged_in_chinese_and_training_goes_on(
    qtbot, window, run, chinese
):
    def broken(net, xb):
        raise ValueError("the view could not read it")

    window.run_probes["views.broken"] = broken
    logged = []
    window.log_message.connect(lambda level, text: logged.append((level, text)))
    run.training_view.steps.setValue(5)
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        run.actions["train"].trigger()
    assert blocker.args == ["done"]
    warnings = [text for level, text in logged if level == "warning"]
    assert "探针 views.broken 出错：ValueError: the view could not read it" in warnings
