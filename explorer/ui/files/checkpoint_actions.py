"""File menu entries for state dicts and tensor files: save, load (with a report, undoable),
save tensors, inspect, import a state dict as a model, and opening any file by its type.

The decisions (which keys to load, what to do with a dropped file) go through the
``ask_*`` methods, which show dialogs; tests replace them with plain functions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.app.session import OpenRequest
from explorer.core.errors import ExplorerError
from explorer.io.checkpoints import (
    SAFETENSORS_SUFFIX,
    CheckpointReport,
    LoadedState,
    compare,
    keys_to_load,
    read_state_file,
    save_state_dict,
)
from explorer.ui.common.messages import error_text, message_text
from explorer.ui.files.load_report_dialog import MATCHING, STRICT, LoadReportDialog

STATE_FILTER = "State dict (*.params *.pt *.pth);;safetensors (*.safetensors);;All files (*)"
ANY_FILTER = (
    "PyTorch, safetensors and NumPy files "
    "(*.pt *.pth *.params *.bin *.ckpt *.safetensors *.npy *.npz);;All files (*)"
)
TENSOR_FILTER = "Tensor file (*.pt);;safetensors (*.safetensors);;All files (*)"
LOAD, IMPORT, INSPECT = "load", "import", "inspect"


def is_project_path(path: Path) -> bool:
    from explorer.io.project import ARCHIVE_SUFFIX, is_archive

    name = path.name.lower()
    return name.endswith(".json") or name.endswith(ARCHIVE_SUFFIX) or is_archive(path)


class CheckpointActions:
    """The actions; each ``*_path`` method does the work for a given file (no dialog)."""

    def __init__(self, window):
        self.window = w = window
        self.inspect_dialogs: list = []
        w.add_action(
            "File/weights",
            w.tr("Save &Weights…"),
            self.save_weights,
            None,
            w.tr("Save the state dict as .params/.pt (torch.save) or .safetensors"),
            name="actionSaveWeights",
        )
        w.add_action(
            "File/weights",
            w.tr("&Load Weights…"),
            self.load_weights,
            "Ctrl+Shift+L",
            w.tr("Load a state dict into the model, after a report of what matches"),
            name="actionLoadWeights",
        )
        w.add_action(
            "File/weights",
            w.tr("Save &Tensors…"),
            self.save_tensors,
            None,
            w.tr("Save the input, output or other tensors as torch.save(x), [x, y] or a dict"),
            name="actionSaveTensors",
        )
        w.add_action(
            "File/weights",
            w.tr("&Inspect File…"),
            self.inspect,
            "Ctrl+I",
            w.tr("Show what a .pt/.safetensors file holds, without running it"),
            name="actionInspect",
        )
        w.add_action(
            "File/weights",
            w.tr("Import State Dict as &Model…"),
            self.import_state_dict,
            None,
            w.tr("Infer an nn.Sequential from a bare state dict and load its weights"),
            name="actionImportStateDict",
        )

    # ----- dialogs (replaced in tests) -------------------------------------------------------

    def ask_save_path(self, title: str, filter_: str, default: str) -> Path | None:
        start = str(Path(self._start_dir()) / default)
        path, chosen = QFileDialog.getSaveFileName(self.window, title, start, filter_)
        if not path:
            return None
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(SAFETENSORS_SUFFIX if "safetensors" in chosen else ".pt")
            if p.exists() and not self.ask_overwrite(p):
                return None
        return p

    def ask_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.window.tr("Replace file?"),
            self.window.tr("{0} exists. Replace it?").format(path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self._start_dir(), ANY_FILTER)
        return Path(path) if path else None

    def ask_load(self, report: CheckpointReport, name: str) -> str | None:
        dialog = LoadReportDialog(self.window, report, name)
        dialog.exec()
        return dialog.choice

    def ask_open_kind(self, path: Path, model: bool = False) -> str | None:
        """Load / import / inspect for a state dict; import / inspect for a whole model."""
        box = QMessageBox(self.window)
        box.setWindowTitle(self.window.tr("Open {0}").format(path.name))
        if model:
            text = self.window.tr("{0} holds a whole model. What should it do?")
        else:
            text = self.window.tr("{0} holds a state dict. What should it do?")
        box.setText(text.format(path.name))
        buttons = {}
        if not model:
            load = box.addButton(
                self.window.tr("Load into model"), QMessageBox.ButtonRole.AcceptRole
            )
            buttons[load] = LOAD
        buttons[
            box.addButton(self.window.tr("Import as model"), QMessageBox.ButtonRole.AcceptRole)
        ] = IMPORT
        buttons[box.addButton(self.window.tr("Inspect"), QMessageBox.ButtonRole.AcceptRole)] = (
            INSPECT
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())

    def ask_tensors(self) -> tuple[list[str], str] | None:
        from explorer.ui.files.tensor_save_dialog import TensorSaveDialog

        dialog = TensorSaveDialog(self.window, list(self.window.tensors))
        return dialog.selection() if dialog.exec() else None

    # ----- state dicts ----------------------------------------------------------------------

    def save_weights(self) -> None:
        path = self.ask_save_path(self.window.tr("Save weights"), STATE_FILTER, "model.params")
        if path is not None:
            self.save_weights_to(path)

    def save_weights_to(self, path: Path) -> bool:
        state = self.window.document.net.state_dict()
        try:
            save_state_dict(state, path)
        except (OSError, ExplorerError, RuntimeError, ValueError) as e:
            self.window.report_error(
                self.window.tr("Cannot save {0}: {1}").format(path.name, error_text(e))
            )
            return False
        self.window.show_status(
            self.window.tr("Saved the state dict (tensors: {0}) to {1}").format(
                len(state), path.name
            )
        )
        return True

    def load_weights(self) -> None:
        path = self.ask_open_path(self.window.tr("Load weights"))
        if path is not None:
            self.load_weights_from(path)

    def read(self, path: Path) -> LoadedState | None:
        """Read a state dict onto the selected device (map_location); report failures."""
        try:
            return read_state_file(path, self.window.document.device)
        except (ExplorerError, OSError) as e:
            self.window.report_error(
                self.window.tr("Cannot load {0}: {1}").format(path.name, error_text(e))
            )
            return None

    def load_weights_from(self, path: Path) -> bool:
        """Report, ask, then load all or the matching keys as one undoable step."""
        w = self.window
        if w.document.busy:
            w.report_error(w.tr("Cannot load weights now: {0}").format(w.document.busy))
            return False
        loaded = self.read(path)
        if loaded is None:
            return False
        report = compare(w.document.net, loaded, w.document.device)
        for line in report.problems():
            w.log(message_text(line), "warning")
        if report.uninitialized:
            w.report_error(
                w.tr("Cannot load {0}: {1}").format(
                    path.name, w.tr("the model has lazy layers; run a forward pass first")
                )
            )
            return False
        choice = self.ask_load(report, path.name)
        if choice not in (STRICT, MATCHING):
            w.show_status(w.tr("Loading {0} cancelled; nothing changed").format(path.name))
            return False
        return self.apply(loaded, report, choice == STRICT, path.name)

    def apply(self, loaded: LoadedState, report: CheckpointReport, strict: bool, name: str) -> bool:
        """Push a :class:`WeightsCommand` writing the chosen keys; refuse without changes."""
        from explorer.ui.common.commands import WeightsCommand

        w = self.window
        try:
            keys = keys_to_load(report, strict)
        except ExplorerError as e:
            w.report_error(w.tr("Cannot load {0}: {1}").format(name, error_text(e)))
            return False
        model = w.document.net.state_dict()
        before = {k: model[k].detach().to("cpu", copy=True) for k in keys}
        after = {
            k: loaded.state[k].detach().to("cpu", dtype=model[k].dtype, copy=True) for k in keys
        }
        text = w.tr("Load {0}").format(name)
        w.undo_stack.push(WeightsCommand(w.document, before, after, text, w.session))
        text = w.tr("Loaded tensors from {2}: {0} of {1}").format(len(keys), len(loaded.state), name)
        origin = report.origin_note()
        if origin:
            text += " (" + message_text(origin) + ")"
        w.show_status(text)
        return True

    # ----- tensors ---------------------------------------------------------------------------

    def save_tensors(self) -> None:
        w = self.window
        if not w.tensors:
            w.report_error(w.tr("No tensors to save yet: run a forward pass first"))
            return
        chosen = self.ask_tensors()
        if not chosen:
            return
        names, layout = chosen
        default = "x-file" if layout == "tensor" else ("x-files" if layout == "list" else "mydict")
        path = self.ask_save_path(w.tr("Save tensors"), TENSOR_FILTER, default)
        if path is not None:
            self.save_tensors_to(path, names, layout)

    def save_tensors_to(self, path: Path, names: list[str], layout: str) -> bool:
        from explorer.io.tensors import pack, save_tensors

        w = self.window
        try:
            save_tensors(pack({n: w.tensors[n] for n in names}, layout), path)
        except (OSError, ExplorerError, KeyError, ValueError, RuntimeError) as e:
            w.report_error(w.tr("Cannot save {0}: {1}").format(path.name, error_text(e)))
            return False
        w.show_status(w.tr("Saved {0} to {1}").format(", ".join(names), path.name))
        return True

    # ----- inspect and import ----------------------------------------------------------------

    def inspect(self) -> None:
        path = self.ask_open_path(self.window.tr("Inspect file"))
        if path is not None:
            self.inspect_path(path)

    def inspect_path(self, path: Path):
        from explorer.io.tensors import inspect_file
        from explorer.ui.files.inspect_dialog import InspectDialog

        try:
            tree = inspect_file(path)
        except (ExplorerError, OSError) as e:
            self.window.report_error(
                self.window.tr("Cannot inspect {0}: {1}").format(path.name, error_text(e))
            )
            return None
        dialog = InspectDialog(self.window, tree)
        self.inspect_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.inspect_dialogs.remove(d))
        dialog.show()
        return dialog

    def import_state_dict(self) -> None:
        path = self.ask_open_path(self.window.tr("Import state dict as model"))
        if path is None:
            return
        self.import_asking(path)

    def import_asking(self, path: Path) -> bool:
        """Import ``path`` as File > Import does, also for a dropped or opened file: a bare
        state dict first asks the options and shows its guesses. Cancel changes nothing."""
        from explorer.io.model_import import STATE, file_kind

        options = self.ask_import_options(path) if file_kind(path) == STATE else ()
        if options is None or not self.window.part("file_actions").maybe_save():
            return False
        return self.import_path(path, *options)

    def ask_import_options(self, path: Path) -> tuple[str, tuple[int, ...] | None] | None:
        """For a bare state dict: the layer between layers and the input shape (or None),
        chosen in a dialog that lists what the import would guess with them."""
        from explorer.io.checkpoints import read_state_file
        from explorer.io.state_dict_import import infer_spec
        from explorer.ui.files.import_options_dialog import ImportOptionsDialog

        w = self.window
        try:
            loaded = read_state_file(path, "cpu", mmap=True)  # shapes only: nothing copied
        except (ExplorerError, OSError) as e:
            w.report_error(w.tr("Cannot import {0}: {1}").format(path.name, error_text(e)))
            return None

        def preview(between: str, shape: tuple[int, ...] | None):
            return infer_spec(loaded.state, between, loaded.ordered, shape)

        dialog = ImportOptionsDialog(w, path.name, preview)
        try:
            return dialog.options() if dialog.exec() else None
        finally:  # the file's tensors are not kept by a closed dialog
            dialog.preview = None
            dialog.deleteLater()

    def import_path(
        self, path: Path, between: str = "relu", input_shape: tuple[int, ...] | None = None
    ) -> bool:
        """Import a model file as an untitled document with its weights (loaded strictly).

        A pickled ``nn.Sequential`` or TorchScript archive gives the exact model; a bare
        state dict an inferred one whose guesses are marked, listed in the log and selected.
        """
        from explorer.io.checkpoints import LoadedState
        from explorer.io.import_any import import_file

        w = self.window
        try:
            result = import_file(path, between=between, input_shape=input_shape)
        except (ExplorerError, OSError) as e:
            w.report_error(w.tr("Cannot import {0}: {1}").format(path.name, error_text(e)))
            return False
        state = dict(result.net.state_dict())
        loaded = LoadedState(state, {k: "cpu" for k in state}, "", path)
        request = OpenRequest(result.spec, "import", weights=loaded.state, saved=False)
        if not w.open_model(request):  # nothing changed: the import stops here
            return False
        for key, what in result.guessed:
            w.log(w.tr("guessed {0}: {1}").format(key, message_text(what)), "warning")
        w.selection.select_layers(result.guessed_ids)
        if result.kind != "state dict":
            text = w.tr("Imported {0}: architecture and weights read from the file").format(
                path.name
            )
        else:
            text = w.tr("Imported {0} as a model with its weights").format(path.name)
        marked = len(set(result.guessed_ids))
        if marked:
            text += w.tr("; layers with guesses (marked, selected): {0}; check them").format(marked)
        w.show_status(text)
        return True

    # ----- any file ------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open by type: a project opens; a ``.py`` asks to run it, then offers its classes;
        a state dict offers load / import / inspect; any other tensor file is inspected."""
        from explorer.io.tensors import inspect_file

        w = self.window
        if is_project_path(path) or path.suffix.lower() == ".py":  # .py: the trust prompt first
            return w.part("file_actions").maybe_save() and w.part("file_actions").open_path(path)
        try:
            tree = inspect_file(path)
        except (ExplorerError, OSError) as e:
            w.report_error(w.tr("Cannot open {0}: {1}").format(path.name, error_text(e)))
            return False
        w.part("file_actions").add_recent(path)
        if tree.kind == "tensor":  # the book's x-file: straight to the tensor inspector
            from explorer.ui.files.inspect_dialog import send_to_inspector

            return send_to_inspector(w, f"{path.name}", tree.tensor("(tensor)"))
        if not tree.importable:  # a dict or list of tensors: look, do not import
            return self.inspect_path(path) is not None
        if tree.kind == "model":
            choice = self.ask_open_kind(path, model=True)
        else:
            choice = self.ask_open_kind(path)
        if choice == LOAD:
            return self.load_weights_from(path)
        if choice == IMPORT:
            return self.import_asking(path)
        if choice == INSPECT:
            return self.inspect_path(path) is not None
        return False

    def _start_dir(self) -> str:
        f = self.window.file_path
        return str(f.parent) if f else str(Path.home())


def install(window) -> None:
    from explorer.ui.files import autosave_actions, drop_open

    actions = window.register("checkpoint_actions", CheckpointActions(window))
    drop_open.install(window, actions.open_file)
    autosave_actions.install(window)
