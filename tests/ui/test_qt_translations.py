"""Qt's own dialogs (file dialog, message boxes) speak the interface language too."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo

from explorer.ui.shell import i18n


def test_the_wheel_ships_qtbase_zh_cn_and_the_file_dialog_is_translated(qapp):
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert (Path(folder) / "qtbase_zh_CN.qm").is_file()
    try:
        i18n.install_language("zh_CN")
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    finally:
        i18n.install_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_every_layer_description_has_a_chinese_translation(qapp):
    from explorer.core.catalog import catalog

    try:
        i18n.install_language("zh_CN")
        untranslated = [
            lt.name
            for lt in catalog().values()
            if QCoreApplication.translate("PaletteView", lt.doc) == lt.doc
        ]
    finally:
        i18n.install_language("en")
    assert untranslated == []
