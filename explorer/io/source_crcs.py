"""The CRC-32s a ``torch.save`` zip already holds, for tensors mapped straight from it.

``import-state-dict`` reads a ``.pt`` file with ``torch.load(mmap=True)``: each tensor is
the file's own bytes, a stored zip member (``data/0``...) whose CRC-32 the zip directory
keeps. Writing the ``.nnx`` copies those bytes unchanged, so their CRC need not be
computed again: :func:`mapped_member_crcs` finds, for a tensor's memory, the member it
is (through the process's memory map, ``/proc/self/maps``: Linux only) and gives that
member's CRC. Anything else (another file, a tensor that is not one whole member, a
file that was replaced since it was mapped, a member saved without a CRC) gives
``None``, and the writer computes the CRC itself.

Only for tensors nobody has written to since they were loaded (an import that saves at
once): a private mapping keeps its file name after a page is changed. If the source
file was damaged on disk, the archive keeps the CRC of what ``torch.save`` wrote, and
reading the archive reports the damage instead of blessing it with a new CRC.
"""

from __future__ import annotations

import bisect
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

Lookup = Callable[[memoryview], int | None]


def _mappings(dev: int, inode: int) -> list[tuple[int, int, int]]:
    """``(start, end, file offset)`` of this process's mappings of one file."""
    out = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split(None, 5)
                if len(parts) < 6 or int(parts[4]) != inode:
                    continue
                major, minor = (int(x, 16) for x in parts[3].split(":"))
                if os.makedev(major, minor) != dev:
                    continue
                start, end = (int(x, 16) for x in parts[0].split("-"))
                out.append((start, end, int(parts[2], 16)))
    except (OSError, ValueError):
        return []
    return sorted(out)


def _members(f) -> dict[int, tuple[int, int]]:
    """Data offset -> (size, CRC-32) of the stored members that carry a CRC."""
    out = {}
    with zipfile.ZipFile(f) as z:
        for info in z.infolist():
            if info.compress_type != zipfile.ZIP_STORED or not info.CRC or not info.file_size:
                continue
            f.seek(info.header_offset)
            head = f.read(30)
            if len(head) < 30 or head[:4] != b"PK\x03\x04":
                continue
            n, m = struct.unpack("<2H", head[26:30])
            out[info.header_offset + 30 + n + m] = (info.file_size, info.CRC)
    return out


def _address(buf: memoryview) -> int:
    import numpy as np

    return int(np.frombuffer(buf, dtype=np.uint8).ctypes.data)


def mapped_member_crcs(path: str | os.PathLike) -> Lookup | None:
    """A lookup ``buffer -> CRC-32 or None`` for buffers mapped from the zip ``path``;
    ``None`` when the file is not a zip mapped by this process."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            maps = _mappings(st.st_dev, st.st_ino)
            if not maps or not zipfile.is_zipfile(f):
                return None
            members = _members(f)
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    if not members:
        return None
    starts = [m[0] for m in maps]

    def crc_of(buf: memoryview) -> int | None:
        size = memoryview(buf).nbytes
        if not size:
            return None
        addr = _address(buf)
        i = bisect.bisect_right(starts, addr) - 1
        if i < 0:
            return None
        start, end, offset = maps[i]
        if addr + size > end:
            return None
        found = members.get(addr - start + offset)
        return found[1] if found and found[0] == size else None

    return crc_of
