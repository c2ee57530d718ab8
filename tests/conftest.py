"""Shared fixtures. Qt tests run offscreen; settings go to a temporary folder."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("PYTEST_XDIST_WORKER"):
    # `make test` runs one worker per core. torch's own intra-op threads on top of that
    # oversubscribe the cores, and small steps then run many times slower (PITFALLS).
    # Set before torch is imported, so CLI subprocesses of the tests inherit it too.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)

import pytest  # noqa: E402

from explorer.resources import examples_dir  # noqa: E402

EXAMPLES = sorted(examples_dir().glob("*.nnx.json"))


@pytest.fixture
def example_paths():
    return EXAMPLES


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """A modal box nobody answers would hang the suite (and CI) forever.

    Unless a test patches a box itself to check it, "unsaved changes?" answers Discard and
    information boxes answer OK.
    """
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # core tests on a machine without Qt
        return
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)


@pytest.fixture
def cli_run(capsys):
    """``nn-explorer ARGS`` in this process: its exit status and output, as a child's.

    Each child process pays for importing torch (seconds of a 2-core machine); the tests
    that are about the process itself (Ctrl-C, file limits, no display, Qt never imported)
    still start one.
    """
    import subprocess

    from explorer.__main__ import main

    def run(*args):
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse's usage errors
            code = e.code if isinstance(e.code, int) else 2
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    return run


@pytest.fixture
def settings(tmp_path):
    """A QSettings in a temp folder, so tests never touch the user's settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    """The main window on the demo model, as ``nn-explorer`` opens it."""
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    w = MainWindow(Document(demo_spec()), settings=settings)
    # qtbot closes its widgets before this fixture's teardown: no "unsaved changes" prompt.
    qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
    w.show()
    qtbot.waitUntil(lambda: w.ready)
    yield w
    w.mark_saved()  # no "unsaved changes" prompt while closing in tests
    w.close()


def pytest_sessionfinish(session, exitstatus):
    """Close every window while Python is alive, and remember how the run ended."""
    session.config.explorer_exitstatus = int(exitstatus)
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    app = QApplication.instance()
    if app is None:
        return
    app.clipboard().clear()
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave with pytest's status once everything is reported.

    After the interpreter finalizes, Qt's own C++ exit handlers destroy objects that still
    point at PySide wrappers, and that occasionally ends the process with a segmentation
    fault (exit 139) after a green run. Nothing is left to do by then, so skip that phase.
    """
    status = getattr(config, "explorer_exitstatus", None)
    if status is not None and "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
