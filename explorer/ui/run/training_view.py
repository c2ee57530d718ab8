"""The Training tab: data (with a scatter plot), optimizer settings, progress and the loss curve.

Each ``Progress`` (``PROGRESS_HZ`` a second) is taken at once, but drawn at most ``DISPLAY_HZ``
times a second (fewer when frames are costly: ``FRAME_SHARE``), only while the tab is
shown, and at once when the run pauses or ends (so the last frame shows the final weights).
Plot items are created once and updated; the loss history is bounded
(``explorer.core.loss_history``).
"""

from __future__ import annotations

import copy
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.data import GENERATORS, DataSpec
from explorer.core.errors import ExplorerError
from explorer.core.format import group_digits
from explorer.core.loss_history import LossHistory  # bounded: long runs keep flat memory
from explorer.core.losses import OPTIMIZER_TITLES, OptimizerConfig
from explorer.core.training import TrainConfig
from explorer.ui.common.choices import tooltip_follows_choice
from explorer.ui.common.messages import error_text
from explorer.ui.common.number_fields import GroupedSpinBox
from explorer.ui.common.terms import shown
from explorer.ui.common.when_shown import WhenShown
from explorer.ui.run.data_plot import CLASS_COLORS, DataPlot
from explorer.ui.run.fit_offer import FitOffer
from explorer.ui.run.live_label import LiveLabel
from explorer.ui.run.loss_plot import LossPlot
from explorer.ui.run.playground import Playground
from explorer.ui.run.run_controller import PROGRESS_HZ

# Titles defined in explorer.core.data (Qt-free), marked here for pyside6-lupdate.
GENERATOR_TITLES = (
    QT_TRANSLATE_NOOP("TrainingView", "random teacher (fits the model)"),
    QT_TRANSLATE_NOOP("TrainingView", "noisy sine (regression)"),
    QT_TRANSLATE_NOOP("TrainingView", "linear (regression)"),
    QT_TRANSLATE_NOOP("TrainingView", "spiral (classification)"),
    QT_TRANSLATE_NOOP("TrainingView", "two moons (classification)"),
    QT_TRANSLATE_NOOP("TrainingView", "circles (classification)"),
    QT_TRANSLATE_NOOP("TrainingView", "Gaussian blobs (classification)"),
)


#: Redraws a second at most while a run goes: drawing shares the GIL and the cores with it
#: (and a run reports no more often than this).
DISPLAY_HZ = PROGRESS_HZ
#: The frames (their update and their plots' paints) may take at most this share of the GUI
#: thread's time: a costly frame comes less often, but at least ``MIN_HZ`` times a second.
#: When torch's threads take every core, each millisecond drawn is taken from the run (the
#: 1.8M-parameter MLP's frames, 3-4 ms at 12 Hz, were 5% of its steps' time on 2 cores);
#: with the run's own 2% for probes this keeps the window within about 5% of a hand loop.
#: At 4 frames a second the floor, not the share, set the rate on 2 busy cores (a frame
#: took 8-12 ms there, 4-5% of the GUI thread); 2 a second still moves the bar and the
#: step count while the share holds.
FRAME_SHARE = 0.02
MIN_HZ = 2


class TrainingView(QWidget):
    def __init__(self, window, controller, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.controller = controller
        self.history = LossHistory()
        self._dataset_key = None
        self._started = 0.0
        form = QFormLayout()
        self.source = QComboBox(self)
        for g in GENERATORS.values():
            self.source.addItem(self.tr(g.title), g.name)
            tip = self.tr("Command line: nn-explorer train --data {0}").format(g.name)
            self.source.setItemData(self.source.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.load_button = QPushButton(self.tr("Load file…"), self)
        self.load_button.setToolTip(
            self.tr("A .pt (tensor, [X, y] or dict with X and y), .safetensors, .npy or .csv file")
        )
        # The data's choice spans the column, under its label and Load file…: beside the
        # labels it had 144 px at 1280x800, and "random teacher (fits the model)" was cut.
        self.data_label = QLabel(self.tr("Data"), self)
        self.data_label.setBuddy(self.source)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_label)
        data_row.addStretch(1)
        data_row.addWidget(self.load_button)
        form.addRow(data_row)
        form.addRow(self.source)
        self.samples = self._spin(2, 100_000, 512)
        self.noise = self._dspin(0, 10, 0.1, 0.05)
        self.data_seed = self._spin(0, 2**31 - 1, 0)
        self.classes = self._spin(2, 10, 3)
        self.held_out = self._spin(0, 90, 20)
        self.held_out.setSuffix(" %")
        for label, w in (
            (self.tr("Samples"), self.samples),
            (self.tr("Noise"), self.noise),
            (self.tr("Data seed"), self.data_seed),
            (self.tr("Classes"), self.classes),
            (self.tr("Held out"), self.held_out),
        ):
            form.addRow(label, w)
        self.loss = QComboBox(self)  # filled by run_actions, the same choice as the toolbar's
        self.loss.setObjectName("training_loss")
        self.loss.setToolTip(self.tr("The loss of Train, Backward and Step (one setting)"))
        form.addRow(self.tr("Loss"), self.loss)
        self.optimizer = QComboBox(self)
        for key, title in OPTIMIZER_TITLES.items():
            self.optimizer.addItem(title, key)
        self.lr = self._dspin(1e-6, 10, 0.05, 0.01, decimals=6)
        self.momentum = self._dspin(0, 0.999, 0.0, 0.1, decimals=3)
        self.weight_decay = self._dspin(0, 1, 0.0, 1e-4, decimals=6)
        self.batch_size = self._spin(1, 65536, 32)
        self.steps = self._spin(1, 10_000_000, 500)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("steps"), "steps")
        self.unit.addItem(self.tr("epochs"), "epochs")
        length = QHBoxLayout()
        length.addWidget(self.steps, 1)
        length.addWidget(self.unit)
        for label, w in (
            (self.tr("Optimizer"), self.optimizer),
            (self.tr("Learning rate"), self.lr),
            (self.tr("Momentum"), self.momentum),
            (self.tr("Weight decay"), self.weight_decay),
            (self.tr("Batch size"), self.batch_size),
        ):
            form.addRow(label, w)
        form.addRow(self.tr("Length"), length)
        self.buttons = {}
        buttons = QHBoxLayout()
        for key, text in (
            ("train", self.tr("Train")),
            ("pause", self.tr("Pause")),
            ("step", self.tr("Step")),
            ("cancel", self.tr("Cancel")),
            ("reset_weights", self.tr("Reset weights")),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"training_{key}")
            self.buttons[key] = b
            buttons.addWidget(b)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        # rewritten at every frame of a run: labels that relayout the window only when
        # their text needs another height (see LiveLabel)
        self.rate = LiveLabel(self.tr("Not started"), self)
        self.rate.setObjectName("training_status")
        # no blank line above the settings while there is no accuracy to show
        self.accuracy = LiveLabel("", self, hides_when_empty=True)
        self.accuracy.setObjectName("training_accuracy")
        self.fit_offer = FitOffer(window, self)
        for combo in (self.source, self.loss, self.optimizer):  # long titles may shrink
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        # the title the box may cut ("random teacher (fits the") reads whole on hover
        tooltip_follows_choice(self.source, with_text=True)
        settings = QWidget(self)
        settings.setLayout(form)
        self.data_plot = DataPlot(self, title=self.tr("Data"))
        self.data_plot.setObjectName("training_data_plot")
        self.scatter = self.data_plot.scatter
        self.data_message = self.data_plot.message
        self.loss_plot = LossPlot(self, title=self.tr("Loss"))
        self.loss_plot.setObjectName("training_loss_plot")
        self.raw_curve = self.loss_plot.raw
        self.smooth_curve = self.loss_plot.smooth
        self.eval_curve = self.loss_plot.eval
        # A run reports PROGRESS_HZ times a second; the tab draws at most DISPLAY_HZ times a
        # second (fewer when frames are costly), what came last.
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(round(1000 / DISPLAY_HZ))
        self._draw_timer.timeout.connect(self._draw_due)
        self._dirty = False
        self._last_progress = None
        self._in_run = False  # a Train run is going (run_finished also ends one-shot actions)
        self._frame_cpu = 0.0  # the last frame's update (GUI thread CPU seconds)
        self._painted_by_then = 0.0  # the plots' paint seconds when it ended
        scroll = QScrollArea(self)  # the settings scroll, so the tab can be made short
        scroll.setWidget(settings)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The buttons and the progress run along the top of the tab, so the settings column
        # is only as wide as its form: at 1280-1400 px the plots get the width (a row of five
        # buttons in the column had left the data plot 140 px and cut its title).
        buttons.addWidget(self.progress, 1)
        left = QWidget(self)  # the status stays in sight above the scrolling settings
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.rate)
        lv.addWidget(self.accuracy)
        lv.addWidget(self.fit_offer)
        lv.addWidget(scroll, 1)
        self.log_scale = QCheckBox(self.tr("Log scale"), self)
        self.log_scale.setObjectName("training_log_scale")
        self.log_scale.setToolTip(self.tr("A logarithmic loss axis: 1e-2 and 1e-6 both readable"))
        losses = QWidget(self)
        loss_layout = QVBoxLayout(losses)
        loss_layout.setContentsMargins(0, 0, 0, 0)
        loss_layout.addWidget(self.loss_plot, 1)
        loss_layout.addWidget(self.log_scale)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.data_plot)
        split.addWidget(losses)
        split.setSizes([280, 560, 380])
        # The plots take most of what the window adds, the data plot (longer title) the most.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 3)
        split.setCollapsible(1, False)
        split.setCollapsible(2, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        # the column is as wide as the form needs (it scrolls vertically, never sideways)
        scroll.setMinimumWidth(
            settings.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        for w in (self.source, self.unit, self.optimizer):
            w.currentIndexChanged.connect(self._on_settings)
        for w in (self.samples, self.data_seed, self.classes, self.held_out):
            w.valueChanged.connect(self._on_data_settings)
        self.noise.valueChanged.connect(self._on_data_settings)
        self.source.currentIndexChanged.connect(self._on_data_settings)
        self.load_button.clicked.connect(self._load_file)
        controller.dataset_loader = self.dataset_for
        controller.training_started.connect(self._on_started)
        controller.state_changed.connect(self._update_buttons)
        window.run_progressed.connect(self.show_progress)
        window.run_finished.connect(self._on_run_finished)
        # A hidden Training tab redraws its data when shown, not on every edit.
        self._data_when_shown = WhenShown(self, self._on_data_settings)
        window.document.spec_changed.connect(self._data_when_shown.request)
        window.document.replaced.connect(self.clear_run)
        self.log_scale.toggled.connect(self._on_log_scale)
        self.playground = Playground(self, window, controller)
        controller.run_records.append(self)
        self._update_buttons()

    # ----- widgets ------------------------------------------------------------------------

    def _spin(self, lo, hi, value):
        s = GroupedSpinBox(self)  # "30 000", grouped like every number in the app
        s.setRange(lo, hi)
        s.setValue(value)
        return s

    def _dspin(self, lo, hi, value, step, decimals=3):
        s = QDoubleSpinBox(self)
        s.setDecimals(decimals)
        s.setRange(lo, hi)
        s.setSingleStep(step)
        s.setValue(value)
        return s

    # ----- settings -----------------------------------------------------------------------

    def data_spec(self) -> DataSpec:
        return DataSpec(
            source=self.source.currentData(),
            n=self.samples.value(),
            noise=self.noise.value(),
            seed=self.data_seed.value(),
            classes=self.classes.value(),
            eval_fraction=self.held_out.value() / 100,
        )

    def config(self) -> TrainConfig:
        n = self.steps.value()
        by_epochs = self.unit.currentData() == "epochs"
        return TrainConfig(
            optimizer=OptimizerConfig(
                self.optimizer.currentData(),
                self.lr.value(),
                self.momentum.value(),
                self.weight_decay.value(),
            ),
            loss=self.controller.loss,
            batch_size=self.batch_size.value(),
            steps=None if by_epochs else n,
            epochs=n if by_epochs else None,
            seed=self.controller.seed,
        )

    def dataset_for(self, spec: DataSpec | None = None):
        """The dataset of the current settings (cached); used by Train and the scatter plot."""
        from explorer.io.datafiles import load_dataset

        spec = spec or self.data_spec()
        doc = self.window_.document
        out = doc.report.output_shape
        key = (spec, doc.spec.input_shape, out)
        if key != self._dataset_key:
            out_features = int(np.prod(out[1:])) if out and len(out) > 1 else 1
            self.controller.dataset = load_dataset(
                spec, tuple(doc.spec.input_shape[1:]), out_features
            )
            self._dataset_key = key
            self.playground.use_dataset(self.controller.dataset)
        return self.controller.dataset

    def _on_settings(self) -> None:
        self.momentum.setEnabled(self.optimizer.currentData() in ("sgd", "rmsprop"))

    def _on_data_settings(self) -> None:
        is_file = self.source.currentData() not in GENERATORS
        for w in (self.samples, self.noise, self.data_seed, self.classes):
            w.setEnabled(not is_file)
        if self.window_.ready:
            self.show_data()

    def _load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load data"),
            "",
            self.tr("Data (*.pt *.pth *.safetensors *.npy *.csv);;All files (*)"),
        )
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> bool:
        from pathlib import Path

        i = self.source.findData(path)
        if i < 0:
            self.source.addItem(Path(path).name, path)
            self.source.setItemData(self.source.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
            i = self.source.count() - 1
        self.source.setCurrentIndex(i)
        return self.show_data()

    # ----- plots ----------------------------------------------------------------------------

    def show_data(self) -> bool:
        """Scatter the first two input features (or x against y for one feature)."""
        try:
            data = self.dataset_for()
        except ExplorerError as e:
            self.data_plot.show_message(error_text(e))
            self.fit_offer.hide()
            self.window_.report_error(error_text(e))
            return False
        self.playground.check_fit(data)
        x = data.X.reshape(len(data), -1)[:5000].numpy()
        y = data.y[:5000]
        if x.shape[1] >= 2:
            px, py = x[:, 0], x[:, 1]
        else:
            px, py = x[:, 0], y.reshape(len(y), -1)[:, 0].float().numpy()
        if data.task == "classification":
            brushes = [pg.mkBrush(CLASS_COLORS[int(c) % len(CLASS_COLORS)]) for c in y.tolist()]
        else:
            brushes = pg.mkBrush("#3163ce")
        self.data_plot.show_samples(px, py, brushes)
        self.data_plot.set_title(
            self.tr("{0}: {1} train, {2} held out").format(
                shown(data.name, with_id=False),
                len(data),
                0 if data.X_eval is None else len(data.X_eval),
            )
        )
        return True

    def clear_run(self) -> None:
        """Another model was opened: the last run's curve and progress are not its own."""
        self.accuracy.setText("")
        self.data_plot.clear_model()
        self.clear_curves()
        self.data_plot.enableAutoRange()

    def _on_started(self, config) -> None:
        start = self.controller.steps_done  # 0: a fresh start; else Train continues
        if start == 0:
            self.history.clear()
            self.loss_plot.clear_curves()  # the old run's range is not this run's either
            self.data_plot.enableAutoRange()
        self._started = time.perf_counter()
        self._in_run = True
        self._last_progress = None
        self._dirty = False
        self.progress.setRange(start, start + config.total_steps(len(self.controller.dataset)))
        self.progress.setValue(start)
        self.rate.setStyleSheet("")
        self.rate.setText(self.tr("Starting…"))

    def show_progress(self, p) -> None:
        """Take a run's ``Progress``; it is drawn at display rate (:meth:`flush` draws now)."""
        self._last_progress = p
        if p.losses and len(self.history.steps) and p.losses[0][0] <= self.history.steps[-1]:
            self.history.clear()  # the step axis went back: a new count began
        self.history.extend(p.losses)
        h = self.history
        if p.eval_loss is not None and (not h.eval or h.eval[-1] != p.eval_loss):
            h.eval_steps.append(p.step)
            h.eval.append(p.eval_loss)
        self.playground.take(p)
        self._dirty = True
        if self.controller.runner.paused:  # a pause or a single step: the user looks now
            self.flush()
        elif not self._draw_timer.isActive():
            self._draw_timer.start(self.frame_interval_ms())

    def _painted(self) -> float:
        return self.loss_plot.paint_seconds + self.data_plot.paint_seconds

    def frame_interval_ms(self) -> int:
        """Until the next frame: what the last one cost (its update and the plots' paints
        since) over ``FRAME_SHARE``, between 1/DISPLAY_HZ and 1/MIN_HZ seconds."""
        cost = self._frame_cpu + self._painted() - self._painted_by_then
        return round(1000 * min(1 / MIN_HZ, max(1 / DISPLAY_HZ, cost / FRAME_SHARE)))

    def flush(self) -> None:
        """Draw what arrived since the last frame now (the run ended or paused)."""
        self._draw_timer.stop()
        if self._dirty:
            self._draw()

    def _draw_due(self) -> None:
        if self.isVisible():  # a hidden tab is drawn when shown (or when the run ends)
            self._draw()

    def _draw(self) -> None:
        start = time.thread_time()
        try:
            self._draw_frame()
        finally:
            self._frame_cpu = time.thread_time() - start
            self._painted_by_then = self._painted()

    def _draw_frame(self) -> None:
        self._dirty = False
        p = self._last_progress
        if p is None:
            return
        self.loss_plot.draw_history(self.history, p.total)
        if p.total:
            self.progress.setMaximum(p.total)
        # QProgressBar.setValue repaints at once (a full synchronous paint); as one of the
        # frame's updates the bar is painted with everything else.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(p.step)
        self.progress.setUpdatesEnabled(True)
        self.playground.draw()
        if self.controller.runner.paused:
            self._show_paused()
            return
        eta = (p.total - p.step) / p.steps_per_s if p.total and p.steps_per_s > 0 else None
        self.rate.setStyleSheet("")
        self.rate.setText(
            self.tr("step {0}/{1} · {2} steps/s · ETA {3} · loss {4}{5}").format(
                p.step,
                p.total or "?",
                group_digits(round(p.steps_per_s)),
                "?" if eta is None else f"{eta:.1f} s",
                "?" if p.loss is None else f"{p.loss:.5g}",
                self._held_out_text(p),
            )
        )

    def share_action(self, key: str, action) -> None:
        """The button ``key`` does what ``action`` does and shows its state and tooltip."""
        button = self.buttons[key]
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())

        action.changed.connect(follow)
        follow()

    def _update_buttons(self) -> None:
        running = self.controller.runner.running
        paused = self.controller.runner.paused
        self.buttons["pause"].setEnabled(running)
        self.buttons["pause"].setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.buttons["cancel"].setEnabled(running)
        done = self.controller.steps_done
        train = self.buttons["train"]
        if running and paused:
            train.setText(self.tr("Resume"))
        elif done and not running:
            train.setText(self.tr("Continue"))
            train.setToolTip(
                self.tr("Train on from step {0}; Reset weights starts again at step 0").format(done)
            )
        else:
            train.setText(self.tr("Train"))
            train.setToolTip(self.tr("Train from fresh weights, starting at step 0"))
        if running and paused:
            self._show_paused()

    def _show_paused(self) -> None:
        """While paused the clock stops: the ETA is the time left once resumed."""
        p = self._last_progress
        if p is None:
            self.rate.setText(self.tr("Paused"))
            return
        left = (p.total - p.step) if p.total else None
        eta = left / p.steps_per_s if left is not None and p.steps_per_s > 0 else None
        self.rate.setStyleSheet("")
        self.rate.setText(
            self.tr("Paused at step {0}/{1} · steps left: {2} · ETA {3} after Resume").format(
                p.step,
                p.total or "?",
                "?" if left is None else left,
                "?" if eta is None else f"{eta:.1f} s",
            )
        )

    def _on_run_finished(self, reason: str) -> None:
        self.flush()
        in_run, self._in_run = self._in_run, False
        p = self._last_progress
        if in_run and reason == "cancelled" and p is not None:  # no ETA, no "after Resume"
            self.rate.setStyleSheet("")
            self.rate.setText(
                self.tr("step {0}/{1} · cancelled · loss {2}{3}").format(
                    p.step,
                    p.total or "?",
                    "?" if p.loss is None else f"{p.loss:.5g}",
                    self._held_out_text(p),
                )
            )

    def _held_out_text(self, p) -> str:
        """`` · held-out 0.123`` after the status line's loss, or nothing without held-out data."""
        if p.eval_loss is None:
            return ""
        return self.tr(" · held-out {0}").format(f"{p.eval_loss:.5g}")

    def show_error(self, message: str) -> None:
        """A run that could not start or stopped: the reason, where the user is looking."""
        self.rate.setStyleSheet("color: #d64545;")
        self.rate.setText(self.tr("Training stopped: {0}").format(message))

    def clear_curves(self) -> None:
        """The step axis restarted (Reset weights): the old curve belongs to other weights."""
        self._draw_timer.stop()
        self._dirty = False
        self.history.clear()
        self._last_progress = None
        self.loss_plot.clear_curves()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.rate.setStyleSheet("")
        self.rate.setText(self.tr("Not started"))

    def snapshot_run(self) -> tuple:
        """What the tab shows of the runs on the current step axis (for undo of a reset)."""
        self.flush()
        return copy.deepcopy(self.history), self._last_progress

    def restore_run(self, snapshot: tuple) -> None:
        """Show ``snapshot`` again: the loss curves, the progress and the last step's line."""
        history, progress = snapshot
        self.clear_curves()
        self.history = copy.deepcopy(history)  # the snapshot stays whole for the next undo
        self._last_progress = progress
        if progress is not None:
            self.progress.setRange(0, max(1, progress.total or progress.step))
            self._dirty = True
            self.flush()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.flush()
        self.playground._redraw.start()

    def _on_log_scale(self, on: bool) -> None:
        self.loss_plot.set_log(on)
        if self._last_progress is not None:
            self.loss_plot.draw_history(self.history, self._last_progress.total)
