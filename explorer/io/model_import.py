"""Files that carry an architecture: a pickled whole model, TorchScript, ``torch.export``.

``torch.save(net)`` of an ``nn.Sequential`` of ``torch.nn`` layers is read with
``weights_only=True`` and an allow-list of exactly those classes
(``torch.serialization.safe_globals``); a file that asks for any other global (a user's
class, a function) is refused with the globals named, before anything is unpickled.
TorchScript archives are read by :mod:`explorer.io.torchscript_read` without running
their code, and ``torch.export`` archives (``.pt2``) by :mod:`explorer.io.export_read`
from their graph's JSON (``torch.export.load`` unpickles parts of the file: not used).

What comes out is an exact spec (every argument read from the file) and the weights
under the spec's keys, or :class:`~explorer.io.module_tree.ModelRefused` with one line.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.errors import Message
from explorer.io.module_tree import ModelRefused, ModNode, spec_from_tree

if TYPE_CHECKING:
    import torch

    from explorer.core.spec import ModelSpec

PICKLED, TORCHSCRIPT, EXPORT, STATE = "pickled model", "TorchScript", "torch.export", "state dict"


@dataclass
class ModelImport:
    """An exact model read from a file, with its weights under the spec's keys."""

    spec: ModelSpec
    state: dict[str, torch.Tensor]
    kind: str  # PICKLED or TORCHSCRIPT
    guessed: list[tuple[str, str]] = field(default_factory=list)  # only the input size
    guessed_ids: list[str] = field(default_factory=list)


@cache
def allowed_classes() -> dict[str, type]:
    """``module.Class`` -> class for nn.Sequential and every layer in the app's catalog."""
    from torch import nn

    from explorer.core.catalog import catalog

    classes = [nn.Sequential] + [lt.torch_class() for lt in catalog().values() if not lt.lazy]
    return {f"{c.__module__}.{c.__qualname__}": c for c in classes}


def file_kind(path: str | os.PathLike) -> str:
    """PICKLED, TORCHSCRIPT, EXPORT or STATE (anything else: read as tensors or refused)."""
    path = Path(path)
    from explorer.io.checkpoints import is_safetensors

    if is_safetensors(path):
        return STATE
    if not zipfile.is_zipfile(path):
        from explorer.io.pickle_scan import pickle_globals

        modules = [g for g in pickle_globals(path) if g.startswith("torch.nn.modules.")]
        return PICKLED if modules else STATE  # a legacy whole model: refused with the reason
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError):
        return STATE
    if path.suffix == ".pt2" or any(n.endswith("archive_format") for n in names):
        return EXPORT
    if any(n.endswith("/constants.pkl") for n in names) and any("/code/" in n for n in names):
        return TORCHSCRIPT
    if any(n.endswith("project.json") for n in names) and not any(
        n.endswith("data.pkl") for n in names
    ):
        return STATE  # an .nnx project: not ours to read here
    from explorer.io.safe_load import unsafe_globals

    needed = unsafe_globals(path)
    return PICKLED if any(_is_class_name(g) for g in needed) else STATE


def _is_class_name(name: str) -> bool:
    return name.rsplit(".", 1)[-1][:1].isupper()


def refusal_for_globals(path: Path, needed: list[str]) -> Message | None:
    """Why a pickled model cannot be read (first global outside the allow-list), or None."""
    allowed = allowed_classes()
    for g in needed:
        if g in allowed:
            continue
        if g.startswith("torch.nn.modules."):
            return Message(
                "{name} holds a whole model using nn.{layer}, which the app does not offer",
                name=path.name,
                layer=g.rsplit(".", 1)[-1],
            )
        if _is_class_name(g):
            return Message(
                "{name} holds a whole model of class {cls}: its forward is Python code "
                "the file does not carry, so the app cannot know how its layers connect; "
                "save an nn.Sequential, or its state_dict",
                name=path.name,
                cls=g,
            )
        return Message(
            "{name} was refused: loading it would run code from the file ({what})",
            name=path.name,
            what=g,
        )
    return None


def read_pickled_module(path: str | os.PathLike) -> Any:
    """``torch.load(weights_only=True)`` with the allow-list; the module, never its code."""
    import torch

    from explorer.io.safe_load import BrokenFileError, strip_ansi, unsafe_globals

    path = Path(path)
    if not zipfile.is_zipfile(path):
        raise ModelRefused(
            Message(
                "{name} holds a whole model in the legacy (non-zip) format, which cannot be "
                "read without running code; re-save it with a current torch.save",
                name=path.name,
            )
        )
    refusal = refusal_for_globals(path, unsafe_globals(path))
    if refusal:
        raise ModelRefused(refusal)
    try:
        with torch.serialization.safe_globals(list(allowed_classes().values())):
            return torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except Exception as e:  # noqa: BLE001 - one line, whatever torch raises
        first = (strip_ansi(str(e)).strip().splitlines() or [type(e).__name__])[-1]
        raise BrokenFileError(
            Message("{name}: cannot read the model ({first})", name=path.name, first=first)
        ) from None


def tree_of_module(module: Any, path: str = "", seen: dict | None = None) -> ModNode:
    """A :class:`ModNode` from a loaded ``nn.Module`` (its attributes, not its methods)."""
    seen = {} if seen is None else seen
    cls = type(module)
    origin = f"{cls.__module__}.{cls.__qualname__}"
    node = ModNode(
        path=path,
        type=cls.__name__,
        origin=origin,
        torch_nn=origin in allowed_classes(),
        attrs={k: v for k, v in vars(module).items() if not k.startswith("_")},
        tensors={**module._parameters, **module._buffers},
        ident=id(module),
    )
    for name, child in module._modules.items():
        if child is None:
            where = f"{path}.{name}" if path else name
            raise ModelRefused(Message("{where} is None: not a layer", where=where))
        node.children.append((name, tree_of_module(child, f"{path}.{name}" if path else name)))
    return node


def import_model_file(
    path: str | os.PathLike, input_shape: tuple[int, ...] | None = None
) -> ModelImport:
    """Read a pickled model or TorchScript archive as an exact spec and its weights."""
    path = Path(path)
    kind = file_kind(path)
    if kind == EXPORT:
        from explorer.io.export_read import read_export

        root, exported_for = read_export(path)
        input_shape = input_shape or exported_for  # the file proves the shape it was made for
    elif kind == TORCHSCRIPT:
        from explorer.io.torchscript_read import read_torchscript

        root = read_torchscript(path)
    elif kind == PICKLED:
        root = tree_of_module(read_pickled_module(path))
    else:
        raise ModelRefused(Message("{name} does not hold a whole model", name=path.name))
    children, state = spec_from_tree(root)
    return finish(children, state, kind, input_shape)


def finish(children, state, kind: str, input_shape) -> ModelImport:
    """Spec with the input shape (given, proven, or a marked guess); keys checked."""
    from explorer.core.build import build
    from explorer.core.spec import DTYPES, ModelSpec, validate
    from explorer.io.input_guess import with_input_shape

    dtype = next((str(t.dtype)[6:] for t in state.values() if t.is_floating_point()), "float32")
    spec = validate(ModelSpec(children=children, dtype=dtype if dtype in DTYPES else "float32"))
    result = ModelImport(spec, state, kind)
    result.spec = with_input_shape(spec, input_shape, result)
    model = build(result.spec, device="meta").state_dict()
    if set(model) != set(state):
        extra = sorted(set(model) ^ set(state))[0]
        raise ModelRefused(
            Message("the rebuilt model's keys differ from the file's (first: {key})", key=extra)
        )
    return result
