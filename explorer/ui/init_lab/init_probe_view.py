"""Init lab's depth probe panel: two schemes side by side, std of activations and gradients.

Each scheme is applied to a copy of the model (every weight with 2+ dimensions; biases as
they are), then one forward and backward (``explorer.core.init_probe``). The model itself
is not changed. It runs in the GUI thread: one forward/backward on a copy is quick.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core.errors import ExplorerError
from explorer.core.init_probe import growth, probe_scheme
from explorer.ui.common.choices import add_choice, show_whole_choices
from explorer.ui.common.messages import error_text
from explorer.ui.init_lab.init_plots import SERIES_COLORS, ProbePlots

TANH_GAIN = 5 / 3  # torch.nn.init.calculate_gain("tanh")
CURRENT = "current"
FORM = "form"
#: (key, scheme, args) of the schemes offered; the labels are in ProbePanel._label.
PRESETS = (
    (CURRENT, None, None),
    ("default", "default", {}),
    ("xavier_uniform", "xavier_uniform", {"gain": 1.0}),
    ("xavier_tanh", "xavier_uniform", {"gain": TANH_GAIN}),
    ("xavier_normal", "xavier_normal", {"gain": 1.0}),
    ("kaiming_relu", "kaiming_normal", {"nonlinearity": "relu"}),
    ("normal_001", "normal", {"std": 0.01}),
    ("orthogonal", "orthogonal", {"gain": 1.0}),
    (FORM, None, None),
)
DEEP_TANH = "09-deep-tanh-mlp"


class ProbePanel(QWidget):
    def __init__(self, lab):
        super().__init__(lab)
        self.setObjectName("InitProbe")
        self.lab = lab
        self.results = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.choices: list[QComboBox] = []
        for i, default in enumerate(("default", "xavier_tanh")):
            combo = QComboBox(self)
            combo.setObjectName(f"InitProbe{'AB'[i]}")
            # short entries (the column stays narrow), the whole label in the tooltip
            for key, _, _ in PRESETS:
                add_choice(combo, self._short_label(key), key, self._label(key))
            show_whole_choices(combo)
            combo.setCurrentIndex(combo.findData(default))
            dot = QLabel("●", self)
            dot.setStyleSheet(f"color: {SERIES_COLORS[i].name()};")
            grid.addWidget(dot, i, 0)
            grid.addWidget(QLabel("AB"[i], self), i, 1)
            grid.addWidget(combo, i, 2)
            self.choices.append(combo)
        grid.setColumnStretch(2, 1)  # a wide column widens the choices, not the gap before them
        self.batch = QSpinBox(self)
        self.batch.setRange(2, 65536)
        self.batch.setValue(256)
        self.batch.setToolTip(self.tr("Rows of the random input batch"))
        # batch and Run on a row of their own: the word "batch" does not widen the A/B column
        run_row = QHBoxLayout()
        run_row.addWidget(QLabel(self.tr("batch"), self))
        run_row.addWidget(self.batch, 1)
        self.run_button = QPushButton(self.tr("Run probe"), self)
        self.run_button.setObjectName("InitProbeRun")
        self.run_button.setToolTip(
            self.tr(
                "On a copy: each scheme, then one forward on x ~ N(0, 1) and a backward of a "
                "random unit-variance gradient at the output"
            )
        )
        run_row.addWidget(self.run_button)
        # a short label, the whole sentence in the tooltip: the column stays narrow enough
        # for the histogram beside it to be read at 1280x800
        self.example_button = QPushButton(self.tr("Example: deep tanh MLP"), self)
        self.example_button.setObjectName("InitProbeExample")
        self.example_button.setToolTip(
            "\n".join(
                (
                    self.tr("Open the deep tanh MLP example"),
                    self.tr("10 × (Linear(64, 64), Tanh), then Linear(64, 10): default vs Xavier"),
                )
            )
        )
        self.plots = ProbePlots(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("InitProbeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(self._intro())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addLayout(run_row)
        layout.addWidget(self.example_button)
        layout.addWidget(self.plots.activations, 1)
        layout.addWidget(self.plots.gradients, 1)
        layout.addWidget(self.summary)
        self.run_button.clicked.connect(self.run)
        self.example_button.clicked.connect(self.open_example)
        lab.document.replaced.connect(self.clear)  # another model: the curves were the old one's
        # an edit (layers, input shape, dtype): the curves have a point per old layer
        lab.document.spec_changed.connect(lambda *_: self._drop())
        lab.document.weights_changed.connect(self._on_weights_changed)
        self._probed_current = False  # a result probed the weights as they were

    def _intro(self) -> str:
        return self.tr(
            "Run probe: vanishing or exploding signals show here before any training. "
            "Try the deep tanh MLP: PyTorch default vs Xavier with gain 5/3."
        )

    def clear(self) -> None:
        """Back to "No probe yet": the results belonged to the model that was replaced."""
        self.results = []
        self._probed_current = False
        self.plots.show([])
        self.summary.setText(self._intro())

    def _drop(self) -> None:
        if self.results:
            self.clear()

    def _on_weights_changed(self) -> None:
        if self._probed_current:  # the other schemes draw fresh values: still true
            self._drop()

    def _short_label(self, key: str) -> str:
        """The entry in the box: the gain and std of a scheme are in its tooltip."""
        short = {
            "xavier_uniform": self.tr("xavier_uniform_"),
            "xavier_tanh": self.tr("xavier_uniform_ (tanh)"),
            "xavier_normal": self.tr("xavier_normal_"),
        }
        return short.get(key) or self._label(key)

    def _label(self, key: str) -> str:
        return {
            CURRENT: self.tr("current values"),
            "default": self.tr("PyTorch default"),
            "xavier_uniform": self.tr("xavier_uniform_, gain 1"),
            "xavier_tanh": self.tr("xavier_uniform_, gain 5/3 (tanh)"),
            "xavier_normal": self.tr("xavier_normal_, gain 1"),
            "kaiming_relu": self.tr("kaiming_normal_ (relu)"),
            "normal_001": self.tr("normal_, std 0.01"),
            "orthogonal": self.tr("orthogonal_"),
            FORM: self.tr("the scheme in the form"),
        }[key]

    def _scheme_of(self, combo: QComboBox):
        key = combo.currentData()
        if key == FORM:
            form = self.lab.form
            if form.is_custom:
                raise ExplorerError(
                    self.tr("The probe compares built-in schemes, not custom code.")
                )
            return form.scheme_name, form.args()
        for k, name, args in PRESETS:
            if k == key:
                return name, args
        raise KeyError(key)

    def run(self) -> None:
        doc = self.lab.document
        seed = self.lab.form.seed.value()
        results = []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for combo in self.choices:
                name, args = self._scheme_of(combo)
                results.append(
                    probe_scheme(
                        doc.net,
                        doc.spec.input_shape,
                        name,
                        args,
                        seed,
                        self.batch.value(),
                        label=self._label(combo.currentData()),
                    )
                )
        except ExplorerError as e:
            self.summary.setText(f"<span style='color:#d64545'>{html.escape(error_text(e))}</span>")
            self.lab.window_.report_error(error_text(e))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.results = results
        self._probed_current = any(c.currentData() == CURRENT for c in self.choices)
        self.plots.show(results)
        self.summary.setText(self._summary(results))

    def _summary(self, results) -> str:
        lines = []
        for i, r in enumerate(results):
            ratio = growth(r)
            if not math.isfinite(ratio):
                verdict = self.tr("not enough layers to compare")
            elif ratio < 0.5:
                verdict = self.tr("shrinking with depth (vanishing)")
            elif ratio > 2:
                verdict = self.tr("growing with depth (exploding)")
            else:
                verdict = self.tr("about constant")
            lines.append(
                self.tr(
                    "<b style='color:{0}'>{1}</b> {2}: last/first activation std {3}: {4}"
                ).format(SERIES_COLORS[i].name(), "AB"[i], r.label, f"{ratio:.3g}", verdict)
            )
        return "<br>".join(lines)

    def open_example(self) -> None:
        window = self.lab.window_
        if window.trigger("example_" + DEEP_TANH):  # the Examples menu's own action
            window.show_tab("InitLabTab")
