"""The real app in a child process, for the crash test: ``edit PROJECT`` opens the project
and adds a layer, then waits to be killed; ``recover`` starts the app, answers the recovery
offer with Yes through the real message box, prints what it saw as JSON, and waits."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def main(mode: str, project: str | None) -> None:
    app = QApplication([sys.argv[0]])
    app.setOrganizationName("NN Explorer test")
    app.setApplicationName("nn-explorer-crash-test")
    from explorer.core import edits
    from explorer.core.spec import LayerSpec
    from explorer.io.autosave import autosave_path
    from explorer.ui.app import create_window

    window = create_window(project)
    window.show()
    seen: dict = {"offers": []}

    def edit() -> None:
        spec = edits.insert(window.document.spec, (), 1, LayerSpec.make("Dropout", p=0.25))
        window.push_spec(spec, "Add Dropout")
        print("EDITED", flush=True)

    def answer_boxes() -> None:
        box = app.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen["offers"].append(box.text())
            button = box.button(QMessageBox.StandardButton.Yes) or box.button(
                QMessageBox.StandardButton.Ok
            )
            button.click()

    def report() -> None:
        if "Recovered" not in window.status_text():
            return
        seen.update(
            file_path=str(window.file_path) if window.file_path else None,
            types=[n.type for _, n in window.document.spec.layers()],
            modified=window.isWindowModified(),
            autosave=str(autosave_path(window.part("autosaver").folder)),
            autosave_exists=autosave_path(window.part("autosaver").folder).exists(),
            pid=os.getpid(),
        )
        print("RECOVERED " + json.dumps(seen), flush=True)
        done.stop()

    if mode == "edit":
        window.when_ready(lambda: QTimer.singleShot(0, edit))
    else:
        boxes = QTimer(window, interval=50)
        boxes.timeout.connect(answer_boxes)
        boxes.start()
        done = QTimer(window, interval=100)
        done.timeout.connect(report)
        done.start()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
