"""Project files (``.nnx.json``): the architecture, input and settings, as versioned JSON.

Weights, when a project carries them, are stored beside the JSON by the checkpoints
module; this module reads and writes the architecture part and never runs code.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import SpecError
from explorer.core.spec import ModelSpec, spec_from_dict, spec_to_dict
from explorer.io.atomic import atomic_write_bytes

PROJECT_SUFFIX = ".nnx.json"
MAX_PROJECT_BYTES = 64 * 2**20


@dataclass
class Project:
    """What a project file holds besides weights."""

    spec: ModelSpec
    title: str = ""
    settings: dict[str, Any] = field(default_factory=dict)


def project_to_dict(project: Project) -> dict[str, Any]:
    d = spec_to_dict(project.spec)
    d = {
        "format_version": d.pop("format_version"),
        "kind": "nn-explorer-project",
        "title": project.title,
        **d,
    }
    if project.settings:
        d["settings"] = project.settings
    return d


def project_from_dict(d: Any) -> Project:
    if not isinstance(d, dict):
        raise SpecError("a project file must hold a JSON object")
    if d.get("kind", "nn-explorer-project") != "nn-explorer-project":
        raise SpecError(f"not an NN Explorer project (kind {d.get('kind')!r})")
    settings = d.get("settings", {})
    if not isinstance(settings, dict):
        raise SpecError("'settings' must be an object")
    return Project(spec=spec_from_dict(d), title=str(d.get("title", "")), settings=settings)


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file; raise :class:`SpecError` with a one-line reason on bad input."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise SpecError(f"cannot open {path.name}: {e.strerror}") from None
    if size > MAX_PROJECT_BYTES:
        raise SpecError(f"{path.name} is {size / 2**20:.0f} MiB: too large for a project file")
    raw = path.read_bytes()
    if not raw.strip():
        raise SpecError(f"{path.name} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SpecError(
            f"{path.name} is not a text file (is it a checkpoint? use Inspect)"
        ) from None
    except json.JSONDecodeError as e:
        raise SpecError(f"{path.name} is not valid JSON: {e.msg} at line {e.lineno}") from None
    return project_from_dict(data)


def save_project(project: Project, path: str | os.PathLike) -> None:
    text = json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
