"""The interface language: English source strings, a zh_CN translation in ``resources/i18n``.

Strings are extracted from the source with ``pyside6-lupdate`` into a Qt Linguist ``.ts``
file (``make translations``), translated there, and read at start-up straight from the
``.ts`` XML (no compile step to forget). Lookup is by source text: PySide6 gives
``self.tr`` the runtime class as context, which rarely matches the context lupdate
records, so a context-keyed lookup would silently miss.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from explorer.resources import resources_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


def ts_path(language: str) -> Path:
    return resources_dir() / "i18n" / f"nn_explorer_{language}.ts"


def read_ts(path: Path) -> dict[str, str]:
    """source -> translation for every finished (or unfinished but filled) message."""
    table: dict[str, str] = {}
    if not path.is_file():
        return table
    root = ET.parse(path).getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None or node.get("type") in ("obsolete", "vanished"):
            continue
        text = node.text or ""
        if text:
            table[source] = text
    return table


class SourceTranslator(QTranslator):
    """Translates by source text; records what it was asked and could not translate."""

    def __init__(self, table: dict[str, str], parent=None):
        super().__init__(parent)
        self.table = table
        self.missing: set[str] = set()
        self.missing_contexts: dict[str, set[str]] = {}  # source -> contexts it was asked in

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt override
        text = self.table.get(source_text)
        if text is None:
            if source_text:
                self.missing.add(source_text)
                self.missing_contexts.setdefault(source_text, set()).add(context or "")
            return None  # a null string: Qt keeps the source text
        return text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.table


def system_language() -> str:
    name = QLocale.system().name() or (locale.getlocale()[0] or "")
    return "zh_CN" if name.startswith("zh") else "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """NN_EXPLORER_LANG, then the user's choice in the settings, then the system locale."""
    env = os.environ.get("NN_EXPLORER_LANG")
    if env in LANGUAGES:
        return env
    value = (settings or QSettings()).value("language", "")
    return value if value in LANGUAGES else system_language()


_installed: SourceTranslator | None = None
_qt_base: QTranslator | None = None  # Qt's own strings (dialog buttons, shortcut names)


def install_language(language: str) -> SourceTranslator | None:
    """Install the translator for ``language`` (English needs none). Returns it.

    Qt's own translation of its standard strings (``qtbase_zh_CN.qm``, shipped with
    PySide6) is installed too when present, so dialog buttons match the language.
    """
    global _installed, _qt_base
    app = QCoreApplication.instance()
    for translator in (_installed, _qt_base):
        if translator is not None:
            app.removeTranslator(translator)
    _installed = _qt_base = None
    if language == "en":
        return None
    qt_base = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", folder):
        _qt_base = qt_base
        app.installTranslator(qt_base)  # installed first, so asked after ours
    _installed = SourceTranslator(read_ts(ts_path(language)), app)
    app.installTranslator(_installed)
    return _installed
