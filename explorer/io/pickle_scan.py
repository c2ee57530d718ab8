"""The globals a plain (non-zip) pickle asks for, read from its opcodes without running it.

``torch.serialization.get_unsafe_globals_in_checkpoint`` only reads zip checkpoints. A
legacy ``torch.save(..., _use_new_zipfile_serialization=False)`` file is a run of pickles
(magic number, protocol, system info, the object), and a hostile file may be a bare
``pickle.dumps`` whose first opcodes torch's legacy reader rejects with "Unsupported
operand 149". Walking the opcodes with :mod:`pickletools` names what the file would
import (``posix.system``) as a zip file's refusal does.
"""

from __future__ import annotations

import os
import pickletools
from pathlib import Path

#: how many consecutive pickles of a legacy file to read (magic, protocol, sys info, object)
MAX_PICKLES = 4
_STRING_OPS = {"SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8", "UNICODE", "SHORT_BINSTRING",
               "BINSTRING", "STRING"}  # fmt: skip


def pickle_globals(path: str | Path) -> list[str]:
    """``module.name`` of every GLOBAL / STACK_GLOBAL in the leading pickles, in order.

    Reads the file as a stream, only as far as its pickles go; stops quietly at the
    first byte that is not a pickle (a legacy file's raw tensor data follows its
    pickles). Nothing is executed.
    """
    found: list[str] = []
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        for _ in range(MAX_PICKLES):
            start = stream.tell()
            if start >= size:
                break
            try:
                _scan_one(stream, found)
            except Exception:  # noqa: BLE001 - the end of the pickles, or a broken one
                break
            if stream.tell() == start:
                break
    return list(dict.fromkeys(found))


def _scan_one(stream, found: list[str]) -> None:
    memo: dict[int, object] = {}
    recent: list[object] = []  # values pushed lately: STACK_GLOBAL takes the last two strings
    for op, arg, _pos in pickletools.genops(stream):
        name = op.name
        if name == "GLOBAL":
            module, _, attr = str(arg).partition(" ")
            found.append(f"{module}.{attr}")
            recent.append(None)
        elif name == "STACK_GLOBAL":
            strings = [v for v in recent[-2:] if isinstance(v, str)]
            found.append(".".join(strings) if len(strings) == 2 else "an unnamed global")
            recent.append(None)
        elif name in _STRING_OPS:
            recent.append(arg if isinstance(arg, str) else str(arg))
        elif name in ("BINPUT", "LONG_BINPUT", "PUT"):
            memo[int(arg)] = recent[-1] if recent else None
        elif name == "MEMOIZE":
            memo[len(memo)] = recent[-1] if recent else None
        elif name in ("BINGET", "LONG_BINGET", "GET"):
            recent.append(memo.get(int(arg)))
        elif name not in ("FRAME", "PROTO"):
            recent.append(None)
        if len(recent) > 8:
            del recent[:-8]
