"""Loading a dataset file: ``.pt``, ``.safetensors``, ``.npy`` or ``.csv``, safely.

* ``.pt``: a tensor (inputs only), a list/tuple ``[X, y]``, or a dict with ``X`` and ``y``
  (also ``x``/``Y``, ``inputs``/``targets``, ``data``/``target``); always read with
  ``weights_only=True`` through :func:`explorer.io.safe_load.torch_load`.
* ``.safetensors``: tensors named ``X`` and ``y`` (or a single tensor).
* ``.npy``: one array (inputs only), read with ``allow_pickle=False``.
* ``.csv``: numbers with an optional header; the last column is the target.

A file with inputs only gets zero targets of width one. Wrong types, shapes or dtypes give
a :class:`DataFileError` with one plain sentence.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from explorer.core.data import GENERATORS, Dataset, DataSpec, from_tensors, make_dataset
from explorer.core.errors import ExplorerError, Message

SUFFIXES = (".pt", ".pth", ".safetensors", ".npy", ".csv")
MAX_CSV_BYTES = 200 * 2**20
_PAIRS = (("X", "y"), ("x", "y"), ("X", "Y"), ("inputs", "targets"), ("data", "target"))


class DataFileError(ExplorerError):
    """A data file that cannot be used, in one sentence."""


def _as_tensor(value: Any, what: str, name: str):
    import numpy as np
    import torch

    if isinstance(value, np.ndarray):
        value = torch.from_numpy(value)
    if not isinstance(value, torch.Tensor):
        raise DataFileError(
            Message(
                "{name}: {what} must be a tensor, got {kind}",
                name=name,
                what=what,
                kind=type(value).__name__,
            )
        )
    if value.is_complex() or value.dtype == torch.bool:
        raise DataFileError(
            Message(
                "{name}: {what} has dtype {dtype}; use float or integer numbers",
                name=name,
                what=what,
                dtype=value.dtype,
            )
        )
    return value


def _pair(obj: Any, name: str):
    import torch

    if isinstance(obj, torch.Tensor):
        return obj, None
    if isinstance(obj, (list, tuple)):
        if len(obj) != 2:
            raise DataFileError(
                Message(
                    "{name}: a list must hold two tensors [X, y] (items in it: {n})",
                    name=name,
                    n=len(obj),
                )
            )
        return obj[0], obj[1]
    if isinstance(obj, dict):
        for kx, ky in _PAIRS:
            if kx in obj and ky in obj:
                return obj[kx], obj[ky]
        if len(obj) == 1:
            return next(iter(obj.values())), None
        keys = ", ".join(map(str, list(obj)[:6]))
        raise DataFileError(
            Message("{name}: a dict needs keys 'X' and 'y' (it has {keys})", name=name, keys=keys)
        )
    raise DataFileError(
        Message(
            "{name}: expected a tensor, a list [X, y] or a dict with X and y, got {kind}",
            name=name,
            kind=type(obj).__name__,
        )
    )


def load_data_file(path: str | os.PathLike):
    """``(X, y)`` tensors from a data file; ``X`` is float, ``y`` float or int64."""
    import numpy as np
    import torch

    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    _check_regular(path)
    if suffix not in SUFFIXES:
        raise DataFileError(
            Message(
                "{name}: unknown kind of file; use {kinds}", name=name, kinds=", ".join(SUFFIXES)
            )
        )
    if suffix in (".pt", ".pth"):
        from explorer.io.safe_load import torch_load

        x, y = _pair(torch_load(path), name)
    elif suffix == ".safetensors":
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        try:
            x, y = _pair(load_file(str(path)), name)
        except SafetensorError as e:
            raise DataFileError(
                Message("{name} is not a readable safetensors file: {e}", name=name, e=e)
            ) from None
    elif suffix == ".npy":
        x, y = load_npy(path), None
    else:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise DataFileError(Message("{name} is too large for a CSV file here", name=name))
        try:
            table = np.loadtxt(path, delimiter=",", ndmin=2, skiprows=_header_rows(path))
        except ValueError as e:
            raise DataFileError(
                Message("{name}: not a table of numbers ({e})", name=name, e=e)
            ) from None
        if table.shape[1] < 2:
            raise DataFileError(
                Message("{name}: needs at least two columns (inputs, then the target)", name=name)
            )
        target = table[:, -1]
        integral = np.all(np.equal(np.mod(target, 1), 0))
        x = table[:, :-1].astype(np.float32)
        y = target.astype(np.int64) if integral else target.astype(np.float32)[:, None]
    x = _as_tensor(x, "X", name)
    if x.dim() < 2:
        raise DataFileError(
            Message(
                "{name}: X has shape {shape}; it needs (samples, features...)",
                name=name,
                shape=tuple(x.shape),
            )
        )
    if y is None:
        y = torch.zeros(len(x), 1)
    y = _as_tensor(y, "y", name)
    if len(y) != len(x):
        raise DataFileError(
            Message(
                "{name}: X has {n_x} samples but y has {n_y}", name=name, n_x=len(x), n_y=len(y)
            )
        )
    if len(x) < 2:
        raise DataFileError(Message("{name}: needs at least 2 samples", name=name))
    x = x.float() if not x.is_floating_point() else x
    y = y.long() if not y.is_floating_point() else y
    if not y.is_floating_point() and int(y.min()) < 0:
        raise DataFileError(
            Message("{name}: integer targets are class labels and must be 0 or more", name=name)
        )
    return x, y


def _check_regular(path: Path) -> None:
    """Refuse what is not a regular file with the right words (a FIFO would block forever,
    ``/dev/zero`` never ends)."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise DataFileError(Message("{name}: no such file", name=path.name)) from None
    except OSError as e:
        raise DataFileError(
            Message("{name}: cannot open ({reason})", name=path.name, reason=e.strerror)
        ) from None
    if stat.S_ISDIR(mode):
        raise DataFileError(Message("{name} is a folder, not a data file", name=path.name))
    if not stat.S_ISREG(mode):
        raise DataFileError(
            Message("{name} is a device or a pipe, not a data file", name=path.name)
        )


def load_npy(path: Path):
    """A numeric ``.npy`` array, its header checked before any allocation: the dtype must be
    plain numbers (no objects, strings or records) and the size must match the file."""
    import math

    import numpy as np
    from numpy.lib import format as npy

    name = path.name
    try:
        with open(path, "rb") as f:
            version = npy.read_magic(f)
            if version == (1, 0):
                shape, _fortran, dtype = npy.read_array_header_1_0(f)
            elif version == (2, 0):
                shape, _fortran, dtype = npy.read_array_header_2_0(f)
            else:
                raise ValueError(
                    Message("format version {version} is not supported here", version=version)
                )
            offset = f.tell()
    except (ValueError, OSError, SyntaxError, EOFError, TypeError) as e:
        first = (str(e).splitlines() or ["unreadable header"])[0]
        raise DataFileError(
            Message("{name} is not a readable .npy file: {first}", name=name, first=first)
        ) from None
    if dtype.hasobject:
        raise DataFileError(
            Message(
                "{name} holds Python objects: object arrays are refused (they could run code)",
                name=name,
            )
        )
    if dtype.fields is not None or dtype.kind not in "biuf":
        raise DataFileError(
            Message("{name} holds {dtype} values; use an array of numbers", name=name, dtype=dtype)
        )
    need = math.prod(shape) * dtype.itemsize
    have = path.stat().st_size - offset
    if need != have:
        raise DataFileError(
            Message(
                "{name}: its header promises {need} bytes of data but the file holds {have}",
                name=name,
                need=f"{need:,}",
                have=f"{have:,}",
            )
        )
    try:
        return np.load(path, allow_pickle=False)
    except ValueError as e:
        first = (str(e).splitlines() or [""])[0]
        raise DataFileError(
            Message("{name} is not a readable .npy file: {first}", name=name, first=first)
        ) from None


def _header_rows(path: Path) -> int:
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline()
    try:
        [float(v) for v in first.split(",")]
        return 0
    except ValueError:
        return 1


def is_data_file(source: str) -> bool:
    return source not in GENERATORS


def load_dataset(spec: DataSpec, in_shape=(20,), out_features: int = 1) -> Dataset:
    """The dataset of ``spec``: a built-in generator, or the file at ``spec.source``."""
    if not is_data_file(spec.source):
        return make_dataset(spec, in_shape, out_features)
    x, y = load_data_file(spec.source)
    return from_tensors(Path(spec.source).name, x, y, spec.eval_fraction)
