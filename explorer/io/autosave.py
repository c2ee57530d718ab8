"""Autosave of unsaved work, and recovery after a crash.

Each running app writes ``autosave-<pid>.nnx`` in the user data folder while it has
unsaved changes, and removes it when it closes normally. A file whose process is no
longer running was left by a crash: the next start offers to recover it.

Nothing here deletes work it could not read: a damaged autosave is moved aside
(``autosave-<pid>.nnx.damaged``). A recovered autosave is adopted (renamed to this
process's autosave), so it survives until the recovered work is saved or discarded,
and a second crash right after recovery loses nothing. The autosave remembers the
project file the work belongs to, so recovery restores that path too.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from explorer.io.project import Project, load_project, save_project

PREFIX = "autosave-"
SUFFIX = ".nnx"
DAMAGED = ".damaged"
SOURCE_KEY = "_autosave"  # settings entry: {"path": the project file the work belongs to}


@dataclass(frozen=True)
class Autosave:
    """A left-over autosave file."""

    path: Path
    pid: int
    mtime: float


def autosave_path(folder: str | os.PathLike, pid: int | None = None) -> Path:
    return Path(folder) / f"{PREFIX}{os.getpid() if pid is None else pid}{SUFFIX}"


def write_autosave(
    folder: str | os.PathLike, project: Project, source: str | os.PathLike | None = None
) -> Path:
    """Write this process's autosave atomically; return its path.

    ``source`` is the project file the work belongs to (``None``: untitled).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = autosave_path(folder)
    settings = dict(project.settings)
    settings[SOURCE_KEY] = {"path": None if source is None else str(source)}
    save_project(replace(project, settings=settings), path)
    return path


def read_autosave(path: str | os.PathLike) -> tuple[Project, Path | None]:
    """The project an autosave holds and the file it belongs to (``None``: untitled).

    Raises :class:`~explorer.core.errors.SpecError` (one line) for a damaged file.
    """
    project = load_project(path)
    settings = dict(project.settings)
    meta = settings.pop(SOURCE_KEY, None)
    source = meta.get("path") if isinstance(meta, dict) else None
    project = replace(project, settings=settings)
    return project, Path(source) if isinstance(source, str) and source else None


def set_aside(path: str | os.PathLike) -> Path:
    """Move an unreadable autosave out of the way (never delete it); return its new path."""
    path = Path(path)
    target = path.with_name(path.name + DAMAGED)
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{DAMAGED}{n}")
    os.replace(path, target)
    return target


def adopt(autosave: Autosave) -> Path:
    """Make a crashed session's autosave this process's own (kept until the work is saved)."""
    mine = autosave_path(autosave.path.parent)
    if autosave.path != mine:
        os.replace(autosave.path, mine)
    return mine


def remove_autosave(folder: str | os.PathLike, pid: int | None = None) -> None:
    with contextlib.suppress(FileNotFoundError):
        autosave_path(folder, pid).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def orphaned_autosaves(folder: str | os.PathLike) -> list[Autosave]:
    """Autosaves left by processes that are not running any more, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            pid = int(p.name[len(PREFIX) : -len(SUFFIX)])
        except ValueError:
            continue
        if not _alive(pid):
            try:
                found.append(Autosave(p, pid, p.stat().st_mtime))
            except OSError:  # removed meanwhile by another instance
                continue
    return sorted(found, key=lambda a: a.mtime, reverse=True)
