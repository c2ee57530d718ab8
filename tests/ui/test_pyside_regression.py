"""PySide6 6.12.0 on Python < 3.12 aborts after a few thousand bool emits (see PITFALLS)."""

import subprocess
import sys

CODE = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal(bool)
e = Emitter()
seen = []
e.fired.connect(seen.append)
for i in range(10_000):
    e.fired.emit(True)
    e.fired.emit(False)
print(len(seen))
"""


def test_ten_thousand_bool_signals_do_not_abort_the_interpreter():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "20000"


COPY_THEN_EXIT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from explorer.core.document import Document
from explorer.ui.files.file_actions import demo_spec
from explorer.ui.shell.main_window import MainWindow
w = MainWindow(Document(demo_spec()), settings=QSettings(os.devnull, QSettings.Format.IniFormat))
w.selection.select_layers([w.document.spec.children[0].id])
assert w.part("builder").copy()
print("copied")
"""


def test_copying_layers_then_exiting_does_not_crash_the_interpreter():
    # Qt destroyed the clipboard's QMimeData after Python had finalized: exit code 139.
    out = subprocess.run([sys.executable, "-c", COPY_THEN_EXIT], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "copied"
    assert out.returncode == 0, out.stderr[-500:]
