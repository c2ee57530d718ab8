"""A long lesson step scrolls inside the Lessons pane; no line is cut off."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget


def test_long_step_text_gets_a_scrollbar_and_its_full_height(window, qtbot):
    panel = window.part("lessons_panel")
    dock = window.findChild(QDockWidget, "LessonsDock")
    dock.show()
    dock.raise_()
    qtbot.waitUntil(panel.isVisible)
    panel.text.setText(" ".join(["Every word of this step must stay readable."] * 60))
    window.resizeDocks([dock], [260], Qt.Orientation.Vertical)
    for _ in range(5):
        QApplication.processEvents()
    scroll = panel.text_scroll
    assert scroll.widget() is panel.text
    needed = panel.text.heightForWidth(scroll.viewport().width())
    assert panel.text.height() >= needed  # the label is as tall as its text: nothing cut
    assert scroll.verticalScrollBar().maximum() > 0  # and the pane scrolls to show it
