"""Autosave unsaved work shortly after each change, and after a crash offer to recover it.

Writing is in :mod:`explorer.io.autosave`; this module decides when. An edit starts a
short debounce (``DEBOUNCE_MS`` after the last change); a stream of changes that never
pauses (a training run reports progress 20 times a second) still writes at least every
``MAX_DELAY_MS``. Saving the work removes the autosave at once.

At the next start, the newest readable autosave of a crashed session is offered. A
recovered file is kept (adopted as this session's autosave) until the work is saved or
discarded, and the project path it belonged to comes back with the work. An unreadable
file is moved aside, never deleted, and the window says so.

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
from explorer.io.autosave import (
    adopt,
    orphaned_autosaves,
    read_autosave,
    remove_autosave,
    set_aside,
    write_autosave,
)
from explorer.ui.common.messages import error_text

DEBOUNCE_MS = 2_000
MAX_DELAY_MS = 30_000


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
        self.debounce = QTimer(window)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.autosave)
        self.deadline = QTimer(window)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(MAX_DELAY_MS)
        self.deadline.timeout.connect(self.autosave)
        self._training = False  # a run reports progress: its weights are unsaved work
        window.document.weights_changed.connect(self._weights_touched)
        window.run_progressed.connect(self._trained)
        window.run_finished.connect(self._run_ended)
        window.undo_stack.indexChanged.connect(self.changed)
        window.undo_stack.cleanChanged.connect(self.changed)
        window.session.modified_changed.connect(self.changed)
        self._closed = False
        self._pending = False
        window.closing.connect(self._on_closing)
        window.when_ready(lambda: QTimer.singleShot(0, self.offer_recovery))

    def _weights_touched(self, *_args) -> None:
        self._weights_version += 1
        self.changed()

    def _trained(self, *_args) -> None:
        self._training = True
        self._weights_touched()

    def _run_ended(self, *_args) -> None:
        self._training = False

    def _unsaved(self) -> bool:
        return self.window.is_modified() or self._training

    def _on_closing(self) -> None:
        self._closed = True
        self.debounce.stop()
        self.deadline.stop()
        self.discard()

    def changed(self, *_args) -> None:
        """Something changed: write soon (saved work: remove the autosave now).

        Judged once control returns to the event loop, so a save that marks the undo stack
        clean and then the weights saved is seen whole.
        """
        if not self._closed and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.window, self._evaluate)

    def _evaluate(self) -> None:
        self._pending = False
        if self._closed:
            return
        try:
            unsaved = self._unsaved()
        except RuntimeError:  # the window's objects are being destroyed
            return
        if not unsaved:
            self.debounce.stop()
            self.deadline.stop()
            self.discard()
            return
        self.debounce.start()  # restarts: 2 s after the last change
        if not self.deadline.isActive():
            self.deadline.start()

    def autosave(self) -> bool:
        """Write the autosave when the work is unsaved and changed since the last one."""
        self.debounce.stop()
        self.deadline.stop()
        w = self.window
        if not self._unsaved() or w.document.source is not None:
            self.discard()  # a Python class is not autosaved: recovery would run its file
            return False
        state = (w.undo_stack.index(), self._weights_version, w.document.spec)
        if state == self.last_state:
            return False
        name = w.file_path.name if w.file_path else w.tr("untitled")
        try:
            write_autosave(self.folder, w.session.project(name, full=True)[0], w.file_path)
        except (OSError, ExplorerError) as e:
            w.log(w.tr("Autosave failed: {0}").format(error_text(e)), "warning")
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

    def tell_damaged(self, lines: list[str]) -> None:
        QMessageBox.warning(self.window, self.window.tr("Autosave damaged"), "\n".join(lines))

    def offer_recovery(self) -> bool:
        """Offer the newest readable autosave a crashed session left; set damaged ones aside.

        Recovered: the file becomes this session's autosave (kept until saved). Declined:
        that file is removed (the user discarded it); older ones wait for the next start.
        """
        w = self.window
        damaged: list[str] = []
        chosen = None
        for found in orphaned_autosaves(self.folder):
            try:
                project, source = read_autosave(found.path)
            except Exception as e:  # noqa: BLE001 - any unreadable file is set aside, not lost
                reason = (error_text(e).splitlines() or [type(e).__name__])[0]
                try:
                    aside = set_aside(found.path)
                    damaged.append(
                        w.tr("An autosave could not be read ({0}); it was kept as {1}").format(
                            reason, aside
                        )
                    )
                except OSError as moved:
                    damaged.append(
                        w.tr("An autosave could not be read ({0}) nor moved aside: {1}").format(
                            reason, moved
                        )
                    )
                continue
            chosen = (found, project, source)
            break
        for line in damaged:
            w.log(line, "warning")
        if damaged:
            w.report_error(damaged[0])
            self.tell_damaged(damaged)
        if chosen is None:
            return False
        found, project, source = chosen
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(found.mtime))
        if not self.ask_recover(when, project.title):
            remove_autosave(self.folder, found.pid)
            return False
        from explorer.app.session import OpenRequest

        # recovery keeps the project file the work belonged to; recovered work is unsaved
        request = OpenRequest.of_project(project, "recovery", source, saved=False)
        if not w.open_model(request):  # clears undo: may discard ours
            return False
        try:
            adopt(found)  # after the reset above, so the recovered file is never removed
        except OSError as e:
            w.log(w.tr("Autosave failed: {0}").format(e), "warning")
        self.last_state = None
        w.show_status(w.tr("Recovered the work autosaved at {0}").format(when))
        return True


def install(window) -> None:
    window.register("autosaver", Autosaver(window))
