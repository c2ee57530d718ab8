"""Write a zip of stored (uncompressed) members, the CRC-32 computed beside the writes.

A ``.nnx`` project holds its weights as one stored member. Python's :mod:`zipfile`
computes each member's CRC-32 inside ``write()``, so a 400 MB weights member is read
twice in a row on one core: once for the CRC, once to copy it into the file. Here the
CRC runs in a second thread while the main thread writes the same bytes (both release
the GIL: ``zlib.crc32`` on buffers over 5 kB, and large ``write()`` calls), and the data
written so far is flushed to disk while the CRC finishes. The CRCs are then written into
the local headers and the central directory, so the archive is an ordinary zip that
:mod:`zipfile`, ``unzip`` and any safetensors tool read, with every CRC checked.

The file must be seekable (the CRC is filled in after the data). Durability is the
caller's: :func:`explorer.io.atomic.atomic_open` fsyncs and renames afterwards.
"""

from __future__ import annotations

import os
import struct
import threading
import time
import zlib
from collections.abc import Sequence
from typing import BinaryIO

#: Sizes and offsets at or above this need zip64 fields (zipfile's own limit).
ZIP64_LIMIT = (1 << 31) - 1
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")

Buffer = bytes | bytearray | memoryview


class Known:
    """A buffer whose CRC-32 is already known (a zip member copied as it is): the CRC
    thread combines it instead of reading the bytes again."""

    __slots__ = ("buffer", "crc")

    def __init__(self, buffer: Buffer, crc: int):
        self.buffer, self.crc = buffer, crc


def _multmodp(a: int, b: int) -> int:
    """a * b modulo the CRC-32 polynomial (reflected), as zlib's ``multmodp``."""
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if not a & (m - 1):
                return p
        m >>= 1
        b = (b >> 1) ^ 0xEDB88320 if b & 1 else b >> 1


def _x2n_table() -> list[int]:
    p, out = 1 << 30, []  # x^1
    for _ in range(32):
        out.append(p)
        p = _multmodp(p, p)
    return out


_X2N = _x2n_table()


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of ``A + B`` from ``crc32(A)``, ``crc32(B)`` and ``len(B)`` (zlib's
    ``crc32_combine``, which Python's :mod:`zlib` does not offer)."""
    p, k, n = 1 << 31, 3, len2
    while n:
        if n & 1:
            p = _multmodp(_X2N[k & 31], p)
        n >>= 1
        k += 1
    return _multmodp(p, crc1) ^ crc2


def _dos_time(t: float) -> tuple[int, int]:
    y, mo, d, h, mi, s = time.localtime(t)[:6]
    y = max(y, 1980)
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d


def _crcs(members: Sequence[tuple[str, Sequence[Buffer | Known]]], out: list[int]) -> None:
    for _, chunks in members:
        crc = 0
        for c in chunks:
            if isinstance(c, Known):
                crc = crc32_combine(crc, c.crc, memoryview(c.buffer).nbytes)
            else:
                crc = zlib.crc32(c, crc)
        out.append(crc)


def _buffer(c: Buffer | Known) -> Buffer:
    return c.buffer if isinstance(c, Known) else c


def write_stored_zip(f: BinaryIO, members: Sequence[tuple[str, Sequence[Buffer | Known]]]) -> None:
    """Write ``members`` (name, the member's bytes as a list of buffers) as a stored zip.

    The buffers are written as they are (no copy); they must not change until this
    returns. A :class:`Known` buffer's CRC is taken as given. Names are stored as UTF-8.
    """
    crcs: list[int] = []
    worker = threading.Thread(target=_crcs, args=(members, crcs), name="zip-crc", daemon=True)
    worker.start()
    try:
        _write(f, members, crcs, worker)
    finally:
        worker.join()


def _write(f: BinaryIO, members, crcs: list[int], worker: threading.Thread) -> None:
    dostime, dosdate = _dos_time(time.time())
    entries = []  # (name bytes, flags, offset, size)
    start = f.tell()
    for name, chunks in members:
        raw = name.encode("utf-8")
        flags = 0 if raw.isascii() else 0x800
        size = sum(memoryview(_buffer(c)).nbytes for c in chunks)
        offset = f.tell() - start
        big = size >= ZIP64_LIMIT
        extra = struct.pack("<2H2Q", 1, 16, size, size) if big else b""
        small = 0xFFFFFFFF if big else size
        header = _LOCAL.pack(
            b"PK\x03\x04", 45 if big else 20, 0, flags, 0, dostime, dosdate,
            0, small, small, len(raw), len(extra),
        )  # fmt: skip
        f.write(header + raw + extra)
        for c in chunks:
            f.write(_buffer(c))
        entries.append((raw, flags, offset, size))
    f.flush()
    try:
        os.fdatasync(f.fileno())  # write the data out while the CRC thread finishes
    except (AttributeError, OSError):
        pass
    worker.join()
    if len(crcs) != len(members):
        raise RuntimeError("the CRC-32 of a zip member could not be computed")
    end = f.tell()
    for (_, _, offset, _), crc in zip(entries, crcs, strict=True):
        f.seek(start + offset + 14)
        f.write(struct.pack("<L", crc))
    f.seek(end)
    _central(f, entries, crcs, dostime, dosdate, start)


def _central(f: BinaryIO, entries, crcs, dostime: int, dosdate: int, start: int) -> None:
    cd_start = f.tell() - start
    for (raw, flags, offset, size), crc in zip(entries, crcs, strict=True):
        fields = []
        if size >= ZIP64_LIMIT:
            fields += [size, size]
        if offset >= ZIP64_LIMIT:
            fields.append(offset)
        extra = struct.pack(f"<2H{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
        version = 45 if fields else 20
        small = 0xFFFFFFFF if size >= ZIP64_LIMIT else size
        header = _CENTRAL.pack(
            b"PK\x01\x02", version, 3, version, 0, flags, 0, dostime, dosdate, crc,
            small, small, len(raw), len(extra), 0, 0, 0, 0o100644 << 16,
            0xFFFFFFFF if offset >= ZIP64_LIMIT else offset,
        )  # fmt: skip
        f.write(header + raw + extra)
    cd_end = f.tell() - start
    count, cd_size = len(entries), cd_end - cd_start
    if count > 0xFFFF or cd_start >= ZIP64_LIMIT or cd_size >= ZIP64_LIMIT:
        f.write(_END64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, cd_size, cd_start))
        f.write(_LOCATOR64.pack(b"PK\x06\x07", 0, cd_end, 1))
        count, cd_size, cd_start = min(count, 0xFFFF), min(cd_size, 0xFFFFFFFF), 0xFFFFFFFF
    f.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, cd_size, cd_start, 0))
