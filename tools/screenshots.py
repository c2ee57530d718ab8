"""Render the main window and each bottom tab at three sizes in both languages.

Usage: python tools/screenshots.py [OUT_DIR] [--sizes 1280x800,1400x900] [--lang en,zh_CN]

Writes ``OUT_DIR/<lang>/<W>x<H>/00-window.png`` and one ``NN-<tab>.png`` per bottom tab
(default OUT_DIR: ``screenshots/``, git-ignored), after a Forward and a Backward so the
plots have something to show. Each file is the whole window, offscreen, as a user at that
screen size would see it. A ``report.txt`` beside them lists every named control that is
clipped or sits in a toolbar overflow (see ``explorer.ui.shell.visibility``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's explorer
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NN_EXPLORER_DATA_DIR", tempfile.mkdtemp(prefix="nn-explorer-shots-"))

SIZES = ((1280, 800), (1400, 900), (1920, 1080))
LANGS = ("en", "zh_CN")


def _arg(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def settle(app, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app, out: Path, lang: str, size: tuple[int, int]) -> list[str]:
    """Save the window and each tab at ``size``; return the visibility problems found."""
    from PySide6.QtCore import QSettings

    from explorer.ui.app import create_window
    from explorer.ui.shell.i18n import install_language
    from explorer.ui.shell.visibility import hidden_controls

    install_language(lang)
    folder = out / lang / f"{size[0]}x{size[1]}"
    folder.mkdir(parents=True, exist_ok=True)
    # never os.devnull: QSettings.sync() run as root would replace /dev/null with a file
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings)  # as the app starts: the demo model from the seed
    window.resize(*size)
    window.show()
    while not window.ready:
        app.processEvents()
    controller = window.part("run_actions").controller
    for step in (controller.forward, controller.backward):
        step()
        for _ in range(2000):  # the run engine answers from its worker thread
            settle(app, 1)
            if not controller.runner.running:
                break
    settle(app)
    window.grab().save(str(folder / "00-window.png"))
    problems = [f"{lang} {size[0]}x{size[1]} window: {p}" for p in hidden_controls(window)]
    tabs = window.bottom_tabs
    for i in range(tabs.count()):
        name = tabs.widget(i).objectName()
        window.show_tab(name)
        settle(app)
        window.grab().save(str(folder / f"{i + 1:02d}-{name}.png"))
        problems += [
            f"{lang} {size[0]}x{size[1]} {name}: {p}" for p in hidden_controls(window, tab=name)
        ]
    if window.size().width() != size[0] or window.size().height() != size[1]:
        problems.append(f"{lang} {size[0]}x{size[1]}: the window grew to {window.size()}")
    window.mark_saved()
    window.close()
    window.deleteLater()
    settle(app)
    return problems


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    values = {argv[i + 1] for i, a in enumerate(argv[:-1]) if a.startswith("--")}
    out = Path(next((a for a in argv if not a.startswith("--") and a not in values), "screenshots"))
    if "--sizes" in argv:
        sizes = [tuple(int(v) for v in s.split("x")) for s in _arg(argv, "--sizes", "").split(",")]
    else:
        sizes = list(SIZES)
    langs = _arg(argv, "--lang", ",".join(LANGS)).split(",")
    app = QApplication.instance() or QApplication([])
    problems: list[str] = []
    for lang in langs:
        for size in sizes:
            problems += shoot(app, out, lang, size)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    print("\n".join(problems) or "every named control is fully visible")
    print(out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
