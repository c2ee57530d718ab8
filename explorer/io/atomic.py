"""Atomic file writes: a failure mid-write leaves the previous file intact.

Every write goes to the file a path names: through a symlink to its target, and never
over something that is not a regular file (a device such as ``/dev/null``, a FIFO, a
folder): ``os.replace`` would swap that node for a plain file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from explorer.core.errors import ExplorerError, Message


class OutputError(ExplorerError, OSError):
    """An output that must not be written (not a regular file, an input, a wrong kind).

    An :class:`OSError` too, so every caller that reports write failures reports it.
    """


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return Message("a folder")
    if stat.S_ISFIFO(mode):
        return Message("a FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("a device")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    return Message("not a regular file")


def write_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces: a symlink's target, checked to be a regular
    file (or absent). Raise :class:`OutputError` for a device, FIFO, folder or socket."""
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError:
        return target  # reported by the write itself, with the OS's words
    if not stat.S_ISREG(mode):
        raise OutputError(
            Message(
                "{path} is {kind}, not a file: refusing to replace it",
                path=str(path),
                kind=_kind_of(mode),
            )
        )
    return target


def _temp_beside(path: Path) -> tuple[int, str]:
    """A temp file in ``path``'s folder, with the permissions a plain ``open()`` would give.

    ``mkstemp`` creates files readable by the owner only; a saved model should get the
    usual mode (0666 less the umask). A missing folder is reported with the user's path,
    not the temp file's name.
    """
    folder = path.parent or Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise FileNotFoundError(2, "no such folder", str(folder)) from None
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (os.umask is racy)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temp file beside ``path`` for binary writing; on success, fsync and replace.

    If the body raises, the temp file is removed and ``path`` is untouched.
    """
    path = write_target(path)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_folder(path)


def _sync_folder(path: Path) -> None:
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(path.parent or ".", os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temp path beside ``path`` for a writer that wants a file name (``torch.save``
    writes faster to a name than to a Python file object); on success, fsync and replace.
    """
    path = write_target(path)
    fd, tmp = _temp_beside(path)
    os.close(fd)
    try:
        yield Path(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path) as f:
        f.write(data)


def atomic_write_with(path: str | os.PathLike, writer: Callable[[BinaryIO], None]) -> None:
    """Call ``writer(file)`` on a temp file, then replace ``path`` atomically."""
    with atomic_open(path) as f:
        writer(f)


def atomic_write_group(writes: Sequence[tuple[str | os.PathLike, Callable[[Path], None]]]) -> None:
    """Write several files as one unit: ``writer(temp_path)`` for each, every temp file
    complete and fsynced before the first is renamed over its target.

    A project and the weights beside it go through here, so a full disk never leaves a
    new architecture next to old weights. If any writer fails, every temp file is
    removed and every target is untouched.
    """
    targets = [write_target(p) for p, _ in writes]
    temps: list[str] = []
    try:
        for target, (_, writer) in zip(targets, writes, strict=True):
            fd, tmp = _temp_beside(target)
            os.close(fd)
            temps.append(tmp)
            writer(Path(tmp))
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except BaseException:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for tmp, target in zip(temps, targets, strict=True):
        os.replace(tmp, target)
    for target in {t.parent for t in targets}:
        _sync_folder(target / "x")
