"""The open model: its spec, the live ``nn.Sequential`` built from it, and change events.

This is the one model object the views show. It holds no Qt: views subscribe to its
:class:`~explorer.core.events.Event` attributes. Edits replace the (immutable) spec; the
live module is rebuilt, reusing the modules of layers whose type and arguments did not
change, so their weights and gradients survive unrelated edits.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from explorer.core.build import build, signature_of
from explorer.core.errors import ExplorerError, Message
from explorer.core.events import Event
from explorer.core.module_source import ModuleSource, ReadOnlyModel, module_report
from explorer.core.shapes import ShapeReport, infer_shapes
from explorer.core.spec import LayerSpec, ModelSpec, validate

if TYPE_CHECKING:
    from torch import nn


RETIRED_LIMIT = 64  # dropped modules kept for undo (enough for a long editing session)


class Busy(ExplorerError):
    """The model is in use by a run; edits must wait or stop the run first."""


class Document:
    """The model being edited, with its live PyTorch module.

    Events
    ------
    spec_changed(old, new)
        After every change of the spec (an edit, undo, open).
    replaced()
        After another model was opened (File > New/Open, an example): outputs, curves and
        histories of the previous model no longer apply.
    weights_changed()
        After parameter values changed outside a spec edit (a step, an init, a load).
    device_changed(device)

    A model built by a Python class (:meth:`load_module`) has a spec without layers
    that holds only its input shape; :attr:`source` builds its module, and edits that
    add layers raise :class:`ReadOnlyModel` until another model is opened.
    """

    def __init__(self, spec: ModelSpec | None = None, device: str = "cpu"):
        self.spec_changed = Event()
        self.weights_changed = Event()
        self.device_changed = Event()
        self.replaced = Event()  # another model was opened: views drop what they showed
        self._spec = validate(spec if spec is not None else ModelSpec())  # an empty spec is falsy
        self._device = device
        self._busy_reason: str | None = None
        self._moving = False  # a run's thread may be changing the weights (not paused)
        self._report: ShapeReport | None = None
        self.modules: dict[str, nn.Module] = {}
        self._signatures: dict[str, tuple] = {}
        # Modules an edit dropped (a deleted layer, a layer whose arguments changed), kept so
        # that undoing the edit brings back the same module with its weights.
        self._retired: OrderedDict[tuple[str, tuple], nn.Module] = OrderedDict()
        self.source: ModuleSource | None = None  # a class's module instead of the spec's
        self.input_guess: str | None = None  # how a class's input shape was guessed
        self.net: nn.Module = self._rebuild(keep=False)

    # ----- spec ----------------------------------------------------------------------

    @property
    def spec(self) -> ModelSpec:
        return self._spec

    def set_spec(self, new: ModelSpec) -> None:
        """Replace the spec (validated first: a bad spec changes nothing)."""
        if self._busy_reason:
            raise Busy(self._busy_reason)
        validate(new)
        old = self._spec
        if new == old:
            return
        if self.source is not None:
            self.check_edit(new)
            if new.input_shape != old.input_shape:
                self.input_guess = None  # the user's own shape: no longer a guess
        self._spec = new
        self._report = None
        if self.source is None:
            self.net = self._rebuild(keep=True)
        self.spec_changed.emit(old, new)

    def check_edit(self, new: ModelSpec) -> None:
        """Raise :class:`ReadOnlyModel` when ``new`` changes what a Python class fixes."""
        if self.source is None:
            return
        if new.dtype != self._spec.dtype:
            raise ReadOnlyModel(
                Message(
                    "{title} is a Python class: its dtype ({dtype}) comes from its code",
                    title=self.source.title,
                    dtype=self._spec.dtype,
                )
            )
        if new.children:
            raise ReadOnlyModel(
                Message(
                    "{title} is a Python class: its layers are read-only "
                    "(Convert to Sequential makes an editable copy)",
                    title=self.source.title,
                )
            )

    @property
    def read_only(self) -> str | None:
        """Why the layers cannot be edited (a Python class), or None."""
        if self.source is None:
            return None
        return Message(
            "{title} is a Python class: convert it to Sequential to edit it",
            title=self.source.title,
        )

    def load_spec(self, new: ModelSpec) -> None:
        """Open a different model: new spec, fresh modules (nothing reused)."""
        if self._busy_reason:
            raise Busy(self._busy_reason)
        validate(new)
        old = self._spec
        self._spec = new
        self._report = None
        self.source, self.input_guess = None, None
        self.net = self._rebuild(keep=False)
        self.spec_changed.emit(old, new)
        self.replaced.emit()

    def load_module(self, source: ModuleSource, input_shape: tuple[int, ...] | None = None) -> None:
        """Open a model built by ``source`` (a Python class): fresh module, no layers to edit.

        ``input_shape`` defaults to the source's (given or guessed). The module is built
        first: if its code raises, nothing changed.
        """
        if self._busy_reason:
            raise Busy(self._busy_reason)
        net = source.build(self._device)
        dtype = next((str(p.dtype).removeprefix("torch.") for p in net.parameters()), "float32")
        shape = tuple(input_shape or source.input_shape)
        guess = source.input_guess if input_shape is None else None
        if not shape:
            shape, guess = (2, 1), "input shape unknown: (2, 1) assumed; type the real one"
        new = validate(ModelSpec(input_shape=shape, dtype=dtype))
        old = self._spec
        self._spec, self._report = new, None
        self.source, self.input_guess = source, guess
        self.modules, self._signatures = {}, {}
        self._retired.clear()
        self.net = net
        self.spec_changed.emit(old, new)
        self.replaced.emit()

    @property
    def report(self) -> ShapeReport:
        """Shapes, parameters and FLOPs of the current spec (computed on demand, cached)."""
        if self._report is None:
            if self.source is not None:
                spec = self._spec
                self._report = module_report(self.source, self.net, spec.input_shape, spec.dtype)
            else:
                self._report = infer_shapes(self._spec)
        return self._report

    # ----- live module ---------------------------------------------------------------

    def _rebuild(self, keep: bool) -> nn.Module:
        if self.source is not None:
            return self.source.build(self._device)
        old_modules, old_sigs = (self.modules, self._signatures) if keep else ({}, {})
        if not keep:
            self._retired.clear()

        given: set[int] = set()

        def reuse(layer: LayerSpec):
            sig = signature_of(layer)
            m = old_modules.get(layer.id)
            if m is None or old_sigs.get(layer.id) != sig:
                m = self._retired.pop((layer.id, sig), None)
                m = m.to(self._device) if m is not None else None
            if m is not None and id(m) in given:
                # Untie: two layers that shared this module are no longer tied. The second
                # gets a copy (its own parameters, equal values), as a fresh build would
                # give it its own module: the live model matches the spec's code.
                return copy.deepcopy(m)
            if m is not None:
                given.add(id(m))
            return m

        modules: dict[str, Any] = {}
        net = build(self._spec, device=self._device, reuse=reuse, modules_out=modules)
        live = {id(m) for m in modules.values()}
        for layer_id, m in old_modules.items():
            if id(m) not in live and layer_id in old_sigs:
                self._retired[(layer_id, old_sigs[layer_id])] = m
        while len(self._retired) > RETIRED_LIMIT:
            self._retired.popitem(last=False)
        self.modules = modules
        self._signatures = {layer.id: signature_of(layer) for _, layer in self._spec.layers()}
        return net

    def reset_weights(self) -> None:
        """Fresh modules for every layer (PyTorch's default initialization)."""
        if self._busy_reason:
            raise Busy(self._busy_reason)
        self.net = self._rebuild(keep=False)
        self.weights_changed.emit()

    def module_for(self, layer_id: str) -> nn.Module:
        return self.modules[layer_id]

    @property
    def device(self) -> str:
        return self._device

    def set_device(self, device: str) -> None:
        """Move parameters and buffers to ``device`` (``"cpu"``, ``"cuda:0"``, ``"mps"``)."""
        if self._busy_reason:
            raise Busy(self._busy_reason)
        import torch

        torch.device(device)  # raises on a malformed name before anything moves
        self.net.to(device)
        self._device = device
        self.device_changed.emit(device)

    # ----- runs ----------------------------------------------------------------------

    @property
    def busy(self) -> str | None:
        """Why edits are blocked right now (a run is using the model), or None."""
        return self._busy_reason

    def set_busy(self, reason: str | None) -> None:
        self._busy_reason = reason
        self._moving = reason is not None

    @property
    def moving(self) -> bool:
        """Whether a run may be changing the weights right now, so views must not read them.

        A paused run keeps the model busy (edits are refused) but still: from the moment its
        thread waits (:meth:`set_moving` ``False``) until Resume or Step, views read the
        paused weights and gradients, as a hand loop stopped at that step would print them.
        """
        return self._busy_reason is not None and self._moving

    def set_moving(self, moving: bool) -> None:
        self._moving = bool(moving)

    def notify_weights_changed(self) -> None:
        self.weights_changed.emit()
