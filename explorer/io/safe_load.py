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

from explorer.core.errors import ExplorerError

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class UnsafeFileError(ExplorerError):
    """The file needs Python objects beyond tensors and plain containers; it was not run."""

    def __init__(self, path: Path, globals_: list[str]):
        names = ", ".join(globals_) if globals_ else "unknown objects"
        super().__init__(
            f"{path.name} was refused: loading it would run code from the file "
            f"(it asks for {names}). Only weights-only files are opened."
        )
        self.globals = globals_


class BrokenFileError(ExplorerError):
    """The file is not a readable PyTorch file (truncated, corrupted, empty, not a checkpoint)."""


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def _reason(path: Path, exc: BaseException) -> str:
    text = strip_ansi(str(exc)).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if "central directory" in text or "failed finding" in text:
        return f"{path.name} is truncated or not a PyTorch zip file ({first})"
    if path.stat().st_size == 0:
        return f"{path.name} is empty"
    head = path.read_bytes()[:64]
    if head.startswith(b"version https://git-lfs"):
        return f"{path.name} is a Git LFS pointer, not the file itself (run `git lfs pull`)"
    return f"{path.name} is not a readable PyTorch file: {first}"


def torch_load(path: str | os.PathLike, map_location: Any = "cpu") -> Any:
    """``torch.load(path, map_location=..., weights_only=True)`` with clear errors.

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
        raise BrokenFileError(f"{path.name}: no such file")
    if path.stat().st_size == 0:
        raise BrokenFileError(f"{path.name} is empty")
    try:
        return torch.load(path, map_location=map_location, weights_only=True)
    except pickle.UnpicklingError as e:
        try:
            needed = [str(g) for g in torch.serialization.get_unsafe_globals_in_checkpoint(path)]
        except Exception:  # noqa: BLE001 - an unreadable file: fall through to the reason
            needed = None
        if needed:
            raise UnsafeFileError(path, needed) from None
        raise BrokenFileError(_reason(path, e)) from None
    except (RuntimeError, EOFError, ValueError, OSError, AttributeError, KeyError) as e:
        raise BrokenFileError(_reason(path, e)) from None
