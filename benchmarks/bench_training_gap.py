"""Where the app's training overhead goes: the same steps, one layer of the app at a time.

``bench_training`` compares the app's Train with a hand-written loop. This splits the
difference. Every round runs each arm once, in an order rotated from round to round,
and each arm is divided by the hand loop of its own round (machine noise on a shared
host moves whole rounds; a paired ratio cancels most of it). Arms, each adding one thing:

1. the hand loop on the main thread (the baseline);
2. the same loop in a fresh Python thread (the thread alone);
3. the same loop as a generator in the app's ``Runner`` (a QThread yielding a report
   ``PROGRESS_HZ`` times a second while the GUI thread idles in its event loop; the window
   does not see the reports);
4. the core ``train()`` generator with the statistics probe, in the ``Runner`` (the
   window does not see its reports);
5. the app's Train with the Code tab in front (the window takes the reports; no frames);
6. the app's Train with the Training tab in front (its loss curve and bar are drawn).

MLP 784-1024-1024-10, batch 256, SGD, as in ``bench_training``; torch's default thread
count (on a 2-core machine every core is a torch thread, so any other work waits for one).
"""

from __future__ import annotations

import copy
import os
import statistics

from benchmarks import bench_training as bt
from benchmarks.recorder import Recorder

ROUNDS = int(os.environ.get("BENCH_GAP_ROUNDS", "8"))
STEPS = int(os.environ.get("BENCH_GAP_STEPS", "60"))


def in_runner(factory) -> None:
    """Run ``factory`` (a generator factory) in the app's Runner; the GUI thread idles."""
    from PySide6.QtCore import QEventLoop

    from explorer.workers.runner import Runner

    runner = Runner()
    loop = QEventLoop()
    ended: list = []
    runner.finished.connect(lambda reason, _: (ended.append(reason), loop.quit()))
    runner.errored.connect(lambda message, _: (ended.append(message), loop.quit()))
    runner.start(factory)
    if not ended:
        loop.exec()
    runner.deleteLater()
    assert ended == ["done"], ended


def run(rec: Recorder) -> None:
    import torch

    from explorer.core.losses import OptimizerConfig
    from explorer.core.training import ExtraCosts, TrainConfig, train
    from explorer.ui.run.run_controller import PROGRESS_HZ

    saved_steps = bt.STEPS
    bt.STEPS = STEPS  # the hand loop's and the app's length
    app, window, data = bt.open_window(bt.stats_probe)
    x, y = data.X, data.y.argmax(dim=1)
    initial = copy.deepcopy(window.document.net.state_dict())
    net = copy.deepcopy(window.document.net)
    runner_costs = ExtraCosts()

    def hand() -> float:
        net.load_state_dict(initial)
        return bt.hand_loop(net, x, y, 0.01, 0)

    def thread() -> float:
        net.load_state_dict(initial)
        return bt.hand_loop_in_thread(net, x, y, 0.01, 0)[0]

    def runner_hand() -> float:
        net.load_state_dict(initial)
        out: list[float] = []
        in_runner(lambda control: bt.hand_steps(net, x, y, 0.01, 0, out, PROGRESS_HZ))
        return out[0]

    def runner_core() -> float:
        net.load_state_dict(initial)
        config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", bt.BATCH, STEPS)
        out: list[float] = []

        def factory(control):
            last = None
            probes = {"stats": bt.stats_probe}
            for last in train(
                net, data, config, probes=probes, control=control, extra_costs=runner_costs
            ):
                yield last
            out.append(last.elapsed_s / last.step)

        in_runner(factory)
        return out[0]

    def app_in(tab: str):
        def arm() -> float:
            window.show_tab(tab)
            for _ in range(3):  # the tab's first paint is done before the run, not in it
                app.processEvents()
            return bt.app_run(window, app, initial, None, [])

        return arm

    arms = {
        "hand loop, main thread": hand,
        "+ a fresh thread": thread,
        "+ the app's Runner (QThread, reports)": runner_hand,
        "+ core train() and its probe, in the Runner": runner_core,
        "the app's Train, Code tab in front": app_in("CodeTab"),
        "the app's Train, Training tab in front": app_in("TrainingTab"),
    }
    names = list(arms)
    try:
        for arm in arms.values():  # warm-up: allocators, OpenMP teams, first paints
            arm()
        times: dict[str, list[float]] = {name: [] for name in names}
        for r in range(ROUNDS):
            k = r % len(names)
            for name in names[k:] + names[:k]:
                times[name].append(arms[name]())
    finally:
        bt.STEPS = saved_steps
        bt.close_window(window)
    base = times[names[0]]
    threads = torch.get_num_threads()
    print(f"    {threads} torch thread(s), {ROUNDS} rounds of {STEPS} steps, rotated order")
    for name in names:
        print(f"    {name:<46} ms/step: " + " ".join(f"{t * 1e3:.1f}" for t in times[name]))
    for name in names[1:]:
        paired = statistics.median(a / b for a, b in zip(times[name], base, strict=True))
        rec.add(
            f"training gap vs hand loop, paired median: {name}",
            paired,
            "x",
            goal="(the layers' shares)",
        )
