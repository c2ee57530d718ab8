"""Saving and loading a ~400 MB state dict through the app vs bare torch.save/torch.load.

The app's save is atomic (temp file, fsync, replace); its load is weights-only, checks
keys and shapes first, then copies into the model. Baselines run in the same process,
interleaved, on the same files (so both read from the page cache); each figure is the
best of 5. safetensors maps the
file lazily, so every load here is followed by touching all tensor data.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.recorder import Recorder

WIDTH, LAYERS = 4096, 6  # 6 x Linear(4096, 4096): 100.7 M float32 = 403 MB


def _model():
    import torch
    from torch import nn

    torch.manual_seed(0)
    with torch.no_grad():
        return nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(LAYERS)])


def _touch(state) -> float:
    return float(sum(t.float().sum() for t in state.values()))


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _pair(rec: Recorder, name: str, app, bare, goal: float | None, repeat: int = 5) -> None:
    app(), bare()  # warm the page cache and allocator
    a, b = [], []
    for _ in range(repeat):
        b.append(_timed(bare))
        a.append(_timed(app))
    # best of N: the machine is shared, and other work only ever adds time
    ma, mb = min(a), min(b)
    if goal is None:
        rec.add(name, ma, "s", mb, "(no goal)")
    else:
        rec.add(name, ma, "s", mb, f"<= {goal}x", ma / mb <= goal)


def run(rec: Recorder) -> None:
    import torch

    from explorer.io.checkpoints import load_into, read_state_file, save_state_dict

    net = _model()
    state = net.state_dict()
    size = sum(t.numel() * t.element_size() for t in state.values())
    print(f"state dict: {size / 1e6:.0f} MB")
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="nnx-bench-") as tmp:
        pt_app, pt_bare = Path(tmp) / "app.pt", Path(tmp) / "bare.pt"
        st = Path(tmp) / "app.safetensors"

        def bare_save_fsync():
            with open(pt_bare, "wb") as f:
                torch.save(state, f)
                f.flush()
                os.fsync(f.fileno())

        _pair(
            rec,
            "save 403 MB state dict: app (atomic) vs torch.save",
            lambda: save_state_dict(state, pt_app),
            lambda: torch.save(state, pt_bare),
            1.1,
        )
        _pair(
            rec,
            "save 403 MB: app (atomic) vs torch.save + fsync",
            lambda: save_state_dict(state, pt_app),
            bare_save_fsync,
            1.1,
        )
        target = _model()
        _pair(
            rec,
            "load 403 MB .pt into model: app (report+load) vs torch",
            lambda: load_into(target, read_state_file(pt_app), strict=True),
            lambda: target.load_state_dict(torch.load(pt_bare, weights_only=True)),
            1.1,
        )
        save_state_dict(state, st)
        _pair(
            rec,
            "read 403 MB + touch data: safetensors vs torch.load .pt",
            lambda: _touch(read_state_file(st).state),
            lambda: _touch(torch.load(pt_bare, weights_only=True)),
            None,
        )
        _pair(
            rec,
            "load 403 MB .safetensors into model vs torch .pt",
            lambda: load_into(target, read_state_file(st), strict=True),
            lambda: target.load_state_dict(torch.load(pt_bare, weights_only=True)),
            None,
        )
