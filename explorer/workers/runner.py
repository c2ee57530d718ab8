"""Run a core generator in a QThread and forward what it yields as plain data.

Unlike superqt's generator workers (which turn a ``RuntimeError`` raised inside the
generator into a warning, see PITFALLS), every exception here ends the run with
``errored``: torch raises ``RuntimeError`` for shape and device errors and the user must
see them.

Signals (all delivered on the GUI thread)
-----------------------------------------
started()
progressed(object)      each value the generator yields (a ``Progress``)
paused_changed(bool)
settled()               a paused run's thread waits: the model stays still until Resume or Step
                        (``is_settled`` says so until then)
warned(str)             non-fatal messages from ``RunControl.warnings``
finished(str, object)   reason ``"done"`` or ``"cancelled"``, and the generator's return value
errored(str, str)       the message for the user, and the traceback
"""

from __future__ import annotations

import itertools
import sys
import threading
import traceback
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from explorer.core.errors import ExplorerError, error_message
from explorer.core.training import RunControl

GeneratorFactory = Callable[[RunControl], Generator[Any, None, Any]]

_ids = itertools.count(1)

#: Python's GIL switch interval while a run is going (the default is 5 ms). A run's thread
#: releases the GIL inside every torch op and needs it back, for microseconds, between
#: them; when the GUI thread is running Python (a view redrawing at display rate), the run
#: waits up to the switch interval for it at each such moment. A shorter interval bounds
#: that wait; the GUI then waits only for the run's next torch op, microseconds away.
RUN_SWITCH_INTERVAL_S = 0.0005


class _SwitchInterval:
    """Sets :data:`RUN_SWITCH_INTERVAL_S` while at least one run is going, then restores."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._saved = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self._lock:
            if self._users == 0:
                self._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved, RUN_SWITCH_INTERVAL_S))
            self._users += 1

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0:
                sys.setswitchinterval(self._saved)


_switch_interval = _SwitchInterval()


def user_message(exc: BaseException) -> str:
    """The sentence shown to the user: ours as written, torch's with its type and first line."""
    if isinstance(exc, ExplorerError):
        return error_message(exc)  # a Message when it has one: the UI shows it translated
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else 'no message'}"


class _RunThread(QThread):
    progressed = Signal(int, object)
    warned = Signal(int, object)  # object: a Message keeps its template across the signal
    done = Signal(int, str, object)
    failed = Signal(int, object, str)
    settled = Signal(int, int)  # run id, ``moves`` when the thread began to wait

    def __init__(self, run_id: int, factory: GeneratorFactory, parent: QObject):
        super().__init__(parent)
        import torch

        # torch's intra-op thread count is read per thread: the run uses the GUI thread's
        # (what a hand loop in the user's interpreter would use), set again in the worker.
        self.torch_threads = torch.get_num_threads()
        self.run_id = run_id
        self.factory = factory
        self.control = RunControl()
        self.cond = threading.Condition()
        self.paused = False
        self.cancelled = False
        self.step_requests = 0
        # Resume and Step requests so far (GUI thread, under ``cond``): a ``settled`` that
        # left before the latest one is stale (the thread has moved on since)
        self.moves = 0

    def run(self) -> None:  # noqa: D102 - QThread override, runs in the worker thread
        import torch

        if torch.get_num_threads() != self.torch_threads:
            torch.set_num_threads(self.torch_threads)
        with _switch_interval:
            self._run()

    def _run(self) -> None:
        gen = None
        try:
            gen = self.factory(self.control)
            while True:
                with self.cond:
                    if self.paused and not self.cancelled and not self.step_requests:
                        self.settled.emit(self.run_id, self.moves)  # between steps: still
                    while self.paused and not self.cancelled and not self.step_requests:
                        self.cond.wait()
                    if self.cancelled:
                        gen.close()  # GeneratorExit at the yield: the model is at a step boundary
                        self.done.emit(self.run_id, "cancelled", None)
                        return
                    if self.step_requests:  # asked while paused: the run stays paused
                        self.step_requests -= 1  # after this step, unless resumed meanwhile
                        self.control.yield_now = True
                try:
                    value = next(gen)
                except StopIteration as stop:
                    self._drain()
                    self.done.emit(self.run_id, "done", stop.value)
                    return
                self._drain()
                self.progressed.emit(self.run_id, value)
        except BaseException as exc:  # noqa: BLE001 - RuntimeError included: the user must see it
            self.failed.emit(self.run_id, user_message(exc), traceback.format_exc())
        finally:
            if gen is not None:
                gen.close()

    def _drain(self) -> None:
        while self.control.warnings:
            self.warned.emit(self.run_id, self.control.warnings.pop(0))


class Runner(QObject):
    """One run at a time; starting a new run cancels (and waits for) the previous one."""

    started = Signal()
    progressed = Signal(object)
    paused_changed = Signal(bool)
    settled = Signal()  # a paused run's thread waits between steps (see ``is_settled``)
    warned = Signal(object)  # str or Message (show it with ui.common.messages.message_text)
    finished = Signal(str, object)
    errored = Signal(object, str)  # (str or Message, traceback text)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: _RunThread | None = None
        self._settled = False

    # ----- state -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def paused(self) -> bool:
        return self._thread is not None and self._thread.paused

    @property
    def is_settled(self) -> bool:
        """No run, or a paused run whose thread waits: the model does not change now."""
        return self._thread is None or self._settled

    # ----- control -----------------------------------------------------------------------

    def start(self, factory: GeneratorFactory, paused: bool = False) -> None:
        """Run ``factory(control)`` (a generator) in a new thread."""
        self.stop()
        thread = _RunThread(next(_ids), factory, self)
        thread.paused = paused
        thread.progressed.connect(self._on_progressed)
        thread.warned.connect(self._on_warned)
        thread.done.connect(self._on_done)
        thread.failed.connect(self._on_failed)
        thread.settled.connect(self._on_settled)
        self._thread = thread
        self._settled = False
        self.started.emit()
        thread.start()

    def pause(self) -> None:
        self._set_paused(True)

    def resume(self) -> None:
        self._set_paused(False)

    def step_once(self) -> None:
        """Run one more step, then pause (pauses a running run at its next step)."""
        t = self._thread
        if t is None:
            return
        with t.cond:
            if t.paused:
                t.step_requests += 1
                t.moves += 1
                self._settled = False
                t.cond.notify_all()
            else:
                t.control.yield_now = True
                t.step_requests = 0
                t.paused = True
        self.paused_changed.emit(True)

    def cancel(self) -> None:
        """Ask the run to stop at the next step boundary (returns at once)."""
        t = self._thread
        if t is None:
            return
        with t.cond:
            t.cancelled = True
            t.control.yield_now = True
            t.cond.notify_all()

    def stop(self) -> None:
        """Cancel and wait for the thread; emits ``finished("cancelled")`` if it was running."""
        t = self._thread
        if t is None:
            return
        self.cancel()
        t.wait()
        if self._thread is t:  # its queued signals are now stale and ignored
            self._thread = None
            t.deleteLater()
            self.finished.emit("cancelled", None)

    def _set_paused(self, paused: bool) -> None:
        t = self._thread
        if t is None or t.paused == paused:
            return
        with t.cond:
            t.paused = paused
            if paused:
                t.control.yield_now = True
            else:
                t.moves += 1
                self._settled = False
            t.cond.notify_all()
        self.paused_changed.emit(paused)

    # ----- from the thread (queued onto the GUI thread) ------------------------------------

    def _current(self, run_id: int) -> bool:
        return self._thread is not None and self._thread.run_id == run_id

    def _on_progressed(self, run_id: int, value: object) -> None:
        if self._current(run_id):
            self.progressed.emit(value)

    def _on_settled(self, run_id: int, moves: int) -> None:
        t = self._thread
        if t is None or t.run_id != run_id:
            return
        with t.cond:
            still = t.paused and not t.cancelled and not t.step_requests and t.moves == moves
        if still:
            self._settled = True
            self.settled.emit()

    def _on_warned(self, run_id: int, text: object) -> None:
        if self._current(run_id):
            self.warned.emit(text)

    def _end(self) -> None:
        t, self._thread = self._thread, None
        if t is not None:
            t.wait()
            t.deleteLater()

    def _on_done(self, run_id: int, reason: str, result: object) -> None:
        if self._current(run_id):
            self._end()
            self.finished.emit(reason, result)

    def _on_failed(self, run_id: int, message: object, details: str) -> None:
        if self._current(run_id):
            self._end()
            self.errored.emit(message, details)
