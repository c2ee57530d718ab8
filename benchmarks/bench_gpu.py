"""The core ``train()`` generator against a hand-written loop on CUDA, and a 400 MB save/load.

Qt-free: it imports only ``torch``, ``explorer.core``, ``explorer.io`` and the recorder, so
it runs where PySide6 is not installed (``python -m benchmarks bench_gpu``).

Per model, four columns, as in issue 13's table: the hand loop (ms per step), and against
it the core generator, the core generator with the live-statistics probe, and a hand loop
that syncs every step (``loss.item()``, as a learner's running total does). SGD and
cross-entropy; the best of 3 runs after a warm-up run; the runs of one model are
interleaved so that machine noise hits every column alike.

How the core is timed: from its first :class:`Progress` (the tick's ``tolist`` has waited
for every step so far) to the end of the run after a device sync, divided by the steps in
between; the hand loop is timed over the same number of steps, synced at both ends. So
neither side pays for its set-up, and queued GPU work is always counted.

Without CUDA it falls back to a CPU run, labelled ``[cpu fallback]`` on every row, with a
smaller third model and checkpoint (``BENCH_GPU_FULL=1`` keeps the full sizes).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.recorder import Recorder

REPEATS = 3


def _models(cuda: bool, full: bool):
    """(title, layer widths, batch, steps) per model."""
    big = (4096, 1024, 300) if cuda or full else (256, 128, 100)
    width, batch, steps = big
    return [
        ("MLP 20-256-10 b64", (20, 256, 10), 64, 2000 if cuda else 400),
        ("MLP 784-1024-1024-10 b256", (784, 1024, 1024, 10), 256, 1500 if cuda else 40),
        (f"8 x Linear({width}) b{batch}", (width,) * 9, batch, steps),
    ]


def _net(widths, device):
    import torch
    from torch import nn

    torch.manual_seed(0)
    layers: list = []
    for i, (a, b) in enumerate(zip(widths, widths[1:], strict=False)):
        layers += [nn.Linear(a, b)] + ([nn.ReLU()] if i < len(widths) - 2 else [])
    return nn.Sequential(*layers).to(device)


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


def hand_loop(net, x, y, batch: int, steps: int, sync_every_step: bool = False) -> float:
    """Seconds per step of the loop a person writes (indices moved once per epoch)."""
    import torch

    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(0)
    step, total = 0, 0.0
    _sync(x.device)
    t0 = time.perf_counter()
    while step < steps:
        perm = torch.randperm(len(x), generator=g)
        if x.device.type == "cuda":  # as the core does: no pageable copy (a sync) per epoch
            perm = perm.pin_memory().to(x.device, non_blocking=True)
        for idx in perm.split(batch):
            if step == steps:
                break
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            if sync_every_step:
                total += loss.item()
            step += 1
    _sync(x.device)
    return (time.perf_counter() - t0) / steps


def core_loop(net, data, batch: int, steps: int, probes=None) -> tuple[float, int]:
    """(seconds per step, steps timed) of ``train()``, from its first Progress to the end."""
    from explorer.core.losses import OptimizerConfig
    from explorer.core.training import TrainConfig, train

    config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", batch, steps, seed=0)
    device = next(net.parameters()).device
    first = t0 = last = None
    for last in train(net, data, config, probes=probes):
        if first is None:
            first, t0 = last.step, time.perf_counter()
    _sync(device)
    timed = last.step - first
    if timed <= 0:  # one tick only (a very slow machine): the whole run's own clock
        return last.elapsed_s / last.step, last.step
    return (time.perf_counter() - t0) / timed, timed


def _training(rec: Recorder, device, label: str, full: bool) -> None:
    for title, widths, batch, steps in _models(device.type == "cuda", full):
        _one_model(rec, device, label, title, widths, batch, steps)


def _one_model(rec: Recorder, device, label: str, title: str, widths, batch, steps) -> None:
    import torch

    from benchmarks.bench_training import stats_probe
    from explorer.core.data import Dataset

    n = batch * 16
    g = torch.Generator().manual_seed(1)
    x_cpu = torch.randn(n, widths[0], generator=g)
    y_cpu = torch.randint(0, widths[-1], (n,), generator=g)
    data = Dataset("bench", "classification", x_cpu, y_cpu, classes=widths[-1])
    x, y = x_cpu.to(device), y_cpu.to(device)
    net = _net(widths, device)
    initial = {k: v.clone() for k, v in net.state_dict().items()}
    runs: dict[str, list[float]] = {"hand": [], "core": [], "probe": [], "sync": []}

    def one(kind: str, timed_steps: int) -> float:
        net.load_state_dict(initial)
        if kind == "core":
            return core_loop(net, data, batch, steps)[0]
        if kind == "probe":
            return core_loop(net, data, batch, steps, {"stats": stats_probe})[0]
        return hand_loop(net, x, y, batch, timed_steps, sync_every_step=kind == "sync")

    timed = core_loop(net, data, batch, steps)[1]  # warm-up; the hand loops time as many
    for kind in runs:
        one(kind, timed)
    for _ in range(REPEATS):
        for kind, times in runs.items():
            times.append(one(kind, timed))
    hand = min(runs["hand"])
    spread = max(runs["hand"]) / hand
    rec.add(
        f"{label} {title}: hand loop",
        hand * 1e3,
        "ms",
        goal=f"best of {REPEATS}, max/min {spread:.2f}",
    )
    columns = (
        ("core", "core train()", "<= 1.05x"),
        ("probe", "core + live-statistics probe", "(report)"),
        ("sync", "hand loop, loss.item() every step", "(report)"),
    )
    for kind, name, goal in columns:
        best = min(runs[kind])
        met = best / hand <= 1.05 if goal.startswith("<=") else None
        rec.add(f"{label}   {name}", best * 1e3, "ms", hand * 1e3, goal, met)


def _save_load(rec: Recorder, device, label: str, full: bool) -> None:
    import torch
    from torch import nn

    from explorer.io.checkpoints import read_state_file, save_state_dict

    width = 4096 if device.type == "cuda" or full else 1024
    torch.manual_seed(0)
    net = nn.Sequential(*[nn.Linear(width, width) for _ in range(6)]).to(device)
    state = net.state_dict()
    mb = sum(t.numel() * t.element_size() for t in state.values()) / 1e6
    with tempfile.TemporaryDirectory(prefix="nnx-bench-gpu-") as tmp:
        app_path, bare_path = Path(tmp) / "app.pt", Path(tmp) / "bare.pt"

        def bare_save():
            with open(bare_path, "wb") as f:
                torch.save(state, f)
                f.flush()
                os.fsync(f.fileno())

        def timed(fn) -> float:
            t0 = time.perf_counter()
            fn()
            return time.perf_counter() - t0

        pairs = (
            (
                f"save {mb:.0f} MB {device.type} state dict: io (atomic) vs torch.save+fsync",
                lambda: save_state_dict(state, app_path),
                bare_save,
            ),
            (
                f"load {mb:.0f} MB onto the CPU: io read_state_file vs torch.load",
                lambda: read_state_file(app_path, device="cpu"),
                lambda: torch.load(bare_path, map_location="cpu", weights_only=True),
            ),
        )
        for name, app, bare in pairs:
            app(), bare()  # warm the page cache and allocator
            a = [timed(app) for _ in range(REPEATS)]
            b = [timed(bare) for _ in range(REPEATS)]
            rec.add(f"{label} {name}", min(a), "s", min(b), "(report)")


def run(rec: Recorder) -> None:
    import torch

    cuda = torch.cuda.is_available()
    full = os.environ.get("BENCH_GPU_FULL") == "1"
    device = torch.device("cuda" if cuda else "cpu")
    if cuda:
        label = "[cuda]"
        print(f"bench_gpu on {torch.cuda.get_device_name(device)}")
    else:
        label = "[cpu fallback]"
        print(
            "bench_gpu: no CUDA device, so this is a CPU run"
            + ("" if full else " with a smaller third model and checkpoint (BENCH_GPU_FULL=1)")
        )
    _training(rec, device, label, full)
    _save_load(rec, device, label, full)
