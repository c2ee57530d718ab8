"""Dropping files on the window opens them by type (project, state dict, tensor file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject


def local_paths(mime) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DropOpener(QObject):
    """Event filter on the window: accepts drags carrying local files; opens the first."""

    def __init__(self, window, open_file):
        super().__init__(window)
        self.window = window
        self.open_file = open_file  # path -> bool: opens by type (CheckpointActions.open_file)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        t = event.type()
        if t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif t == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.open_file(paths[0])
                if len(paths) > 1:
                    self.window.show_status(
                        self.window.tr("Opened {0}; drop one file at a time").format(paths[0].name)
                    )
                return True
        return False


def install(window, open_file) -> None:
    window.setAcceptDrops(True)
    window.installEventFilter(window.register("drop_opener", DropOpener(window, open_file)))
