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
