"""Autosave unsaved work every so often (a QTimer; the writing is in explorer.io.autosave),
and after a crash offer to recover it at the next start.

The folder is ``$NN_EXPLORER_DATA_DIR``, else beside an INI settings file (tests), else
the user data folder (``QStandardPaths.AppDataLocation``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from explorer.core.errors import ExplorerError
from explorer.io.autosave import orphaned_autosaves, remove_autosave, write_autosave

INTERVAL_MS = 60_000


def data_folder(window) -> Path:
    env = os.environ.get("NN_EXPLORER_DATA_DIR")
    if env:
        return Path(env)
    name = window.settings.fileName()
    if window.settings.format() == QSettings.Format.IniFormat and name and name != os.devnull:
        return Path(name).parent / "autosave"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


class Autosaver:
    """Writes ``autosave-<pid>.nnx`` while there are unsaved changes; removes it on close."""

    def __init__(self, window):
        self.window = window
        self.folder = data_folder(window)
        self.last_state: tuple | None = None
        self._weights_version = 0
        window.document.weights_changed.connect(self._weights_touched)
        self.timer = QTimer(window)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        window.closing.connect(self.discard)
        window.when_ready(lambda: QTimer.singleShot(0, self.offer_recovery))

    def _weights_touched(self) -> None:
        self._weights_version += 1

    def autosave(self) -> bool:
        """Write the autosave when the work is unsaved and changed since the last one."""
        from explorer.ui.files.project_bridge import collect_project

        w = self.window
        if not w.is_modified():
            self.discard()
            return False
        state = (w.undo_stack.index(), self._weights_version, w.document.spec)
        if state == self.last_state:
            return False
        name = w.file_path.name if w.file_path else w.tr("untitled")
        try:
            write_autosave(self.folder, collect_project(w, name, full=True))
        except (OSError, ExplorerError) as e:
            w.log(w.tr("Autosave failed: {0}").format(e), "warning")
            return False
        self.last_state = state
        return True

    def discard(self) -> None:
        remove_autosave(self.folder)
        self.last_state = None

    def ask_recover(self, when: str, title: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.window.tr("Recover unsaved work?"),
            self.window.tr(
                "NN Explorer did not close normally. Recover the unsaved model '{0}' "
                "autosaved at {1}?"
            ).format(title, when),
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """If a crashed session left an autosave, offer it; the files are removed either way."""
        from explorer.io.project import load_project
        from explorer.ui.files.project_bridge import apply_project

        w = self.window
        found = orphaned_autosaves(self.folder)
        if not found:
            return False
        newest = found[0]
        recovered = False
        try:
            project = load_project(newest.path)
        except ExplorerError as e:
            w.log(w.tr("An autosave could not be read: {0}").format(e), "warning")
            project = None
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.mtime))
        if project is not None and self.ask_recover(when, project.title):
            w.file_actions._replace(project.spec, None)
            for problem in apply_project(w, project):
                w.report_error(problem)
            w.mark_unsaved()  # recovered work is unsaved
            w.show_status(w.tr("Recovered the work autosaved at {0}").format(when))
            recovered = True
        for a in found:
            remove_autosave(self.folder, a.pid)
        return recovered


def install(window) -> None:
    window.autosaver = Autosaver(window)
