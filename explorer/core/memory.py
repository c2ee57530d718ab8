"""Memory a run needs against what the machine has, in the user's words.

A model or a dataset too big for the machine used to end in torch's "you tried to allocate
40000000000 bytes" traceback. :func:`check_fits_memory` refuses such work before it starts,
and :func:`as_memory_error` turns an allocation failure that still happens into the same
sentence: "this model needs 37.3 GB; this machine has 23.4 GB".
"""

from __future__ import annotations

import os
import re

from explorer.core.errors import ExplorerError, Message

_ALLOC = re.compile(r"(?:tried to allocate|allocate)\s+([0-9][0-9,.]*)\s*(bytes|[KMGT]i?B)?", re.I)
_UNITS = {None: 1, "bytes": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


THIS_MODEL = Message("this model")


class OutOfMemory(ExplorerError):
    """Work that needs more memory than the machine has."""

    def __init__(self, what: str, need: int | None, have: int):
        if need:
            text = Message(
                "{what} needs {need}; this machine has {have}",
                what=what,
                need=gb(need),
                have=gb(have),
            )
        else:
            text = Message(
                "{what} needs more memory than is free; this machine has {have}",
                what=what,
                have=gb(have),
            )
        super().__init__(text)
        self.need = need
        self.have = have


def gb(n: float) -> str:
    return f"{n / 1e9:,.1f} GB"


def machine_memory() -> int:
    """Physical memory in bytes (0 where the OS does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not Linux/macOS
        return 0


def check_fits_memory(need: int, what: str = THIS_MODEL) -> None:
    """Raise :class:`OutOfMemory` when ``need`` bytes exceed the machine's memory."""
    have = machine_memory()
    if have and need > have:
        raise OutOfMemory(what, need, have)


def as_memory_error(e: BaseException, what: str = THIS_MODEL) -> OutOfMemory | None:
    """The :class:`OutOfMemory` an allocation failure means, or ``None`` for other errors."""
    text = str(e)
    if not isinstance(e, MemoryError) and not (
        isinstance(e, RuntimeError) and ("allocate" in text or "out of memory" in text.lower())
    ):
        return None
    need = None
    m = _ALLOC.search(text)
    if m:
        try:
            need = int(float(m.group(1).replace(",", "")) * _UNITS[(m.group(2) or "bytes").lower()])
        except (ValueError, KeyError):
            need = None
    return OutOfMemory(what, need, machine_memory())
