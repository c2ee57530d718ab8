"""Hostile project files and archives, built byte by byte (shared by tests and fuzzing)."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

from explorer.core.spec import LayerSpec, sequential, spec_to_dict

PROJECT = "project.json"
WEIGHTS = "weights.safetensors"


def good_project_dict() -> dict:
    spec = sequential(
        LayerSpec.make("Linear", in_features=2, out_features=4),
        LayerSpec.make("ReLU"),
        input_shape=(3, 2),
    )
    return {"kind": "nn-explorer-project", "title": "t", **spec_to_dict(spec)}


def project_bytes(d: dict | None = None) -> bytes:
    return json.dumps(good_project_dict() if d is None else d).encode()


def write_zip(path: Path, members: list[tuple[str, bytes]], method=zipfile.ZIP_STORED) -> Path:
    """A zip with these members in order (duplicates allowed: zipfile only warns)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w", method) as z:
            for name, data in members:
                z.writestr(name, data)
    return path


def patch_member(path: Path, name: str, *, method: int | None = None, flags: int | None = None):
    """Rewrite a member's compression method and/or flag bits in both its local header and
    its central directory entry, as another tool (or an attacker) would have written them."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
        local = info.header_offset
        start_dir = z.start_dir
    if method is not None:
        struct.pack_into("<H", data, local + 8, method)
    if flags is not None:
        struct.pack_into("<H", data, local + 6, flags)
    pos = start_dir
    while data[pos : pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        entry = bytes(data[pos + 46 : pos + 46 + n]).decode()
        if entry == name:
            if method is not None:
                struct.pack_into("<H", data, pos + 10, method)
            if flags is not None:
                struct.pack_into("<H", data, pos + 8, flags)
        pos += 46 + n + m + k
    path.write_bytes(bytes(data))
    return path


def zip_bomb(path: Path, unpacked: int, entry: str = WEIGHTS) -> Path:
    """A valid project archive whose ``entry`` is ``unpacked`` bytes of zeros, deflated (a
    thousandfold smaller on disk), streamed so building it costs little memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(PROJECT, project_bytes())
        chunk = bytes(2**22)
        with z.open(entry, "w", force_zip64=True) as f:
            left = unpacked
            while left > 0:
                f.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return path


def deep_blocks(depth: int) -> str:
    """Project JSON text with a ReLU inside ``depth`` nested blocks (as text: ``json.dumps``
    itself gives up near 1,000 levels)."""
    d = good_project_dict()
    d["layers"] = ["@"]
    inner = '{"block": [' * depth + '{"type": "ReLU"}' + "]}" * depth
    return json.dumps(d).replace('"@"', inner)


def deep_list_pt(path: Path, depth: int) -> Path:
    """A ``.pt`` whose pickle is a list nested ``depth`` deep (built from opcodes: pickling
    such a list in Python would itself overflow the stack)."""
    import torch

    torch.save([0], path)
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i)) for i in z.infolist()]
    pkl = b"\x80\x02" + b"]" * (depth + 1) + b"a" * depth + b"."
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for info, data in members:
            z.writestr(info, pkl if info.filename.endswith("data.pkl") else data)
    return path
