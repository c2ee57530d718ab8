"""File > Open Python class...: the path from a ``.py`` to an editable project.

The converted Sequential replaces the window's model the way any opening does: unsaved
work is asked about first (the window's close guards), the undo history starts afresh,
and the class's weights are loaded, so the project starts from the class's values.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from explorer.core.errors import ExplorerError
from explorer.io.module_file import load_module_file
from explorer.resources import examples_dir
from explorer.ui.common.messages import error_text, message_text
from explorer.ui.pyclass.class_dialog import ClassDialog, ask_trust

NOTES_MLP = examples_dir() / "notes_mlp_class.py"


class PythonClassOpener:
    def __init__(self, window):
        self.window = window
        window.add_action(
            "File",
            window.tr("Open Python class..."),
            self.open_dialog,
            tip=window.tr("Open an nn.Module class from a .py file (runs the file's code)"),
            name="OpenPythonClass",
        )
        window.add_action(
            "Examples",
            window.tr("MLP class (Python, from the notes)"),
            lambda: self.open_path(NOTES_MLP, trusted=True),
            tip=window.tr("The notes' class MLP(nn.Module): open it and convert it"),
            name="example_mlp_class_py",
        )

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.window.tr("Open Python class"), str(Path.home()),
            self.window.tr("Python files (*.py)"),
        )  # fmt: skip
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path, trusted: bool = False, asked: bool = False) -> bool:
        """Ask, run the file, show the class dialog; open the conversion if the user converts.

        ``trusted``: a file shipped with the app, opened without the prompt. ``asked``: the
        caller (File > Open) has already asked about unsaved work.
        """
        if not trusted and not ask_trust(self.window, path):
            return False
        try:
            module_file = load_module_file(path)
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return False
        dialog = self.make_dialog(module_file)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog.opened is not None:
            return self.open_class(dialog.opened, asked)
        if dialog.converted is None:
            return False
        spec, state = dialog.converted
        return self.open_converted(spec, state, f"{dialog.class_name()} ({path.name})", asked)

    def make_dialog(self, module_file) -> ClassDialog:
        return ClassDialog(module_file, self.window)

    def open_class(self, model, asked: bool = False) -> bool:
        """Open the class itself: everything but layer editing works on it."""
        w = self.window
        if not asked and not all(guard() for guard in w.close_guards):
            return False
        from explorer.app.session import OpenRequest
        from explorer.core.spec import ModelSpec

        request = OpenRequest(ModelSpec(), "class", title=model.title, module=model)
        if not w.open_model(request):  # an error in __init__: reported with its line
            return False
        text = w.tr("Opened the class {0}: its layers are read-only").format(model.title)
        if model.input_guess:
            text += w.tr("; input shape {0} guessed {1}").format(
                model.input_shape, message_text(model.input_guess)
            )
        w.show_status(text)
        return True

    def open_converted(self, spec, state: dict, title: str, asked: bool = False) -> bool:
        w = self.window
        if not asked and not all(guard() for guard in w.close_guards):
            return False
        from explorer.app.session import OpenRequest

        request = OpenRequest(spec, "import", title=title, weights=state, saved=False)
        if not w.open_model(request):  # one opening path: nothing changed when it fails
            return False
        w.show_status(w.tr("Converted {0} to an editable Sequential").format(title))
        return True


def install(window) -> None:
    window.register("python_class_opener", PythonClassOpener(window))
