"""The runner drives core generators in a thread; every ending reaches the GUI thread."""

import threading
import time

import pytest
from torch import nn

from explorer.core.data import DataSpec, from_tensors, make_dataset
from explorer.core.progress import Progress
from explorer.core.training import TrainConfig, train
from explorer.workers.runner import Runner


@pytest.fixture
def runner(qtbot):
    r = Runner()
    yield r
    r.stop()
    assert not r.running


def counting(n, delay=0.0):
    def factory(control):
        def gen():
            for i in range(1, n + 1):
                time.sleep(delay)
                yield Progress(step=i, total=n)
            return "result"

        return gen()

    return factory


def test_a_run_finishes_with_its_result_after_all_progress(qtbot, runner):
    seen = []
    runner.progressed.connect(lambda p: seen.append(p.step))
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(counting(3))
    assert blocker.args == ["done", "result"]
    assert seen == [1, 2, 3] and not runner.running


def test_cancel_stops_a_long_run(qtbot, runner):
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start(counting(10_000, delay=0.01))
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.cancel()
    assert blocker.args[0] == "cancelled"


def test_a_runtime_error_inside_the_generator_is_reported(qtbot, runner):
    def factory(control):
        def gen():
            yield Progress(step=1, total=2)
            raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)")

        return gen()

    with qtbot.waitSignal(runner.errored, timeout=5000) as blocker:
        runner.start(factory)
    message, details = blocker.args
    assert message == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"
    assert "Traceback" in details and not runner.running


def test_nan_during_training_stops_the_run_with_the_step(qtbot, runner):
    data = make_dataset(DataSpec("moons", n=64, eval_fraction=0))
    x = data.X.clone()
    x[5] = float("nan")
    data = from_tensors("poisoned", x, data.y)
    net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 2))
    config = TrainConfig(loss="cross_entropy", steps=500, batch_size=8)
    with qtbot.waitSignal(runner.errored, timeout=10000) as blocker:
        runner.start(lambda control: train(net, data, config, control=control))
    assert "training stopped at step" in blocker.args[0]
    assert "layer 0 (Linear)" in blocker.args[0]


def test_pause_then_single_steps_advance_one_yield_each(qtbot, runner):
    seen = []
    runner.progressed.connect(lambda p: seen.append(p.step))
    runner.start(counting(100), paused=True)
    assert runner.paused
    for expected in (1, 2):
        with qtbot.waitSignal(runner.progressed, timeout=5000):
            runner.step_once()
        assert seen[-1] == expected and runner.paused
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.resume()
    assert seen[-1] == 100


def test_starting_a_new_run_cancels_the_old_one(qtbot, runner):
    ended = []
    runner.finished.connect(lambda reason, result: ended.append(reason))
    runner.start(counting(10_000, delay=0.01))
    with qtbot.waitSignal(runner.finished, timeout=5000, check_params_cb=lambda r, _: r == "done"):
        runner.start(counting(2))
    assert ended == ["cancelled", "done"]


def test_the_generator_runs_off_the_gui_thread(qtbot, runner):
    threads = []

    def factory(control):
        def gen():
            threads.append(threading.current_thread())
            yield Progress(step=1, total=1)

        return gen()

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(factory)
    assert threads and threads[0] is not threading.main_thread()


def test_a_run_shortens_the_gil_switch_interval_and_restores_it_when_it_ends(qtbot, runner):
    import sys

    from explorer.workers.runner import RUN_SWITCH_INTERVAL_S

    before = sys.getswitchinterval()
    seen = []

    def factory(control):
        def gen():
            seen.append(sys.getswitchinterval())
            yield Progress(step=1, total=1)

        return gen()

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(factory)
    assert seen == [pytest.approx(min(before, RUN_SWITCH_INTERVAL_S))]
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)


def test_a_run_uses_the_gui_threads_torch_thread_count(qtbot, runner):
    import torch

    def factory(control):
        def gen():
            yield Progress(step=1, total=1)
            return torch.get_num_threads()

        return gen()

    saved = torch.get_num_threads()
    try:
        for count in (1, saved):
            torch.set_num_threads(count)
            with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
                runner.start(factory)
            assert blocker.args == ["done", count]
    finally:
        torch.set_num_threads(saved)


def test_a_paused_run_settles_when_its_thread_waits_and_moves_again_on_resume_or_step(
    qtbot, runner
):
    """``settled`` comes after the last yield before the wait; Resume and Step end it at once."""
    state = {"step": 0, "inside": False}

    def factory(control):
        def gen():
            for i in range(1, 100_000):
                state["inside"] = True  # the step: the model is moving
                time.sleep(0.002)
                state["step"] = i
                state["inside"] = False
                yield Progress(step=i, total=None)

        return gen()

    assert runner.is_settled  # no run: nothing moves
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start(factory)
    assert not runner.is_settled
    with qtbot.waitSignal(runner.settled, timeout=5000):
        runner.pause()
    assert runner.is_settled and not state["inside"]
    step = state["step"]
    qtbot.wait(50)
    assert state["step"] == step  # settled means still

    with qtbot.waitSignal(runner.settled, timeout=5000):
        runner.step_once()
        assert not runner.is_settled  # asked to move: not still until it waits again
    assert runner.is_settled and state["step"] == step + 1

    runner.resume()
    assert not runner.is_settled
    qtbot.waitUntil(lambda: state["step"] > step + 3, timeout=5000)
    assert not runner.is_settled


def test_a_resume_pressed_during_a_single_step_is_not_lost(qtbot, runner):
    """Resume while a single step runs: the run goes on after that step. (The worker once
    set ``paused`` again after emitting the step's Progress, overriding a Resume that came
    in between: the window showed a running run that stayed paused.)"""
    in_step, go_on = threading.Event(), threading.Event()

    def factory(control):
        def gen():
            for i in range(1, 51):
                if i == 1:
                    in_step.set()
                    go_on.wait(5)
                yield Progress(step=i, total=50)

        return gen()

    seen = []
    runner.progressed.connect(lambda p: seen.append(p.step))
    runner.start(factory, paused=True)
    runner.step_once()
    assert in_step.wait(5)
    runner.resume()  # while step 1 runs
    with qtbot.waitSignal(runner.finished, timeout=5000):
        go_on.set()
    assert seen[-1] == 50 and not runner.paused
