"""What turns the Training tab into a playground: accuracy, regions, curve, fit offer, reset.

For the dataset in use it registers the probes a run computes at display rate on the
model's device (:mod:`explorer.core.metrics`): accuracy for class labels, the decision
regions for 2-D inputs, the fitted curve for 1-D regression. Only their small results
cross threads. Between runs the same pictures are drawn for the current weights (after a
reset, an undo, a fit), on the GUI thread, since no run is using the model then.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer

from explorer.core.errors import ExplorerError
from explorer.core.fit_data import default_loss
from explorer.core.metrics import (
    CURVE_PROBE,
    METRICS_PROBE,
    REGIONS_PROBE,
    CurveRequest,
    curve_probe,
    dataset_accuracy,
    decision_grid,
    fitted_curve,
    grid_for,
    is_classification,
    metrics_probe,
    regions_probe,
)

PROBES = (METRICS_PROBE, REGIONS_PROBE, CURVE_PROBE)


class Playground(QObject):
    def __init__(self, view, window, controller):
        super().__init__(view)
        self.view = view
        self.window = window
        self.controller = controller
        self.data = None
        self._final_shown = False  # the redraw right after a run keeps the "final" label
        self._pending: dict[str, tuple[int, object]] = {}  # probe -> (step, newest result)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self.draw_current_model)
        controller.training_finished.connect(self.on_finished)
        controller.training_failed.connect(view.show_error)
        controller.steps_changed.connect(self.on_steps_changed)
        window.document.weights_changed.connect(self._redraw.start)
        window.document.spec_changed.connect(lambda *_: self._redraw.start())

    # ----- the dataset ------------------------------------------------------------------

    def use_dataset(self, data) -> None:
        """Register the probes ``data`` calls for (and drop the ones it does not)."""
        self.data = data
        probes = self.window.run_probes
        for key in PROBES:
            probes.pop(key, None)
        grid = curve = None
        if is_classification(data):
            probes[METRICS_PROBE] = metrics_probe(data)
            if data.features == (2,):
                points = [data.X.numpy()]
                if data.X_eval is not None:
                    points.append(data.X_eval.numpy())
                grid = grid_for(np.concatenate(points))
                probes[REGIONS_PROBE] = regions_probe(grid)
        elif data.features == (1,):
            xs = data.X[:, 0]
            curve = CurveRequest(float(xs.min()), float(xs.max()))
            probes[CURVE_PROBE] = curve_probe(curve)
        self._pending.clear()  # results for the old dataset's requests
        self.view.data_plot.set_requests(grid, curve)
        self.view.accuracy.setText("")
        self._redraw.start()

    def check_fit(self, data) -> None:
        loss = getattr(self.controller, "loss", None)
        if loss is None or loss == "sum":
            loss = default_loss(data.task)
        self.view.fit_offer.check(data, loss, self.view.batch_size.value())

    # ----- a run ---------------------------------------------------------------------------

    def take(self, p) -> None:
        """Keep the newest result of each probe in ``p``; :meth:`draw` shows them."""
        for key, value in (p.probes or {}).items():
            if key in PROBES and value is not None:
                self._pending[key] = (p.step, value)

    def draw(self) -> None:
        """Show the probe results taken since the last frame (each drawn once)."""
        pending, self._pending = self._pending, {}
        if REGIONS_PROBE in pending:
            self.view.data_plot.show_regions(pending[REGIONS_PROBE][1])
        if CURVE_PROBE in pending:
            self.view.data_plot.show_curve(*pending[CURVE_PROBE][1])
        if METRICS_PROBE in pending:
            step, acc = pending[METRICS_PROBE]
            self.show_accuracy(acc, self.tr("step {0}").format(step))

    def on_finished(self, result) -> None:
        self.view.flush()  # the last frame first: the final label must not be drawn over
        if getattr(result, "accuracy", None) is not None:
            self.show_accuracy(result.accuracy, self.tr("final"))
            self._final_shown = True

    def show_accuracy(self, acc, when: str) -> None:
        text = self.tr("Accuracy ({0}): train {1}").format(when, f"{acc.train:.1%}")
        if acc.held_out is not None:
            text += self.tr(" · held-out {0}").format(f"{acc.held_out:.1%}")
        self.view.accuracy.setText(text)

    def on_steps_changed(self, steps: int) -> None:
        runner = self.controller.runner
        # While a run goes on unpaused the buttons do not depend on the step count (they
        # follow state_changed): not restyled at every Progress.
        if not runner.running or runner.paused:
            self.view._update_buttons()
        if steps == 0 and not runner.running:
            self.view.clear_curves()

    # ----- between runs ---------------------------------------------------------------------

    def draw_current_model(self) -> None:
        """Regions, curve and accuracy of the current weights (only while no run is going)."""
        data, plot = self.data, self.view.data_plot
        if data is None or self.window.document.busy or not self.view.isVisible():
            return
        net = self.window.document.net
        try:
            if plot.grid_request is not None:
                plot.show_regions(decision_grid(net, plot.grid_request))
            if plot.curve_request is not None:
                plot.show_curve(*fitted_curve(net, plot.curve_request))
            if is_classification(data) and not self._final_shown:
                self.show_accuracy(dataset_accuracy(net, data), self.tr("current weights"))
            self._final_shown = False
        except (ExplorerError, RuntimeError, ValueError):  # the model does not fit the data
            plot.clear_model()
            self.view.accuracy.setText("")

    def reset_weights(self) -> bool:
        from explorer.ui.run.reset_weights import reset_weights

        return reset_weights(self.window, self.controller)
