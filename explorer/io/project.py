"""Project files: architecture-only ``.nnx.json`` and full ``.nnx`` projects.

``.nnx.json`` is versioned JSON: the architecture, input shape and settings (the
shipped examples are such files). ``.nnx`` is a zip (stored, not compressed) holding
``project.json`` (the same JSON), ``weights.safetensors`` (the model's state dict, tied
layers stored once) and optionally ``tensors.safetensors`` (the input and other named
tensors). Neither format can run code: no pickle is involved.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import Message, SpecError
from explorer.core.spec import ModelSpec, json_problem, spec_from_dict, spec_to_dict
from explorer.io.atomic import atomic_write_bytes, atomic_write_group

PROJECT_SUFFIX = ".nnx.json"
ARCHIVE_SUFFIX = ".nnx"
MAX_PROJECT_BYTES = 64 * 2**20
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Project:
    """What a project file holds besides weights."""

    spec: ModelSpec
    title: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    weights: dict[str, Any] | None = None  # state dict (CPU tensors), in .nnx files only
    tensors: dict[str, Any] | None = None  # named tensors ("input", ...), in .nnx files only


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
        raise SpecError(Message("a project file must hold a JSON object"))
    if d.get("kind", "nn-explorer-project") != "nn-explorer-project":
        raise SpecError(
            Message("not an NN Explorer project (kind {kind})", kind=repr(d.get("kind")))
        )
    settings = d.get("settings", {})
    if not isinstance(settings, dict):
        raise SpecError(Message("'settings' must be an object"))
    title = d.get("title", "")
    if not isinstance(title, (str, int, float)):
        raise SpecError(Message("'title' must be text"))
    return Project(spec=spec_from_dict(d), title=str(title), settings=settings)


def is_archive(path: str | os.PathLike) -> bool:
    """A ``.nnx`` project: by its suffix, or a zip holding ``project.json`` (a ``.pt`` file
    is a zip too, holding ``data.pkl``)."""
    import zipfile

    if str(path).endswith(ARCHIVE_SUFFIX):
        return True
    try:
        with open(path, "rb") as f:
            if f.read(4) != ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as z:
            return "project.json" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def parse_project_json(raw: bytes, name: str) -> Any:
    """The JSON value of a project file's bytes; :class:`SpecError` with one line otherwise."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SpecError(
            Message("{name} is not a text file (is it a checkpoint? use Inspect)", name=name)
        ) from None
    except json.JSONDecodeError as e:
        raise SpecError(
            Message(
                "{name} is not valid JSON: {reason} at line {line}",
                name=name,
                reason=e.msg,
                line=e.lineno,
            )
        ) from None
    except (ValueError, RecursionError) as e:  # 4,300-digit numbers, ~900-deep nesting
        raise SpecError(
            Message("{name} cannot be used: {reason}", name=name, reason=json_problem(e))
        ) from None


def load_project(path: str | os.PathLike, weights: bool = True) -> Project:
    """Read a project file; raise :class:`SpecError` with a one-line reason on bad input.

    With ``weights=False`` a ``.nnx`` archive's tensors are not read (a summary or an
    export needs only the architecture), so a huge or hostile weights member costs nothing.
    """
    import stat

    path = Path(path)
    try:
        st = path.stat()
    except OSError as e:
        raise SpecError(
            Message("cannot open {name}: {reason}", name=path.name, reason=e.strerror)
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise SpecError(Message("{name} is not a regular file", name=path.name))
    size = st.st_size
    if is_archive(path):
        from explorer.io.project_archive import read_archive

        return read_archive(path, weights=weights)
    if size > MAX_PROJECT_BYTES:
        raise SpecError(
            Message(
                "{name} is {size} MiB: too large for a project file",
                name=path.name,
                size=format(size / 2**20, ".0f"),
            )
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise SpecError(Message("{name} is empty", name=path.name))
    return project_from_dict(parse_project_json(raw, path.name))


def project_json_bytes(project: Project) -> bytes:
    text = json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8")


def save_project(project: Project, path: str | os.PathLike) -> None:
    """Write atomically: a ``.nnx`` zip with weights, or ``.nnx.json`` (architecture only)."""
    if str(path).endswith(ARCHIVE_SUFFIX):
        from explorer.io.project_archive import write_archive

        write_archive(project, path)
        return
    atomic_write_bytes(path, project_json_bytes(project))


def save_project_and_weights(
    project: Project, path: str | os.PathLike, state: dict, weights_path: str | os.PathLike
) -> None:
    """A ``.nnx.json`` project and its ``.pt`` state dict, written as one unit: both files are
    complete on disk before either replaces its old version (a full disk leaves both old)."""
    import torch

    data = project_json_bytes(project)
    atomic_write_group(
        [
            (path, lambda tmp: tmp.write_bytes(data)),
            (weights_path, lambda tmp: torch.save(state, tmp)),
        ]
    )
