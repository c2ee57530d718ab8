"""Autosave of unsaved work, and recovery after a crash.

Each running app writes ``autosave-<pid>.nnx`` in the user data folder while it has
unsaved changes, and removes it when it closes normally. A file whose process is no
longer running was left by a crash: the next start offers to recover it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from explorer.io.project import Project, save_project

PREFIX = "autosave-"
SUFFIX = ".nnx"


@dataclass(frozen=True)
class Autosave:
    """A left-over autosave file."""

    path: Path
    pid: int
    mtime: float


def autosave_path(folder: str | os.PathLike, pid: int | None = None) -> Path:
    return Path(folder) / f"{PREFIX}{os.getpid() if pid is None else pid}{SUFFIX}"


def write_autosave(folder: str | os.PathLike, project: Project) -> Path:
    """Write this process's autosave atomically; return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = autosave_path(folder)
    save_project(project, path)
    return path


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
            found.append(Autosave(p, pid, p.stat().st_mtime))
    return sorted(found, key=lambda a: a.mtime, reverse=True)
