"""What a project file holds from the window: spec, weights, tensors, each feature's state.

``window.project_state`` maps a feature's name to ``(get, set)``; its dict is stored under
that name in the project's settings, and handed back to ``set`` when the project opens.
"""

from __future__ import annotations

from explorer.io.project import Project


def collect_project(window, title: str, full: bool = True) -> Project:
    """The window's project; ``full`` adds the weights and named tensors (for ``.nnx``)."""
    settings = {}
    for name, (get, _set) in window.project_state.items():
        try:
            settings[name] = get()
        except Exception as e:  # noqa: BLE001 - one feature's bug must not block saving
            window.log(window.tr("Could not store {0}: {1}").format(name, e), "warning")
    project = Project(spec=window.document.spec, title=title, settings=settings)
    if full:
        project.weights = {k: v.detach() for k, v in window.document.net.state_dict().items()}
        tensors = {k: v for k, v in window.tensors.items() if hasattr(v, "detach")}
        project.tensors = tensors or None
    return project


def apply_project(window, project: Project) -> list[str]:
    """After the spec is open: load weights (strict), tensors and settings; return problems."""
    from explorer.core.errors import ExplorerError
    from explorer.io.checkpoints import LoadedState, load_into

    problems = []
    if project.weights:
        try:
            load_into(
                window.document.net,
                LoadedState(project.weights),
                strict=True,
                target_device=window.document.device,
            )
            window.document.notify_weights_changed()
        except ExplorerError as e:
            problems.append(window.tr("weights not loaded: {0}").format(e))
    for name, tensor in (project.tensors or {}).items():
        window.set_tensor(name, tensor)
    for name, (_get, set_) in window.project_state.items():
        if name in project.settings:
            try:
                set_(project.settings[name])
            except Exception as e:  # noqa: BLE001 - a feature's bad settings: say so, go on
                problems.append(window.tr("{0} settings not restored: {1}").format(name, e))
    return problems
