"""Run menu and toolbar: Forward F5, Backward F6, Zero grad, Step F7, Train Ctrl+Enter,
Pause, Cancel Esc, the train()/eval() badge, the seed, the input and the loss; in the
Run menu and the Training tab, Reset weights Ctrl+Shift+R.

Installs the run controller, the Output and Training tabs, and File > Export training script.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QSpinBox, QToolButton

from explorer.core.data import INPUT_KINDS
from explorer.core.losses import LOSSES
from explorer.ui.common.messages import os_error_text
from explorer.ui.run.output_view import OutputView
from explorer.ui.run.run_controller import RunController
from explorer.ui.run.training_view import TrainingView

# Titles defined in explorer.core.losses (Qt-free), marked here for pyside6-lupdate.
LOSS_TITLES = (
    QT_TRANSLATE_NOOP("RunActions", "sum of outputs"),
    QT_TRANSLATE_NOOP("RunActions", "MSE"),
    QT_TRANSLATE_NOOP("RunActions", "L1"),
    QT_TRANSLATE_NOOP("RunActions", "cross-entropy"),
    QT_TRANSLATE_NOOP("RunActions", "BCE with logits"),
)

BADGE = "QToolButton {{ font-weight: bold; color: white; background: {0}; border-radius: 4px; padding: 2px 5px; }}"


class RunActions:
    def __init__(self, window):
        self.window = w = window
        self.controller = c = RunController(window)
        self.output_view = OutputView(c, window)
        self.training_view = TrainingView(window, c, window)
        w.add_tab(self.training_view, w.tr("Training"), "TrainingTab")
        w.add_tab(self.output_view, w.tr("Output"), "OutputTab")
        w.toolbar.addSeparator()
        self.actions = {}
        for key, text, slot, keys, tip in (
            (
                "forward",
                w.tr("Forward"),
                self._forward,
                "F5",
                w.tr("output = net(X): run the model on its input"),
            ),
            (
                "backward",
                w.tr("Backward"),
                self._backward,
                "F6",
                w.tr("loss.backward(): gradients add up in .grad"),
            ),
            (
                "zero_grad",
                w.tr("Zero grad"),
                c.zero_grad,
                None,
                w.tr("net.zero_grad(): every .grad back to None"),
            ),
            (
                "step",
                w.tr("Step"),
                c.single_step,
                "F7",
                w.tr("optimizer.step(); while training: one more step, then pause"),
            ),
            (
                "train",
                w.tr("Train"),
                self.train,
                QKeySequence("Ctrl+Return"),
                w.tr("Train with the Training tab's settings"),
            ),
            ("pause", w.tr("Pause"), c.toggle_pause, None, w.tr("Pause or resume training")),
            (
                "cancel",
                w.tr("Cancel"),
                c.cancel,
                QKeySequence(Qt.Key.Key_Escape),
                w.tr("Stop at the next step boundary"),
            ),
        ):
            self.actions[key] = w.add_action(
                "Run", text, slot, keys, tip, toolbar=True, name=f"action_{key}"
            )
        # Pause and Cancel show as symbols on the toolbar (names in the menu and tooltips),
        # so the toolbar fits a 1280-pixel window in every language.
        self.actions["pause"].setIconText("‖")
        self.actions["cancel"].setIconText("■")
        self.actions["train"].setShortcuts(
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
        )
        # One action for the Run menu and the Training tab's button (which mirrors it).
        self.actions["reset_weights"] = w.add_action(
            "Run",
            w.tr("Reset weights"),
            self.training_view.playground.reset_weights,
            QKeySequence("Ctrl+Shift+R"),
            w.tr("Fresh weights from the seed (torch.manual_seed); the next Train starts at step 0"),
            name="action_reset_weights",
        )
        self.training_view.share_action("reset_weights", self.actions["reset_weights"])
        w.menus["Run"].addSeparator()
        self.zero_first = w.add_action(
            "Run",
            w.tr("Zero grad before each backward"),
            None,
            tip=w.tr("Off: gradients accumulate, as in PyTorch"),
            name="action_zero_first",
        )
        self.zero_first.setCheckable(True)
        self.eval_action = w.add_action(
            "Run",
            w.tr("eval() mode"),
            None,
            tip=w.tr("Switch between net.train() and net.eval()"),
            name="action_eval_mode",
        )
        self.eval_action.setCheckable(True)
        self.eval_action.toggled.connect(lambda on: c.set_training_mode(not on))
        w.add_action(
            "Run",
            w.tr("Compare modes"),
            self._compare,
            tip=w.tr("The same batch through train() and eval(), side by side"),
            name="action_compare",
        )
        self.badge = QToolButton(w)
        self.badge.setObjectName("mode_badge")
        self.badge.setToolTip(w.tr("Click to switch train() / eval()"))
        self.badge.clicked.connect(self.eval_action.toggle)
        w.toolbar.addWidget(self.badge)
        w.toolbar.addWidget(QLabel(w.tr(" seed "), w))
        self.seed = QSpinBox(w)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setMaximumWidth(self.seed.fontMetrics().horizontalAdvance("0" * 6) + 24)
        self.seed.setToolTip(
            w.tr(
                "torch.manual_seed: the weights of a model when it is opened or made new, "
                "the input, the batch order and dropout"
            )
        )
        w.toolbar.addWidget(self.seed)
        w.toolbar.addWidget(QLabel(w.tr(" input "), w))
        self.input_kind = QComboBox(w)
        self.input_kind.setObjectName("input_kind")
        for kind in INPUT_KINDS:
            self.input_kind.addItem(f"torch.{kind}", kind)
        self.input_kind.addItem(w.tr("dataset batch"), "dataset")
        self.input_kind.setToolTip(w.tr("What Forward and Backward feed the model"))
        w.toolbar.addWidget(self.input_kind)
        w.toolbar.addWidget(QLabel(w.tr(" loss "), w))
        self.loss = QComboBox(w)
        self.loss.setObjectName("loss")
        self.loss.setToolTip(
            w.tr("The loss of Backward, Step and Train (the same as the Training tab's)")
        )
        for combo in (self.loss, self.training_view.loss):
            for info in LOSSES.values():
                combo.addItem(w.tr(info.title), info.name)
                combo.setItemData(combo.count() - 1, info.code, Qt.ItemDataRole.ToolTipRole)
        w.toolbar.addWidget(self.loss)
        tv = self.training_view
        tv.buttons["train"].clicked.connect(self.train)
        tv.buttons["pause"].clicked.connect(c.toggle_pause)
        tv.buttons["step"].clicked.connect(c.single_step)
        tv.buttons["cancel"].clicked.connect(c.cancel)
        w.add_action(
            "File/export",
            w.tr("Export training script…"),
            self.export_dialog,
            tip=w.tr("A standalone PyTorch script of this run (also runs under torchrun)"),
            name="action_export_script",
        )
        self._syncing = False
        self._show_settings(w.session.settings)
        w.session.settings_changed.connect(lambda old, new: self._show_settings(new))
        self._connect_settings()
        self._read_settings()
        c.mode_changed.connect(self._show_mode)
        c.state_changed.connect(self._update_actions)
        w.when_ready(tv.show_data)
        self._show_mode(True)
        self._update_actions()

    def _forward(self) -> None:
        self.controller.forward()
        self.window.show_tab("OutputTab")

    def _backward(self) -> None:
        self.controller.backward()

    def _compare(self) -> None:
        self.controller.compare()
        self.window.show_tab("OutputTab")

    def train(self) -> None:
        c = self.controller
        if c.runner.running and c.runner.paused:
            c.runner.resume()
            return
        self.window.show_tab("TrainingTab")
        c.start_training(self.training_view.config())

    def _show_mode(self, training: bool) -> None:
        if self.badge.property("training") == training:
            return  # every edit re-applies the mode: restyling the badge costs a polish
        self.badge.setProperty("training", training)
        self.badge.setText(
            self.window.tr("mode: TRAIN") if training else self.window.tr("mode: EVAL")
        )
        self.badge.setStyleSheet(BADGE.format("#3a9a4a" if training else "#3163ce"))
        self.eval_action.blockSignals(True)
        self.eval_action.setChecked(not training)
        self.eval_action.blockSignals(False)

    def _update_actions(self) -> None:
        r = self.controller.runner
        self.actions["pause"].setEnabled(r.running)
        self.actions["pause"].setText(
            self.window.tr("Resume") if r.paused else self.window.tr("Pause")
        )
        self.actions["pause"].setIconText("▶" if r.paused else "‖")
        self.actions["cancel"].setEnabled(r.running)
        self.actions["reset_weights"].setEnabled(not r.running)

    # ----- the session's run settings <-> the widgets that show them ----------------------

    def _settings_widgets(self) -> list:
        tv = self.training_view
        return [
            self.seed,
            self.input_kind,
            self.loss,
            tv.loss,
            self.zero_first,
            tv.source,
            tv.samples,
            tv.noise,
            tv.data_seed,
            tv.classes,
            tv.held_out,
            tv.optimizer,
            tv.lr,
            tv.momentum,
            tv.weight_decay,
            tv.batch_size,
            tv.steps,
            tv.unit,
        ]

    def _connect_settings(self) -> None:
        for widget in self._settings_widgets():
            if widget is self.zero_first:
                widget.toggled.connect(lambda _on: self._read_settings())
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(
                    lambda _i, src=widget: self._read_settings(src)
                )
            else:
                widget.valueChanged.connect(lambda _v: self._read_settings())

    def _read_settings(self, source=None) -> None:
        """A widget changed: the session's settings take its value (one loss for all)."""
        if self._syncing:
            return
        from explorer.app.run_settings import RunSettings
        from explorer.core.losses import OptimizerConfig

        tv = self.training_view
        loss_combo = tv.loss if source is tv.loss else self.loss
        settings = RunSettings(
            seed=self.seed.value(),
            input_kind=self.input_kind.currentData(),
            loss=loss_combo.currentData(),
            zero_first=self.zero_first.isChecked(),
            data=tv.data_spec(),
            optimizer=OptimizerConfig(
                tv.optimizer.currentData(),
                tv.lr.value(),
                tv.momentum.value(),
                tv.weight_decay.value(),
            ),
            batch_size=tv.batch_size.value(),
            length=tv.steps.value(),
            unit=tv.unit.currentData(),
            training=self.window.session.settings.training,
        )
        self.window.session.set_settings(settings)
        self._show_settings(self.window.session.settings)  # the other loss box follows

    def _show_settings(self, s) -> None:
        """Show the session's settings in every widget (without feeding them back)."""
        tv = self.training_view

        def pick(combo, value):
            i = combo.findData(value)
            if i >= 0:
                combo.setCurrentIndex(i)

        self._syncing = True
        try:
            self.seed.setValue(s.seed)
            pick(self.input_kind, s.input_kind)
            pick(self.loss, s.loss)
            pick(tv.loss, s.loss)
            self.zero_first.setChecked(s.zero_first)
            data = s.data
            if tv.source.findData(data.source) < 0 and data.source:
                tv.source.addItem(data.source, data.source)
            pick(tv.source, data.source)
            tv.samples.setValue(data.n)
            tv.noise.setValue(data.noise)
            tv.data_seed.setValue(data.seed)
            tv.classes.setValue(data.classes)
            tv.held_out.setValue(round(data.eval_fraction * 100))
            pick(tv.optimizer, s.optimizer.name)
            tv.lr.setValue(s.optimizer.lr)
            tv.momentum.setValue(s.optimizer.momentum)
            tv.weight_decay.setValue(s.optimizer.weight_decay)
            tv.batch_size.setValue(s.batch_size)
            tv.steps.setValue(s.length)
            pick(tv.unit, s.unit)
        finally:
            self._syncing = False

    # ----- export ------------------------------------------------------------------------

    def script_text(self) -> str:
        from explorer.core.export_script import training_script

        return training_script(
            self.window.document.spec, self.training_view.data_spec(), self.training_view.config()
        )

    def export_to(self, path) -> bool:
        from explorer.io.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(path, self.script_text().encode("utf-8"))
        except OSError as e:
            self.window.report_error(
                self.window.tr("Cannot write {0}: {1}").format(path, os_error_text(e))
            )
            return False
        self.window.show_status(self.window.tr("Exported the training script to {0}").format(path))
        return True

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.window.tr("Export training script"), "train.py", "Python (*.py)"
        )
        if path:
            self.export_to(path)


def install(window) -> None:
    window.register("run_actions", RunActions(window))
