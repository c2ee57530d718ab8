"""Start the Qt application and show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "NN Explorer"
APPLICATION = "nn-explorer"


def create_window(path: str | None = None):
    """The main window on the demo model, or on ``path`` when given (used by tests too)."""
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    window = MainWindow(Document(demo_spec()))
    if path:
        window.part("file_actions").open_path(Path(path))
    return window


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
    quit_after = os.environ.get("NN_EXPLORER_QUIT_AFTER_PAINT")  # start-up benchmark hook
    if quit_after:
        window.repaint()
        if quit_after == "ready":
            window.when_ready(app.quit)
            return app.exec()
        return 0
    return app.exec()
