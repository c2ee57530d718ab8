"""View > Language: English or 简体中文 (applies at the next start)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMessageBox

from explorer.ui.shell.i18n import LANGUAGES, chosen_language


def install(window) -> None:
    menu = window.add_menu("View/settings", window.tr("&Language"))
    group = QActionGroup(window)
    current = chosen_language(window.settings)
    for code, name in LANGUAGES.items():
        action = QAction(name, window)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)

        def choose(checked=False, code=code):
            window.settings.setValue("language", code)
            window.settings.sync()
            QMessageBox.information(
                window,
                window.tr("Language"),
                window.tr("The new language applies when NN Explorer starts again."),
            )

        action.triggered.connect(choose)
    window.register("language_actions", group)
