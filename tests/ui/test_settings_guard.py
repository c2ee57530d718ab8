"""The window never lets QSettings replace something that is not a regular file."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import QSettings

from explorer.core.document import Document
from explorer.ui.files.file_actions import demo_spec
from explorer.ui.shell.main_window import MainWindow


def open_window(qtbot, settings):
    w = MainWindow(Document(demo_spec()), settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
    w.show()
    qtbot.waitUntil(lambda: w.ready)
    return w


def test_settings_on_a_folder_are_refused_and_the_folder_survives_closing(qtbot, tmp_path):
    target = tmp_path / "settings.ini"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    link = tmp_path / "link.ini"
    link.symlink_to(target)
    for path in (target, link):
        w = open_window(qtbot, QSettings(str(path), QSettings.Format.IniFormat))
        assert w.settings.fileName() != str(path)
        assert str(path) in w.message_bar.text() and "not a regular file" in w.message_bar.text()
        w.mark_saved()
        w.close()  # saves the layout: into the throwaway file
        assert w.settings.value("window/geometry") is not None
        assert stat.S_ISDIR(os.stat(target).st_mode)
        assert (target / "keep.txt").read_text() == "mine"
        assert link.is_symlink()


def test_settings_in_a_regular_file_are_used_as_given(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = open_window(qtbot, settings)
    assert w.settings is settings and w.message_bar.text() == ""
    w.mark_saved()
    w.close()
    assert (tmp_path / "settings.ini").is_file()
    assert "window" in (tmp_path / "settings.ini").read_text()
