"""The ``.nnx`` project archive: ``project.json`` + ``weights.safetensors`` (+ tensors).

A plain zip, entries stored uncompressed, so ``unzip`` shows the parts and the
safetensors entries can be read by any safetensors tool. Written atomically.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from explorer.core.errors import Message, SpecError, message_parts
from explorer.io.atomic import atomic_open

PROJECT_ENTRY = "project.json"
WEIGHTS_ENTRY = "weights.safetensors"
TENSORS_ENTRY = "tensors.safetensors"


def write_archive(project, path: str | os.PathLike, crc_of=None) -> None:
    """Write ``project`` (spec, settings, weights, tensors) as one ``.nnx`` file.

    The tensors go from their own memory into the file (no copy of the whole weights);
    the zip's CRC-32 is computed beside the write (:mod:`explorer.io.zip_stored`), or
    taken from ``crc_of(buffer)`` where that knows it (weights copied unchanged from a
    mapped checkpoint: :mod:`explorer.io.source_crcs`).
    """
    from explorer.io.checkpoints import safetensors_parts
    from explorer.io.project import project_to_dict
    from explorer.io.zip_stored import Known, write_stored_zip

    text = json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"
    members = [(PROJECT_ENTRY, [text.encode("utf-8")])]
    for entry, tensors in ((WEIGHTS_ENTRY, project.weights), (TENSORS_ENTRY, project.tensors)):
        if tensors:
            parts = safetensors_parts(tensors)
            if crc_of is not None:
                known = [crc_of(p) if isinstance(p, memoryview) else None for p in parts]
                parts = [p if c is None else Known(p, c) for p, c in zip(parts, known, strict=True)]
            members.append((entry, parts))
    with atomic_open(path) as f:
        write_stored_zip(f, members)


#: Compression methods read here; the app writes STORED, other tools may deflate.
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
#: A deflated member may expand at most this much (real weights shrink by ~10%; a zip
#: bomb expands a thousandfold), once it is larger than ``RATIO_FLOOR``.
MAX_RATIO = 100
RATIO_FLOOR = 16 * 2**20
#: Largest tensors member read; ``None``: half of this machine's memory.
MAX_TENSORS_BYTES: int | None = None


def tensors_cap() -> int:
    from explorer.core.memory import machine_memory

    if MAX_TENSORS_BYTES is not None:
        return MAX_TENSORS_BYTES
    return max(machine_memory() // 2, 2**30)


def _check_members(z: zipfile.ZipFile, name: str) -> None:
    """Refuse archives whose directory names a member twice (the last copy would win)."""
    seen: set[str] = set()
    for info in z.infolist():
        if info.filename in seen:
            raise SpecError(
                Message(
                    "{name} holds {entry} twice; refusing to guess which is right",
                    name=name,
                    entry=info.filename,
                )
            )
        seen.add(info.filename)


def _read_member(z: zipfile.ZipFile, entry: str, cap: int, name: str) -> bytes:
    """A member's bytes, refused before reading when its header is unreadable or too big,
    and read with a limit (a header that lies about the size cannot make it read more)."""
    info = z.getinfo(entry)
    if info.flag_bits & 0x1:
        raise SpecError(
            Message(
                "{name}: {entry} is encrypted; NN Explorer reads plain archives only",
                name=name,
                entry=entry,
            )
        )
    if info.compress_type not in READABLE_METHODS:
        raise SpecError(
            Message(
                "{name}: {entry} uses compression method {method}; "
                "NN Explorer reads stored or deflated members only",
                name=name,
                entry=entry,
                method=info.compress_type,
            )
        )
    if info.file_size > cap:
        raise SpecError(
            Message(
                "{name}: {entry} is {size} MiB unpacked, more than the {cap} MiB this machine allows",
                name=name,
                entry=entry,
                size=f"{info.file_size / 2**20:,.0f}",
                cap=f"{cap / 2**20:,.0f}",
            )
        )
    if (
        info.compress_type != zipfile.ZIP_STORED
        and info.file_size > RATIO_FLOOR
        and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    ):
        raise SpecError(
            Message(
                "{name}: {entry} would expand {ratio} times (a zip bomb?); refusing to unpack it",
                name=name,
                entry=entry,
                ratio=f"{info.file_size // max(info.compress_size, 1):,}",
            )
        )
    chunks, total = [], 0
    with z.open(info) as f:
        while chunk := f.read(min(2**24, info.file_size + 1 - total) or 1):
            total += len(chunk)
            if total > info.file_size:
                raise SpecError(
                    Message(
                        "{name}: {entry} is larger than its header says", name=name, entry=entry
                    )
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _tensors(z: zipfile.ZipFile, entry: str, name: str) -> dict | None:
    from explorer.io.checkpoints import safetensors_from_bytes

    if entry not in z.namelist():
        return None
    return safetensors_from_bytes(_read_member(z, entry, tensors_cap(), name), f"{name}: {entry}")


def read_archive(path: str | os.PathLike, weights: bool = True):
    """Read a ``.nnx`` project; a broken archive raises :class:`SpecError` with one line.

    With ``weights=False`` the tensors members are checked by name only, never read.
    """
    import zlib

    from explorer.core.errors import ExplorerError
    from explorer.io.project import MAX_PROJECT_BYTES, parse_project_json, project_from_dict

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            _check_members(z, path.name)
            if PROJECT_ENTRY not in z.namelist():
                raise SpecError(
                    Message(
                        "{name} is a zip file without {entry}", name=path.name, entry=PROJECT_ENTRY
                    )
                )
            raw = _read_member(z, PROJECT_ENTRY, MAX_PROJECT_BYTES, path.name)
            project = project_from_dict(parse_project_json(raw, f"{path.name}: {PROJECT_ENTRY}"))
            if weights:
                project.weights = _tensors(z, WEIGHTS_ENTRY, path.name)
                project.tensors = _tensors(z, TENSORS_ENTRY, path.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error) as e:
        raise SpecError(
            Message("{name} is a damaged project archive ({detail})", name=path.name, detail=str(e))
        ) from None
    except (NotImplementedError, RuntimeError, ValueError) as e:  # zipfile's other refusals
        first = (str(e).splitlines() or [type(e).__name__])[0]
        raise SpecError(
            Message("{name} cannot be read: {detail}", name=path.name, detail=first)
        ) from None
    except ExplorerError as e:
        if isinstance(e, SpecError):
            raise
        parts = message_parts(e)  # keeps the sentence translatable
        raise SpecError(Message(parts[0], **parts[1]) if parts else str(e)) from None
    return project
