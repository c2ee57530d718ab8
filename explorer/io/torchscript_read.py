"""TorchScript archives read as data: module records, their constants and tensors.

``torch.jit.load`` compiles and runs the archive's code. Instead, ``data.pkl`` is read
with an unpickler that knows only the few globals TorchScript writes (tensor rebuilds,
storage types, ``build_*list``) and turns every ``__torch__`` class into a plain record;
each class's constants (``stride``, ``padding``, ``p``...) are read from its code file
with :mod:`ast` (parsed, never executed); tensors are read from ``data/<key>``.
"""

from __future__ import annotations

import ast
import io
import os
import pickle
import zipfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

from explorer.core.errors import Message
from explorer.io.module_tree import ModelRefused, ModNode
from explorer.io.safe_load import BrokenFileError

_TORCH_NN = "__torch__.torch.nn.modules."
_STORAGE_DTYPES = {
    "FloatStorage": "float32",
    "DoubleStorage": "float64",
    "HalfStorage": "float16",
    "BFloat16Storage": "bfloat16",
    "LongStorage": "int64",
    "IntStorage": "int32",
    "ShortStorage": "int16",
    "CharStorage": "int8",
    "ByteStorage": "uint8",
    "BoolStorage": "bool",
}


class _Record:
    """An instance of a TorchScript class: only its pickled attributes."""

    qualname = ""


class _StorageType:
    def __init__(self, dtype: str):
        self.dtype = dtype


def _rebuild_tensor(storage, offset, size, stride, *_rest):
    return storage.as_strided(tuple(size), tuple(stride), offset)


def _as_list(items, *_rest):
    return list(items)


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, archive: zipfile.ZipFile, prefix: str, name: str):
        super().__init__(io.BytesIO(data))
        self.archive, self.prefix, self.name = archive, prefix, name
        self.storages: dict[str, Any] = {}
        self.classes: dict[str, type] = {}

    def find_class(self, module: str, name: str):
        full = f"{module}.{name}"
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return _rebuild_tensor
        if module == "torch.jit._pickle" and name.startswith("build_"):
            return _as_list
        if module == "torch.jit._pickle" and name == "restore_type_tag":
            return lambda value, _tag: value
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(_STORAGE_DTYPES[name])
        if module.startswith("__torch__"):
            return self.classes.setdefault(full, type(name, (_Record,), {"qualname": full}))
        raise ModelRefused(
            Message("{name}: the TorchScript archive asks for {what}", name=self.name, what=full)
        )

    def persistent_load(self, pid):
        import torch

        if not (isinstance(pid, tuple) and pid and pid[0] == "storage"):
            raise ModelRefused(
                Message(
                    "{name}: unknown TorchScript storage {pid}", name=self.name, pid=f"{pid!r:.60}"
                )
            )
        _, stype, key, _location, _numel = pid
        if key not in self.storages:
            dtype = getattr(torch, stype.dtype)
            raw = bytearray(self.archive.read(f"{self.prefix}data/{key}"))
            self.storages[key] = (
                torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
            )
        return self.storages[key]


def is_torchscript(names: list[str]) -> bool:
    return any(n.endswith("/constants.pkl") for n in names) and any("/code/" in n for n in names)


def read_torchscript(path: str | os.PathLike) -> ModNode:
    """The module tree of a TorchScript archive; nothing from it is compiled or run."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            data_name = next((n for n in names if n.endswith("/data.pkl")), None)
            if data_name is None or not is_torchscript(names):
                raise BrokenFileError(
                    Message("{name} is not a TorchScript archive", name=path.name)
                )
            prefix = data_name[: -len("data.pkl")]
            unpickler = _Unpickler(z.read(data_name), z, prefix, path.name)
            root = unpickler.load()
            classes = _ClassInfo(z, prefix)
            return _node(root, "", classes, {})
    except (zipfile.BadZipFile, EOFError, pickle.UnpicklingError, KeyError) as e:
        raise BrokenFileError(
            Message(
                "{name} is a damaged TorchScript archive ({detail})", name=path.name, detail=str(e)
            )
        ) from None


class _ClassInfo:
    """Constants and parameter/buffer names of TorchScript classes, from their code files."""

    def __init__(self, archive: zipfile.ZipFile, prefix: str):
        self.archive, self.prefix = archive, prefix
        self.files: dict[str, ast.Module | None] = {}

    def class_def(self, qualname: str) -> ast.ClassDef | None:
        module, _, name = qualname.rpartition(".")
        file = f"{self.prefix}code/{module.replace('.', '/')}.py"
        if file not in self.files:
            try:
                self.files[file] = ast.parse(self.archive.read(file).decode("utf-8"))
            except (KeyError, SyntaxError, UnicodeDecodeError):
                self.files[file] = None
        tree = self.files[file]
        body = tree.body if tree else []
        return next((n for n in body if isinstance(n, ast.ClassDef) and n.name == name), None)

    def of(self, qualname: str) -> tuple[dict[str, Any], list[str], list[str]]:
        cls = self.class_def(qualname)
        constants: dict[str, Any] = {}
        lists: dict[str, list[str]] = {"__parameters__": [], "__buffers__": []}
        for stmt in cls.body if cls else []:
            if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                if isinstance(stmt.target, ast.Name):
                    value = _literal(stmt.value)
                    if value is not _NOT_LITERAL:
                        constants[stmt.target.id] = value
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and target.id in lists:
                    value = _literal(stmt.value)
                    if isinstance(value, list):
                        lists[target.id] = [str(v) for v in value]
        return constants, lists["__parameters__"], lists["__buffers__"]


_NOT_LITERAL = object()


def _literal(node: ast.AST) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return _NOT_LITERAL


def _clean_type(qualname: str) -> tuple[str, bool, str]:
    """(class name, from torch.nn, origin) of ``__torch__.torch.nn.modules.conv.___torch_mangle_0.Conv2d``."""
    parts = [p for p in qualname.split(".") if not p.startswith("___torch_mangle")]
    name = parts[-1]
    torch_nn = qualname.startswith(_TORCH_NN)
    origin = ".".join(parts).removeprefix("__torch__.")
    return name, torch_nn, origin


def _node(obj: Any, path: str, classes: _ClassInfo, seen: dict[int, ModNode]) -> ModNode:
    import torch

    if not isinstance(obj, _Record):
        raise ModelRefused(Message("{what} is not a module", what=path or Message("the model")))
    name, torch_nn, origin = _clean_type(obj.qualname)
    constants, param_names, buffer_names = classes.of(obj.qualname)
    state = dict(vars(obj))
    node = ModNode(path=path, type=name, origin=origin, torch_nn=torch_nn, ident=id(obj))
    for k in (*param_names, *buffer_names):
        t = state.get(k)
        node.tensors[k] = t if isinstance(t, torch.Tensor) else None
    attrs = {k: v for k, v in state.items() if not isinstance(v, (_Record, torch.Tensor))}
    attrs.update(constants)
    node.attrs = {k: v for k, v in attrs.items() if not k.startswith("_")}
    if not torch_nn:  # a user's class: its forward (TorchScript code) may still be a chain
        from explorer.io.torchscript_flow import forward_flow

        flow = forward_flow(classes.class_def(obj.qualname), path)
        node.chain, node.refusal = flow.chain, flow.reason
        retraced = flow.retraced
    else:
        retraced = ()
    for k, v in state.items():
        if isinstance(v, _Record):
            child_path = f"{path}.{k}" if path else k
            if id(v) in seen:
                node.children.append((k, seen[id(v)]))
            else:
                seen[id(v)] = child = _node(v, child_path, classes, seen)
                node.children.append((k, child))
    for name in retraced:  # a traced second call runs forward1: the same chain, or refused
        record = state.get(name)
        if isinstance(record, _Record) and not _same_forwards(record, classes):
            child_path = f"{path}.{name}" if path else name
            node.chain = None
            node.refusal = Message(
                "{where}: called again through a traced copy of its forward that does not "
                "compute the same chain (not a chain)",
                where=child_path,
            )
            break
    return node


def _same_forwards(record: _Record, classes: _ClassInfo, depth: int = 0) -> bool:
    """Whether every traced copy of a module's ``forward`` (``forward1``...) reads as the
    same chain, down to its own children called through copies (torch.nn layers: yes)."""
    from explorer.io.torchscript_flow import forward_flow

    if _clean_type(record.qualname)[1]:
        return True
    cls = classes.class_def(record.qualname)
    methods = [
        n.name for n in (cls.body if cls else []) if isinstance(n, ast.FunctionDef)
        if n.name == "forward" or (n.name[:7] == "forward" and n.name[7:].isdigit())
    ]  # fmt: skip
    flows = [forward_flow(cls, "", m) for m in methods]
    if depth > 50 or not flows or any(f.chain is None for f in flows):
        return False
    if len({repr(f.chain) for f in flows}) != 1:
        return False
    children = vars(record)
    again = {n for f in flows for n in f.retraced}
    return all(
        _same_forwards(children[n], classes, depth + 1)
        for n in again
        if isinstance(children.get(n), _Record)
    )
