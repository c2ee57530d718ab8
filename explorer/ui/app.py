"""Start the Qt application and show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "NN Explorer"
APPLICATION = "nn-explorer"


def create_window(path: str | None = None, settings=None):
    """The main window on the demo model, or on ``path`` when given (used by tests too).

    The demo model is built after ``torch.manual_seed`` of the default seed, as File > New
    builds a model, so the Code tab's script builds the same weights. ``settings``: a
    QSettings (the user's by default).
    """
    import torch

    from explorer.app.run_settings import RunSettings
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    seed = RunSettings().seed
    torch.manual_seed(seed)
    window = MainWindow(Document(demo_spec()), settings=settings)
    window.session.mark_seeded(seed)
    if path:
        window.part("file_actions").open_path(Path(path))
    return window


def freeze_startup_objects() -> None:
    """Take what start-up made out of the garbage collector's full passes.

    torch, Qt and the window leave about 220,000 objects that live as long as the app. A
    full collection walked all of them: a 130-160 ms pause about every eighth edit of a
    1,000-layer model. Frozen (``gc.freeze``, made for long-lived processes), a full pass
    walks only what was made since, and nothing is freed that start-up did not keep.
    """
    import gc

    gc.collect()
    gc.freeze()


def freeze_when_started(window) -> None:
    """Freeze start-up's objects after the first paint and the model's views are done."""
    from PySide6.QtCore import QTimer

    window.when_ready(lambda: QTimer.singleShot(0, freeze_startup_objects))


def run_app(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("NN Explorer")
    from explorer.ui.shell.i18n import chosen_language, install_language

    install_language(chosen_language())
    paths = [a for a in argv if not a.startswith("-")]
    window = create_window(paths[0] if paths else None)
    window.show()
    freeze_when_started(window)
    quit_after = os.environ.get("NN_EXPLORER_QUIT_AFTER_PAINT")  # start-up benchmark hook
    if quit_after:
        window.repaint()
        if quit_after == "ready":
            window.when_ready(app.quit)
            return app.exec()
        return 0
    return app.exec()
