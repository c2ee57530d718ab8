"""Shared fixtures. Qt tests run offscreen; settings go to a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from explorer.resources import examples_dir  # noqa: E402

EXAMPLES = sorted(examples_dir().glob("*.nnx.json"))


@pytest.fixture
def example_paths():
    return EXAMPLES


@pytest.fixture
def settings(tmp_path):
    """A QSettings in a temp folder, so tests never touch the user's settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    """The main window on the demo model, as ``nn-explorer`` opens it."""
    from explorer.core.document import Document
    from explorer.ui.file_actions import demo_spec
    from explorer.ui.main_window import MainWindow

    w = MainWindow(Document(demo_spec()), settings=settings)
    # qtbot closes its widgets before this fixture's teardown: no "unsaved changes" prompt.
    qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
    w.show()
    qtbot.waitUntil(lambda: w.ready)
    yield w
    w.mark_saved()  # no "unsaved changes" prompt while closing in tests
    w.close()
