"""Inspect readers that look at headers, not data: safetensors, ``.npy``, ``.npz``, ``.nnx``.

Each returns entries (key, shape, dtype, size) read from the file's header, and a loader
that reads one tensor when the user opens it. So inspecting a large file costs its
header, not its size.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explorer.core.errors import Message
from explorer.io.safe_load import BrokenFileError

_ST_DTYPES = {
    "F64": ("float64", 8), "F32": ("float32", 4), "F16": ("float16", 2),
    "BF16": ("bfloat16", 2), "I64": ("int64", 8), "I32": ("int32", 4), "I16": ("int16", 2),
    "I8": ("int8", 1), "U8": ("uint8", 1), "BOOL": ("bool", 1), "U16": ("uint16", 2),
    "U32": ("uint32", 4), "U64": ("uint64", 8),
    "F8_E4M3": ("float8_e4m3fn", 1), "F8_E5M2": ("float8_e5m2", 1),
}  # fmt: skip

Header = list[tuple[str, tuple[int, ...], str, int]]  # key, shape, dtype, nbytes


def parse_safetensors_header(raw: bytes, name: str) -> tuple[Header, dict[str, str]]:
    """Entries and metadata from a safetensors header (the JSON after the 8-byte length)."""
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BrokenFileError(
            Message(
                "{name} is not a readable safetensors file ({detail})", name=name, detail=str(e)
            )
        ) from None
    if not isinstance(header, dict):
        raise BrokenFileError(Message("{name} is not a readable safetensors file", name=name))
    metadata = header.pop("__metadata__", None) or {}
    entries: Header = []
    from explorer.io.checkpoints import _aliases

    for alias, target in _aliases(metadata).items():  # tied layers: stored once, named twice
        if alias not in header and isinstance(header.get(target), dict):
            header[alias] = header[target]
    for key, info in header.items():
        try:
            dtype, size = _ST_DTYPES.get(info["dtype"], (info["dtype"].lower(), 0))
            shape = tuple(int(d) for d in info["shape"])
            begin, end = info["data_offsets"]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BrokenFileError(
                Message("{name}: bad header entry for {key}", name=name, key=key)
            ) from None
        entries.append((key, shape, dtype, int(end) - int(begin)))
    order = {k: i for i, k in enumerate(_order(metadata))}
    entries.sort(key=lambda e: order.get(e[0], len(order)))
    return entries, {str(k): str(v) for k, v in metadata.items()}


def _order(metadata: dict) -> list[str]:
    from explorer.io.checkpoints import saved_order

    return saved_order(metadata) or []


def safetensors_header(path: Path) -> tuple[Header, dict[str, str]]:
    """Read only the header of a safetensors file."""
    from explorer.io.checkpoints import check_safetensors_header

    check_safetensors_header(path)
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        return parse_safetensors_header(f.read(n), path.name)


def safetensors_loader(path: Path, metadata: dict[str, str]) -> Callable[[str], Any]:
    from explorer.io.checkpoints import _aliases

    aliases = _aliases(metadata)

    def load(key: str):
        from safetensors import safe_open

        key = aliases.get(key, key)
        with safe_open(str(path), framework="pt", device="cpu") as f:
            return f.get_tensor(key) if key in f.keys() else None  # noqa: SIM118

    return load


def npy_header(path: Path) -> tuple[tuple[int, ...], str]:
    """Shape and dtype of a ``.npy`` file (never unpickles: object arrays are refused)."""
    import numpy as np

    try:
        arr = np.load(path, mmap_mode="r", allow_pickle=False)
    except ValueError as e:
        raise BrokenFileError(
            Message(
                "{name}: {detail}", name=path.name, detail=str(e).splitlines()[0] if str(e) else ""
            )
        ) from None
    return tuple(arr.shape), str(arr.dtype)


def npy_loader(path: Path) -> Callable[[str], Any]:
    def load(_key: str):
        import numpy as np
        import torch

        return torch.from_numpy(np.array(np.load(path, mmap_mode="r", allow_pickle=False)))

    return load


def npz_header(path: Path) -> Header:
    """Entries of a ``.npz`` archive, from each member's ``.npy`` header."""
    import numpy as np

    entries: Header = []
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if not info.filename.endswith(".npy"):
                    continue
                with z.open(info) as f:
                    version = np.lib.format.read_magic(f)
                    read = (
                        np.lib.format.read_array_header_1_0
                        if version == (1, 0)
                        else np.lib.format.read_array_header_2_0
                    )
                    shape, _fortran, dtype = read(f)
                if dtype.hasobject:
                    raise BrokenFileError(
                        Message(
                            "{name}: {entry} holds Python objects",
                            name=path.name,
                            entry=info.filename,
                        )
                    )
                n = int(np.prod(shape)) * dtype.itemsize
                entries.append((info.filename[:-4], tuple(shape), str(dtype), n))
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise BrokenFileError(
            Message("{name} is not a readable .npz file ({detail})", name=path.name, detail=str(e))
        ) from None
    return entries


def npz_loader(path: Path) -> Callable[[str], Any]:
    def load(key: str):
        import numpy as np
        import torch

        with np.load(path, allow_pickle=False) as data:
            return torch.from_numpy(np.array(data[key])) if key in data.files else None

    return load


def nnx_contents(path: Path) -> tuple[dict[str, Header], dict[str, str]]:
    """Per safetensors entry (``weights``, ``tensors``) its header; and the project's summary."""
    from explorer.io.project_archive import PROJECT_ENTRY, TENSORS_ENTRY, WEIGHTS_ENTRY

    parts: dict[str, Header] = {}
    meta: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if PROJECT_ENTRY in names:
                project = json.loads(z.read(PROJECT_ENTRY).decode("utf-8"))
                meta["title"] = str(project.get("title", ""))
                meta["input_shape"] = str(tuple(project.get("input_shape", ())))
                meta["layers"] = str(len(project.get("layers", [])))
            for entry in (WEIGHTS_ENTRY, TENSORS_ENTRY):
                if entry in names:
                    with z.open(entry) as f:
                        n = int.from_bytes(f.read(8), "little")
                        parts[entry.split(".")[0]] = parse_safetensors_header(
                            f.read(n), f"{path.name}: {entry}"
                        )[0]
    except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError, OSError) as e:
        raise BrokenFileError(
            Message("{name} is a damaged project archive ({detail})", name=path.name, detail=str(e))
        ) from None
    return parts, meta


def nnx_loader(path: Path) -> Callable[[str], Any]:
    def load(key: str):
        from explorer.io.checkpoints import safetensors_from_bytes

        part, _, name = key.partition(".")
        with zipfile.ZipFile(path) as z:
            entry = f"{part}.safetensors"
            if entry not in z.namelist():
                return None
            return safetensors_from_bytes(z.read(entry), entry).get(name)

    return load


def suffix_of(path: str | os.PathLike) -> str:
    name = str(path).lower()
    if name.endswith(".nnx.json"):
        return ".nnx.json"
    return Path(name).suffix
