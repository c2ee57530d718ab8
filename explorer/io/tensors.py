"""Tensor files as in the book (5.4): ``torch.save(x)``, ``[x, y]``, ``{'x': x, 'y': y}``,
and the tree of any weights-only file for Inspect (state dicts, checkpoint dicts,
safetensors).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message
from explorer.io.atomic import atomic_path
from explorer.io.checkpoints import (
    ALIASES_KEY,
    extract_state_dict,
    is_safetensors,
    is_tensor_dict,
    read_safetensors,
    save_safetensors,
    shared_storages,
)
from explorer.io.safe_load import torch_load_traced

if TYPE_CHECKING:
    import torch

LAYOUTS = ("tensor", "list", "dict")


def pack(tensors: Mapping[str, torch.Tensor], layout: str) -> Any:
    """The object to save: one tensor, a list ``[x, y]`` or a dict ``{'x': x, 'y': y}``."""
    if layout not in LAYOUTS:
        raise ValueError(Message("layout must be one of {choices}", choices=", ".join(LAYOUTS)))
    if not tensors:
        raise ExplorerError(Message("there is no tensor to save yet (run a forward pass first)"))
    values = [t.detach() for t in tensors.values()]
    if layout == "tensor":
        if len(values) != 1:
            raise ExplorerError(Message("a single-tensor file holds exactly one tensor"))
        return values[0]
    if layout == "list":
        return values
    return {k: t.detach() for k, t in tensors.items()}


def save_tensors(obj: Any, path: str | os.PathLike) -> None:
    """``torch.save(obj, path)`` atomically (safetensors for a dict, by suffix)."""
    if is_safetensors(path):
        if not is_tensor_dict(obj):
            raise ExplorerError(
                Message("a safetensors file holds named tensors: choose the dict layout")
            )
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


@dataclass(frozen=True)
class Shared:
    """Keys of a file that are one tensor's memory, stored once (a tied layer).

    ``how`` says what shows it: ``"storage"``, one storage in a ``torch.save`` file (the
    loaded tensors' ``untyped_storage().data_ptr()`` are equal); ``"alias"``, a
    safetensors file that stores ``keys[0]`` and names the others in NN Explorer's alias
    metadata; ``"dropped"``, a safetensors file written by ``safetensors.torch.save_model``,
    which stores ``keys[0]`` only and notes each dropped key in the metadata
    (``{"4.weight": "2.weight"}``): the dropped keys are not in the file.
    """

    keys: tuple[str, ...]
    nbytes: int  # the bytes stored once (the whole storage)
    how: str = "storage"

    @property
    def text(self) -> Message:
        """``2.weight = 4.weight (one storage)`` and how the file shows it."""
        keys = " = ".join(self.keys)
        if self.how == "alias":
            return Message("{keys} (stored once, named again in the aliases metadata)", keys=keys)
        if self.how == "dropped":
            return Message(
                "{keys} (the metadata names {dropped} as {kept}: how safetensors' save_model "
                "notes a shared tensor it left out; load_model fills it from the model)",
                keys=keys,
                kept=self.keys[0],
                dropped=", ".join(self.keys[1:]),
            )
        return Message("{keys} (one storage)", keys=keys)


#: what a file can hold; "tensors" is a dict or list of tensors that is not a state dict
KINDS = ("state_dict", "checkpoint", "tensor", "tensors", "object", "model", "project")


@dataclass
class FileTree:
    """What a file holds, found without running anything."""

    path: Path
    kind: str  # one of KINDS
    entries: list[Entry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    obj: Any = None  # the loaded object (CPU tensors, memory-mapped where possible)
    format: str = "pt"  # "pt", "safetensors", "npy", "npz", "nnx", "TorchScript", ...
    loader: Callable[[str], Any] | None = None  # reads one tensor by key (header-only files)
    shared: list[Shared] = field(default_factory=list)  # keys stored once (tied layers)

    @property
    def kind_text(self) -> str:
        """In words: "state dict", "dict of tensors", "single tensor", "whole model"..."""
        if self.kind == "tensors":
            dict_like = isinstance(self.obj, Mapping) or self.format in ("safetensors", "npz")
            return Message("dict of tensors") if dict_like else Message("list of tensors")
        return {
            "state_dict": Message("state dict"),
            "checkpoint": Message("checkpoint (a state dict inside a dict)"),
            "tensor": Message("single tensor"),
            "model": Message("whole model"),
            "project": Message("NN Explorer project"),
            "object": Message("object"),
        }.get(self.kind, self.kind)

    @property
    def importable(self) -> bool:
        """Whether "Import as model" makes sense: a state dict or a whole model."""
        return self.kind in ("state_dict", "checkpoint", "model")

    @property
    def tensor_count(self) -> int:
        return sum(1 for e in self.entries if e.kind == "tensor")

    @property
    def total_bytes(self) -> int:
        """The sizes of all keys added up (a tied tensor counts once per key)."""
        return sum(e.nbytes for e in self.entries)

    @property
    def unique_bytes(self) -> int:
        """The tensor bytes the file stores: a storage shared by several keys counts once."""
        sizes = {e.key: e.nbytes for e in self.entries}
        counted = sum(sizes.get(k, 0) for s in self.shared for k in s.keys)
        return self.total_bytes - counted + sum(s.nbytes for s in self.shared)

    def shared_with(self, key: str) -> Shared | None:
        """The group of keys stored once that ``key`` belongs to, if any."""
        return next((s for s in self.shared if key in s.keys), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "format": self.format,
            "tensors": self.tensor_count,
            "bytes": self.total_bytes,
            "unique_bytes": self.unique_bytes,
            "shared": [
                {"keys": list(s.keys), "bytes": s.nbytes, "how": s.how, "text": str(s.text)}
                for s in self.shared
            ],
            "metadata": self.metadata,
            "entries": [
                {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(e).items()}
                for e in self.entries
            ],
        }

    def tensor(self, key: str) -> torch.Tensor | None:
        """The tensor at a dotted key (``"model.0.weight"``, ``"[1]"``), or None."""
        import torch

        if self.loader is not None:
            found = self.loader(key)
        elif key == "(tensor)":
            found = self.obj
        else:
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


def walk(
    obj: Any,
    origins: Mapping[int, str],
    prefix: str = "",
    depth: int = 0,
    found: dict[str, Any] | None = None,
) -> list[Entry]:
    """Entries for ``obj`` and everything inside it, depth-first (each tensor also into
    ``found`` by its key, when given)."""
    import torch

    out: list[Entry] = []

    def name(k: Any) -> str:
        return f"{prefix}.{k}" if prefix else str(k)

    if isinstance(obj, torch.Tensor):
        if found is not None:
            found[prefix or "(tensor)"] = obj
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
            out.append(Entry(prefix, depth, "dict", value=Message("{n} items", n=len(obj))))
        for k, v in obj.items():
            out += walk(v, origins, name(k), depth + (1 if prefix else 0), found)
    elif isinstance(obj, (list, tuple)):
        if prefix:
            out.append(Entry(prefix, depth, "list", value=Message("{n} items", n=len(obj))))
        for i, v in enumerate(obj):
            out += walk(v, origins, f"{prefix}[{i}]", depth + (1 if prefix else 0), found)
    else:
        out.append(Entry(prefix or "(value)", depth, "value", value=repr(obj)[:80]))
    return out


#: attribute names that end state dict keys of torch.nn layers (a bare layer's keys)
_STATE_ATTRS = {"weight", "bias", "running_mean", "running_var", "num_batches_tracked",
                "in_proj_weight", "in_proj_bias", "weight_ih_l0", "weight_hh_l0"}  # fmt: skip


def looks_like_state_dict(keys) -> bool:
    """Keys that are module paths (``0.weight``, ``hidden.bias``), not names like ``x``."""
    keys = list(keys)
    if not keys:
        return False
    for k in keys:
        *parts, attr = str(k).split(".")
        if not attr.isidentifier():
            return False
        if not parts and attr not in _STATE_ATTRS:
            return False
    return True


def classify(obj: Any) -> str:
    import torch

    if isinstance(obj, torch.Tensor):
        return "tensor"
    if is_tensor_dict(obj) and obj:
        return "state_dict" if looks_like_state_dict(obj) else "tensors"
    if isinstance(obj, Mapping):
        try:
            extract_state_dict(obj)
            return "checkpoint"
        except ExplorerError:
            pass
    if isinstance(obj, (list, tuple, Mapping)):
        return "tensors"
    return "object"


def _entry(key: str, shape, dtype: str, nbytes: int) -> Entry:
    return Entry(key, 0, "tensor", tuple(shape), dtype, "cpu", nbytes)


def inspect_file(path: str | os.PathLike) -> FileTree:
    """The tree of a file, read without running anything and without holding its data.

    ``.pt`` files are memory-mapped (``torch.load(mmap=True)``); safetensors, ``.npy``,
    ``.npz`` and ``.nnx`` files are read from their headers, and one tensor is read
    when it is opened. A pickled ``nn.Sequential`` of ``torch.nn`` layers and a
    TorchScript archive show their weights. Raises the one-line errors of
    :mod:`explorer.io.safe_load` for broken or unsafe files.
    """
    from explorer.io import inspect_formats as fmt

    path = Path(path)
    if not path.is_file():
        from explorer.io.safe_load import BrokenFileError

        raise BrokenFileError(Message("{name}: no such file", name=path.name))
    suffix = fmt.suffix_of(path)
    if is_safetensors(path):
        header, metadata = fmt.safetensors_header(path)
        kind = "state_dict" if looks_like_state_dict(k for k, *_ in header) else "tensors"
        entries = [_entry(*e) for e in header]
        return FileTree(path, kind, entries, metadata, None, "safetensors",
                        fmt.safetensors_loader(path, metadata),
                        safetensors_shared(entries, metadata))  # fmt: skip
    if suffix == ".npy":
        shape, dtype = fmt.npy_header(path)
        n = _nbytes(shape, dtype)
        return FileTree(path, "tensor", [_entry("(tensor)", shape, dtype, n)], {}, None, "npy",
                        fmt.npy_loader(path))  # fmt: skip
    if suffix == ".npz":
        entries = [_entry(*e) for e in fmt.npz_header(path)]
        return FileTree(path, "tensors", entries, {}, None, "npz", fmt.npz_loader(path))
    if suffix == ".nnx.json":
        from explorer.io.project import load_project

        project = load_project(path)
        meta = {"title": project.title, "input_shape": str(project.spec.input_shape),
                "layers": str(len(project.spec.children)),
                "weights": Message("not kept in a .nnx.json project")}  # fmt: skip
        return FileTree(path, "project", [], meta, None, "nnx.json")
    from explorer.io.project import is_archive

    if is_archive(path):
        return _nnx_tree(path)
    from explorer.io.model_import import EXPORT, PICKLED, TORCHSCRIPT, file_kind

    kind = file_kind(path)
    if kind in (PICKLED, TORCHSCRIPT, EXPORT):
        return _model_tree(path, kind)
    obj, origins = torch_load_traced(path, "cpu", mmap=True)
    found: dict[str, Any] = {}
    entries = walk(obj, origins, found=found)
    return FileTree(path, classify(obj), entries, {}, obj, shared=tensors_shared(found))


def tensors_shared(tensors: Mapping[str, torch.Tensor]) -> list[Shared]:
    """Keys that are one storage (the tying the import reads as one layer used twice)."""
    return [
        Shared(keys, tensors[keys[0]].untyped_storage().nbytes())
        for keys in shared_storages(tensors)
    ]


def safetensors_shared(entries: list[Entry], metadata: Mapping[str, str]) -> list[Shared]:
    """What a safetensors file stores once under several names.

    The format cannot share memory between tensors (``save_file`` refuses tied tensors:
    "Some tensors share memory"), so names of one tensor come from the metadata: NN
    Explorer's aliases, or the ``{dropped key: kept key}`` that ``save_model`` writes.
    """
    from explorer.io.checkpoints import _aliases

    sizes = {e.key: e.nbytes for e in entries}
    groups: dict[tuple[str, str], list[str]] = {}
    for alias, target in _aliases(metadata).items():
        if alias != target and alias in sizes and target in sizes:
            groups.setdefault((target, "alias"), []).append(alias)
    for key, value in metadata.items():
        if key != ALIASES_KEY and key not in sizes and value in sizes:
            if looks_like_state_dict([key]):
                groups.setdefault((value, "dropped"), []).append(key)
    return [Shared((kept, *rest), sizes[kept], how) for (kept, how), rest in groups.items()]


def _nbytes(shape, dtype: str) -> int:
    import numpy as np

    return int(np.prod(shape)) * np.dtype(dtype).itemsize


def _nnx_tree(path: Path) -> FileTree:
    from explorer.io import inspect_formats as fmt

    parts, meta = fmt.nnx_contents(path)
    entries: list[Entry] = []
    for part, header in parts.items():
        entries.append(Entry(part, 0, "dict", value=Message("{n} items", n=len(header))))
        entries += [
            Entry(f"{part}.{k}", 1, "tensor", shape, dtype, "cpu", n)
            for k, shape, dtype, n in header
        ]
    return FileTree(path, "project", entries, meta, None, "nnx", fmt.nnx_loader(path))


def _model_tree(path: Path, kind: str) -> FileTree:
    """A whole model's weights (read exactly as an import would, or refused the same way)."""
    from explorer.io.model_import import import_model_file

    model = import_model_file(path)
    layers = sum(1 for _ in model.spec.layers())
    meta = {"architecture": Message("nn.Sequential read from the file (layers: {n})", n=layers)}
    state = model.state
    found: dict[str, Any] = {}
    entries = walk(state, {}, found=found)
    return FileTree(path, "model", entries, meta, state, kind, shared=tensors_shared(found))
