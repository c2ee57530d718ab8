"""Tensor files as in the book (5.4): ``torch.save(x)``, ``[x, y]``, ``{'x': x, 'y': y}``,
and the tree of any weights-only file for Inspect (state dicts, checkpoint dicts,
safetensors).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError
from explorer.io.atomic import atomic_path
from explorer.io.checkpoints import (
    extract_state_dict,
    is_safetensors,
    is_tensor_dict,
    read_safetensors,
    save_safetensors,
)
from explorer.io.safe_load import torch_load_traced

if TYPE_CHECKING:
    import torch

LAYOUTS = ("tensor", "list", "dict")


def pack(tensors: Mapping[str, torch.Tensor], layout: str) -> Any:
    """The object to save: one tensor, a list ``[x, y]`` or a dict ``{'x': x, 'y': y}``."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}")
    if not tensors:
        raise ExplorerError("there is no tensor to save yet (run a forward pass first)")
    values = [t.detach() for t in tensors.values()]
    if layout == "tensor":
        if len(values) != 1:
            raise ExplorerError("a single-tensor file holds exactly one tensor")
        return values[0]
    if layout == "list":
        return values
    return {k: t.detach() for k, t in tensors.items()}


def save_tensors(obj: Any, path: str | os.PathLike) -> None:
    """``torch.save(obj, path)`` atomically (safetensors for a dict, by suffix)."""
    if is_safetensors(path):
        if not is_tensor_dict(obj):
            raise ExplorerError("a safetensors file holds named tensors: choose the dict layout")
        save_safetensors(obj, path)
        return
    import torch

    with atomic_path(path) as tmp:
        torch.save(obj, tmp)


def load_tensors(path: str | os.PathLike, device: str = "cpu") -> Any:
    """``torch.load(path, weights_only=True)``: a tensor, list or dict, never code."""
    if is_safetensors(path):
        return read_safetensors(path, device)[0]
    return torch_load_traced(path, device)[0]


# ----- inspecting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One node of a file's tree: a tensor (shape set) or a plain value or container."""

    key: str  # dotted path: "model.0.weight", "[1]", "epoch"
    depth: int
    kind: str  # "tensor", "dict", "list", "value"
    shape: tuple[int, ...] | None = None
    dtype: str = ""
    device: str = ""  # where it was saved
    nbytes: int = 0
    value: str = ""  # for plain values and containers: "10", "3 items"


@dataclass
class FileTree:
    """What a file holds, found without running anything."""

    path: Path
    kind: str  # "state_dict", "checkpoint", "tensor", "tensors", "safetensors", "object"
    entries: list[Entry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    obj: Any = None  # the loaded object (tensors on the CPU), for the tensor inspector
    origins: dict[int, str] = field(default_factory=dict)  # storage data_ptr -> saved device

    @property
    def tensor_count(self) -> int:
        return sum(1 for e in self.entries if e.kind == "tensor")

    @property
    def total_bytes(self) -> int:
        return sum(e.nbytes for e in self.entries)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "tensors": self.tensor_count,
            "bytes": self.total_bytes,
            "metadata": self.metadata,
            "entries": [
                {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(e).items()}
                for e in self.entries
            ],
        }

    def tensor(self, key: str) -> torch.Tensor | None:
        """The tensor at a dotted key (``"model.0.weight"``, ``"[1]"``), or None."""
        import torch

        found = _find(self.obj, key)
        return found if isinstance(found, torch.Tensor) else None


def _find(obj: Any, key: str) -> Any:
    if key == "":
        return obj
    if isinstance(obj, Mapping):
        if key in obj:
            return obj[key]
        for k, v in obj.items():
            if isinstance(k, str) and key.startswith(k + "."):
                return _find(v, key[len(k) + 1 :])
    if isinstance(obj, (list, tuple)) and key.startswith("["):
        end = key.index("]")
        index = int(key[1:end])
        rest = key[end + 1 :].removeprefix(".")
        return _find(obj[index], rest) if 0 <= index < len(obj) else None
    return None


def walk(obj: Any, origins: Mapping[int, str], prefix: str = "", depth: int = 0) -> list[Entry]:
    """Entries for ``obj`` and everything inside it, depth-first."""
    import torch

    out: list[Entry] = []

    def name(k: Any) -> str:
        return f"{prefix}.{k}" if prefix else str(k)

    if isinstance(obj, torch.Tensor):
        out.append(
            Entry(
                prefix or "(tensor)",
                depth,
                "tensor",
                tuple(obj.shape),
                str(obj.dtype).removeprefix("torch."),
                origins.get(obj.untyped_storage().data_ptr(), str(obj.device)),
                obj.numel() * obj.element_size(),
            )
        )
    elif isinstance(obj, Mapping):
        if prefix:
            out.append(Entry(prefix, depth, "dict", value=f"{len(obj)} items"))
        for k, v in obj.items():
            out += walk(v, origins, name(k), depth + (1 if prefix else 0))
    elif isinstance(obj, (list, tuple)):
        if prefix:
            out.append(Entry(prefix, depth, "list", value=f"{len(obj)} items"))
        for i, v in enumerate(obj):
            out += walk(v, origins, f"{prefix}[{i}]", depth + (1 if prefix else 0))
    else:
        out.append(Entry(prefix or "(value)", depth, "value", value=repr(obj)[:80]))
    return out


def classify(obj: Any) -> str:
    import torch

    if isinstance(obj, torch.Tensor):
        return "tensor"
    if is_tensor_dict(obj) and obj:
        return "state_dict"
    if isinstance(obj, Mapping):
        try:
            extract_state_dict(obj)
            return "checkpoint"
        except ExplorerError:
            pass
    if isinstance(obj, (list, tuple, Mapping)):
        return "tensors"
    return "object"


def inspect_file(path: str | os.PathLike) -> FileTree:
    """The tree of a weights-only ``.pt`` file or a safetensors file (loaded on the CPU).

    Raises the one-line errors of :mod:`explorer.io.safe_load` for broken or unsafe files.
    """
    path = Path(path)
    if is_safetensors(path):
        state, metadata = read_safetensors(path, "cpu")
        return FileTree(path, "safetensors", walk(state, {}), dict(metadata), state)
    obj, origins = torch_load_traced(path, "cpu")
    return FileTree(path, classify(obj), walk(obj, origins), {}, obj, dict(origins))
