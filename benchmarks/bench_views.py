"""Parameter views: selecting a 4096x4096 parameter, opening the tree of a 100M model."""

from __future__ import annotations

import os
import tempfile

from benchmarks.recorder import Recorder, median_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(spec, device="cpu"):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from explorer.core.document import Document
    from explorer.ui.shell.main_window import MainWindow

    window = MainWindow(
        Document(spec, device=device),
        settings=QSettings(
            os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat
        ),
    )
    window.resize(1400, 900)
    window.show()
    while not window.ready:
        app.processEvents()
    return app, window


def _interleaved(baseline, candidate, repeat: int, settle=None) -> tuple[float, float]:
    """Medians (ms) of both, measured in turns so that machine noise hits both alike.

    ``settle`` runs untimed after each call (work deferred until after the paint).
    """
    import statistics
    import time

    baseline(), candidate()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((baseline, times[0]), (candidate, times[1])):
            if settle is not None:
                settle()
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times[0]), statistics.median(times[1])


def select_large(rec: Recorder) -> None:
    import time

    import numpy as np
    import torch

    from explorer.core.spec import LayerSpec, sequential

    spec = sequential(
        LayerSpec.make("Linear", in_features=4096, out_features=4096), input_shape=(8, 4096)
    )
    app, window = _window(spec)
    window.show_tab("TensorTab")
    view = window.part("tensor_view")
    plots = view.inner.widget(0)
    names = iter(["0.weight", "0.bias"] * 100)

    def select():
        # away and back, so each call is a real selection of the 4096x4096 weight
        window.selection.select_parameter(next(names))
        window.selection.select_parameter(next(names))
        plots.grab()  # renders heatmap, colour bar, histograms and statistics

    def settle():
        # the |Δw|/|w| baseline copy is deferred until after the paint: not counted
        deadline = time.perf_counter() + 0.08
        while time.perf_counter() < deadline:
            app.processEvents()

    weight = window.document.net[0].weight
    heat, hist = view.weight_map, view.weight_hist

    def naive():
        # the same picture at full resolution: 16.8M pixels to pyqtgraph, numpy statistics
        a = weight.detach().cpu().numpy()
        m = float(np.abs(a).max())
        heat.image_item.setImage(a, autoLevels=False, levels=(-m, m))
        counts, edges = np.histogram(a, bins=50)
        hist.curve.setData(edges, counts)
        _ = (
            a.mean(),
            a.std(),
            a.min(),
            a.max(),
            np.linalg.norm(a),
            (a == 0).mean(),
            np.isnan(a).sum(),
        )
        app.processEvents()
        plots.grab()

    base = median_ms(naive, 5)
    value = median_ms(select, 7)
    rec.add(
        "select a 4096x4096 weight until heatmap+hist+stats drawn",
        value,
        "ms",
        base,
        "< 150 ms",
        value < 150,
    )
    window.document.net(torch.randn(8, 4096)).sum().backward()
    window.document.notify_weights_changed()
    both = median_ms(select, 5)
    rec.add("  same, with its 4096x4096 grad drawn beside it", both, "ms", base, "(no goal)")
    window.mark_saved()
    window.close()


def open_tree(rec: Recorder) -> None:
    from explorer.core.spec import LayerSpec, sequential

    L = LayerSpec.make
    few = sequential(
        *[L("Linear", in_features=5000, out_features=5000) for _ in range(4)], input_shape=(2, 5000)
    )
    many = sequential(
        *[L("Linear", in_features=316, out_features=316) for _ in range(1000)], input_shape=(2, 316)
    )
    for label, spec, goal in (
        ("4 x Linear(5000, 5000)", few, 300),
        ("1,000 x Linear(316, 316)", many, None),
    ):
        app, window = _window(spec, device="meta")
        total = sum(p.numel() for p in window.document.net.parameters())
        tree = window.part("param_tree")

        def refresh(tree=tree, app=app):
            tree.refresh()
            app.processEvents()

        t = median_ms(refresh, 5)
        name = f"open the parameter tree, {total / 1e6:.0f}M params, {label}"
        if goal:
            rec.add(name, t, "ms", goal=f"< {goal} ms", met=t < goal)
        else:
            rec.add(name, t, "ms", goal="(no goal)")
        window.mark_saved()
        window.close()


def run(rec: Recorder) -> None:
    select_large(rec)
    open_tree(rec)
