"""Import any model file: an exact architecture when the file carries one, else inference.

A pickled ``nn.Sequential`` or a TorchScript archive gives an exact spec
(:mod:`explorer.io.model_import`); a bare state dict gives an inferred one with every
guess marked (:mod:`explorer.io.state_dict_import`). Either way the weights are checked
against the model (keys and shapes) before anything is written, and they are attached
without a copy (``load_state_dict(assign=True)`` on a model built on ``meta``), so a big
file costs about its own size in memory.
"""

from __future__ import annotations

import os
from pathlib import Path

from explorer.io.state_dict_import import DEFAULT_BETWEEN, ImportResult, infer_spec


def import_file(
    path: str | os.PathLike,
    output: str | os.PathLike | None = None,
    between: str | None = DEFAULT_BETWEEN,
    input_shape: tuple[int, ...] | None = None,
) -> ImportResult:
    """Read ``path``, build its model on the CPU with the file's weights, optionally save it.

    With ``output``, a ``.nnx`` project keeps the weights (``weights_written``); a
    ``.nnx.json`` project holds the architecture only.
    """
    from explorer.core.build import build
    from explorer.io.checkpoints import LoadedState, compare, keys_to_load, read_state_file
    from explorer.io.model_import import EXPORT, PICKLED, TORCHSCRIPT, file_kind, import_model_file

    path = Path(path)
    kind = file_kind(path) if path.is_file() else "state dict"
    if kind in (PICKLED, TORCHSCRIPT, EXPORT):
        model = import_model_file(path, input_shape)
        result = ImportResult(model.spec, model.guessed, model.guessed_ids, kind=kind)
        loaded = LoadedState(model.state, {k: "cpu" for k in model.state}, "", path)
    else:
        loaded = read_state_file(path, "cpu", mmap=True)
        result = infer_spec(loaded.state, between, loaded.ordered, input_shape)
    net = build(result.spec, device="meta")
    report = compare(net, loaded, "cpu")
    keys_to_load(report, strict=True)  # LoadRefused: one line, nothing written
    net.load_state_dict(loaded.state, strict=True, assign=True)
    result.net = net
    if output is not None:
        _save(result, path, output)
    return result


def _save(result: ImportResult, source: Path, output: str | os.PathLike) -> None:
    from explorer.io.project import ARCHIVE_SUFFIX, Project, save_project

    keep = str(output).endswith(ARCHIVE_SUFFIX)
    project = Project(
        result.spec, _title(source), weights=result.net.state_dict() if keep else None
    )
    if keep:
        from explorer.io.project_archive import write_archive
        from explorer.io.source_crcs import mapped_member_crcs

        # the weights are the file's own mapped bytes, untouched since loading: the CRC-32s
        # its zip holds are theirs (computed only where that cannot be shown)
        write_archive(project, output, mapped_member_crcs(source))
    else:
        save_project(project, output)
    result.weights_written = keep


def _title(source: Path) -> str:
    name = source.name
    for suffix in (".safetensors", ".params", ".pth", ".pt", ".pt2", ".bin", ".ckpt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return source.stem
