"""The Tensor tab's |Δw|/|w| says what it is measured over: steps of the run between two looks,
the whole run once it ends, or the last change of the weights (en and zh)."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from explorer.core.progress import Progress
from explorer.ui.shell import i18n


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def ratio(before: torch.Tensor, after: torch.Tensor) -> float:
    return float((after - before).norm() / before.norm())


def select(window, qtbot, name="0.weight"):
    window.show_tab("TensorTab")
    window.selection.select_parameter(name)
    view = window.part("tensor_view")
    qtbot.waitUntil(lambda: view.tracker.name == name)  # the baseline is taken
    return view


def ratio_cell(view) -> str:
    return view.stats_table.item(9, 0).text()


def test_during_a_run_the_ratio_names_the_steps_between_the_probes_looks(window, qtbot):
    view = select(window, qtbot)
    net = window.document.net
    torch.manual_seed(0)
    x = torch.randn(tuple(window.document.spec.input_shape))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    weights = {0: net[0].weight.detach().clone()}
    window.document.set_busy("training")
    try:
        for step in range(1, 6):
            opt.zero_grad()
            net(x).pow(2).mean().backward()
            opt.step()
            weights[step] = net[0].weight.detach().clone()
            if step in (1, 2, 5):  # the probe looks at display rate, not every step
                probes = {n: p(net, x) for n, p in window.run_probes.items()}
                window.run_progressed.emit(Progress(step=step, total=5, probes=probes))
            if step == 1:  # the probe's first look in this run: nothing to compare yet
                assert view.ratio is None and ratio_cell(view) == "—"
            if step == 2:
                assert view.ratio == pytest.approx(ratio(weights[1], weights[2]), rel=1e-5)
                assert ratio_cell(view).endswith(" (step 2)")
        assert view.ratio == pytest.approx(ratio(weights[2], weights[5]), rel=1e-5)
        assert ratio_cell(view) == f"{view.ratio:.3g} (steps 3–5)"
    finally:
        window.document.set_busy(None)


def train(window, qtbot, steps):
    window.part("run_actions").training_view.steps.setValue(steps)
    with qtbot.waitSignal(window.run_finished, timeout=30000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["done"], window.status_text()


def test_after_a_run_the_ratio_is_the_whole_runs_change_and_says_so(window, qtbot):
    view = select(window, qtbot)
    before = window.document.net[0].weight.detach().clone()
    train(window, qtbot, 12)
    after = window.document.net[0].weight.detach()
    assert view.ratio == pytest.approx(ratio(before, after), rel=1e-5)
    assert ratio_cell(view) == f"{view.ratio:.3g} (since the run started · steps: 12)"
    # a second run's probe starts from its own first look, not from the first run's last
    assert view.probe.tracker.name == "" and view._probe_step == 0


def test_an_edit_after_a_run_is_labelled_as_the_last_change(window, qtbot):
    view = select(window, qtbot)
    train(window, qtbot, 3)
    weight = window.document.net[0].weight
    before = weight.detach().clone()
    with torch.no_grad():
        weight.mul_(1.02)
    window.document.notify_weights_changed()
    assert view.ratio == pytest.approx(ratio(before, weight.detach()), rel=1e-5)
    assert ratio_cell(view) == f"{view.ratio:.3g} (last change of the weights)"


def test_the_span_reads_in_chinese(chinese, window, qtbot):
    view = select(window, qtbot)
    train(window, qtbot, 4)
    assert ratio_cell(view).endswith("（自本次训练开始 · 步数：4）")
    assert view._probe_span(40, 60) == "（第 41–60 步）"
    assert view._probe_span(59, 60) == "（第 60 步）"
