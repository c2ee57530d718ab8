"""File menu and Examples menu: new, open, save, save as, recent files, the book's examples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.app.session import OpenRequest
from explorer.core.errors import ExplorerError
from explorer.core.spec import LayerSpec, ModelSpec, sequential
from explorer.io.project import (
    ARCHIVE_SUFFIX,
    PROJECT_SUFFIX,
    load_project,
    save_project,
)
from explorer.resources import examples_dir
from explorer.ui.common.messages import error_text, os_error_text

FILTER = (
    "NN Explorer projects (*.nnx *.nnx.json);;"
    "Project with weights (*.nnx);;Architecture only (*.nnx.json);;"
    "Python nn.Module classes (*.py);;All files (*)"
)
MAX_RECENT = 8


def demo_spec() -> ModelSpec:
    """The book's first example: ``nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))``."""
    L = LayerSpec.make
    return sequential(
        L("Linear", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", in_features=256, out_features=10),
        input_shape=(2, 20),
    )


def section_key(title: str) -> tuple[int, ...]:
    """ "5.3 deep tanh ..." -> (5, 3); a title without a section number sorts last."""
    head = title.split(" ", 1)[0]
    try:
        return tuple(int(part) for part in head.split("."))
    except ValueError:
        return (10**6,)


class FileActions:
    """The document's life cycle; the undo stack's clean state is the "modified" mark."""

    def __init__(self, window):
        self.window = window
        w = window
        w.add_action(
            "File",
            w.tr("&New"),
            self.new,
            QKeySequence.StandardKey.New,
            w.tr("Start an empty model"),
            toolbar=True,
            name="actionNew",
        )
        w.add_action(
            "File",
            w.tr("&Open…"),
            self.open_dialog,
            QKeySequence.StandardKey.Open,
            w.tr("Open a project file"),
            toolbar=True,
            name="actionOpen",
        )
        self.recent_menu = w.add_menu("File/project", w.tr("Open &Recent"))
        w.add_action(
            "File",
            w.tr("&Save"),
            self.save,
            QKeySequence.StandardKey.Save,
            w.tr("Save the project"),
            toolbar=True,
            name="actionSave",
        )
        w.add_action(
            "File",
            w.tr("Save &As…"),
            self.save_as,
            QKeySequence("Ctrl+Shift+S"),
            w.tr("Save the project under a new name"),
            name="actionSaveAs",
        )
        w.add_action(
            "File/quit",
            w.tr("&Quit"),
            w.close,
            QKeySequence.StandardKey.Quit,
            w.tr("Close the window"),
        )
        w.toolbar.addSeparator()
        w.toolbar.addAction(w.undo_tool)
        w.toolbar.addAction(w.redo_tool)
        examples = []
        for path in sorted(examples_dir().glob(f"*{PROJECT_SUFFIX}")):
            try:
                title = load_project(path).title or path.stem
            except ExplorerError:
                continue
            examples.append((section_key(title), path.name, title, path))
        for _, _, title, path in sorted(examples):  # in the book's order: 5.3 before 5.4
            w.add_action(
                "Examples",
                w.tr(title),  # the shipped titles are listed in example_titles.py
                lambda p=path: self.open_example(p),
                tip=w.tr("Open the example {0}").format(path.name),
                name="example_" + path.name.split(".")[0],
            )
        w.close_guards.append(self.maybe_save)
        self._fill_recent()

    # ----- actions -----------------------------------------------------------------------

    def new(self) -> None:
        if self.maybe_save():
            self.window.open_model(OpenRequest(ModelSpec(), kind="new"))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.window.tr("Open project"), self._start_dir(), FILTER
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a project file; a broken file is reported and the open document kept.

        Other files (state dicts, tensor files) open by type through checkpoint_actions.
        """
        from explorer.ui.files.checkpoint_actions import is_project_path

        classes = self.window.part("python_class_opener", None)  # the pyclass feature
        if path.suffix == ".py" and classes is not None:
            return classes.open_path(path, asked=True)  # it asks before running the file
        opener = self.window.part("checkpoint_actions", None)  # installed after this one
        if not is_project_path(path) and opener is not None:
            return opener.open_file(path)
        try:
            project = load_project(path)
        except (ExplorerError, OSError) as e:
            self.window.report_error(
                self.window.tr("Cannot open {0}: {1}").format(path.name, error_text(e))
            )
            return False
        request = OpenRequest.of_project(project, "project", path)
        if not self.window.open_model(request):
            return False
        self.add_recent(path)
        self.window.show_status(self.window.tr("Opened {0}").format(path.name))
        return True

    def open_example(self, path: Path) -> bool:
        """Examples open as untitled copies, so saving never overwrites the shipped file."""
        if not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return False
        request = OpenRequest.of_project(project, "example", None)
        if not self.window.open_model(request):
            return False
        self.window.show_status(
            self.window.tr("Example: {0}").format(self.window.tr(project.title))
        )
        return True

    def save(self) -> bool:
        if self.window.document.source is not None:
            return self.save_class_weights()
        if self.window.file_path is None:
            return self.save_as()
        return self.save_to(self.window.file_path)

    def save_as(self) -> bool:
        if self.window.document.source is not None:
            return self.save_class_weights()
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.window.tr("Save project"), self._start_dir(), FILTER
        )
        if not path:
            return False
        if not path.endswith((".json", ARCHIVE_SUFFIX)):
            path += ARCHIVE_SUFFIX
        return self.save_to(Path(path))

    def save_class_weights(self) -> bool:
        """A Python class is saved as its ``state_dict`` (a project cannot hold its code)."""
        from explorer.ui.files.checkpoint_actions import STATE_FILTER

        w = self.window
        actions = w.part("checkpoint_actions")
        title = w.tr("Save the class's state_dict")
        path = actions.ask_save_path(title, STATE_FILTER, "model.params")
        if path is None or not actions.save_weights_to(path):
            return False
        w.undo_stack.setClean()
        w.session.mark_saved()
        return True

    def save_to(self, path: Path) -> bool:
        w = self.window
        title = path.name.removesuffix(PROJECT_SUFFIX).removesuffix(ARCHIVE_SUFFIX)
        full = path.name.endswith(ARCHIVE_SUFFIX)  # an architecture-only file holds no weights
        project, failed = w.session.project(title, full)
        for name in failed:
            w.log(w.tr("Could not store {0}").format(name), "warning")
        try:
            save_project(project, path)
        except OSError as e:
            w.report_error(w.tr("Cannot save {0}: {1}").format(path.name, os_error_text(e)))
            return False
        w.undo_stack.setClean()
        w.session.mark_saved(path)
        self.add_recent(path)
        self.window.show_status(self.window.tr("Saved {0}").format(path.name))
        return True

    def maybe_save(self) -> bool:
        """Ask before unsaved work is lost. True: go on; False: the user cancelled."""
        if not self.window.is_modified():
            return True
        answer = QMessageBox.question(
            self.window,
            self.window.tr("Unsaved changes"),
            self.window.tr("The model has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ----- helpers -------------------------------------------------------------------------

    def _start_dir(self) -> str:
        return str(self.window.file_path.parent) if self.window.file_path else str(Path.home())

    def _recent(self) -> list[str]:
        value = self.window.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        items = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.window.settings.setValue("recent_files", items[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self._recent():
            action = self.recent_menu.addAction(
                Path(p).name, lambda p=p: self.maybe_save() and self.open_path(Path(p))
            )
            action.setToolTip(p)
        self.recent_menu.setEnabled(bool(self._recent()))


def install(window) -> None:
    window.register("file_actions", FileActions(window))
