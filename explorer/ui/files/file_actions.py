"""File menu and Examples menu: new, open, save, save as, recent files, the book's examples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.core.errors import ExplorerError
from explorer.core.spec import LayerSpec, ModelSpec, sequential
from explorer.io.project import (
    ARCHIVE_SUFFIX,
    PROJECT_SUFFIX,
    Project,
    load_project,
    save_project,
)
from explorer.resources import examples_dir

FILTER = (
    "NN Explorer projects (*.nnx *.nnx.json);;"
    "Project with weights (*.nnx);;Architecture only (*.nnx.json);;All files (*)"
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
        self.recent_menu = w.menus["File"].addMenu(w.tr("Open &Recent"))
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
        self.quit_action = w.add_action(
            "File", w.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit, w.tr("Close the window")
        )
        w.when_ready(self._quit_last)
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

    def _quit_last(self) -> None:
        """Other features add File entries after this one; Quit belongs at the bottom."""
        menu = self.window.menus["File"]
        menu.removeAction(self.quit_action)
        actions = menu.actions()
        if actions and not actions[-1].isSeparator():
            menu.addSeparator()
        menu.addAction(self.quit_action)

    # ----- actions -----------------------------------------------------------------------

    def new(self) -> None:
        if self.maybe_save():
            self._replace(ModelSpec(), None)

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

        if not is_project_path(path) and hasattr(self.window, "checkpoint_actions"):
            return self.window.checkpoint_actions.open_file(path)
        try:
            project = load_project(path)
        except (ExplorerError, OSError) as e:
            self.window.report_error(self.window.tr("Cannot open {0}: {1}").format(path.name, e))
            return False
        self._replace(project.spec, path)
        self._apply(project)
        self.window.mark_saved()
        self._add_recent(path)
        self.window.show_status(self.window.tr("Opened {0}").format(path.name))
        return True

    def open_example(self, path: Path) -> None:
        """Examples open as untitled copies, so saving never overwrites the shipped file."""
        if not self.maybe_save():
            return
        try:
            project = load_project(path)
        except ExplorerError as e:
            self.window.report_error(str(e))
            return
        self._replace(project.spec, None)
        self._apply(project)
        self.window.mark_saved()
        self.window.show_status(
            self.window.tr("Example: {0}").format(self.window.tr(project.title))
        )

    def save(self) -> bool:
        if self.window.file_path is None:
            return self.save_as()
        return self.save_to(self.window.file_path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.window.tr("Save project"), self._start_dir(), FILTER
        )
        if not path:
            return False
        if not path.endswith((".json", ARCHIVE_SUFFIX)):
            path += ARCHIVE_SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            from explorer.ui.files.project_bridge import collect_project

            title = path.name.removesuffix(PROJECT_SUFFIX).removesuffix(ARCHIVE_SUFFIX)
            full = path.name.endswith(ARCHIVE_SUFFIX)
            save_project(collect_project(self.window, title, full), path)
        except OSError as e:
            self.window.report_error(
                self.window.tr("Cannot save {0}: {1}").format(path.name, e.strerror)
            )
            return False
        self.window.set_file_path(path)
        self.window.mark_saved(weights=full)  # an architecture-only file does not hold weights
        self._add_recent(path)
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

    def _replace(self, spec: ModelSpec, path: Path | None) -> None:
        try:
            self.window.document.load_spec(spec)
        except ExplorerError as e:
            self.window.report_error(str(e))
            return
        self.window.undo_stack.clear()
        self.window.mark_saved()
        self.window.selection.select_layers(())
        self.window.set_file_path(path)

    def _apply(self, project: Project) -> None:
        """Weights, tensors and feature settings the project holds (after its spec)."""
        from explorer.ui.files.project_bridge import apply_project

        for problem in apply_project(self.window, project):
            self.window.report_error(problem)

    def _start_dir(self) -> str:
        return str(self.window.file_path.parent) if self.window.file_path else str(Path.home())

    def _recent(self) -> list[str]:
        value = self.window.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
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
    window.file_actions = FileActions(window)
