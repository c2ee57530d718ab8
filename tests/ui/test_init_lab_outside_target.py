"""Init lab: a shown tensor outside the target says that Apply leaves it as it is.

The notes' 5.3 calls, ``nn.init.normal_(w, mean=0.0, std=0.02)`` on the weights and
``nn.init.constant_(b, 0.1)`` on the biases: with the biases targeted, the histogram of a
weight is compared with the constant's theory ("does not fit"), which is no reason to
worry: the tab says the weight is not in the target, and Apply indeed leaves it alone.
"""

import torch
from PySide6.QtCore import Qt
from torch import nn

from tests.ui.test_i18n import chinese_window  # noqa: F401 - the zh_CN window fixture

OUTSIDE = "2.weight is not in the target: Apply leaves it as it is"


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def lab_of(window):
    window.close_guards.insert(0, lambda: window.mark_saved() or True)
    window.show_tab("InitLabTab")
    return window.part("init_lab")


def test_the_notes_normal_and_constant_calls_and_the_tensor_left_out(window, qtbot):
    lab, net = lab_of(window), window.document.net
    before = {k: v.clone() for k, v in net.state_dict().items()}
    choose(lab.form.scope, "model")
    choose(lab.form.kind, "weight")
    choose(lab.form.scheme, "normal")
    lab.form.arg_widgets["std"].setValue(0.02)
    lab.show_parameter("2.weight")
    assert OUTSIDE not in lab.stats.text()  # a weight: in the target
    qtbot.mouseClick(lab.form.apply_button, Qt.MouseButton.LeftButton)

    choose(lab.form.kind, "bias")
    choose(lab.form.scheme, "constant")
    lab.form.arg_widgets["val"].setValue(0.1)
    lab.show_parameter("2.weight")
    assert OUTSIDE in lab.stats.text() and "does not fit the theory" in lab.stats.text()
    weight = net[2].weight.detach().clone()
    qtbot.mouseClick(lab.form.apply_button, Qt.MouseButton.LeftButton)
    assert torch.equal(net[2].weight, weight)  # left as it was, as the tab said

    reference = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    reference.load_state_dict(before)
    torch.manual_seed(0)
    for name, p in reference.named_parameters():
        if name.endswith("weight"):
            nn.init.normal_(p, mean=0.0, std=0.02)
    torch.manual_seed(0)
    for name, p in reference.named_parameters():
        if name.endswith("bias"):
            nn.init.constant_(p, 0.1)
    state = net.state_dict()
    assert all(torch.equal(state[k], v) for k, v in reference.state_dict().items())
    lab.show_parameter("2.bias")
    assert "not in the target" not in lab.stats.text() and "every value is 0.1" in lab.stats.text()


def test_a_selected_layer_target_follows_the_selection(window, qtbot):
    lab = lab_of(window)
    choose(lab.form.scope, "layers")
    choose(lab.form.kind, "all")
    window.selection.select_layers((window.document.spec.children[0].id,))
    lab.show_parameter("2.weight")
    assert OUTSIDE in lab.stats.text()
    window.selection.select_layers((window.document.spec.children[2].id,))
    lab.show_parameter("2.weight")
    assert "not in the target" not in lab.stats.text()


def test_the_chinese_lab_says_so_too(qtbot, chinese_window):  # noqa: F811
    window, _ = chinese_window
    lab = lab_of(window)
    choose(lab.form.scope, "model")
    choose(lab.form.kind, "bias")
    lab.show_parameter("2.weight")
    assert "2.weight 不在目标中：“应用”不会改变它" in lab.stats.text()
