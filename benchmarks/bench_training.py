"""Training in the app vs a hand-written loop, and the GUI's heartbeat meanwhile.

MLP 784-1024-1024-10, batch 256, SGD, cross-entropy. The app run goes through the real
window: Train in the worker thread, the loss curve and progress bar updated from each
Progress, and a statistics probe (per-parameter mean/std/norm and a 64-bin histogram of
every weight and gradient, computed on the device) standing in for the live views.
Runs are interleaved (hand, app, hand in a thread, core, hand, app, ...) so machine noise
hits all alike; the best and the median of each are compared.

Two baselines, both labelled in the rows:

* the hand loop on the main thread, as a learner runs it in a script;
* the same loop in a fresh thread, as the app's run gets one. torch here uses GNU OpenMP,
  whose idle threads spin (``GOMP_SPINCOUNT``: 300,000 turns when ``OMP_WAIT_POLICY`` is
  unset) before they sleep, except when the process has more OpenMP threads than there
  are CPUs: then 100 turns (libgomp's manual). A run's thread shares the process with the
  GUI thread's OpenMP pool, so its team spins briefly; the main-thread loop alone spins
  fully. On a quiet machine the two baselines are alike; on a loaded one a spinning
  thread takes the CPU its partner needs, and the main-thread loop was 1.4-2.1x slower
  than the same loop in a thread (medians at load 2.5-5 on 2 cores; with
  ``OMP_WAIT_POLICY=PASSIVE`` or ``GOMP_SPINCOUNT=1000`` the gap closed). The thread
  baseline puts both arms in the same OpenMP situation.

Every arm runs with the same torch intra-op thread count (recorded in each arm's own
thread and checked equal), first with torch's default, then with one thread, where no
OpenMP team waits on a thread the GUI or the machine took away.
"""

from __future__ import annotations

import copy
import os
import statistics
import tempfile
import threading
import time

from benchmarks.recorder import Recorder

STEPS = int(os.environ.get("BENCH_TRAIN_STEPS", "100"))
BATCH = 256
REPEATS = int(os.environ.get("BENCH_TRAIN_REPEATS", "5"))


def stats_probe(net, batch_x):
    """What the live parameter views ask for: summary statistics and histograms, on device."""
    import torch

    rows, hists = [], []
    for p in net.parameters():
        for t in (p.detach(), p.grad):
            if t is None:
                continue
            f = t.float().flatten()
            rows.append(
                torch.stack([f.mean(), f.std(), f.abs().max(), torch.linalg.vector_norm(f)])
            )
            hists.append(torch.histc(f, bins=64))
    return torch.stack(rows).cpu().numpy(), torch.stack(hists).cpu().numpy()


def mlp_spec():
    from explorer.core.spec import LayerSpec, sequential

    L = LayerSpec.make
    return sequential(
        L("Linear", in_features=784, out_features=1024),
        L("ReLU"),
        L("Linear", in_features=1024, out_features=1024),
        L("ReLU"),
        L("Linear", in_features=1024, out_features=10),
        input_shape=(BATCH, 784),
    )


def hand_loop(net, x, y, lr: float, seed: int) -> float:
    """The loop a person writes; returns seconds per step."""
    seconds: list[float] = []
    for _ in hand_steps(net, x, y, lr, seed, seconds):
        pass
    return seconds[0]


def hand_steps(net, x, y, lr: float, seed: int, seconds: list, report_hz: float | None = None):
    """The hand loop as a generator: it yields the step count ``report_hz`` times a second
    (as a run in the app reports; ``None``: never), and appends its seconds per step to
    ``seconds`` when done."""
    import torch

    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    step = 0
    t0 = last = time.perf_counter()
    while step < STEPS:
        for idx in torch.randperm(len(x), generator=g).split(BATCH):
            if step == STEPS:
                break
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            step += 1
            if report_hz is not None and (now := time.perf_counter()) - last >= 1 / report_hz:
                last = now
                yield step
    loss.item()
    seconds.append((time.perf_counter() - t0) / STEPS)


def hand_loop_in_thread(net, x, y, lr: float, seed: int) -> tuple[float, int]:
    """:func:`hand_loop` in a fresh thread; (seconds per step, torch threads seen there)."""
    import torch

    out: list = []

    def body() -> None:
        out.append((hand_loop(net, x, y, lr, seed), torch.get_num_threads()))

    t = threading.Thread(target=body)
    t.start()
    t.join()
    return out[0]


def counting_threads(probe, seen: set[int]):
    """``probe`` that records the torch thread count of the thread it runs in (the run's)."""

    def run(net, batch_x):
        import torch

        seen.add(torch.get_num_threads())
        return probe(net, batch_x)

    return run


def app_run(
    window,
    app,
    initial,
    heartbeat: list[float] | None,
    gui_share: list[float],
    probed: list[int] | None = None,
    steps_share: list[float] | None = None,
) -> float:
    """Train through the window's controller; returns seconds per step (from Progress).

    Appends to ``gui_share`` the GUI thread's CPU time over the run's wall time: on a
    machine with as many cores as torch has threads, every millisecond the GUI computes
    is taken from a training thread, so this share is about what the window adds.
    With a ``heartbeat`` list, a 10 ms timer on the GUI thread records how late each tick
    came. The timer is the benchmark's, not the app's: its 100 wake-ups a second doubled
    the GUI thread's share (1.3% -> 2.8% of the run, 1 torch thread), so the timed runs
    go without it and a separate run measures the heartbeat. ``probed`` gets the number of
    ticks that brought probe results (the window keeps the probes' cost from one Train to
    the next, so its first Train probes at the first tick and later ones when 2% pays).
    ``steps_share`` gets the GUI thread's CPU share between the run's first and last
    Progress: while the steps go, without the run's start and end (its thread, the final
    probes' views, the final accuracy).
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from explorer.core.losses import OptimizerConfig
    from explorer.core.training import TrainConfig

    window.document.net.load_state_dict(initial)
    # each repeat is a fresh run: Train otherwise continues the step count (issue 15)
    window.part("run_actions").controller.set_steps_done(0)
    config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", BATCH, STEPS, seed=0)
    last = []
    window.run_progressed.connect(last.append)
    marks: list[tuple[float, float]] = []  # (GUI thread CPU, wall) at each Progress

    def mark(_) -> None:
        marks.append((time.thread_time(), time.perf_counter()))

    window.run_progressed.connect(mark)
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done = []
    loop = QEventLoop()
    window.run_finished.connect(done.append)
    window.run_finished.connect(loop.quit)
    if heartbeat is not None:
        timer.start(10)
    cpu0, wall0 = time.thread_time(), time.perf_counter()
    window.part("run_actions").controller.start_training(config)
    if not done:
        loop.exec()  # the GUI thread idles in its event loop, as in the app
    gui_share.append((time.thread_time() - cpu0) / (time.perf_counter() - wall0))
    timer.stop()
    window.run_finished.disconnect(loop.quit)
    window.run_progressed.disconnect(last.append)
    window.run_progressed.disconnect(mark)
    window.run_finished.disconnect(done.append)
    if steps_share is not None and len(marks) >= 3:
        (cpu_a, wall_a), (cpu_b, wall_b) = marks[0], marks[-2]  # the last: the final tick
        steps_share.append((cpu_b - cpu_a) / (wall_b - wall_a))
    assert done == ["done"], window.status_text()
    if heartbeat is not None:
        heartbeat += [(b - a) * 1e3 - 10.0 for a, b in zip(ticks, ticks[1:], strict=False)]
    if probed is not None:
        probed.append(sum(1 for p in last if p.probes))
    p = last[-1]
    return p.elapsed_s / p.step


def core_run(net, data, initial, costs) -> float:
    """The core generator alone, in this thread, with the probe: seconds per step.

    ``costs`` (:class:`~explorer.core.training.ExtraCosts`) is kept from run to run, as the
    window keeps it between Trains of one model.
    """
    from explorer.core.losses import OptimizerConfig
    from explorer.core.training import TrainConfig, train

    net.load_state_dict(initial)
    config = TrainConfig(OptimizerConfig("sgd", 0.01), "cross_entropy", BATCH, STEPS, seed=0)
    last = None
    probes = {"stats": stats_probe}
    for last in train(net, data, config, probes=probes, extra_costs=costs):  # noqa: B007
        pass
    return last.elapsed_s / last.step


def open_window(probe):
    """(app, window, dataset): the MLP in a shown window, its Training tab in front, teacher
    data of 8 batches with no held-out part, and ``probe`` as the run's "stats" probe."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from explorer.core.data import DataSpec
    from explorer.core.document import Document
    from explorer.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    torch.manual_seed(0)
    window = MainWindow(
        Document(mlp_spec()),
        settings=QSettings(
            os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat
        ),
    )
    window.show()
    while not window.ready:
        app.processEvents()
    # the tab a user watches a run in: its loss curve and progress bar are drawn (a hidden
    # tab draws nothing, and with the Code tab in front the GUI thread took 0.8% of the
    # steps' time instead of 5%)
    window.show_tab("TrainingTab")
    window.run_probes["stats"] = probe
    tv = window.part("run_actions").training_view
    tv.source.setCurrentIndex(tv.source.findData("teacher"))
    tv.samples.setValue(BATCH * 8)
    tv.held_out.setValue(0)
    return app, window, tv.dataset_for(DataSpec("teacher", n=BATCH * 8, eval_fraction=0.0))


def close_window(window) -> None:
    window.part("run_actions").controller.shutdown()
    window.mark_saved()
    window.close()


def run(rec: Recorder) -> None:
    import torch

    seen: set[int] = set()
    app, window, data = open_window(counting_threads(stats_probe, seen))
    default = torch.get_num_threads()
    try:
        for threads in dict.fromkeys((default, 1)):
            torch.set_num_threads(threads)
            seen.clear()
            _pass(rec, window, app, data, threads, seen, first=threads == default)
    finally:
        torch.set_num_threads(default)
    close_window(window)


def _pass(rec: Recorder, window, app, data, threads: int, seen: set[int], first: bool) -> None:
    """Interleaved repeats of every arm at ``threads`` torch threads, and their rows."""
    import torch

    x, y = data.X, data.y.argmax(dim=1)
    initial = copy.deepcopy(window.document.net.state_dict())
    hand_net = copy.deepcopy(window.document.net)
    hand, threaded, ours, core, heartbeat, gui_share, steps_share = [], [], [], [], [], [], []
    hand_cpu, app_cpu = [], []  # the process's CPU seconds per step (all its threads)
    probed: list[int] = []
    from explorer.core.training import ExtraCosts

    core_costs = ExtraCosts()
    for _ in range(REPEATS):
        hand_net.load_state_dict(initial)
        cpu = time.process_time()
        hand.append(hand_loop(hand_net, x, y, 0.01, 0))
        hand_cpu.append((time.process_time() - cpu) / STEPS)
        cpu = time.process_time()
        ours.append(app_run(window, app, initial, None, gui_share, probed, steps_share))
        app_cpu.append((time.process_time() - cpu) / STEPS)
        if first:  # the heartbeat's own run, not timed
            app_run(window, app, initial, heartbeat, [])
        hand_net.load_state_dict(initial)
        seconds, in_thread = hand_loop_in_thread(hand_net, x, y, 0.01, 0)
        threaded.append(seconds)
        seen.add(in_thread)
        core.append(core_run(hand_net, data, initial, core_costs))
    seen.add(torch.get_num_threads())  # the main thread's (hand loop, core)
    assert seen == {threads}, f"torch thread counts differ between the arms: {seen}"
    for name, runs in (("hand", hand), ("hand/thread", threaded), ("app", ours), ("core", core)):
        print(
            f"    {threads} thread(s) {name:<12} ms/step: "
            + " ".join(f"{t * 1e3:.1f}" for t in runs)
        )
    print(f"    {threads} thread(s) app ticks with probe results: {probed}")
    med = statistics.median
    h, o, t = min(hand), min(ours), min(threaded)
    tag = "" if first else f" [{threads} thread]"
    rec.add(
        f"train step MLP 784-1024-1024-10 b256 +probes vs hand loop{tag}",
        o * 1e3,
        "ms",
        h * 1e3,
        "<= 1.05x",
        o / h <= 1.05,
    )
    rec.add(
        f"  same, median app vs median hand ({threads} torch threads, all arms)",
        med(ours) * 1e3,
        "ms",
        med(hand) * 1e3,
        "(<= 1.05x)",
        med(ours) / med(hand) <= 1.05,
    )
    # each app run came right after a hand loop: the ratio of such a pair cancels most of
    # the machine's slow drifts (another process's load) that best-of and median cannot
    paired = med([a / b for a, b in zip(ours, hand, strict=True)])
    rec.add(
        f"  same, median of paired ratios (each app run / the hand loop just before, n={len(hand)})",
        paired,
        "x",
        goal="(<= 1.05x)",
        met=paired <= 1.05,
    )
    rec.add(
        "  app vs the hand loop in a fresh thread (same OpenMP spin), best",
        o * 1e3,
        "ms",
        t * 1e3,
        "<= 1.05x",
        o / t <= 1.05,
    )
    rec.add(
        "  app vs the hand loop in a fresh thread, median",
        med(ours) * 1e3,
        "ms",
        med(threaded) * 1e3,
        "(<= 1.05x)",
        med(ours) / med(threaded) <= 1.05,
    )
    rec.add(
        "  core train() generator alone (no thread, no GUI) +probes",
        min(core) * 1e3,
        "ms",
        h * 1e3,
        "<= 1.05x",
        min(core) / h <= 1.05,
    )
    if threads == 1:
        # With one torch thread no OpenMP thread spins or waits for a partner the machine
        # took away, so CPU time is what each arm computes; preemption by other work on a
        # shared machine does not count. The app's includes everything a Train costs: the
        # GUI thread, the run's thread start, the checks before the first step, the probes
        # and the final tick's extras and accuracy.
        rec.add(
            "  process CPU per step, app (all of a Train) vs hand loop [1 thread], median",
            med(app_cpu) * 1e3,
            "ms",
            med(hand_cpu) * 1e3,
            "(<= 1.05x)",
            med(app_cpu) / med(hand_cpu) <= 1.05,
        )
    rec.add(
        "  GUI thread CPU during the app run, median share of its wall time",
        100 * med(gui_share),
        "%",
        goal="(no goal: what the window takes from torch's threads)",
    )
    if steps_share:
        rec.add(
            "  the same while the steps go (first to last Progress), median",
            100 * med(steps_share),
            "%",
            goal="(frames keep to 2%: FRAME_SHARE)",
        )
    if not first:
        return
    lateness = sorted(heartbeat)
    p99 = lateness[int(0.99 * (len(lateness) - 1))]
    worst = lateness[-1]
    rec.add(
        "GUI heartbeat lateness p99 during training (10 ms timer)",
        p99,
        "ms",
        goal="< 10 ms",
        met=p99 < 10,
    )
    rec.add(
        "GUI heartbeat lateness max during training", worst, "ms", goal="< 40 ms", met=worst < 40
    )
