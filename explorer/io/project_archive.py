"""The ``.nnx`` project archive: ``project.json`` + ``weights.safetensors`` (+ tensors).

A plain zip, entries stored uncompressed, so ``unzip`` shows the parts and the
safetensors entries can be read by any safetensors tool. Written atomically.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from explorer.core.errors import SpecError
from explorer.io.atomic import atomic_open

PROJECT_ENTRY = "project.json"
WEIGHTS_ENTRY = "weights.safetensors"
TENSORS_ENTRY = "tensors.safetensors"


def write_archive(project, path: str | os.PathLike) -> None:
    """Write ``project`` (spec, settings, weights, tensors) as one ``.nnx`` file."""
    from explorer.io.checkpoints import write_safetensors_stream
    from explorer.io.project import project_to_dict

    text = json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"
    with atomic_open(path) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as z:
        z.writestr(PROJECT_ENTRY, text.encode("utf-8"))
        for entry, tensors in ((WEIGHTS_ENTRY, project.weights), (TENSORS_ENTRY, project.tensors)):
            if tensors:
                with z.open(entry, "w", force_zip64=True) as out:
                    write_safetensors_stream(tensors, out)  # no whole-file copy in memory


def _tensors(z: zipfile.ZipFile, entry: str, name: str) -> dict | None:
    from explorer.io.checkpoints import safetensors_from_bytes

    if entry not in z.namelist():
        return None
    return safetensors_from_bytes(z.read(entry), f"{name}: {entry}")


def read_archive(path: str | os.PathLike):
    """Read a ``.nnx`` project; a broken archive raises :class:`SpecError` with one line."""
    from explorer.core.errors import ExplorerError
    from explorer.io.project import MAX_PROJECT_BYTES, project_from_dict

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo(PROJECT_ENTRY) if PROJECT_ENTRY in z.namelist() else None
            if info is None:
                raise SpecError(f"{path.name} is a zip file without {PROJECT_ENTRY}")
            if info.file_size > MAX_PROJECT_BYTES:
                raise SpecError(f"{path.name}: {PROJECT_ENTRY} is too large")
            try:
                data = json.loads(z.read(PROJECT_ENTRY).decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise SpecError(f"{path.name}: {PROJECT_ENTRY} is not valid JSON ({e})") from None
            project = project_from_dict(data)
            project.weights = _tensors(z, WEIGHTS_ENTRY, path.name)
            project.tensors = _tensors(z, TENSORS_ENTRY, path.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as e:
        raise SpecError(f"{path.name} is a damaged project archive ({e})") from None
    except ExplorerError as e:
        if isinstance(e, SpecError):
            raise
        raise SpecError(str(e)) from None
    return project
