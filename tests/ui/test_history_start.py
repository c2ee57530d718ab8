"""History starts at the weights a Train starts from (step 0: the initialization).

The run's own rows come when the probes' 2% share of the run pays for them: on a big model
late, or only at the last step. The starting distribution is recorded when Train is pressed,
before the run's thread begins, and a Train that continues adds no second row at its start.
"""

import numpy as np
import torch
from PySide6.QtCore import Qt

from explorer.core.monitor import PERCENTILES, percentiles


def train(qtbot, window, steps):
    window.part("run_actions").training_view.steps.setValue(steps)
    with qtbot.waitSignal(window.run_finished, timeout=20000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["done"], window.status_text()


def test_the_first_row_is_the_initial_weights_and_continuing_adds_no_duplicate(qtbot, window):
    window.show_tab("HistoryTab")
    initial = window.document.net[0].weight.detach().clone()
    train(qtbot, window, 30)
    view = window.part("history_view")
    steps, rows = view.history.series("0.weight")
    assert steps[0] == 0 and steps[-1] == 30
    np.testing.assert_array_equal(rows[0], percentiles(initial))
    assert rows[0][0] == float(initial.min()) and rows[0][-1] == float(initial.max())
    median = PERCENTILES.index(50.0)
    assert np.isclose(rows[0][median], float(torch.quantile(initial.flatten(), 0.5)))
    trained = window.document.net[0].weight.detach()
    assert rows[-1][0] == float(trained.min())  # the last row: the final weights
    train(qtbot, window, 20)  # Continue: starts at step 30, already recorded
    steps, _ = view.history.series("0.weight")
    assert steps[0] == 0 and steps[-1] == 50
    assert list(steps) == sorted(set(steps))  # one row per step
