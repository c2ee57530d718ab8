"""Save screenshots of the real main window (offscreen) for the README and for review.

Usage: python tools/screenshot.py [OUT.png] [--example STEM] [--tab NAME] [--lang en|zh_CN]
                                  [--spiral STEPS]

``--spiral`` fits the model to the spiral data and trains it that many steps (Adam,
cross-entropy) before the picture, so the Training tab shows the decision regions.

``--lang`` (or ``NN_EXPLORER_LANG``) installs that interface language before the window is
built; without either the window is English.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Screenshots never touch the user's autosave folder (nor offer a recovery).
os.environ.setdefault("NN_EXPLORER_DATA_DIR", tempfile.mkdtemp(prefix="nn-explorer-shot-"))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    out = next((a for a in argv if a.endswith(".png")), "resources/screenshot.png")
    example = argv[argv.index("--example") + 1] if "--example" in argv else None
    tab = argv[argv.index("--tab") + 1] if "--tab" in argv else None
    env_lang = os.environ.get("NN_EXPLORER_LANG", "en")
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else env_lang
    app = QApplication.instance() or QApplication([])
    from explorer.ui.shell.i18n import install_language

    install_language(lang)
    from explorer.resources import examples_dir
    from explorer.ui.app import create_window

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings)  # as the app starts: the demo model from the seed
    window.resize(1400, 900)
    window.show()
    while not window.ready:
        app.processEvents()
    if example:
        window.part("file_actions").open_example(examples_dir() / f"{example}.nnx.json")
    if tab:
        window.show_tab(tab)
    if "--spiral" in argv:
        train_spiral(window, int(argv[argv.index("--spiral") + 1]))
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)
    print(out)
    window.mark_saved()
    window.close()
    return 0


def train_spiral(window, steps: int) -> None:
    from PySide6.QtCore import QEventLoop

    run = window.part("run_actions")
    tv = run.training_view
    window.show_tab("TrainingTab")
    tv.source.setCurrentIndex(tv.source.findData("spiral"))
    run.loss.setCurrentIndex(run.loss.findData("cross_entropy"))
    tv.optimizer.setCurrentIndex(tv.optimizer.findData("adam"))
    tv.lr.setValue(0.01)
    tv.steps.setValue(steps)
    tv.fit_offer.apply()
    loop = QEventLoop()
    window.run_finished.connect(loop.quit)
    tv.buttons["train"].click()
    loop.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
