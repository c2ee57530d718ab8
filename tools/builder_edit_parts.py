"""Where one builder edit of a 1,000-layer model spends its time, part by part.

The edit is benchmarks/bench_builder.py's (insert a ReLU at 500, re-infer, repaint, then
undo), on the same model. Each listener of ``document.spec_changed`` is timed, and so
are the rebuild, the spec check, the shape inference, the synchronous repaint and the
events after it. Times are the thread's CPU time (``--wall`` for wall-clock), which a
loaded machine inflates less than wall-clock; medians and minima over the edits.

Usage: QT_QPA_PLATFORM=offscreen python tools/builder_edit_parts.py [EDITS] [--wall]
(it measures the checkout it lies in, not an installed copy).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's explorer


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("NN_EXPLORER_DATA_DIR", tempfile.mkdtemp(prefix="nn-explorer-parts-"))
    clock = time.perf_counter if "--wall" in argv else time.thread_time
    edits_n = next((int(a) for a in argv if a.isdigit()), 15)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from explorer.core import document as document_module
    from explorer.core import edits, events
    from explorer.core.document import Document
    from explorer.core.spec import LayerSpec, sequential
    from explorer.ui.shell.main_window import MainWindow

    L = LayerSpec.make
    layers = []
    for i in range(500):
        layers += [L("Linear", in_features=64 + i % 50, out_features=64 + (i + 1) % 50), L("ReLU")]
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(sequential(*layers, input_shape=(32, 64))), settings=settings)
    window.resize(1400, 900)
    window.show()
    while not window.ready:
        app.processEvents()
    app.processEvents()

    now: dict[str, float] = defaultdict(float)

    def timed(name, f):
        def run(*args, **kwargs):
            t0 = clock()
            try:
                return f(*args, **kwargs)
            finally:
                now[name] += (clock() - t0) * 1e3

        return run

    def emit(self, *args):  # Event.emit, with each listener timed
        for callback in list(self._callbacks):
            code = getattr(callback, "__code__", None)
            name = getattr(callback, "__qualname__", repr(callback))
            if name.endswith("<lambda>") and code is not None:
                name = f"{os.path.basename(code.co_filename)}:{code.co_firstlineno}"
            timed(f"listener {name}", callback)(*args)

    events.Event.emit = emit
    doc = window.document
    doc._rebuild = timed("rebuild (in set_spec)", doc._rebuild)
    document_module.validate = timed("validate (in set_spec)", document_module.validate)
    document_module.infer_shapes = timed(
        "infer_shapes (in a listener)", document_module.infer_shapes
    )
    canvas = window.part("canvas")
    seen: dict[str, list[float]] = defaultdict(list)
    for n in range(edits_n + 1):
        now.clear()
        new = edits.insert(doc.spec, (), 500, L("ReLU"))
        t0 = clock()
        timed("push_spec", window.push_spec)(new, "Add ReLU")
        timed("repaint", canvas.viewport().repaint)()
        timed("events", app.processEvents)()
        now["TOTAL"] = (clock() - t0) * 1e3
        if n:  # the first edit warms up
            for k, v in now.items():
                seen[k].append(v)
        window.undo_stack.undo()
        app.processEvents()
    print(f"{'median':>8} {'min':>8}  ms ({'wall' if clock is time.perf_counter else 'CPU'})")
    for k, v in sorted(seen.items(), key=lambda kv: -statistics.median(kv[1])):
        if statistics.median(v) >= 0.1:
            print(f"{statistics.median(v):8.2f} {min(v):8.2f}  {k}")
    window.mark_saved()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
