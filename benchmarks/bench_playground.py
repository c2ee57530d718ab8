"""The spiral run with live decision regions and accuracy vs the same run without views.

The book's MLP fitted to the spiral data (Linear 2-256, ReLU, Linear 256-3), batch 32,
SGD, cross-entropy, through the real window: Train in the worker thread, the loss plot,
the accuracy label and the decision regions drawn from each Progress. "Without views"
is the same window with no probes at all. Runs are interleaved and the best of each is
compared (other work on a shared machine only ever adds time).
"""

from __future__ import annotations

import os
import tempfile
import time
from statistics import median

from benchmarks.recorder import Recorder

STEPS = int(os.environ.get("BENCH_PLAYGROUND_STEPS", "3000"))
REPEATS = 5


def timed(probe, spent: list[float]):
    """``probe`` that adds its own time to ``spent`` (how much of the run the views take)."""

    def run(net, batch_x):
        t0 = time.perf_counter()
        try:
            return probe(net, batch_x)
        finally:
            spent.append(time.perf_counter() - t0)

    return run


def app_run(window, probes: dict) -> tuple[float, int, float, float, float, int]:
    """Seconds per step of one Train, grids that arrived, the run's elapsed seconds, the
    GUI thread's CPU seconds per second of the run, loss-plot redraws per second, and the
    region frames that changed the picture (a grid equal to the shown one is not drawn)."""
    from PySide6.QtCore import QEventLoop

    from explorer.core.losses import OptimizerConfig
    from explorer.core.metrics import REGIONS_PROBE
    from explorer.core.training import TrainConfig

    window.run_probes.clear()
    window.run_probes.update(probes)
    controller = window.part("run_actions").controller
    controller.set_steps_done(0)
    config = TrainConfig(OptimizerConfig("sgd", 0.05), "cross_entropy", 32, STEPS, seed=0)
    last, done = [], []
    loop = QEventLoop()
    window.run_progressed.connect(last.append)
    window.run_finished.connect(done.append)
    window.run_finished.connect(loop.quit)
    plot = window.part("run_actions").training_view.loss_plot
    data_plot = window.part("run_actions").training_view.data_plot
    frames = data_plot.region_frames
    redraws, cpu, wall = plot.redraws, time.thread_time(), time.perf_counter()
    controller.start_training(config)
    if not done:
        loop.exec()
    wall = time.perf_counter() - wall
    gui = (time.thread_time() - cpu) / wall  # this (the GUI) thread only
    redraws = (plot.redraws - redraws) / wall
    frames = data_plot.region_frames - frames
    for signal, slot in (
        (window.run_progressed, last.append),
        (window.run_finished, done.append),
        (window.run_finished, loop.quit),
    ):
        signal.disconnect(slot)
    assert done == ["done"], window.status_text()
    grids = sum(1 for p in last if p.probes and REGIONS_PROBE in p.probes)
    p = last[-1]
    return p.elapsed_s / p.step, grids, p.elapsed_s, gui, redraws, frames


def run(rec: Recorder) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    # One intra-op thread for both arms: on a shared 2-core machine torch's thread pool makes
    # this tiny model's step ~25x slower and so noisy that the comparison drowns.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        _run(rec, app, torch)
    finally:
        torch.set_num_threads(threads)


def _run(rec: Recorder, app, torch) -> None:
    from PySide6.QtCore import QSettings

    from explorer.core.document import Document
    from explorer.core.metrics import METRICS_PROBE, REGIONS_PROBE, decision_grid
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    torch.manual_seed(0)
    window = MainWindow(
        Document(demo_spec()),
        settings=QSettings(
            os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat
        ),
    )
    window.show()
    while not window.ready:
        app.processEvents()
    window.show_tab("TrainingTab")
    tv = window.part("run_actions").training_view
    tv.source.setCurrentIndex(tv.source.findData("spiral"))
    assert tv.fit_offer.apply(), window.status_text()
    tv.dataset_for()
    spent: list[float] = []
    views = {k: timed(window.run_probes[k], spent) for k in (METRICS_PROBE, REGIONS_PROBE)}
    initial = {k: v.clone() for k, v in window.document.net.state_dict().items()}
    bare, live, grids, elapsed, gui, redraws, frames = [], [], 0, 0.0, [], [], 0
    for _ in range(REPEATS):
        window.document.net.load_state_dict(initial)
        bare.append(app_run(window, {})[0])
        window.document.net.load_state_dict(initial)
        seconds, n, total, busy, drawn, painted = app_run(window, views)
        live.append(seconds)
        grids += n
        frames += painted
        elapsed += total
        gui.append(busy)
        redraws.append(drawn)
    print("    ms/step, no views:   " + " ".join(f"{t * 1e3:.3f}" for t in bare))
    print("    ms/step, live views: " + " ".join(f"{t * 1e3:.3f}" for t in live))
    b, v = min(bare), min(live)
    rec.add(
        "spiral b32 live regions+accuracy vs no views (per step)",
        v * 1e3,
        "ms",
        b * 1e3,
        "<= 1.05x",
        v / b <= 1.05,
    )
    rec.add(
        "  same, median vs median",
        median(live) * 1e3,
        "ms",
        median(bare) * 1e3,
        "(<= 1.05x)",
        median(live) / median(bare) <= 1.05,
    )
    share = sum(spent) / elapsed
    rec.add(
        "  time in regions+accuracy probes / run time",
        share * 100,
        "%",
        goal="<= 5%",
        met=share <= 0.05,
    )
    t0 = time.perf_counter()
    for _ in range(20):
        decision_grid(window.document.net, tv.data_plot.grid_request)
    rec.add(
        "  one 64x64 decision grid on the model's device", (time.perf_counter() - t0) * 50, "ms"
    )
    rec.add("  decision grids received per run", grids / REPEATS, "")
    rec.add(
        "  region frames repainted per run (a grid equal to the shown one is not)",
        frames / REPEATS,
        "",
    )
    rec.add("  GUI thread CPU share during the live run (median)", median(gui) * 100, "%")
    rec.add("  loss plot redraws per second (median)", median(redraws), "/s")
    window.part("run_actions").controller.shutdown()
    window.mark_saved()
    window.close()
