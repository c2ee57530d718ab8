"""Checking an output path before any work: the one gate every command's ``-o`` goes through.

:func:`check_output` refuses, in one sentence, an output that

* does not end with a suffix of what will be written (``-o w.pt`` for a project);
* is the same file as an input (``export-code p.nnx.json -o p.nnx.json``), also through
  a symlink or a hard link;
* is not a regular file (``/dev/null``, a FIFO, a folder);
* lies in a folder that does not exist or cannot be written.

Commands call it before a long run starts, so a run is never lost to a bad ``-o``. The
write itself then goes through :mod:`explorer.io.atomic`, which checks the target again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from explorer.core.errors import Message
from explorer.io.atomic import OutputError, write_target


def has_suffix(path: str | os.PathLike, suffixes: Sequence[str]) -> bool:
    name = Path(path).name.lower()
    return any(name.endswith(s) and len(name) > len(s) for s in suffixes)


def check_output(
    path: str | os.PathLike,
    suffixes: Sequence[str],
    inputs: Iterable[str | os.PathLike | None] = (),
    what: str = "",
) -> Path:
    """Raise :class:`OutputError` if ``path`` must not be written; return its real target.

    Parameters
    ----------
    path : path-like
        The output the user named.
    suffixes : sequence of str
        What the command writes there (``(".py",)``); the name must end with one.
    inputs : iterable of path-like
        Files the command reads; the output must not be one of them.
    what : str
        What the command writes, in words, for the message (``"Python code"``).
    """
    path = Path(path)
    if not has_suffix(path, suffixes):
        kinds = " or ".join(suffixes)
        if what:
            raise OutputError(
                Message(
                    "-o {name}: this command writes {kinds} ({what})",
                    name=path.name,
                    kinds=kinds,
                    what=what,
                )
            )
        raise OutputError(
            Message("-o {name}: this command writes {kinds}", name=path.name, kinds=kinds)
        )
    target = write_target(path)
    for inp in inputs:
        if inp is None:
            continue
        try:
            same = os.path.samefile(target, inp)
        except OSError:
            same = False
        if same:
            raise OutputError(
                Message(
                    "-o {path} is the input file {name}: writing would replace it",
                    path=str(path),
                    name=Path(inp).name,
                )
            )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            Message("cannot write {path}: no such folder {folder}", path=str(path), folder=folder)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            Message(
                "cannot write {path}: the folder {folder} is not writable",
                path=str(path),
                folder=str(folder),
            )
        )
    return target


def check_outputs(
    paths: Sequence[tuple[str | os.PathLike, Sequence[str]]],
    inputs: Iterable[str | os.PathLike | None] = (),
) -> None:
    """:func:`check_output` for several outputs of one command (a project and its weights),
    and refuse two outputs that are the same file."""
    inputs = list(inputs)
    targets = [check_output(p, s, inputs) for p, s in paths]
    if len(set(targets)) != len(targets):
        raise OutputError(Message("two outputs of this command are the same file"))
