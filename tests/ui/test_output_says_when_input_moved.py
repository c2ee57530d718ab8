"""The Output tab's tensor is ``out = net(X)`` for the X of the last Forward.

Another input (the seed, the input kind, the input shape, the dataset's settings) makes
the shown output another input's: the tab says so, and says whether the weights, the
input or both moved on since. Putting the input's settings back makes it current again;
a fresh Forward clears the mark. Each control is driven as the user drives it.
"""

import pytest
import torch
from PySide6.QtCore import Qt

from explorer.app.run_settings import RunSettings, input_key
from explorer.core.data import make_input
from tests.ui.test_i18n import chinese_window  # noqa: F401 - the zh_CN window fixture
from tests.ui.training_helpers import use

AGAIN = ": Forward (F5) runs it again"
WEIGHTS = "older weights" + AGAIN
INPUT = "older input" + AGAIN
BOTH = "older weights and input" + AGAIN


def act(qtbot, window, run, name):
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        run.actions[name].trigger()
    assert blocker.args[0] == "done", window.status_text()


def backward_and_step(qtbot, window, run):
    """loss.backward() (only .grad changes), then optimizer.step() (the weights move)."""
    act(qtbot, window, run, "backward")
    act(qtbot, window, run, "step")


def type_seed(qtbot, run, text):
    """Select the seed box's number and type another one, key by key."""
    run.seed.lineEdit().selectAll()
    qtbot.keyClicks(run.seed.lineEdit(), text)
    assert run.seed.value() == int(text)


def type_shape(qtbot, window, text):
    """Type the model's input shape in the Properties panel and press Return."""
    edit = window.part("properties").shape_edit
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def shown(view):
    return view.main.text.toPlainText()


def out_of(net, x):
    """What ``print(net(X))`` gives for ``x``."""
    return str(net(x))


def test_the_seed_and_the_input_kind_mark_the_output_as_another_inputs(qtbot, window, run):
    view, net = run.output_view, window.document.net
    act(qtbot, window, run, "forward")
    x0 = make_input((2, 20), "rand", seed=0)
    assert shown(view) == out_of(net, x0) and not view.main.title.text().endswith(AGAIN)

    type_seed(qtbot, run, "7")
    assert window.session.settings.seed == 7
    assert view.main.title.text().endswith(INPUT)  # the weights did not move
    assert shown(view) == out_of(net, x0) != out_of(net, make_input((2, 20), "rand", seed=7))

    type_seed(qtbot, run, "0")  # the same input again: the shown output is current
    assert not view.main.title.text().endswith(AGAIN)

    use(run.input_kind, "ones")
    assert view.main.title.text().endswith(INPUT)
    act(qtbot, window, run, "forward")
    assert shown(view) == out_of(net, torch.ones(2, 20))
    assert not view.main.title.text().endswith(AGAIN)
    type_seed(qtbot, run, "3")  # torch.ones takes no seed: the same input
    assert not view.main.title.text().endswith(AGAIN)

    backward_and_step(qtbot, window, run)  # the weights move, the input not
    assert view.main.title.text().endswith(WEIGHTS)
    use(run.input_kind, "randn")
    assert view.main.title.text().endswith(BOTH)
    use(run.input_kind, "ones")  # the input is back; the weights stay the newer ones
    assert view.main.title.text().endswith(WEIGHTS)


def test_the_input_shape_marks_the_input_and_a_step_then_marks_both(qtbot, window, run):
    view, doc = run.output_view, window.document
    act(qtbot, window, run, "forward")
    title = view.main.title.text()
    assert "(2, 10)" in title and not title.endswith(AGAIN)

    type_shape(qtbot, window, "5, 20")
    assert doc.spec.input_shape == (5, 20)
    assert view.main.title.text() == title + " · " + INPUT  # the weights are kept
    x0 = make_input((2, 20), "rand", seed=0)
    assert shown(view) == out_of(doc.net, x0)  # still the output of the batch of 2

    backward_and_step(qtbot, window, run)
    assert view.main.title.text().endswith(BOTH)
    act(qtbot, window, run, "forward")
    x = make_input((5, 20), "rand", seed=0)
    assert shown(view) == out_of(doc.net, x)
    assert "(5, 10)" in view.main.title.text() and not view.main.title.text().endswith(AGAIN)

    type_shape(qtbot, window, "5, 0")  # refused: nothing changes, nothing is marked
    assert doc.spec.input_shape == (5, 20)
    assert not view.main.title.text().endswith(AGAIN)


def test_the_dataset_input_follows_the_data_settings_not_the_seed(qtbot, window, run, tv):
    view, net = run.output_view, window.document.net
    use(run.input_kind, "dataset")
    act(qtbot, window, run, "forward")
    first = window.tensors["input"]
    assert shown(view) == out_of(net, first)
    assert not view.main.title.text().endswith(AGAIN)

    type_seed(qtbot, run, "5")  # the toolbar's seed does not make the dataset
    assert not view.main.title.text().endswith(AGAIN)
    tv.data_seed.setValue(tv.data_seed.value() + 1)
    assert view.main.title.text().endswith(INPUT)
    act(qtbot, window, run, "forward")
    assert not torch.equal(window.tensors["input"], first)  # it was another input indeed
    assert shown(view) == out_of(net, window.tensors["input"])
    assert not view.main.title.text().endswith(AGAIN)


@pytest.mark.parametrize("kind", ["rand", "randn", "ones", "zeros"])
def test_equal_input_keys_give_equal_inputs_and_a_changed_key_a_changed_input(kind):
    """The key is what ``RunController.batch`` makes its input from (torch's own calls)."""
    base = RunSettings(seed=1, input_kind=kind)

    def key_and_input(settings, shape=(3, 4), dtype="float32"):
        x = make_input(shape, kind, settings.seed, getattr(torch, dtype))
        return input_key(settings, shape, dtype), x

    k0, x0 = key_and_input(base)
    k1, x1 = key_and_input(base.with_(seed=2, loss="l1", training=False))
    assert (k0 == k1) == torch.equal(x0, x1) == (kind in ("ones", "zeros"))
    k2, x2 = key_and_input(base, shape=(2, 4))
    assert k0 != k2 and x0.shape != x2.shape
    k3, x3 = key_and_input(base, dtype="float64")
    assert k0 != k3 and x3.dtype == torch.float64


def test_the_chinese_window_says_what_is_older(qtbot, chinese_window):  # noqa: F811
    window, _ = chinese_window
    run = window.part("run_actions")
    view = run.output_view
    act(qtbot, window, run, "forward")
    type_seed(qtbot, run, "9")
    assert view.main.title.text().endswith(" · 输入已改变：前向传播（F5）会重新计算")
    backward_and_step(qtbot, window, run)
    assert view.main.title.text().endswith(" · 权重和输入都已改变：前向传播（F5）会重新计算")
    type_seed(qtbot, run, "0")
    assert view.main.title.text().endswith(" · 权重已改变：前向传播（F5）会重新计算")
    act(qtbot, window, run, "forward")
    assert "已改变" not in view.main.title.text()


def test_compare_modes_is_marked_too_and_a_batch_norm_model_does_not_mark_itself(qtbot, window):
    from PySide6.QtGui import QAction

    run = window.part("run_actions")
    view = run.output_view
    window.findChild(QAction, "example_07-dropout-batchnorm").trigger()
    assert any(type(m).__name__ == "BatchNorm1d" for m in window.document.net.modules())
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        window.findChild(QAction, "action_compare").trigger()
    qtbot.waitUntil(view.compare_box.isVisible, timeout=10000)
    assert view.compare_mark.isHidden()  # its own forward passes are not "older weights"

    type_seed(qtbot, run, "4")
    assert view.compare_mark.text() == "Older input: Run > Compare modes runs it again"
    assert view.compare_mark.isVisibleTo(view)
    backward_and_step(qtbot, window, run)
    assert view.compare_mark.text().startswith("Older weights and input:")
    act(qtbot, window, run, "forward")  # Forward's output takes the place: unmarked
    assert not view.main.title.text().endswith(AGAIN) and view.compare_box.isHidden()
