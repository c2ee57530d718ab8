"""The book's deferred initialization in the window: Train on lazy layers that never ran.

The first training step gives the lazy layers their shapes and values, as in plain PyTorch
(the same class, the same seed, a hand-written loop); nothing before it (the shape check,
the views) materializes them or moves batch norm's running statistics.
"""

import torch
from PySide6.QtCore import Qt
from torch import nn

from explorer.core.format import group_digits
from explorer.core.losses import OptimizerConfig
from explorer.ui.inspect.param_tree import NAMES_ROLE
from tests.hand_loop import hand_losses
from tests.ui.test_class_model import SEED, open_class

LAZY_BN = """from torch import nn


class LazyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.LazyLinear(256), nn.ReLU(), nn.LazyBatchNorm1d(), nn.LazyLinear(10)
        )

    def forward(self, X):
        return self.net(X)
"""


def hand_class():
    """``LazyNet`` from the file's own text, as plain Python defines it."""
    namespace: dict = {}
    exec(compile(LAZY_BN, "lazy.py", "exec"), namespace)
    return namespace["LazyNet"]


def tree_rows(window) -> dict[str, list[str]]:
    """Every tensor row of the Parameters view: its names -> the texts of its columns."""
    tree = window.part("param_tree").tree
    rows = {}

    def walk(item):
        if item.data(0, NAMES_ROLE):
            texts = [item.text(c) for c in range(tree.columnCount())]
            rows[" = ".join(item.data(0, NAMES_ROLE))] = texts
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return rows


def test_train_materializes_in_the_first_step_as_a_hand_loop_does(
    window, qtbot, monkeypatch, tmp_path
):
    open_class(window, qtbot, monkeypatch, tmp_path, LAZY_BN, shape="2, 20")
    net = window.document.net
    assert isinstance(net.net[0].weight, nn.parameter.UninitializedParameter)
    before = tree_rows(window)
    assert before["net.0.weight"][1] == "? UninitializedParameter"
    classes = window.part("class_view").tree.topLevelItem(0)
    assert [(m.text(1), m.text(2)) for m in map(classes.child, range(4))][:1] == [
        ("LazyLinear(in_features=0, out_features=256, bias=True)", "?")
    ]
    window.show_tab("TrainingTab")
    opt = OptimizerConfig("adam", 0.01)
    window.session.update_settings(unit="steps", length=7, batch_size=16, optimizer=opt, loss="mse")
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["done"], window.status_text()
    status = window.status_text()

    window.show_tab("ActivationsTab")  # a look after the run: rows, and the statistics stay
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: view.layers.count() == 4)
    assert "not initialized" not in view.note.text()

    data = window.part("run_actions").controller.dataset
    torch.manual_seed(SEED)
    hand = hand_class()()
    optimizer = torch.optim.Adam(hand.parameters(), lr=0.01)  # before the first forward
    losses = hand_losses(hand, data.X, data.y, optimizer, nn.functional.mse_loss,
                         seed=SEED, batch_size=16, steps=7)  # fmt: skip
    assert status == f"Training done · steps: 7 · loss {losses[-1]:.6g}", status
    assert window.part("log_view").counts["error"] == 0
    assert window.part("log_view").counts["warning"] == 0
    got, expected = net.state_dict(), hand.state_dict()
    assert list(got) == list(expected)
    for key, value in expected.items():
        assert torch.equal(got[key], value), key
    assert int(got["net.2.num_batches_tracked"]) == 7  # one update per training forward
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in hand.named_parameters()]

    after = tree_rows(window)
    for name, p in hand.named_parameters():
        shape = "(" + ", ".join(map(str, p.shape)) + ")"
        assert after[name][1] == shape, (name, after[name])
    assert "UninitializedParameter" not in str(after)
    classes = window.part("class_view").tree.topLevelItem(0)  # the module tree follows
    first = classes.child(0)
    assert (
        first.text(1) == repr(hand.net[0]) == "Linear(in_features=20, out_features=256, bias=True)"
    )
    assert first.text(2) == group_digits(sum(p.numel() for p in hand.net[0].parameters()))


def test_before_the_first_forward_the_looks_say_so_and_materialize_nothing(
    window, qtbot, monkeypatch, tmp_path
):
    from PySide6.QtGui import QAction

    open_class(window, qtbot, monkeypatch, tmp_path, LAZY_BN, shape="2, 20")
    net = window.document.net

    def still_lazy():
        return all(
            isinstance(t, nn.parameter.UninitializedTensorMixin)
            for t in (*net.parameters(), net.net[2].running_mean, net.net[2].running_var)
        )

    state = torch.random.get_rng_state()
    window.show_tab("ActivationsTab")
    view = window.part("activations_view")
    qtbot.waitUntil(lambda: view.note.text() != "")
    assert view.note.text() == (
        "Lazy layers are not initialized yet: run a forward (F5) or train a step"
    )
    assert view.layers.count() == 0
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        window.findChild(QAction, "action_compare").trigger()
    assert blocker.args[0] != "done"
    assert window.status_text().endswith("not initialized yet: run a forward or train a step")
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_F7)  # Step: no gradients before any backward
    assert "press Backward before Step" in window.status_text()
    assert still_lazy() and torch.equal(torch.random.get_rng_state(), state)
    assert tree_rows(window)["net.0.weight"][1] == "? UninitializedParameter"
    # Forward is the first forward: the lazy layers take their shapes, as net(X) does
    with qtbot.waitSignal(window.run_finished, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "lazy layers took their shapes" in window.status_text()
    assert not still_lazy() and int(net.net[2].num_batches_tracked) == 1
    assert tree_rows(window)["net.0.weight"][1] == "(256, 20)"


def test_the_books_lazy_example_trains_to_the_weights_of_a_hand_loop(window, qtbot):
    from explorer.resources import examples_dir

    window.part("file_actions").open_example(examples_dir() / "06-lazy-mlp.nnx.json")
    s = window.session
    s.update_settings(unit="steps", length=5, batch_size=8, loss="mse")
    net = window.document.net
    assert isinstance(net[0].weight, nn.parameter.UninitializedParameter)
    window.show_tab("TrainingTab")
    with qtbot.waitSignal(window.run_finished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["done"], window.status_text()

    data = window.part("run_actions").controller.dataset
    seed = s.settings.seed
    torch.manual_seed(seed)
    hand = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
    optimizer = torch.optim.SGD(hand.parameters(), lr=s.settings.optimizer.lr)
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    for idx in list(torch.randperm(len(data.X), generator=g).split(8))[:5]:
        optimizer.zero_grad()
        nn.functional.mse_loss(hand(data.X[idx]), data.y[idx]).backward()
        optimizer.step()
    for key, value in hand.state_dict().items():
        assert torch.equal(net.state_dict()[key], value), key
    assert tree_rows(window)["0.weight"][1] == "(256, 20)"
