"""The Chinese interface: every string is translated, and the window shows no English left over."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from explorer.ui.shell import i18n

PLACEHOLDER = re.compile(r"\{\d+\}|%n|%\d")
MNEMONIC = re.compile(r"&([^&\s])")
SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt|F\d+|Esc)\b[+\w]*")
# Contexts of strings Qt and pyqtgraph ask for themselves (their own widgets and menus).
LIBRARY_CONTEXTS = {"Form", "GraphicsScene", "PlotItem", "ViewBox"}


def ts_messages() -> list[tuple[str, ET.Element | None]]:
    root = ET.parse(i18n.ts_path("zh_CN")).getroot()
    return [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]


def english_sources() -> set[str]:
    """Source strings whose Chinese differs (PyTorch names such as ``dtype`` map to themselves)."""
    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    return {s for s, t in table.items() if s != t}


def is_library_context(context: str) -> bool:
    return context in LIBRARY_CONTEXTS or (context.startswith("Q") and context[1:2].isupper())


def test_every_message_is_translated_and_keeps_placeholders_mnemonics_and_shortcuts():
    messages = ts_messages()
    assert len(messages) > 400
    for source, node in messages:
        assert node is not None and node.get("type") is None, source
        text = node.text or ""
        assert text, source
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        keys = [k.lower() for k in MNEMONIC.findall(source)]
        assert [k.lower() for k in MNEMONIC.findall(text)] == keys, source
        for shortcut in SHORTCUT.findall(source):
            assert shortcut in text, source


def test_a_source_text_has_one_translation_in_every_context():
    """Lookup is by source text alone (``SourceTranslator``): a source translated two ways in
    two contexts would show only the last one everywhere."""
    seen: dict[str, str] = {}
    for source, node in ts_messages():
        text = node.text or ""
        assert seen.setdefault(source, text) == text, (source, seen[source], text)


def test_the_book_vocabulary_is_used_for_the_chapter_terms():
    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    assert table["&File"] == "文件(&F)" and table["E&xamples"] == "示例(&X)"
    assert table["Layer"] == "层" and table["Parameters"] == "参数"
    assert table["Forward"] == "前向传播" and table["Backward"] == "反向传播"
    assert "参数绑定" in table["Use the selected layer again (tied parameters)"]
    assert (
        "延后初始化"
        in table["5.3 deferred initialization: LazyLinear(256), ReLU(), LazyLinear(10)"]
    )
    # PyTorch names stay as they are
    assert table["requires_grad"] == "requires_grad"
    assert "state_dict()" in table["Buffer: in state_dict(), not in parameters(); not trained"]


def test_install_language_translates_and_english_removes_the_translator(qapp):
    try:
        translator = i18n.install_language("zh_CN")
        assert translator is not None and translator.table
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        assert i18n.install_language("en") is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_language_comes_from_the_environment_then_the_setting_then_the_system(
    monkeypatch, settings
):
    monkeypatch.delenv("NN_EXPLORER_LANG", raising=False)
    assert i18n.chosen_language(settings) == i18n.system_language()
    settings.setValue("language", "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    settings.setValue("language", "en")
    assert i18n.chosen_language(settings) == "en"
    monkeypatch.setenv("NN_EXPLORER_LANG", "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    monkeypatch.setenv("NN_EXPLORER_LANG", "klingon")
    assert i18n.chosen_language(settings) == "en"


def test_view_language_menu_stores_the_choice_for_the_next_start(window, monkeypatch, qtbot):
    monkeypatch.delenv("NN_EXPLORER_LANG", raising=False)
    shown = []
    monkeypatch.setattr(
        "explorer.ui.shell.language_menu.QMessageBox.information", lambda *a: shown.append(a[2])
    )
    action = window.findChild(QAction, "language_zh_CN")
    assert action.text() == "简体中文"
    action.trigger()
    assert window.settings.value("language") == "zh_CN"
    assert i18n.chosen_language(window.settings) == "zh_CN"
    assert shown == ["The new language applies when NN Explorer starts again."]


@pytest.fixture
def chinese_window(qtbot, settings):
    """The main window built after the zh_CN translator is installed, as the app starts it."""
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    translator = i18n.install_language("zh_CN")
    try:
        w = MainWindow(Document(demo_spec()), settings=settings)
        qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
        w.show()
        qtbot.waitUntil(lambda: w.ready)
        yield w, translator
        w.mark_saved()
        w.close()
    finally:
        i18n.install_language("en")


def open_everything(qtbot, window) -> None:
    """Run a forward and a backward pass, then show every dock, bottom tab and menu."""
    for key in ("forward", "backward"):
        with qtbot.waitSignal(window.run_finished, timeout=20000):
            window.part("run_actions").actions[key].trigger()
    for dock in window.findChildren(QDockWidget):
        dock.show()

    def visit(menu: QMenu) -> None:
        menu.aboutToShow.emit()
        for action in menu.actions():
            if action.menu():
                visit(action.menu())

    for action in window.menuBar().actions():
        visit(action.menu())
    for i in range(window.bottom_tabs.count()):
        window.bottom_tabs.setCurrentIndex(i)
        qtbot.wait(1)


def shown_texts(window) -> list[str]:
    """What the user reads: widget texts, titles, tabs, headers, combo items, actions, cards."""
    texts = [a.menu().title() for a in window.menuBar().actions()]
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount())]
        elif isinstance(w, QTreeWidget):
            texts += [w.headerItem().text(i) for i in range(w.columnCount())]
            texts += [w.topLevelItem(i).text(0) for i in range(w.topLevelItemCount())]
        if w.toolTip():
            texts.append(w.toolTip())
    canvas = window.part("canvas")  # cards are painted; their badges are what reads as words
    for row in range(1, canvas.model().rowCount() - 1):  # row 0: the input, last: totals
        texts += canvas.badges(row)
    return [t for t in texts if t]


def test_chinese_window_asks_for_no_untranslated_string_and_shows_no_english(qtbot, chinese_window):
    window, translator = chinese_window
    open_everything(qtbot, window)
    ours = {
        source
        for source, contexts in translator.missing_contexts.items()
        if not all(is_library_context(c) for c in contexts)
    }
    assert ours == set()
    english = english_sources()
    english |= {s.replace("&", "") for s in english}
    shown = shown_texts(window)
    assert "文件(&F)" in shown and "前向传播" in shown
    left_over = sorted({t for t in shown if t in english or t.replace("&", "") in english})
    assert left_over == []
