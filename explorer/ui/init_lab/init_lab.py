"""The "Init lab" bottom tab (book 5.3): initialize parameters and see whether they fit theory.

Left, the form (target, scheme, seed, or custom code); middle, the histogram of the shown
parameter with the theoretical density of the scheme in the form and a KS statistic;
right, the depth probe. Values are computed on copies by ``explorer.core.init``; a change
reaches the model only as one :class:`~explorer.ui.common.commands.WeightsCommand` (undoable).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.custom_init import CustomInitError, run_custom
from explorer.core.errors import ExplorerError, SpecError
from explorer.core.format import group_digits
from explorer.core.init import (
    InitError,
    LazyParameterError,
    current_values,
    initialize,
    lazy_parameters,
    materialize,
    parameter_entries,
    plain_pytorch,
    resolve,
    scheme,
)
from explorer.core.init_theory import fans, fit, theory_for_parameter
from explorer.core.spec import key_of
from explorer.ui.common.formatting import whole_numbers_html
from explorer.ui.common.messages import error_text, message_text
from explorer.ui.init_lab.init_form import InitForm
from explorer.ui.init_lab.init_plots import DistributionPlot
from explorer.ui.init_lab.init_probe_view import ProbePanel


def _g(v: float) -> str:
    return f"{v:.4g}"


class InitLab(QWidget):
    """The tab. Shows ``window.document``; follows ``window.selection``."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.preview: dict | None = None  # name -> values computed by Preview, not applied
        self._dirty = True
        self.form = InitForm(self)
        self.parameter = QComboBox(self)
        self.parameter.setObjectName("InitParameter")
        self.parameter.setToolTip(self.tr("The parameter shown (follows the selection)"))
        self.mode = QLabel(self)
        self.plot = DistributionPlot(self)
        self.stats = QLabel(self)
        self.stats.setObjectName("InitStats")
        self.stats.setWordWrap(True)
        self.stats.setTextFormat(Qt.TextFormat.RichText)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        middle = QWidget(self)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(4, 4, 4, 4)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Values of"), middle))
        header.addWidget(self.parameter, 1)
        header.addWidget(self.mode)
        mid_layout.addLayout(header)
        mid_split = QSplitter(Qt.Orientation.Horizontal, middle)
        self.key = QLabel(self.plot.key_html(), middle)  # above the plot, never on its bars
        self.key.setObjectName("InitPlotKey")
        self.key.setWordWrap(True)
        self.key.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        plot_box = QWidget(mid_split)
        plot_layout = QVBoxLayout(plot_box)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.setSpacing(2)
        plot_layout.addWidget(self.key)
        plot_layout.addWidget(self.plot, 1)
        mid_split.addWidget(plot_box)
        mid_split.addWidget(self.stats)
        mid_split.setSizes([360, 240])  # the histogram gets the larger share of the middle
        mid_layout.addWidget(mid_split, 1)
        self.probe = ProbePanel(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        for panel in (self.form, middle, self.probe):
            # scrolls rather than forcing the window to grow when the dock is small
            scroll = QScrollArea(split)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(panel)
            # long choices shrink; the column is never narrower than its panel needs, so the
            # splitter cannot cut a control (the probe's Run button was cut at 1280-1400 px)
            for combo in panel.findChildren(QComboBox):
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(10)
            scroll.setMinimumWidth(
                panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
            )
            if panel is self.form:  # Preview and Apply stay below the form, always in view
                self.form_scroll = scroll
                column = QWidget(split)
                column_layout = QVBoxLayout(column)
                column_layout.setContentsMargins(0, 0, 0, 0)
                column_layout.setSpacing(0)
                column_layout.addWidget(scroll, 1)
                column_layout.addWidget(self.form.button_bar)
                split.addWidget(column)
            else:
                split.addWidget(scroll)
        split.setSizes([210, 520, 200])  # the values in the middle get what is left
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.form.changed.connect(self._form_changed)
        self.form.scheme.activated.connect(self._show_custom_code)
        self.form.preview_requested.connect(self.preview_values)
        self.form.apply_requested.connect(self.apply)
        self.form.materialize_requested.connect(self.materialize)
        self.parameter.currentIndexChanged.connect(self._parameter_changed)
        window.selection.parameter_changed.connect(self.show_parameter)
        window.selection.layers_changed.connect(lambda *_: self._layers_changed())
        self.document.spec_changed.connect(lambda *_: self.model_changed())
        self.document.weights_changed.connect(self.model_changed)
        self.document.device_changed.connect(lambda *_: self.model_changed())

    # ----- model ---------------------------------------------------------------------------

    @property
    def net(self):
        return self.document.net

    def model_changed(self) -> None:
        self.preview = None
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Fill from the document: parameter list, layer types, lazy banner, plot."""
        self._dirty = False
        entries = parameter_entries(self.net)
        names = [e.name for e in entries]
        current = self.parameter.currentText()
        self.parameter.blockSignals(True)
        self.parameter.clear()
        for e in entries:
            shape = self.tr("lazy") if e.lazy else "×".join(map(str, e.shape))
            self.parameter.addItem(f"{e.name}", e.name)
            self.parameter.setItemData(
                self.parameter.count() - 1, f"{e.owner_type} · {shape}", Qt.ItemDataRole.ToolTipRole
            )
        wanted = self._canonical(self.window_.selection.parameter) or current
        if wanted in names:
            self.parameter.setCurrentIndex(names.index(wanted))
        self.parameter.blockSignals(False)
        self.form.set_layer_types(sorted({e.owner_type for e in entries}))
        self._update_form_info()
        self.refresh_plot()

    def _canonical(self, name: str) -> str:
        """A tied alias (``4.weight``) names the same tensor as ``2.weight``."""
        for e in parameter_entries(self.net):
            if name == e.name or name in e.aliases:
                return e.name
        return ""

    def show_parameter(self, name: str) -> None:
        index = self.parameter.findData(self._canonical(name))
        if index >= 0:
            self.parameter.setCurrentIndex(index)

    def _parameter_changed(self, *_) -> None:
        self._update_form_info()
        self.refresh_plot()

    def _layers_changed(self) -> None:
        self._update_form_info()
        if self.form.scope.currentData() == "layers" and self.isVisible():
            self.refresh_plot()  # the shown tensor may have come into the target or left it

    def _show_custom_code(self, *_) -> None:
        """Choosing custom code scrolls its templates and editor into a short form's view."""
        if self.form.is_custom:
            # after the custom page is laid out, or the scroll goes to its old place
            QTimer.singleShot(
                0, lambda: self.form_scroll.ensureWidgetVisible(self.form.templates, 0, 0)
            )

    def _form_changed(self) -> None:
        self.preview = None
        self._update_form_info()
        self.refresh_plot()

    def _layer_keys(self) -> tuple[str, ...]:
        spec = self.document.spec
        keys = []
        for layer_id in self.window_.selection.layers:
            try:
                keys.append(key_of(spec, spec.path_of(layer_id)))
            except SpecError:
                continue
        return tuple(keys)

    def _target(self):
        return self.form.target(self.parameter.currentData() or "", self._layer_keys())

    def _update_form_info(self) -> None:
        """The target's tensors, the lazy banner, and the plain PyTorch code of the choice."""
        lazy = lazy_parameters(self.net)
        self.form.lazy_label.setText(
            self.tr(
                "{0} lazy: shapes exist only after the first forward pass, so they cannot be "
                "initialized yet."
            ).format(", ".join(lazy))
        )
        self.form.lazy_banner.setVisible(bool(lazy))
        try:
            names = resolve(self.net, self._target())
        except InitError as e:
            self.form.target_summary.setText(error_text(e))
            self.form.contract.setPlainText("")
            return
        shown = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
        self.form.target_summary.setText(self.tr("→ {0} tensor(s): {1}").format(len(names), shown))
        seed = self.form.seed.value()
        if self.form.is_custom:
            code = self.tr(
                "torch.manual_seed({0}), then your function on a copy of the model; the values "
                "of the {1} targeted tensor(s) are copied in if it finishes."
            ).format(seed, len(names))
        else:
            try:
                code = plain_pytorch(names, self.form.scheme_name, self.form.args(), seed)
            except InitError as e:
                code = error_text(e)
        self.form.contract.setPlainText(code)

    # ----- the distribution -------------------------------------------------------------------

    def refresh_plot(self) -> None:
        name = self.parameter.currentData()
        if not name:
            self.plot.show_fit(None)
            self.mode.setText("")
            self.stats.setText(self.tr("No parameters in this model."))
            return
        param = self.net.get_parameter(name)
        if name in lazy_parameters(self.net):
            self.plot.show_fit(None)
            self.mode.setText("")
            self.stats.setText(
                self.tr(
                    "{0} is not initialized yet (lazy layer): its shape is known only after "
                    "the first forward pass."
                ).format(html.escape(name))
            )
            return
        previewing = self.preview is not None and name in self.preview
        values = self.preview[name] if previewing else param
        self.mode.setText(
            self.tr("preview (not applied)") if previewing else self.tr("current values")
        )
        self.mode.setStyleSheet("color: #d69a2d;" if previewing else "")
        theory, theory_note = None, ""
        if self.form.is_custom:
            theory_note = self.tr("custom code: no theory to compare with, values only")
        else:
            try:
                theory = theory_for_parameter(
                    self.net, name, self.form.scheme_name, self.form.args()
                )
            except ExplorerError as e:
                theory_note = error_text(e)
        try:
            result = fit(values, theory)
        except ValueError as e:
            self.plot.show_fit(None)
            self.stats.setText(html.escape(error_text(e)))
            return
        self.plot.show_fit(result)
        html_text = self._stats_html(name, tuple(param.shape), result, theory_note)
        if not previewing and not self._targeted(name):
            # the verdict is this scheme's theory against values that Apply will not touch
            note = self.tr("{0} is not in the target: Apply leaves it as it is")
            html_text += "<br><i>" + html.escape(note.format(name)) + "</i>"
        self.stats.setText(html_text)

    def _targeted(self, name: str) -> bool:
        """Whether Apply would change ``name`` (True when the target cannot be resolved)."""
        try:
            return name in resolve(self.net, self._target())
        except InitError:
            return True  # the form shows why; no second message here

    def _stats_html(self, name, shape, result, theory_note) -> str:
        head = "<b>{}</b> {} · {}".format(
            html.escape(name),
            "×".join(map(str, shape)),
            self.tr("values: {0}").format(group_digits(result.n)),
        )
        if len(shape) >= 2:
            fan_in, fan_out = fans(shape)
            head += f" · fan_in {fan_in} · fan_out {fan_out}"
        parts = [head]
        theory = result.theory
        if theory is not None:
            # the scheme's whole name (translated): the box may show a short entry
            scheme = self.form.scheme
            label = scheme.itemData(scheme.currentIndex(), Qt.ItemDataRole.ToolTipRole)
            label = label or scheme.currentText()
            parts.append(self.tr("<b>theory</b> ({0}):").format(html.escape(label)))
            parts += [html.escape(message_text(line)) for line in theory.lines]
            if theory.dist is None:
                parts.append(self.tr("no closed-form density drawn"))
        elif theory_note:
            parts.append(html.escape(theory_note))
        parts.append(
            self.tr("<b>observed</b>: mean {0} · std {1} · min {2} · max {3}").format(
                _g(result.mean), _g(result.std), _g(result.minimum), _g(result.maximum)
            )
        )
        if result.ks is not None:
            fits = result.ks <= result.ks_crit
            verdict = (
                self.tr("consistent with the theory")
                if fits
                else self.tr("does not fit the theory")
            )
            color = "#2e9e5b" if fits else "#d64545"
            sample = (
                self.tr(" on a random {0} of them").format(group_digits(result.sampled))
                if result.sampled < result.n
                else ""
            )
            p = "" if result.ks_p is None else f", p ≈ {_g(result.ks_p)}"
            parts.append(
                self.tr(
                    "<b>Kolmogorov-Smirnov</b> D = {0}{1}{2} (1 % critical value {3}): "
                    "<span style='color:{4}'>{5}</span>"
                ).format(_g(result.ks), sample, p, _g(result.ks_crit), color, verdict)
            )
        return whole_numbers_html("<br>".join(parts))

    # ----- actions ----------------------------------------------------------------------------

    def _compute(self) -> tuple[dict, str]:
        """New values of the target and a description; raises InitError (nothing changed)."""
        target = self._target()
        seed = self.form.seed.value()
        if target.scope == "parameter" and not target.names:
            raise InitError(self.tr("Choose a parameter first."))
        if self.form.is_custom:
            result = run_custom(self.net, self.form.editor.toPlainText(), target, seed)
            printed = result.output.strip()
            text = self.tr("{0}: changed {1} of {2} targeted tensor(s)").format(
                result.function, len(result.changed), len(result.values)
            )
            if printed:
                text += "\n" + self.tr("printed:") + "\n" + printed[-2000:]
            self.form.output.setText(text)
            return result.values, result.function
        values = initialize(self.net, target, self.form.scheme_name, self.form.args(), seed)
        return values, scheme(self.form.scheme_name).label

    def _run(self):
        """:meth:`_compute`, with every failure shown where the user looks."""
        self.form.show_error("")
        try:
            return self._compute()
        except CustomInitError as e:
            self.form.show_error(error_text(e), e.line)
            self.window_.report_error(
                self.tr("Custom init failed, nothing changed: {0}").format(error_text(e))
            )
        except LazyParameterError as e:
            self.form.show_error(error_text(e))
            self.form.lazy_banner.show()
            self.window_.report_error(error_text(e))
        except InitError as e:
            self.form.show_error(error_text(e))
            self.window_.report_error(error_text(e))
        return None

    def preview_values(self) -> None:
        done = self._run()
        if done is None:
            return
        values, _ = done
        self.preview = {n: v.detach() for n, v in values.items()}
        if self.parameter.currentData() not in self.preview:
            self.show_parameter(next(iter(self.preview)))
        self.refresh_plot()
        self.window_.show_status(
            self.tr("Preview of {0} tensor(s); the model is unchanged").format(len(values))
        )

    def apply(self) -> bool:
        from explorer.ui.common.commands import WeightsCommand

        if self.document.busy:
            self.window_.report_error(
                self.tr("Cannot initialize now: {0}").format(self.document.busy)
            )
            return False
        done = self._run()
        if done is None:
            return False
        values, label = done
        before = current_values(self.net, list(values))
        after = {n: v.detach().cpu().clone() for n, v in values.items()}
        text = self.tr("Initialize {0} tensor(s) with {1}").format(len(values), label)
        command = WeightsCommand(self.document, before, after, text, self.window_.session)
        self.window_.undo_stack.push(command)
        if self.parameter.currentData() not in values:  # the plot follows what was initialized
            self.show_parameter(next(iter(values)))
        self.refresh_plot()
        self.window_.show_status(
            self.tr("{0} (seed {1}): {2}").format(
                text, self.form.seed.value(), ", ".join(list(values)[:6])
            )
        )
        if not self.form.is_custom:
            self.window_.log(
                plain_pytorch(
                    list(values), self.form.scheme_name, self.form.args(), self.form.seed.value()
                )
            )
        return True

    def materialize(self) -> None:
        try:
            names = materialize(self.document)
        except ExplorerError as e:
            self.window_.report_error(error_text(e))
            return
        self.form.show_error("")
        shapes = ", ".join(f"{n} {tuple(self.net.get_parameter(n).shape)}" for n in names)
        self.window_.show_status(
            self.tr(
                "Ran one forward on a random input {0}; lazy layers now have shapes: {1}"
            ).format(tuple(self.document.spec.input_shape), shapes)
        )


def install(window) -> None:
    lab = window.register("init_lab", InitLab(window))
    window.add_tab(lab, window.tr("Init lab"), "InitLabTab")
    window.when_ready(lab.model_changed)  # fills itself when first shown
    window.add_action(
        "Edit",
        window.tr("&Initialize parameters…"),
        lambda: window.show_tab("InitLabTab"),
        tip=window.tr(
            "Open the Init lab: nn.init schemes, custom init, distributions, depth probe"
        ),
        name="actionInitLab",
    )
