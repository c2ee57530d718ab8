"""Device discovery, in the spirit of the book's ``try_gpu`` / ``try_all_gpus``."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.errors import Message


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # "cpu", "cuda:0", "mps"
    description: str  # "NVIDIA H100 80GB HBM3 · 79.1 GiB"
    memory_bytes: int | None = None


def available_devices() -> list[DeviceInfo]:
    """cpu, then each ``cuda:N`` with its name and memory, then ``mps`` when present."""
    import torch

    devices = [DeviceInfo("cpu", "CPU")]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            devices.append(
                DeviceInfo(
                    f"cuda:{i}",
                    f"{props.name} · {props.total_memory / 2**30:.1f} GiB",
                    props.total_memory,
                )
            )
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(DeviceInfo("mps", "Apple GPU (MPS)"))
    return devices


def try_gpu(i: int = 0) -> str:
    """``cuda:i`` if it exists, else ``cpu`` (the book's ``try_gpu``)."""
    import torch

    return f"cuda:{i}" if torch.cuda.device_count() >= i + 1 else "cpu"


def try_all_gpus() -> list[str]:
    """Every ``cuda:N``, or ``["cpu"]`` (the book's ``try_all_gpus``)."""
    import torch

    return [f"cuda:{i}" for i in range(torch.cuda.device_count())] or ["cpu"]


def check_device(name: str) -> str:
    """Validate a device name against what this machine has; return it normalised."""
    import torch

    try:
        dev = torch.device(name)
    except (RuntimeError, ValueError) as e:
        raise ValueError(
            Message(
                "{name} is not a device name (try cpu, cuda:0, mps): {detail}",
                name=repr(name),
                detail=Message("{text}", text=str(e)),
            )
        ) from None
    if dev.type == "cuda":
        index = dev.index or 0
        if index >= torch.cuda.device_count():
            n = torch.cuda.device_count()
            template = (
                "{name} is not available: this machine has {n} CUDA device"
                if n == 1
                else "{name} is not available: this machine has {n} CUDA devices"
            )
            raise ValueError(Message(template, name=name, n=n))
        return f"cuda:{index}"
    if dev.type == "mps" and not (
        getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()
    ):
        raise ValueError(Message("mps is not available on this machine"))
    if dev.type not in ("cpu", "cuda", "mps"):
        raise ValueError(Message("{name}: only cpu, cuda:N and mps are supported", name=name))
    return str(dev)
