"""The run engine of the window: Forward, Backward, Zero grad, Step, Train, Compare modes.

Every action runs in the :class:`~explorer.workers.runner.Runner`'s thread, so the
window never waits for torch. While anything runs the document is busy (edits are
refused with a message); when it ends, the views hear ``weights_changed`` on the GUI
thread, and ``window.run_finished(reason)`` says how it ended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from explorer.core.data import DataSpec, check_fits, make_input
from explorer.core.errors import ExplorerError
from explorer.core.losses import LOSSES, OptimizerConfig, fit_target, random_target
from explorer.core.session import (
    Workbench,
    compare_modes,
    grad_norm,
    run_backward,
    run_forward,
    run_step,
)
from explorer.core.training import ExtraCosts, TrainConfig, train
from explorer.ui.common.messages import error_text, message_text
from explorer.workers.runner import Runner

#: A run's Progress reports a second. Each costs the GUI thread about 0.5 ms (the views
#: take its losses and step count) and the run a host transfer of its pending losses; the
#: Training tab draws at most this often, so a faster rate (the core's default is 20)
#: would only be taken and not shown. Pause, Step and Cancel do not wait for a report:
#: they ask the run to yield at its next step.
PROGRESS_HZ = 12


def _once(fn: Callable[[], object]):
    """A generator that does ``fn()`` and returns its result (a one-shot run)."""
    return fn()
    yield  # noqa: B901 - makes this a generator for the runner


def located_run(factory, source):
    """``factory``'s run, with an error raised in a Python class's file told by its line.

    The run's generator is driven unchanged (``yield from``); an error whose traceback
    passes through the class's file is re-raised as one line naming that line.
    """

    def run(control):
        try:
            return (yield from factory(control))
        except Exception as exc:  # noqa: BLE001 - whatever the learner's code raised
            error = source.located(exc)
            if error is None:
                raise
            raise error from exc

    return run


def shift_steps(progress, offset: int):
    """``progress`` on the shared step axis: this run's steps counted after ``offset``."""
    if not offset:
        return progress
    from dataclasses import replace

    return replace(
        progress,
        step=progress.step + offset,
        total=progress.total + offset if progress.total is not None else None,
        losses=tuple((s + offset, v) for s, v in progress.losses),
    )


class RunController(QObject):
    """Owns the runner, the optimizer of the Step button and the run settings."""

    output_ready = Signal(object)  # OutputResult
    modes_compared = Signal(object, object)  # OutputResult train, OutputResult eval
    training_started = Signal(object)  # TrainConfig
    mode_changed = Signal(bool)  # True: train()
    state_changed = Signal()  # running / paused changed: enable the buttons
    training_finished = Signal(object)  # FinalMetrics: steps, loss, eval_loss, accuracy
    training_failed = Signal(str)  # why the run could not start or stopped, for the tab
    steps_changed = Signal(int)  # steps trained on the current weights (0: a fresh start)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.document = window.document
        self.runner = Runner(self)
        self.workbench = Workbench()
        self.dataset = None  # the last dataset made (for the scatter plot and Train)
        self.dataset_loader: Callable[[DataSpec], object] | None = None
        self._busy_text = ""
        self.steps_done = 0  # one step axis for the loss plot and History across runs
        # Views that keep what runs drew on that axis (``snapshot_run``/``restore_run``):
        # undoing Reset weights puts their curves back with the weights and the step count.
        self.run_records: list = []
        self._step_offset = 0
        self._training_run = False
        # what the views' probes cost in the last Train of this model: the next Train keeps
        # them within their share of its time from the first tick on
        self.extra_costs = ExtraCosts()
        self._on_result: Callable[[object], None] | None = None
        self.runner.progressed.connect(self._on_progressed)
        self.runner.finished.connect(self._on_finished)
        self.runner.errored.connect(self._on_errored)
        self.runner.warned.connect(lambda text: window.log(message_text(text), "warning"))
        self.runner.paused_changed.connect(self._on_paused)
        self.runner.settled.connect(self._on_settled)
        self.document.spec_changed.connect(lambda *_: self._apply_mode())
        self.session.settings_changed.connect(self._on_settings_changed)
        self.document.device_changed.connect(self._on_device_changed)
        self.document.replaced.connect(lambda: self.set_steps_done(0))
        window.closing.connect(self.shutdown)
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the window must not kill a running QThread
            app.aboutToQuit.connect(self.shutdown)

    # ----- the session's run settings, read where they are used -----------------------------

    @property
    def settings(self):
        return self.session.settings

    @property
    def training(self) -> bool:
        """The mode the user chose: ``net.train()`` / ``net.eval()``."""
        return self.session.settings.training

    @property
    def seed(self) -> int:
        return self.session.settings.seed

    @property
    def loss(self) -> str:
        return self.session.settings.loss

    @property
    def input_kind(self) -> str:
        return self.session.settings.input_kind  # rand | randn | ones | zeros | dataset

    @property
    def zero_before_backward(self) -> bool:
        return self.session.settings.zero_first

    @property
    def optimizer(self) -> OptimizerConfig:
        return self.session.settings.optimizer

    @property
    def data_spec(self) -> DataSpec:
        return self.session.settings.data

    def _on_settings_changed(self, old, new) -> None:
        if old.training != new.training:
            self._apply_mode()

    def target_text(self) -> str:
        """What Backward and Step optimise, in words (shown with their results)."""
        title = QCoreApplication.translate("RunActions", LOSSES[self.loss].title)
        if not LOSSES[self.loss].needs_target:
            return self.tr("{0} (no target)").format(title)
        if self.input_kind == "dataset":
            return self.tr("{0} against the dataset's first targets").format(title)
        return self.tr("{0} against a random target (seed {1}; Tensor tab: target)").format(
            title, self.seed + 1
        )

    # ----- batches -------------------------------------------------------------------------

    def batch(self):
        """(input, target) for the single actions, on the document's device."""
        spec = self.document.spec
        device = self.document.device
        out_shape = self.document.report.output_shape
        if self.document.report.error is not None:
            raise self.document.report.error
        if self.input_kind == "dataset":
            data = self.make_dataset()
            check_fits(data, spec.input_shape)
            n = spec.input_shape[0]
            x = data.X[:n]
            y = (
                fit_target(self.loss, data.y[:n], (len(x), *out_shape[1:]))
                if LOSSES[self.loss].needs_target
                else None
            )
        else:
            from explorer.core.build import torch_dtype

            x = make_input(spec.input_shape, self.input_kind, self.seed, torch_dtype(spec.dtype))
            y = random_target(self.loss, out_shape, self.seed)
        x = x.to(device)
        y = y.to(device) if y is not None else None
        self.window.set_tensor("input", x)
        self.window.set_tensor("target", y)
        return x, y

    def make_dataset(self):
        if self.dataset_loader is not None:
            self.dataset = self.dataset_loader(self.data_spec)
        return self.dataset

    # ----- actions ---------------------------------------------------------------------------

    def forward(self) -> None:
        from explorer.app.session import weights_fingerprint

        before = weights_fingerprint(self.net)

        def done(result):
            out, info = result
            self.window.set_tensor("output", out)
            self.output_ready.emit(info)
            text = self.tr("Forward: output {0}{1}").format(
                info.shape,
                self.tr(", grad_fn={0}").format(info.grad_fn) if info.grad_fn else "",
            )
            if weights_fingerprint(self.net) != before:
                if any(entry[3] is None for entry in before):
                    text += self.tr("; lazy layers took their shapes: the state_dict changed")
                else:
                    text += self.tr(
                        "; train() mode updated the batch-norm running statistics: "
                        "the state_dict changed"
                    )
                self.document.notify_weights_changed()
            self.window.show_status(text)

        def work(x, y):
            out, info = run_forward(self.net, x)
            return out.detach().cpu(), info  # only a detached copy crosses threads

        self._one_shot(self.tr("a forward pass is running"), work, done)

    def backward(self) -> None:
        zero = self.zero_before_backward

        def done(r):
            before = self.tr("None") if r.grad_norm_before is None else f"{r.grad_norm_before:.6g}"
            self.window.show_status(
                self.tr("Backward: loss {0} ({4}); grad norm {1} -> {2}{3}").format(
                    f"{r.loss:.6g}",
                    before,
                    f"{r.grad_norm_after:.6g}",
                    self.tr(" (zeroed first)")
                    if r.zeroed_first
                    else self.tr(" (gradients accumulate: press Zero grad to reset)"),
                    self.target_text(),
                )
            )
            self.window.log(r.loss_text)
            self.document.notify_weights_changed()

        self._one_shot(
            self.tr("a backward pass is running"),
            lambda x, y: run_backward(self.net, x, y, self.loss, zero),
            done,
        )

    def zero_grad(self) -> None:
        if self._refuse_while_running():
            return
        before = grad_norm(self.net)
        self.net.zero_grad()  # set_to_none=True, PyTorch's default: .grad is None again
        self.window.show_status(
            self.tr("Zero grad: every .grad is None again (grad norm was {0})").format(
                self.tr("None") if before is None else f"{before:.6g}"
            )
        )
        self.document.notify_weights_changed()

    def step(self) -> None:
        if self._refuse_while_running():
            return
        try:
            optimizer = self.workbench.optimizer_for(self.net, self.optimizer)
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return
        if self.workbench.rebuilt:
            self.window.log(
                self.tr("New optimizer {0}: {1}").format(
                    self.optimizer.name, self.workbench.rebuilt
                )
            )

        target = self.target_text()

        def done(moved):
            self.window.show_status(
                self.tr("Step ({0}, lr {1}): parameters moved by {2}; gradients of {3}").format(
                    self.optimizer.name, self.optimizer.lr, f"{moved:.6g}", target
                )
            )
            self.document.notify_weights_changed()

        self._start(
            self.tr("an optimizer step is running"),
            lambda c: _once(lambda: run_step(optimizer, self.net)),
            done,
        )

    def compare(self) -> None:
        self._one_shot(
            self.tr("comparing train() and eval()"),
            lambda x, y: compare_modes(self.net, x),
            lambda pair: self.modes_compared.emit(*pair),
        )

    def start_training(self, config: TrainConfig | None = None) -> None:
        """Train with ``config`` (default: the session's run settings); a running run is cancelled."""
        if self.runner.running:
            self.runner.stop()
            self.window.log(self.tr("The previous run was cancelled"))
        config = replace(config or self.settings.train_config(), display_hz=PROGRESS_HZ)
        try:
            data = self.make_dataset()
            if data is None:
                raise ExplorerError(self.tr("choose a dataset in the Training tab first"))
            check_fits(data, self.document.spec.input_shape)
            from explorer.core.losses import make_optimizer

            optimizer = make_optimizer(config.optimizer, self.net.parameters())
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            self.training_failed.emit(error_text(e))
            return
        self.workbench.adopt(optimizer, self.net, config.optimizer)
        if not self.training:
            self.window.log(
                self.tr(
                    "Training in eval() mode: dropout is off and batch norm keeps its statistics"
                ),
                "warning",
            )
        if config.loss == "sum":
            self.window.log(
                self.tr("The sum of outputs has no minimum: the loss falls without bound"),
                "warning",
            )
        net, probes = self.net, dict(self.window.run_probes)
        self._step_offset = self.steps_done  # Train continues; Reset weights starts at 0
        self.training_started.emit(config)

        def done(result):
            acc = result.accuracy
            self.window.show_status(
                self.tr("Training done · steps: {0} · loss {1}").format(
                    result.steps, f"{result.loss:.6g}"
                )
                + (self.tr(", accuracy {0}").format(f"{acc.train:.1%}") if acc else "")
            )
            self.training_finished.emit(result)

        from explorer.core.metrics import with_final_accuracy

        self._start(
            self.tr("training is running"),
            lambda control: with_final_accuracy(
                train(
                    net,
                    data,
                    config,
                    optimizer=optimizer,
                    probes=probes,
                    control=control,
                    extra_costs=self.extra_costs,
                ),
                net,
                data,
            ),
            done,
        )
        self._training_run = True

    def toggle_pause(self) -> None:
        if self.runner.paused:
            self.runner.resume()
        else:
            self.runner.pause()

    def single_step(self) -> None:
        if self.runner.running:
            self.runner.step_once()
        else:
            self.step()

    def cancel(self) -> None:
        if self.runner.running:
            self.runner.cancel()

    def set_training_mode(self, training: bool) -> None:
        if self._refuse_while_running():
            self.mode_changed.emit(self.training)
            return
        self.session.update_settings(training=training)
        self.window.show_status(
            self.tr("model.train(): dropout and batch norm use batches")
            if training
            else self.tr("model.eval(): dropout off, batch norm uses running statistics")
        )

    def set_steps_done(self, steps: int) -> None:
        """Where the step axis stands: 0 after Reset weights or opening another model."""
        self.steps_done = int(steps)
        self.steps_changed.emit(self.steps_done)

    def shutdown(self) -> None:
        """Stop and wait for the worker (the window is closing)."""
        self.runner.stop()

    # ----- plumbing --------------------------------------------------------------------------

    @property
    def net(self):
        return self.document.net

    def _apply_mode(self) -> None:
        if not self.runner.running:
            net = self.document.net
            # after an edit only the new modules may differ: reading 1,000 flags costs
            # ~0.2 ms, train() sets each through Module.__setattr__ (~3 ms)
            if any(m.training != self.training for m in net.modules()):
                net.train(self.training)
        self.mode_changed.emit(self.training)

    def _refuse_while_running(self) -> bool:
        if self.runner.running:
            self.window.report_error(self.tr("Wait: {0} (Esc cancels)").format(self._busy_text))
            return True
        return False

    def _one_shot(self, busy: str, fn, done) -> None:
        if self._refuse_while_running():
            return
        try:
            x, y = self.batch()
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return
        self._start(busy, lambda control: _once(lambda: fn(x, y)), done)

    def _start(self, busy: str, factory, done) -> None:
        self._busy_text = busy
        self._on_result = done
        if self.document.source is not None:  # a Python class: its errors name its lines
            factory = located_run(factory, self.document.source)
        self.document.set_busy(busy)
        self.runner.start(factory)
        self.state_changed.emit()

    def _ended(self) -> None:
        self._training_run = False
        self.document.set_busy(None)
        self._apply_mode()
        self.state_changed.emit()

    def _on_progressed(self, progress) -> None:
        if self._training_run:
            progress = shift_steps(progress, self._step_offset)
            self.set_steps_done(progress.step)
        self.window.run_progressed.emit(progress)

    @property
    def settled(self) -> bool:
        """No run, or a paused one whose thread waits: the model holds still to be looked at."""
        return self.runner.is_settled

    def _on_paused(self, paused: bool) -> None:
        # Pause (or Step) is only asked for here: the thread is still in its step, where
        # zero_grad has set every .grad to None. The views read the model once it waits.
        self.document.set_moving(not self.runner.is_settled)
        self.state_changed.emit()

    def _on_settled(self) -> None:
        self.document.set_moving(False)
        self.document.notify_weights_changed()

    def _on_finished(self, reason: str, result) -> None:
        done, self._on_result = self._on_result, None
        self._ended()
        if reason == "done" and done is not None:
            done(result)
        elif reason == "cancelled":
            self.window.show_status(self.tr("Cancelled: the model stays at the last full step"))
        self.document.notify_weights_changed()
        self.window.run_finished.emit(reason)

    def _on_errored(self, message: object, details: str) -> None:
        message = message_text(message)  # a core Message, in the interface language
        self._on_result = None
        was_training = self._training_run
        self._ended()
        if was_training:
            self.training_failed.emit(message)
        self.window.report_error(message)
        self.window.log(details, "error")
        self.document.notify_weights_changed()
        self.window.run_finished.emit("error")

    def _on_device_changed(self, device: str) -> None:
        from explorer.core.losses import move_optimizer_state

        if self.workbench.optimizer is not None:
            moved = move_optimizer_state(self.workbench.optimizer, device)
            if moved:
                self.window.log(
                    self.tr("Moved {0} optimizer state tensors to {1}").format(moved, device)
                )
