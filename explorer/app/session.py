"""The session: one owner for the open model, its run settings, file and unsaved state.

Every way of opening a model (New, an example, a project, an imported state dict, a
recovered autosave) goes through :meth:`Session.open`, so each resets the same things
the same way: the seed decides the fresh weights, the model starts in ``train()``, the
named tensors and the shown tensor of the previous model are dropped.

What is unsaved is worked out, not flagged: the structure (the spec differs from the
saved one), the weights (a parameter or buffer changed in place since the save, seen by
PyTorch's own version counters, and only when the file holds weights) and the run
settings (they differ from the saved ones). So undoing back to the saved spec is clean,
and Forward, Backward and Zero grad never count: they leave the ``state_dict`` as it was
(except a ``train()`` Forward through batch norm, which updates its running statistics).

Where the weights came from is worked out the same way: a seeded build (an open, Reset
weights) records the spec, the seed and the weights' fingerprint, and the weights are still
the ones ``torch.manual_seed(seed)`` and the spec give (what the Code tab's script builds)
while all three are unchanged (:meth:`Session.weights_from_seed`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.app.run_settings import RunSettings
from explorer.core.document import Document
from explorer.core.errors import Message, error_message
from explorer.core.events import Event
from explorer.core.spec import ModelSpec

if TYPE_CHECKING:
    from explorer.io.project import Project

RUN_KEY = "run"  # where a project keeps the run settings
WEIGHTS_SUFFIX = ".nnx"  # files that hold weights (".nnx.json" holds the architecture only)


@dataclass(frozen=True)
class OpenRequest:
    """A model to open, from wherever it came.

    ``kind``: "new", "example", "project", "import", "recovery" or "class". ``saved``: the
    opened state equals ``path``'s file (False for imported and recovered work).
    ``module``: a :class:`~explorer.core.module_source.ModuleSource` (a Python class) that
    builds the model instead of ``spec``; its input shape is the source's.
    """

    spec: ModelSpec
    kind: str = "project"
    path: Path | None = None
    title: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    weights: dict[str, Any] | None = None
    tensors: dict[str, Any] | None = None
    saved: bool = True
    module: Any = None

    @classmethod
    def of_project(cls, project, kind: str, path: Path | None, saved: bool = True) -> OpenRequest:
        """Open a loaded project file (its spec, title, settings, weights and tensors)."""
        return cls(
            project.spec,
            kind,
            path,
            project.title,
            project.settings,
            project.weights,
            project.tensors,
            saved=saved,
        )


@dataclass(frozen=True)
class Unsaved:
    """What a save would write differently from the file (each part apart)."""

    structure: bool = False
    weights: bool = False
    settings: bool = False

    def __bool__(self) -> bool:
        return self.structure or self.weights or self.settings


@dataclass(frozen=True)
class _Baseline:
    spec: ModelSpec | None  # None: nothing saved (imported or recovered work)
    settings: dict[str, Any]
    fingerprint: tuple


@dataclass(frozen=True)
class _Seeded:
    """The weights right after ``torch.manual_seed(seed)`` and building ``spec``.

    ``draws``: what that build drew (:func:`seeded_draws`); ``tensors``: the weights'
    fingerprint without the names (ids, versions and shapes in ``state_dict`` order), so a
    layer without parameters added or moved, or a group, changes neither.
    """

    spec: ModelSpec
    seed: int
    draws: tuple
    tensors: tuple
    #: the tensors, held weakly: while each is alive no other tensor can take its id, so an
    #: equal fingerprint then means the very same tensors, changed by nothing since
    alive: tuple[weakref.ref, ...]


def seeded_draws(spec: ModelSpec) -> tuple:
    """What building ``spec`` after ``torch.manual_seed`` draws from torch's random state.

    Its dtype and, in build order (depth-first), the type and arguments of each layer that
    creates parameters (a tied one at its first use). Two specs with equal draws give each
    module the same initial values: a ReLU, Dropout or Flatten draws nothing, and blocks
    only group. A layer type the catalog does not know to be free of parameters counts.
    """
    from explorer.core.build import signature_of
    from explorer.core.catalog import layer_type

    out: list = [spec.dtype]
    ties: set[str] = set()
    for _, layer in spec.layers():
        if layer.tie is not None:
            if layer.tie in ties:
                continue
            ties.add(layer.tie)
        if layer_type(layer.type).has_params:
            out.append(signature_of(layer))
    return tuple(out)


def weights_fingerprint(net) -> tuple:
    """Which tensors the ``state_dict`` holds and how often each was changed in place.

    PyTorch bumps a tensor's version on every in-place change (``optimizer.step()``,
    ``nn.init``, ``load_state_dict``, batch norm's running statistics); gradients and
    outputs do not touch it. The shape is included for lazy modules that materialize.
    The tensors are those ``state_dict(keep_vars=True)`` holds, read from the modules'
    own tables (parameters, persistent buffers, children): a fingerprint is compared
    only with another one, and this walk costs a third of ``state_dict()`` on 1,000 layers.
    """
    from torch.nn.parameter import UninitializedTensorMixin

    out = []

    def visit(module, prefix: str) -> None:
        skip = module._non_persistent_buffers_set
        for tables in (module._parameters, module._buffers):
            for name, t in tables.items():
                if t is None or (tables is module._buffers and name in skip):
                    continue
                lazy = isinstance(t, UninitializedTensorMixin)
                out.append((prefix + name, id(t), t._version, None if lazy else tuple(t.shape)))
        for name, child in module._modules.items():
            if child is not None:
                visit(child, f"{prefix}{name}.")

    visit(net, "")
    return tuple(out)


def _tensors_fingerprint(net) -> tuple:
    """:func:`weights_fingerprint` without the names: adding a ReLU or a group renames the
    keys of the same tensors."""
    return tuple(entry[1:] for entry in weights_fingerprint(net))


def _same_values(net, weights: dict[str, Any]) -> bool:
    """Whether loading ``weights`` (a full ``state_dict``) into ``net`` changes no value."""
    import torch

    state = net.state_dict()
    if state.keys() != weights.keys():
        return False
    for key, live in state.items():
        value = weights[key]
        if not isinstance(value, torch.Tensor) or value.shape != live.shape:
            return False
        if value.dtype != live.dtype or not torch.equal(value.to(live.device), live):
            return False
    return True


class Session:
    """The user's session.

    Events
    ------
    opened(kind)
        After :meth:`open`: views drop what they showed of the previous model.
    settings_changed(old, new)
        The run settings changed (the user, or an opened project).
    path_changed(path)
    modified_changed(bool)
    tensors_changed()
        A named tensor (input, output, target...) was set or dropped.
    shown_changed(name)
        The tensor shown in the Tensor tab (a ``state_dict`` key or a named tensor), or None.
    seeded()
        The weights were built from the seed again (:meth:`mark_seeded`).
    """

    def __init__(self, document: Document | None = None, settings: RunSettings | None = None):
        self.document = document or Document(ModelSpec())
        self.settings = settings or RunSettings()
        self.path: Path | None = None
        self.tensors: dict[str, Any] = {}
        self.shown: str | None = None
        self.generation = 0  # counts openings: messages of an older generation are stale
        #: name -> (get() -> JSON-able dict, set(dict)): other features' project state.
        self.project_state: dict[str, tuple[Callable[[], dict], Callable[[dict], None]]] = {}
        self.opened = Event()
        self.settings_changed = Event()
        self.path_changed = Event()
        self.modified_changed = Event()
        self.tensors_changed = Event()
        self.shown_changed = Event()
        self.seeded = Event()
        self._seeded: _Seeded | None = None  # None: no seeded build of the current weights
        self._modified = False
        self._baseline = self._snapshot()
        self.document.spec_changed.connect(self._on_model_changed)
        self.document.weights_changed.connect(self._on_model_changed)
        self.document.replaced.connect(self._on_replaced)

    # ----- run settings ---------------------------------------------------------------------

    def set_settings(self, settings: RunSettings) -> None:
        if settings == self.settings:
            return
        old, self.settings = self.settings, settings
        self.settings_changed.emit(old, settings)
        self.refresh_modified()

    def update_settings(self, **changes: Any) -> None:
        self.set_settings(self.settings.with_(**changes))

    # ----- opening ---------------------------------------------------------------------------

    def open(self, request: OpenRequest) -> list[str]:
        """Open ``request`` in place of the current model; returns problems to report.

        The spec is validated and built first: if that fails the exception propagates
        and nothing changed, so the caller's action stops there. Weights that do not fit
        are reported (the model keeps its seeded weights and counts as unsaved).
        """
        import torch

        try:
            settings = RunSettings.from_dict(request.settings.get(RUN_KEY, {}), self.settings)
        except ValueError as e:  # a project's bad run settings: refused, nothing changed
            from explorer.core.errors import SpecError

            raise SpecError(*e.args) from None
        settings = settings.with_(training=True)  # a new nn.Module starts in train()
        torch.manual_seed(settings.seed)  # the seed decides the fresh weights
        if request.module is not None:  # a Python class: its code builds the module
            self.document.load_module(request.module)  # raises before anything changed
            self._seeded = None
        else:
            self.document.load_spec(request.spec)  # raises before anything changed
            if self.document.device == "cpu":  # another device's generator draws otherwise
                self.mark_seeded(settings.seed, emit=False)
            else:
                self._seeded = None
        self.generation += 1
        self.document.net.train(True)
        problems: list[str] = []
        self.set_settings(settings)
        weights_ok = True
        if request.weights:
            same = self._seeded is not None and _same_values(self.document.net, request.weights)
            problems += self._load_weights(request.weights)
            weights_ok = not problems
            if weights_ok and same:  # the file holds the seed's own weights
                self.mark_seeded(settings.seed, emit=False)
        self.seeded.emit()
        self.tensors.clear()
        for name, tensor in (request.tensors or {}).items():
            self.tensors[name] = tensor
        self.tensors_changed.emit()
        for name, (_get, put) in self.project_state.items():
            if name in request.settings:
                try:
                    put(request.settings[name])
                except Exception as e:  # noqa: BLE001 - one feature's bad settings: say so
                    problems.append(
                        Message(
                            "{name} settings not restored: {detail}",
                            name=name,
                            detail=error_message(e),
                        )
                    )
        self.set_shown(None)
        self._set_path(request.path)
        if request.saved and weights_ok:
            self.mark_saved(request.path)
        else:
            self.mark_unsaved()
        self.opened.emit(request.kind)
        return problems

    def _load_weights(self, weights: dict[str, Any]) -> list[str]:
        from explorer.core.errors import ExplorerError
        from explorer.io.checkpoints import LoadedState, load_into

        try:
            load_into(
                self.document.net,
                LoadedState(weights),
                strict=True,
                target_device=self.document.device,
            )
        except ExplorerError as e:
            return [Message("weights not loaded: {detail}", detail=error_message(e))]
        self.document.notify_weights_changed()
        return []

    # ----- where the weights came from ---------------------------------------------------

    def mark_seeded(self, seed: int, spec: ModelSpec | None = None, emit: bool = True) -> None:
        """The weights are now the ones ``torch.manual_seed(seed)`` and ``spec`` build.

        Called right after such a build (an open, Reset weights); ``spec`` defaults to the
        document's. A Python class's model is not a spec's: nothing is recorded.
        """
        doc = self.document
        if doc.source is not None:
            self._seeded = None
        else:
            net, spec = doc.net, doc.spec if spec is None else spec
            tensors = _tensors_fingerprint(net)
            alive = tuple(weakref.ref(t) for t in net.state_dict(keep_vars=True).values())
            self._seeded = _Seeded(spec, int(seed), seeded_draws(spec), tensors, alive)
        if emit:
            self.seeded.emit()

    def weights_from_seed(self) -> bool:
        """Whether the weights are exactly the ones the seed setting builds for the spec.

        That is what ``model_code(spec, seed=settings.seed)`` constructs: True after an
        open or Reset weights, until a step, a load, an init, another seed or an edit that
        changes what the build draws (a layer with parameters added, replaced or moved;
        a ReLU or a group leaves the seed's weights as they are). Costs one
        :func:`weights_fingerprint`, and nothing more when the spec is the one recorded.
        """
        s = self._seeded
        if s is None or s.seed != self.settings.seed or self.document.source is not None:
            return False
        spec = self.document.spec
        if spec is not s.spec and seeded_draws(spec) != s.draws:
            return False
        if _tensors_fingerprint(self.document.net) != s.tensors:
            return False
        return all(ref() is not None for ref in s.alive)

    # ----- saving ---------------------------------------------------------------------------

    def project(self, title: str, full: bool = True) -> tuple[Project, list[str]]:
        """The project a save writes; ``full`` adds weights and named tensors (``.nnx``).

        Returns the project and the names of features whose state could not be read.
        Lazy layers that have not run yet are left out of the weights (they have no values;
        the file reopens them lazy, and a load checks only the keys a file holds for them).
        A Python class's model raises :class:`~explorer.core.module_source.ReadOnlyModel`.
        """
        from explorer.io.project import Project

        if self.document.source is not None:
            from explorer.core.module_source import ReadOnlyModel

            raise ReadOnlyModel(
                Message(
                    "{title} is a Python class: a project cannot hold it; save its state_dict "
                    "(File > Save Weights) or convert it to Sequential",
                    title=self.document.source.title,
                )
            )
        settings, failed = self._settings_dict()
        project = Project(spec=self.document.spec, title=title, settings=settings)
        if full:
            from explorer.core.buffers import is_uninitialized

            state = self.document.net.state_dict()
            project.weights = {  # a lazy layer that has not run has no values to write
                k: v.detach() for k, v in state.items() if not is_uninitialized(v)
            }
            tensors = {k: v for k, v in self.tensors.items() if hasattr(v, "detach")}
            project.tensors = tensors or None
        return project, failed

    def _settings_dict(self) -> tuple[dict[str, Any], list[str]]:
        settings: dict[str, Any] = {RUN_KEY: self.settings.to_dict()}
        failed = []
        for name, (get, _put) in self.project_state.items():
            try:
                settings[name] = get()
            except Exception:  # noqa: BLE001 - one feature's bug must not block saving
                failed.append(name)
        return settings, failed

    def mark_saved(self, path: Path | None = None) -> None:
        """The session now equals ``path``'s file (after a save or an open)."""
        if path is not None:
            self._set_path(path)
        self._baseline = self._snapshot()
        self.refresh_modified()

    def mark_unsaved(self) -> None:
        """New work that no file holds yet (imported or recovered)."""
        self._baseline = _Baseline(None, {}, ())
        self.refresh_modified()

    # ----- what is unsaved ------------------------------------------------------------------

    def holds_weights(self) -> bool:
        """Whether a save writes the weights (untitled work is saved as ``.nnx``)."""
        return self.path is None or self.path.name.endswith(WEIGHTS_SUFFIX)

    def unsaved(self) -> Unsaved:
        b = self._baseline
        if b.spec is None:
            return Unsaved(True, True, True)
        return Unsaved(
            structure=self.document.spec != b.spec,
            weights=self.holds_weights()
            and weights_fingerprint(self.document.net) != b.fingerprint,
            settings=self._settings_dict()[0] != b.settings,
        )

    @property
    def modified(self) -> bool:
        return self._modified

    def refresh_modified(self) -> None:
        """Work out what is unsaved again; emits ``modified_changed`` when that flips."""
        b = self._baseline
        modified = (  # cheapest first: an edited structure needs no look at the weights
            b.spec is None
            or self.document.spec != b.spec
            or self._settings_dict()[0] != b.settings
            or (self.holds_weights() and weights_fingerprint(self.document.net) != b.fingerprint)
        )
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def _snapshot(self) -> _Baseline:
        return _Baseline(
            self.document.spec,
            self._settings_dict()[0],
            weights_fingerprint(self.document.net),
        )

    # ----- tensors and what is shown --------------------------------------------------------

    def set_tensor(self, name: str, tensor) -> None:
        """Publish a named tensor (a detached CPU copy) for the inspector and saving."""
        if tensor is None:
            self.tensors.pop(name, None)
        else:
            self.tensors[name] = tensor.detach().cpu() if hasattr(tensor, "detach") else tensor
        self.tensors_changed.emit()

    def set_shown(self, name: str | None) -> None:
        """The tensor the Tensor tab shows (a ``state_dict`` key or a named tensor)."""
        if name is not None and not self.exists(name):
            name = None
        if name != self.shown:
            self.shown = name
            self.shown_changed.emit(name)

    def exists(self, name: str) -> bool:
        """Whether ``name`` is a parameter, buffer or named tensor of the current model."""
        if name in self.tensors:
            return True
        from explorer.core.params import tensor_by_name

        try:
            tensor_by_name(self.document.net, name)
        except (AttributeError, KeyError):
            return False
        return True

    # ----- plumbing -------------------------------------------------------------------------

    def _set_path(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)

    def _on_model_changed(self, *_args) -> None:
        if self.shown is not None and not self.exists(self.shown):
            self.set_shown(None)
        self.refresh_modified()

    def _on_replaced(self) -> None:
        if self.tensors:
            self.tensors.clear()
            self.tensors_changed.emit()
