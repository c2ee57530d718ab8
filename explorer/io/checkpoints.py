"""State dict files: saving (``.pt``/``.pth``/``.params`` and ``.safetensors``), reading
safely, and loading into a model all-or-nothing after a :class:`CheckpointReport`.

A ``.pt`` file holds exactly what ``net.state_dict()`` gives (the book's
``torch.save(net.state_dict(), 'mlp.params')``), so plain PyTorch loads it into the same
hand-written model. A ``.safetensors`` file cannot hold two names for one tensor (tied
layers): the first name is stored and the others are recorded in the metadata as aliases,
which :func:`read_state_file` restores as the same tensor.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message
from explorer.io.atomic import atomic_path, atomic_write_bytes
from explorer.io.safe_load import BrokenFileError, is_lfs_pointer, torch_load_traced

if TYPE_CHECKING:
    import torch
    from torch import nn

TORCH_SUFFIXES = (".pt", ".pth", ".params", ".bin", ".ckpt", ".tar")
SAFETENSORS_SUFFIX = ".safetensors"
ALIASES_KEY = "nn_explorer.aliases"
#: the state dict's own key order (safetensors sorts its header; a state dict has an order)
ORDER_KEY = "nn_explorer.order"
MAX_SAFETENSORS_HEADER = 100 * 2**20
#: keys under which training scripts commonly nest the model's state dict
NESTED_KEYS = ("state_dict", "model_state_dict", "model", "net", "module")


class NotAStateDict(ExplorerError):
    """The file is readable but holds something other than a state dict."""


class LoadRefused(ExplorerError):
    """Loading would not match the model; nothing was changed."""


def is_safetensors(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == SAFETENSORS_SUFFIX


# ----- saving ------------------------------------------------------------------------------


def save_state_dict(state: Mapping[str, torch.Tensor], path: str | os.PathLike) -> None:
    """Write ``state`` atomically: safetensors by suffix, else ``torch.save(state)`` as is."""
    if is_safetensors(path):
        save_safetensors(state, path)
        return
    import torch

    with atomic_path(path) as tmp:
        torch.save(state, tmp)


def storage_id(t: torch.Tensor) -> int:
    """The address of the memory ``t`` lives in: one value for every name of one tensor (a
    tied layer's ``2.weight`` and ``4.weight``), as ``torch.save`` keeps them; 0 for an
    empty tensor, which shares nothing."""
    return t.untyped_storage().data_ptr() if t.numel() else 0


def shared_storages(tensors: Mapping[str, torch.Tensor]) -> list[tuple[str, ...]]:
    """Groups of two or more keys whose tensors are one storage, in the keys' order."""
    groups: dict[int, list[str]] = {}
    for key, t in tensors.items():
        ptr = storage_id(t)
        if ptr:
            groups.setdefault(ptr, []).append(key)
    return [tuple(keys) for keys in groups.values() if len(keys) > 1]


def safetensors_payload(state: Mapping[str, torch.Tensor]) -> tuple[dict, dict[str, str]]:
    """Tensors safetensors accepts (one copy per shared tensor, contiguous, CPU), and aliases.

    A key whose tensor is the same view of the same memory as an earlier key (a tied
    layer) becomes an alias of that key; a key sharing memory in another way is copied.
    """
    tensors: dict[str, Any] = {}
    aliases: dict[str, str] = {}
    seen: dict[tuple, str] = {}
    storages: set[int] = set()
    for key, t in state.items():
        t = t.detach()
        ptr = storage_id(t)
        ident = (ptr, t.storage_offset(), t.shape, t.stride(), t.dtype)
        if ptr and ident in seen:
            aliases[key] = seen[ident]
            continue
        seen[ident] = key
        shared = bool(ptr) and ptr in storages
        storages.add(ptr)
        t = t.cpu()
        if shared or not t.is_contiguous():
            import torch

            t = t.clone(memory_format=torch.contiguous_format)
        tensors[key] = t
    return tensors, aliases


def save_safetensors(
    state: Mapping[str, torch.Tensor], path: str | os.PathLike, metadata: dict | None = None
) -> None:
    atomic_write_bytes(path, safetensors_bytes(state, metadata))


def safetensors_bytes(state: Mapping[str, torch.Tensor], metadata: dict | None = None) -> bytes:
    from safetensors.torch import save

    tensors, aliases = safetensors_payload(state)
    return save(tensors, metadata=_metadata(state, aliases, metadata))


def _metadata(state: Mapping, aliases: dict[str, str], metadata: dict | None) -> dict[str, str]:
    meta = {k: str(v) for k, v in (metadata or {}).items()}
    if aliases:
        meta[ALIASES_KEY] = json.dumps(aliases)
    meta[ORDER_KEY] = json.dumps(list(state))
    return meta


def write_safetensors_stream(
    state: Mapping[str, torch.Tensor], out, metadata: dict | None = None
) -> None:
    """Write safetensors to a binary stream one tensor at a time (no copy of the whole file).

    The bytes equal :func:`safetensors_bytes` in layout rules (little-endian, C order,
    offsets in the header), so any safetensors reader opens them.
    """
    for part in safetensors_parts(state, metadata):
        out.write(part)


def safetensors_parts(
    state: Mapping[str, torch.Tensor], metadata: dict | None = None
) -> list[bytes | memoryview]:
    """The bytes of a safetensors file as buffers: the header, then each tensor's memory.

    The tensors are not copied (a CPU, contiguous tensor is its own buffer), so a writer
    can hand them to the OS as they are; they must not change until written.
    """
    import torch

    tensors, aliases = safetensors_payload(state)
    names = {
        torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
        torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
        torch.uint8: "U8", torch.bool: "BOOL",
    }  # fmt: skip
    header: dict[str, Any] = {"__metadata__": _metadata(state, aliases, metadata)}
    offset = 0
    for key, t in tensors.items():
        if t.dtype not in names:
            raise ExplorerError(
                Message(
                    "{key}: dtype {dtype} cannot be written to safetensors", key=key, dtype=t.dtype
                )
            )
        n = t.numel() * t.element_size()
        header[key] = {"dtype": names[t.dtype], "shape": list(t.shape),
                       "data_offsets": [offset, offset + n]}  # fmt: skip
        offset += n
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    parts: list[bytes | memoryview] = [len(text).to_bytes(8, "little") + text]
    for t in tensors.values():
        if t.numel():
            parts.append(memoryview(t.reshape(-1).view(torch.uint8).numpy()))
    return parts


# ----- reading -----------------------------------------------------------------------------


@dataclass
class LoadedState:
    """A state dict read from a file, with where its tensors were saved."""

    state: dict[str, torch.Tensor]
    origins: dict[str, str] = field(default_factory=dict)  # key -> device it was saved on
    note: str = ""  # e.g. "the 'model' entry of a checkpoint dict"
    path: Path | None = None
    #: the keys are in the order the model had (False: a foreign safetensors file, sorted)
    ordered: bool = True


def check_safetensors_header(path: Path) -> None:
    """One-line reasons for files safetensors would reject with a terse message."""
    size = path.stat().st_size
    if size == 0:
        raise BrokenFileError(Message("{name} is empty", name=path.name))
    if is_lfs_pointer(path):
        raise BrokenFileError(
            Message(
                "{name} is a Git LFS pointer, not the file itself (run `git lfs pull`)",
                name=path.name,
            )
        )
    with open(path, "rb") as f:
        head = f.read(9)
    if len(head) < 9:
        raise BrokenFileError(
            Message("{name} is too short to be a safetensors file", name=path.name)
        )
    n = int.from_bytes(head[:8], "little")
    if n > MAX_SAFETENSORS_HEADER or head[8:9] != b"{":
        raise BrokenFileError(
            Message("{name} is not a safetensors file (bad header)", name=path.name)
        )
    if n + 8 > size:
        raise BrokenFileError(
            Message("{name} is truncated (header longer than the file)", name=path.name)
        )


def read_safetensors(path: str | os.PathLike, device: str = "cpu") -> tuple[dict, dict[str, str]]:
    """All tensors (aliases restored as the same tensor) and the file's metadata."""
    from safetensors import safe_open

    path = Path(path)
    if not path.is_file():
        raise BrokenFileError(Message("{name}: no such file", name=path.name))
    check_safetensors_header(path)
    try:
        with safe_open(str(path), framework="pt", device=str(device)) as f:
            metadata = f.metadata() or {}
            state = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 - not a dict
    except Exception as e:  # noqa: BLE001 - SafetensorError and friends: one line
        first = (str(e).splitlines() or [type(e).__name__])[0]
        raise BrokenFileError(
            Message(
                "{name} is not a readable safetensors file: {first}", name=path.name, first=first
            )
        ) from None
    aliases = _aliases(metadata)
    for alias, target in aliases.items():
        if target in state:
            state[alias] = state[target]
    return _in_saved_order(state, metadata), metadata


def _in_saved_order(state: dict, metadata: Mapping[str, str]) -> dict:
    """The keys in the order recorded when we saved (safetensors itself sorts them)."""
    order = saved_order(metadata)
    if order is None or set(order) != set(state):
        return state
    return {k: state[k] for k in order}


def saved_order(metadata: Mapping[str, str]) -> list[str] | None:
    """The key order written by this app, or None for a file that does not carry one."""
    try:
        order = json.loads(metadata.get(ORDER_KEY, "null"))
    except json.JSONDecodeError:
        return None
    return [str(k) for k in order] if isinstance(order, list) else None


def safetensors_from_bytes(data: bytes, name: str) -> dict:
    """Tensors from in-memory safetensors bytes (aliases restored); one-line errors."""
    from safetensors.torch import load

    if len(data) < 9 or int.from_bytes(data[:8], "little") + 8 > len(data):
        raise BrokenFileError(Message("{name} is truncated or not a safetensors file", name=name))
    try:
        state = load(data)
    except Exception as e:  # noqa: BLE001
        first = (str(e).splitlines() or [type(e).__name__])[0]
        raise BrokenFileError(
            Message("{name} is not a readable safetensors file: {first}", name=name, first=first)
        ) from None
    n = int.from_bytes(data[:8], "little")
    try:
        metadata = json.loads(data[8 : 8 + n]).get("__metadata__", {}) or {}
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        metadata = {}
    for alias, target in _aliases(metadata).items():
        if target in state:
            state[alias] = state[target]
    return _in_saved_order(state, metadata)


def _aliases(metadata: Mapping[str, str]) -> dict[str, str]:
    try:
        aliases = json.loads(metadata.get(ALIASES_KEY, "{}"))
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in aliases.items()} if isinstance(aliases, dict) else {}


def is_tensor_dict(obj: Any) -> bool:
    import torch

    return isinstance(obj, Mapping) and all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in obj.items()
    )


def describe_object(obj: Any) -> str:
    """A few words on what a loaded object is, for error messages."""
    import torch

    if isinstance(obj, torch.Tensor):
        return Message("a single tensor of shape {shape}", shape=tuple(obj.shape))
    if isinstance(obj, (list, tuple)):
        return Message("a {kind} (items: {n})", kind=type(obj).__name__, n=len(obj))
    if isinstance(obj, Mapping):
        keys = ", ".join(map(str, list(obj)[:5]))
        return Message("a dict with keys {keys}", keys=keys) if obj else Message("an empty dict")
    return Message("a {kind}", kind=type(obj).__name__)


def extract_state_dict(obj: Any, name: str | None = None) -> tuple[dict, str]:
    """The state dict in ``obj``: itself, or the model entry of a checkpoint dict."""
    name = Message("the file") if name is None else name
    if is_tensor_dict(obj) and obj:
        return dict(obj), ""
    if isinstance(obj, Mapping):
        for key in NESTED_KEYS:
            inner = obj.get(key)
            if is_tensor_dict(inner) and inner:
                others = ", ".join(str(k) for k in obj if k != key)
                if others:
                    note = Message(
                        "the '{key}' entry of a checkpoint dict (it also holds {others})",
                        key=key,
                        others=others,
                    )
                else:
                    note = Message("the '{key}' entry of a checkpoint dict", key=key)
                return dict(inner), note
    raise NotAStateDict(
        Message(
            "{name} holds {what}, not a state dict (use Inspect to look inside)",
            name=name,
            what=describe_object(obj),
        )
    )


def storage_origins(obj: Any, by_ptr: Mapping[int, str]) -> dict[str, str]:
    """key -> saved device for each tensor of a state dict."""
    return {
        k: by_ptr.get(t.untyped_storage().data_ptr(), str(t.device))
        for k, t in obj.items()
        if hasattr(t, "untyped_storage")
    }


def read_state_file(
    path: str | os.PathLike, device: str = "cpu", mmap: bool = False
) -> LoadedState:
    """Read a state dict from ``.pt``/``.safetensors`` onto ``device`` (the map_location).

    ``mmap`` maps a zip ``.pt`` file's tensors instead of reading them (CPU only): memory
    is only used for what is touched.

    Raises :class:`BrokenFileError`, :class:`~explorer.io.safe_load.UnsafeFileError` or
    :class:`NotAStateDict` with a one-line reason; nothing from the file is executed.
    """
    path = Path(path)
    if is_safetensors(path):
        state, metadata = read_safetensors(path, device)
        ordered = saved_order(metadata) is not None
        return LoadedState(state, {k: "cpu" for k in state}, "", path, ordered)
    obj, by_ptr = torch_load_traced(path, device, mmap=mmap)
    state, note = extract_state_dict(obj, path.name)
    return LoadedState(state, storage_origins(state, by_ptr), note, path)


# ----- comparing and loading ---------------------------------------------------------------


@dataclass(frozen=True)
class CheckpointReport:
    """How a state dict fits a model, computed before anything is loaded."""

    matching: tuple[str, ...]
    missing: tuple[str, ...]  # in the model, not in the file
    unexpected: tuple[str, ...]  # in the file, not in the model
    shape_mismatched: tuple[tuple[str, tuple, tuple], ...]  # key, file shape, model shape
    dtype_changes: tuple[tuple[str, str, str], ...]  # key, file dtype, model dtype
    origins: Mapping[str, str]  # key -> device the file's tensor was saved on
    target_device: str
    uninitialized: tuple[str, ...] = ()  # lazy parameters not materialized yet
    note: str = ""
    #: keys of one tied tensor in the model whose values differ in the file (the last wins)
    tied_conflicts: tuple[tuple[str, ...], ...] = ()

    @property
    def ok(self) -> bool:
        """A strict load would succeed."""
        return not (self.missing or self.unexpected or self.shape_mismatched or self.uninitialized)

    @property
    def saved_devices(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.origins.values())))

    def origin_note(self) -> str:
        """ "saved on cuda:0, loaded onto cpu" when the file came from another device."""
        other = [d for d in self.saved_devices if d != self.target_device]
        if not other:
            return ""
        return Message(
            "saved on {devices}, loaded onto {target}",
            devices=", ".join(self.saved_devices),
            target=self.target_device,
        )

    def summary_parts(self) -> list[Message]:
        """The summary's pieces ("keys that match: 4", "1 missing", ...), each translatable."""
        parts = [Message("keys that match: {n}", n=len(self.matching))]
        if self.missing:
            parts.append(Message("{n} missing", n=len(self.missing)))
        if self.unexpected:
            parts.append(Message("{n} unexpected", n=len(self.unexpected)))
        if self.shape_mismatched:
            parts.append(Message("{n} with the wrong shape", n=len(self.shape_mismatched)))
        if self.uninitialized:
            parts.append(Message("{n} not initialized (lazy)", n=len(self.uninitialized)))
        if self.tied_conflicts:
            parts.append(
                Message("{n} tied with different values in the file", n=len(self.tied_conflicts))
            )
        return parts

    def summary(self) -> str:
        origin = self.origin_note()
        return ", ".join(self.summary_parts()) + (f"; {origin}" if origin else "")

    def problems(self) -> list[Message]:
        """One line per reason a strict load is refused."""
        lines = [Message("missing in the file: {key}", key=k) for k in self.missing]
        lines += [
            Message(
                "{keys} are one tied tensor in the model but differ in the file: {last} wins",
                keys=" and ".join(keys),
                last=keys[-1],
            )
            for keys in self.tied_conflicts
        ]
        lines += [Message("not in the model: {key}", key=k) for k in self.unexpected]
        lines += [
            Message(
                "{key}: file has shape {file}, model has {model}",
                key=k,
                file=tuple(a),
                model=tuple(b),
            )
            for k, a, b in self.shape_mismatched
        ]
        if self.uninitialized:
            lines.append(
                Message(
                    "{keys}: lazy layer not initialized yet; run a forward pass first, then load",
                    keys=", ".join(self.uninitialized),
                )
            )
        return lines


def is_uninitialized(t: Any) -> bool:
    from torch.nn.parameter import UninitializedBuffer, UninitializedParameter

    return isinstance(t, (UninitializedParameter, UninitializedBuffer))


def compare(net: nn.Module, loaded: LoadedState, target_device: str = "cpu") -> CheckpointReport:
    """Keys, shapes, dtypes and devices of ``loaded`` against ``net``; changes nothing."""
    model = net.state_dict(keep_vars=True)
    file = loaded.state
    uninitialized = tuple(k for k, t in model.items() if is_uninitialized(t))
    matching, mismatched, dtypes = [], [], []
    for key, t in file.items():
        if key not in model or key in uninitialized:
            continue
        m = model[key]
        if tuple(t.shape) != tuple(m.shape):
            mismatched.append((key, tuple(t.shape), tuple(m.shape)))
            continue
        matching.append(key)
        if t.dtype != m.dtype:
            dtypes.append((key, str(t.dtype).removeprefix("torch."), str(m.dtype)[6:]))
    return CheckpointReport(
        tied_conflicts=_tied_conflicts(model, file, matching),
        matching=tuple(matching),
        missing=tuple(k for k in model if k not in file and k not in uninitialized),
        unexpected=tuple(k for k in file if k not in model),
        shape_mismatched=tuple(mismatched),
        dtype_changes=tuple(dtypes),
        origins=dict(loaded.origins),
        target_device=str(target_device),
        uninitialized=tuple(k for k in uninitialized if k in file),
        note=loaded.note,
    )


def _tied_conflicts(model: Mapping, file: Mapping, matching: list[str]) -> tuple:
    import torch

    groups: dict[int, list[str]] = {}
    for key in matching:
        groups.setdefault(id(model[key]), []).append(key)
    return tuple(
        tuple(keys)
        for keys in groups.values()
        if len(keys) > 1 and not all(torch.equal(file[keys[0]], file[k]) for k in keys[1:])
    )


def keys_to_load(report: CheckpointReport, strict: bool) -> tuple[str, ...]:
    """The keys a load writes; raises :class:`LoadRefused` when it must not go ahead."""
    if report.uninitialized:
        raise LoadRefused(
            Message(
                "the model has lazy layers that are not initialized yet ({keys}): "
                "run a forward pass first, then load",
                keys=", ".join(report.uninitialized),
            )
        )
    if strict and not report.ok:
        raise LoadRefused(
            Message("strict load refused, nothing changed: {reason}", reason=report.problems()[0])
        )
    if not report.matching:
        raise LoadRefused(Message("no key of the file matches the model; nothing changed"))
    return report.matching


def load_into(
    net: nn.Module, loaded: LoadedState, strict: bool = True, target_device: str | None = None
) -> CheckpointReport:
    """Check first, then load: all keys (strict) or the matching ones; never half-applied."""
    import torch

    device = target_device or next((str(t.device) for t in net.state_dict().values()), "cpu")
    report = compare(net, loaded, device)
    keys = keys_to_load(report, strict)
    model = net.state_dict(keep_vars=True)
    with torch.no_grad():
        for key in keys:
            model[key].copy_(loaded.state[key])
    return report


def device_mismatches(net: nn.Module, device: str) -> list[tuple[str, str]]:
    """(name, device) of every parameter and buffer that is not on ``device``."""
    import torch

    want = torch.device(device)
    out = []
    for name, t in [*net.named_parameters(), *net.named_buffers()]:
        if is_uninitialized(t):
            continue
        d = t.device
        if d.type != want.type or (want.index is not None and d.index != want.index):
            out.append((name, str(d)))
    return out
