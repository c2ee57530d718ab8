"""Start-up time and shape inference on a 1,000-layer spec."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from benchmarks.recorder import Recorder, median_ms


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - t0


def startup(rec: Recorder, repeat: int = 5) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NN_EXPLORER_QUIT_AFTER_PAINT": "1"}
    base_cmd = [sys.executable, "-c", "import torch, PySide6.QtWidgets, pyqtgraph"]
    app_cmd = [sys.executable, "-m", "explorer"]
    _wall(base_cmd, env), _wall(app_cmd, env)  # warm the file cache
    base, app = [], []
    for _ in range(repeat):  # interleaved, so machine noise hits both alike
        base.append(_wall(base_cmd, env))
        app.append(_wall(app_cmd, env))
    b, a = statistics.median(base), statistics.median(app)
    rec.add(
        "launch to first painted window vs import torch+Qt+pyqtgraph",
        a,
        "s",
        b,
        "<= 1.2x",
        a / b <= 1.2,
    )
    env["NN_EXPLORER_QUIT_AFTER_PAINT"] = "ready"
    shown = statistics.median(_wall(app_cmd, env) for _ in range(3))
    rec.add("launch until shapes and counts are shown (meta warm-up)", shown, "s", b, "(no goal)")


def inference(rec: Recorder) -> None:
    from explorer.core import shapes
    from explorer.core.spec import LayerSpec, sequential

    L = LayerSpec.make
    layers = []
    for i in range(500):
        layers += [
            L("Linear", in_features=64 + (i % 50), out_features=64 + ((i + 1) % 50)),
            L("ReLU"),
        ]
    spec = sequential(*layers, input_shape=(32, 64))

    def cold():
        shapes._cache.clear()
        shapes.infer_shapes(spec)

    rec.add(
        "infer_shapes, 1,000 layers, cold cache (50 distinct layers)",
        median_ms(cold, 5),
        "ms",
        goal="< 50 ms",
        met=median_ms(cold, 3) < 50,
    )
    warm = median_ms(lambda: shapes.infer_shapes(spec), 7)
    rec.add(
        "infer_shapes, 1,000 layers, after an edit (warm cache)",
        warm,
        "ms",
        goal="< 50 ms",
        met=warm < 50,
    )
    distinct = sequential(
        *[L("Linear", in_features=16 + i, out_features=17 + i) for i in range(1000)],
        input_shape=(2, 16),
    )

    def cold_distinct():
        shapes._cache.clear()
        shapes.infer_shapes(distinct)

    t = median_ms(cold_distinct, 3, warmup=0)
    rec.add(
        "infer_shapes, 1,000 distinct Linear layers, cold cache",
        t,
        "ms",
        goal="(worst case, no goal)",
    )


def run(rec: Recorder) -> None:
    startup(rec)
    inference(rec)
