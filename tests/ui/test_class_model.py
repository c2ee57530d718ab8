"""A Python class opened as it is: the whole app works on it, layers stay read-only.

Opened through the real trust prompt and class dialog; compared with plain PyTorch (the
same class written by hand, the same seed, a hand-written training loop).
"""

import copy

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from explorer.core.losses import OptimizerConfig
from explorer.ui.inspect.param_tree import NAMES_ROLE
from tests.io.test_module_file import NOTES_MLP, HandMLP
from tests.ui.test_python_class import drive, write

SEED = 5


def open_class(window, qtbot, monkeypatch, tmp_path, text=NOTES_MLP, shape=None):
    def steps(dialog):
        if shape is not None:
            dialog.input_shape.setText(shape)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    window.session.update_settings(seed=SEED)
    path = write(tmp_path, text)
    drive(monkeypatch, qtbot, steps)
    assert window.part("python_class_opener").open_path(path) is True, window.status_text()
    return path


def tree_names(window) -> list[str]:
    tree = window.part("param_tree").tree
    names = []

    def walk(item):
        if item.data(0, NAMES_ROLE):
            names.extend(item.data(0, NAMES_ROLE))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return names


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        qtbot.keyClick(window, key, modifier)
    return blocker.args[0]


def test_the_notes_mlp_opens_as_itself_with_its_names_values_and_a_read_only_tree(
    window, qtbot, monkeypatch, tmp_path
):
    path = open_class(window, qtbot, monkeypatch, tmp_path)
    doc = window.document
    assert type(doc.net).__name__ == "MLP" and doc.spec.children == ()
    torch.manual_seed(SEED)
    hand = HandMLP()
    assert tree_names(window) == [n for n, _ in hand.named_parameters()]
    params = window.part("param_tree")
    qtbot.mouseClick(params.state_button, Qt.MouseButton.LeftButton)
    state_text = params.state_text.toPlainText()
    assert state_text.startswith(">>> print(net.state_dict())")
    for key, value in hand.state_dict().items():
        assert torch.equal(doc.net.state_dict()[key], value), key
        assert key in state_text
    view = window.part("class_view")
    assert view.isVisible() and not window.part("canvas").isVisible()
    top = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    assert [(i.text(0), i.text(1)) for i in top] == [
        ("hidden", "Linear(in_features=20, out_features=256, bias=True)"),
        ("out", "Linear(in_features=256, out_features=10, bias=True)"),
    ]
    assert "read-only" in view.banner.text()
    assert view.shape_edit.text() == "2, 20" and "guess" in view.shape_note.text()
    assert view.convert_button.isEnabled()
    assert window.part("code_view").code_text() == path.read_text(encoding="utf-8")
    delete = window.part("builder").actions["delete"]
    assert not delete.isEnabled() and "convert it to Sequential" in delete.toolTip()
    assert not window.part("palette_view").isEnabled()
    assert not window.isWindowModified()


def test_forward_backward_step_and_zero_grad_match_plain_pytorch(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    net = window.document.net
    hand = HandMLP()
    hand.load_state_dict(net.state_dict())
    assert press(qtbot, window, Qt.Key.Key_F5) == "done"
    x = window.tensors["input"]
    assert torch.equal(window.tensors["output"], hand(x).detach())
    assert press(qtbot, window, Qt.Key.Key_F6) == "done"
    y = window.tensors["target"]
    nn.functional.mse_loss(hand(x), y).backward()
    for (name, p), q in zip(net.named_parameters(), hand.parameters(), strict=True):
        assert torch.allclose(p.grad, q.grad), name
    assert press(qtbot, window, Qt.Key.Key_F7) == "done"
    lr = window.session.settings.optimizer.lr
    with torch.no_grad():
        for q in hand.parameters():
            q -= lr * q.grad
    for (name, p), q in zip(net.named_parameters(), hand.parameters(), strict=True):
        assert torch.allclose(p, q), name
    window.part("run_actions").controller.zero_grad()
    assert all(p.grad is None for p in net.parameters())


def test_training_the_class_gives_the_losses_of_a_hand_loop(window, qtbot, monkeypatch, tmp_path):
    open_class(window, qtbot, monkeypatch, tmp_path)
    s = window.session
    opt = OptimizerConfig("sgd", 0.05)
    s.update_settings(unit="epochs", length=2, batch_size=64, optimizer=opt, loss="mse")
    hand = HandMLP()
    hand.load_state_dict(window.document.net.state_dict())
    losses = []
    window.run_progressed.connect(lambda p: losses.extend(v for _, v in p.losses))
    controller = window.part("run_actions").controller
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        controller.start_training()
    assert blocker.args == ["done"], window.status_text()
    data = controller.dataset
    torch.manual_seed(SEED)
    g = torch.Generator().manual_seed(SEED)
    optimizer = torch.optim.SGD(hand.parameters(), lr=0.05)
    expected = []
    for _epoch in range(2):
        for idx in torch.randperm(len(data.X), generator=g).split(64):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(hand(data.X[idx]), data.y[idx])
            loss.backward()
            optimizer.step()
            expected.append(loss.item())
    assert losses == expected
    for key, value in hand.state_dict().items():
        assert torch.equal(window.document.net.state_dict()[key], value), key
    assert window.isWindowModified()


def test_state_dict_save_loads_into_a_fresh_instance_and_back(window, qtbot, monkeypatch, tmp_path):
    open_class(window, qtbot, monkeypatch, tmp_path)
    actions = window.part("checkpoint_actions")
    path = tmp_path / "mlp.params"
    assert actions.save_weights_to(path)
    fresh = HandMLP()
    fresh.load_state_dict(torch.load(path, weights_only=True), strict=True)
    for key, value in window.document.net.state_dict().items():
        assert torch.equal(fresh.state_dict()[key], value), key
    other = tmp_path / "other.params"
    torch.manual_seed(99)
    torch.save(HandMLP().state_dict(), other)
    monkeypatch.setattr(actions, "ask_load", lambda report, name: "strict")
    assert actions.load_weights_from(other)
    expected = torch.load(other, weights_only=True)
    for key, value in expected.items():
        assert torch.equal(window.document.net.state_dict()[key], value), key


def test_init_lab_reset_and_the_input_shape_work_and_new_returns_to_normal(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    doc = window.document
    net = doc.net
    view = window.part("class_view")
    view.shape_edit.setText("4, 20")
    view.apply_shape()
    assert doc.spec.input_shape == (4, 20) and doc.net is net and doc.report.output_shape == (4, 10)
    assert "guess" not in view.shape_note.text()
    window.undo_stack.undo()
    assert doc.spec.input_shape == (2, 20)
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    view.shape_edit.setText("two")
    assert view.apply_shape() is False and doc.spec.input_shape == (2, 20) and len(errors) == 1
    assert window.part("builder").insert_layer_type("ReLU", (), 0) is False
    assert "read-only" in errors[-1] and doc.spec.children == ()
    from explorer.ui.run.reset_weights import reset_weights

    torch.manual_seed(123)
    assert reset_weights(window, window.part("run_actions").controller)
    torch.manual_seed(SEED)
    hand = HandMLP()
    for key, value in hand.state_dict().items():
        assert torch.equal(doc.net.state_dict()[key], value), key
    window.mark_saved()
    window.part("file_actions").new()
    assert doc.source is None and window.part("canvas").isVisible()
    assert not view.isVisible() and window.part("builder").actions["delete"].isEnabled()
    assert "convert" not in window.part("builder").actions["delete"].toolTip()


def with_line(after: str, line: str) -> tuple[str, int]:
    """NOTES_MLP with ``line`` inserted after the first line containing ``after``."""
    lines = NOTES_MLP.splitlines(keepends=True)
    at = next(i for i, s in enumerate(lines) if after in s) + 1
    return "".join(lines[:at] + [line] + lines[at:]), at + 1


@pytest.mark.parametrize("action", ["forward", "train"])
def test_an_error_in_forward_names_the_file_line_and_changes_nothing(
    window, qtbot, monkeypatch, tmp_path, action
):
    text, line = with_line("def forward", "        X = X.undefined_attribute\n")
    open_class(window, qtbot, monkeypatch, tmp_path, text)
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    net = window.document.net
    before = copy.deepcopy(net.state_dict())
    controller = window.part("run_actions").controller
    if action == "forward":
        controller.forward()
    else:
        window.session.update_settings(unit="steps", length=5)
        with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
            controller.start_training()
        assert blocker.args == ["error"]
    assert len(errors) == 1
    assert errors[0].startswith(f"mlp.py, line {line}, in forward: AttributeError"), errors
    assert window.document.net is net and window.document.busy is None
    for key, value in before.items():
        assert torch.equal(net.state_dict()[key], value), key


def test_an_error_only_real_data_meets_is_located_when_the_run_meets_it(
    window, qtbot, monkeypatch, tmp_path
):
    text, line = with_line(
        "def forward", "        if float(X.sum()) > 1.0:\n            raise ValueError('too big')\n"
    )
    open_class(window, qtbot, monkeypatch, tmp_path, text)
    assert window.document.report.output_shape == (2, 10)  # zeros pass; meta cannot tell
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        window.part("run_actions").controller.forward()  # rand input: the sum is above 1
    assert blocker.args == ["error"]
    assert errors == [f"mlp.py, line {line + 1}, in forward: ValueError: too big"]


def test_an_error_in_init_is_shown_in_the_dialog_with_its_line_and_nothing_opens(
    window, qtbot, monkeypatch, tmp_path
):
    text, line = with_line("super().__init__()", "        raise ValueError('no width')\n")
    messages = []

    def steps(dialog):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        messages.append(dialog.message.text())

    drive(monkeypatch, qtbot, steps)
    net = window.document.net
    assert window.part("python_class_opener").open_path(write(tmp_path, text)) is False
    assert messages == [f"mlp.py, line {line}, in __init__: ValueError: no width"]
    assert window.document.net is net and window.document.source is None


def test_tensor_tab_and_init_lab_work_on_the_class_like_plain_pytorch(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    net = window.document.net
    window.selection.select_parameter("out.weight")
    view = window.part("tensor_view")
    assert view.name == "out.weight" and window.session.shown == "out.weight"
    model = view.values.model_
    assert model.index(0, 0).data() == f"{float(net.out.weight[0, 0].detach()):.6g}"

    window.close_guards.insert(0, lambda: window.mark_saved() or True)
    window.show_tab("InitLabTab")
    lab = window.part("init_lab")
    before = {k: v.clone() for k, v in net.state_dict().items()}
    for combo, data in (
        (lab.form.scope, "model"),
        (lab.form.kind, "weight"),
        (lab.form.scheme, "xavier_uniform"),
    ):
        combo.setCurrentIndex(combo.findData(data))
    lab.form.seed.setValue(1)
    assert "nn.init.xavier_uniform_(net.out.weight, gain=1)" in lab.form.contract.toPlainText()
    qtbot.mouseClick(lab.form.apply_button, Qt.MouseButton.LeftButton)
    reference = [before["hidden.weight"].clone(), before["out.weight"].clone()]
    torch.manual_seed(1)
    for t in reference:
        nn.init.xavier_uniform_(t)
    assert torch.equal(net.hidden.weight, reference[0]) and torch.equal(
        net.out.weight, reference[1]
    )
    assert torch.equal(net.hidden.bias, before["hidden.bias"])
    window.undo_stack.undo()
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items())


def test_convert_in_the_centre_keeps_the_trained_weights_and_loads_back_into_the_class(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    window.session.update_settings(unit="steps", length=3)
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        window.part("run_actions").controller.start_training()
    trained = copy.deepcopy(window.document.net.state_dict())
    view = window.part("class_view")
    qtbot.mouseClick(view.convert_button, Qt.MouseButton.LeftButton)
    doc = window.document
    assert doc.source is None and [c.name for c in doc.spec.children] == ["hidden", "relu", "out"]
    assert window.part("canvas").isVisible() and not view.isVisible()
    hand = HandMLP()
    hand.load_state_dict(doc.net.state_dict(), strict=True)
    for key, value in trained.items():
        assert torch.equal(hand.state_dict()[key], value), key
    x = torch.rand(3, 20)
    assert torch.equal(doc.net(x), hand(x))


def test_a_class_that_fx_cannot_convert_says_why_on_the_disabled_button(
    window, qtbot, monkeypatch, tmp_path
):
    text = NOTES_MLP.replace(
        "return self.out(F.relu(self.hidden(X)))",
        "return self.out(F.relu(self.hidden(X))) + X.sum()",
    )
    open_class(window, qtbot, monkeypatch, tmp_path, text)
    button = window.part("class_view").convert_button
    assert not button.isEnabled() and button.toolTip().startswith("Cannot convert: ")
    why = button.toolTip().removeprefix("Cannot convert: ")
    assert f"It cannot become a Sequential: {why}" in window.part("class_view").banner.text()


def test_save_writes_the_class_state_dict_and_marks_it_saved(window, qtbot, monkeypatch, tmp_path):
    open_class(window, qtbot, monkeypatch, tmp_path)
    net = window.document.net
    with torch.no_grad():
        net.out.bias.add_(1.0)
    window.document.notify_weights_changed()
    assert window.isWindowModified()
    target = tmp_path / "saved.params"
    actions = window.part("checkpoint_actions")
    monkeypatch.setattr(actions, "ask_save_path", lambda title, filter_, default: target)
    assert window.trigger("actionSave")
    assert not window.isWindowModified() and window.file_path is None
    saved = torch.load(target, weights_only=True)
    assert list(saved) == list(net.state_dict())
    assert torch.equal(saved["out.bias"], net.out.bias.detach())


def test_every_tab_follows_the_class_through_forward_backward_and_training(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path)
    problems = []
    window.log_message.connect(lambda level, text: level != "info" and problems.append(text))
    tabs = window.bottom_tabs
    window.session.update_settings(unit="steps", length=20)
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(10)
        for key in (Qt.Key.Key_F5, Qt.Key.Key_F6):
            assert press(qtbot, window, key) == "done", (tabs.tabText(i), window.status_text())
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        window.part("run_actions").controller.start_training()
    assert blocker.args == ["done"], window.status_text()
    assert "Training done · steps: 20 ·" in window.status_text()
    assert problems == []


def test_reset_weights_reports_an_error_in_init_with_its_line_and_keeps_the_weights(
    window, qtbot, monkeypatch, tmp_path
):
    marker = tmp_path / "broken"
    text, line = with_line(
        "super().__init__()",
        f"        if __import__('os').path.exists({str(marker)!r}):\n"
        "            raise RuntimeError('cannot build twice')\n",
    )
    open_class(window, qtbot, monkeypatch, tmp_path, text)
    net = window.document.net
    before = copy.deepcopy(net.state_dict())
    marker.write_text("x")
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    from explorer.ui.run.reset_weights import reset_weights

    assert reset_weights(window, window.part("run_actions").controller) is False
    assert errors == [
        f"Cannot reset the weights: mlp.py, line {line + 1}, in __init__: "
        "RuntimeError: cannot build twice"
    ]
    assert window.document.net is net and not window.undo_stack.canUndo()
    for key, value in before.items():
        assert torch.equal(net.state_dict()[key], value), key


NESTED = """
import torch
from torch import nn


class Nested(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(3))
        self.body = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
        self.head = nn.ModuleDict({"a": nn.Linear(3, 2)})

    def forward(self, x):
        return self.head["a"](self.body(x) * self.scale)
"""


def test_a_nested_class_lists_every_state_dict_key_in_pytorch_order(
    window, qtbot, monkeypatch, tmp_path
):
    def steps(dialog):
        dialog.input_shape.setText("5, 4")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, qtbot, steps)
    assert window.part("python_class_opener").open_path(write(tmp_path, NESTED))
    net = window.document.net
    assert window.document.input_guess is None and window.document.report.output_shape == (5, 2)
    assert tree_names(window) == list(net.state_dict())
    assert [n for n, _ in net.named_parameters()] == [
        n for n in tree_names(window) if "running" not in n and "num_batches" not in n
    ]
    assert press(qtbot, window, Qt.Key.Key_F5) == "done"
    assert window.tensors["output"].shape == (5, 2)


def test_the_fit_offer_reads_the_class_outputs_and_offers_no_edit_of_its_layers(
    window, qtbot, monkeypatch, tmp_path
):
    from tests.ui.training_helpers import use

    open_class(window, qtbot, monkeypatch, tmp_path, shape="32, 20")
    window.show_tab("TrainingTab")
    tv = window.part("run_actions").training_view
    use(tv.source, "teacher")  # 10 target columns: the notes' MLP gives 10 outputs
    assert window.document.net(torch.zeros(1, 20)).shape[-1] == 10
    assert not tv.fit_offer.isVisible()  # the spec alone (no layers) would have said 20
    spec_before = window.document.spec
    use(tv.source, "spiral")  # 2 features, 3 classes: the class cannot take it
    assert tv.fit_offer.isVisible()
    text = tv.fit_offer.text.text()
    assert "layers are set in its code" in text and "outputs: 20" not in text
    assert not tv.fit_offer.button.isVisible()  # no one-click edit of a class's layers
    assert window.document.spec == spec_before
