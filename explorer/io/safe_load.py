"""Loading ``.pt`` files safely: ``weights_only=True`` always, never a silent fallback.

A file that needs other globals is refused with the list of globals it asks for, found
without running anything (``get_unsafe_globals_in_checkpoint``). Broken files give a
one-line reason. This is the one place the app calls ``torch.load``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from explorer.core.errors import ExplorerError, Message

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class UnsafeFileError(ExplorerError):
    """The file needs Python objects beyond tensors and plain containers; it was not run."""

    def __init__(self, path: Path, globals_: list[str]):
        names = ", ".join(globals_) if globals_ else Message("unknown objects")
        super().__init__(
            Message(
                "{name} was refused: loading it would run code from the file "
                "(it asks for {names}). Only weights-only files are opened.",
                name=path.name,
                names=names,
            )
        )
        self.globals = globals_


class BrokenFileError(ExplorerError):
    """The file is not a readable PyTorch file (truncated, corrupted, empty, not a checkpoint)."""


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def is_lfs_pointer(path: Path) -> bool:
    """A Git LFS pointer: a small text file standing in for the real one."""
    with open(path, "rb") as f:
        return f.read(64).startswith(b"version https://git-lfs")


def _reason(path: Path, exc: BaseException) -> Message:
    text = strip_ansi(str(exc)).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if path.stat().st_size == 0:
        return Message("{name} is empty", name=path.name)
    if is_lfs_pointer(path):
        return Message(
            "{name} is a Git LFS pointer, not the file itself (run `git lfs pull`)",
            name=path.name,
        )
    with open(path, "rb") as f:
        head = f.read(4)
    import zipfile

    broken_zip = head[:2] == b"PK" and not zipfile.is_zipfile(path)
    if broken_zip or "central directory" in text or "failed finding" in text:
        return Message(
            "{name} is truncated or corrupted (not a complete PyTorch zip file)", name=path.name
        )
    if head[:2] != b"PK" and head[:1] != b"\x80":
        kind = Message("a text file") if _is_text(path) else Message("in an unknown format")
        return Message("{name} is not a PyTorch file: it is {kind}", name=path.name, kind=kind)
    if "WeightsUnpickler error:" in text:
        detail = text.split("WeightsUnpickler error:", 1)[1].strip().splitlines()
        first = detail[0].strip() if detail else first
    if first.startswith("Weights only load failed"):
        first = Message("its contents cannot be read as weights")
    return Message("{name} is not a readable PyTorch file: {first}", name=path.name, first=first)


def _is_text(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(512)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def unsafe_globals(path: Path) -> list[str]:
    """The globals a file asks for beyond torch's weights-only allow-list; nothing is run.

    Zip checkpoints are read by torch itself; legacy (non-zip) files and bare pickles by
    walking their opcodes (:mod:`explorer.io.pickle_scan`).
    """
    import zipfile

    import torch

    if zipfile.is_zipfile(path):
        try:
            return [str(g) for g in torch.serialization.get_unsafe_globals_in_checkpoint(path)]
        except Exception:  # noqa: BLE001 - an unreadable file: the caller gives the reason
            return []
    from explorer.io.pickle_scan import pickle_globals

    return [g for g in pickle_globals(path) if not _weights_only_allows(g)]


def _weights_only_allows(name: str) -> bool:
    try:
        from torch._weights_only_unpickler import _get_allowed_globals

        allowed = set(_get_allowed_globals())
    except Exception:  # noqa: BLE001 - a private helper; without it, name everything
        allowed = set()
    name = name.replace("__builtin__.", "builtins.")
    storage = name.startswith("torch.") and name.endswith("Storage") and name.count(".") == 1
    return (
        name in allowed
        or storage
        or name
        in (
            "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_parameter",
            "builtins.set",
        )
    )


def torch_load(path: str | os.PathLike, map_location: Any = "cpu") -> Any:
    """Load a weights-only ``.pt`` file onto ``map_location``; see :func:`torch_load_traced`."""
    return torch_load_traced(path, map_location)[0]


def torch_load_traced(
    path: str | os.PathLike, map_location: Any = "cpu", mmap: bool = False
) -> tuple[Any, dict[int, str]]:
    """``torch.load(path, map_location=..., weights_only=True)`` with clear errors.

    ``mmap`` maps a zip file's storages instead of reading them (on the CPU only).

    Also returns where each storage was saved (``data_ptr`` of the loaded storage ->
    location tag such as ``"cuda:0"``), so a CUDA-saved file opened on the CPU can say
    where it came from.

    Raises
    ------
    UnsafeFileError
        The file needs globals beyond the weights-only allow-list; nothing was executed.
    BrokenFileError
        Truncated, corrupted, empty, a Git LFS pointer, or not a PyTorch file.
    """
    import pickle

    import torch

    path = Path(path)
    if not path.is_file():
        raise BrokenFileError(Message("{name}: no such file", name=path.name))
    if path.stat().st_size == 0:
        raise BrokenFileError(Message("{name} is empty", name=path.name))
    target = str(map_location)
    origins: dict[int, str] = {}

    def restore(storage, location: str):
        if target != "cpu":
            storage = torch.serialization.default_restore_location(storage, target)
        origins[storage.data_ptr()] = location
        return storage

    import zipfile

    mmap = mmap and target == "cpu" and zipfile.is_zipfile(path)  # legacy files cannot map
    import warnings

    try:
        with warnings.catch_warnings():  # torch warns about the pickle protocol of a refused file
            warnings.simplefilter("ignore", UserWarning)
            obj = torch.load(path, map_location=restore, weights_only=True, mmap=mmap)
        return obj, origins
    except pickle.UnpicklingError as e:
        needed = unsafe_globals(path)
        if needed:
            raise UnsafeFileError(path, needed) from None
        raise BrokenFileError(_reason(path, e)) from None
    except (RuntimeError, EOFError, ValueError, OSError, AttributeError, KeyError) as e:
        raise BrokenFileError(_reason(path, e)) from None
