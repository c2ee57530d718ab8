"""The main window: one document, the docks and tabs around it, menus and the status bar.

Features plug in through :data:`FEATURES`: each module there has ``install(window)``,
which adds its docks, tabs, actions and menu entries through the helpers below. The
window itself owns only the document, the undo stack, the shared selection and the
frame every feature shares (see ../shared/UI.md).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from explorer.core.document import Document
from explorer.core.format import group_digits
from explorer.core.spec import ModelSpec
from explorer.ui.common.selection import Selection

#: Feature modules, installed in this order. Each has ``install(window: MainWindow)``.
FEATURES: list[str] = [
    "explorer.ui.builder.canvas",
    "explorer.ui.builder.summary_view",
    "explorer.ui.shell.log_view",
    "explorer.ui.files.file_actions",
    "explorer.ui.shell.language_menu",
    "explorer.ui.files.checkpoint_actions",
    "explorer.ui.run.run_actions",
    "explorer.ui.inspect.views",
    "explorer.ui.init_lab.init_lab",
    "explorer.ui.lessons.lessons_panel",
    "explorer.ui.autograd.scratchpad_panel",
    "explorer.ui.pyclass.open_action",
]

MENUS = ("File", "Edit", "View", "Run", "Examples", "Help")


def _menu_titles(window: QMainWindow) -> dict[str, str]:
    # Literal strings, so that pyside6-lupdate finds them for translation.
    return {
        "File": window.tr("&File"),
        "Edit": window.tr("&Edit"),
        "View": window.tr("&View"),
        "Run": window.tr("&Run"),
        "Examples": window.tr("E&xamples"),
        "Help": window.tr("&Help"),
    }


class MainWindow(QMainWindow):
    """The app's window. ``document`` is the one model every view shows.

    Hooks shared by features (so that they need not import each other):

    ``run_probes``
        name -> probe(net, batch_x) -> plain data; called by the run engine in its worker
        thread at display rate; results arrive in ``Progress.probes`` via ``run_progressed``.
    ``run_progressed(Progress)``, ``run_finished(str)``
        emitted by the run engine (GUI thread); the str says how the run ended.
    ``tensors`` / ``tensors_changed``
        named tensors the user can inspect or save ("input", "output", "target", ...),
        detached CPU copies, set with :meth:`set_tensor`.
    ``inspect_requested(title, numpy array)``
        ask the tensor inspector to show an array.
    ``project_state``
        name -> (get() -> JSON-able dict, set(dict) -> None): what each feature keeps in a
        project file (input settings, training settings...).
    """

    closing = Signal()  # before the window closes: stop workers, save settings
    run_progressed = Signal(object)
    run_finished = Signal(str)
    tensors_changed = Signal()
    inspect_requested = Signal(str, object)

    def __init__(self, document: Document | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or QSettings()
        self.document = document or Document(ModelSpec())
        self.undo_stack = QUndoStack(self)
        self.selection = Selection(self)
        self.file_path: Path | None = None
        self.close_guards: list[Callable[[], bool]] = []  # each returns False to veto closing
        self.ready = False  # True once the first paint is done and views show the model
        self.run_probes: dict[str, Callable] = {}
        self.tensors: dict[str, object] = {}
        self.project_state: dict[str, tuple[Callable[[], dict], Callable[[dict], None]]] = {}
        self._ready_callbacks: list[Callable[[], None]] = []
        self.menus: dict[str, QMenu] = {}
        titles = _menu_titles(self)
        for name in MENUS:
            self.menus[name] = self.menuBar().addMenu(titles[name])
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("MainToolbar")
        self.addToolBar(self.toolbar)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("BottomTabs")
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_dock = self.add_dock(
            self.bottom_tabs,
            self.tr("Panels"),
            Qt.DockWidgetArea.BottomDockWidgetArea,
            "PanelsDock",
        )
        self._status_device = QLabel(self)
        self._status_params = QLabel(self)
        self._status_message = QLabel(self)
        self.statusBar().addWidget(self._status_message, 1)
        self.statusBar().addPermanentWidget(self._status_params)
        self.statusBar().addPermanentWidget(self._status_device)
        self._add_standard_actions()
        from explorer.ui.common.plots.theme import apply_plot_theme

        apply_plot_theme()  # before any feature builds a plot
        for module in FEATURES:
            importlib.import_module(module).install(self)
        self._default_dock_sizes()
        self._weights_unsaved = False  # values changed outside the undo stack (training, steps)
        self.undo_stack.cleanChanged.connect(lambda clean: self._update_modified())
        self.document.weights_changed.connect(self._on_weights_changed)
        self.document.replaced.connect(self._forget_tensors)
        self.document.spec_changed.connect(lambda *_: self._refresh_status())
        self.document.device_changed.connect(lambda *_: self._refresh_status())
        self.when_ready(self._refresh_status)
        self._update_title()
        self.resize(1400, 900)
        self._restore_layout()

    # ----- building blocks for features ---------------------------------------------------

    def add_action(
        self,
        menu: str | None,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        toolbar: bool = False,
        name: str = "",
    ) -> QAction:
        """Create an action with a tooltip that names its shortcut; add it to a menu and the toolbar."""
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = re.sub(r"\(&\w\)", "", text).replace("&", "")  # "文件(&F)" -> "文件"
        action.setIconText(plain)  # toolbar buttons show no mnemonic
        action.setToolTip(f"{tip or plain} ({keys})" if keys else (tip or plain))
        action.setStatusTip(tip or plain)
        if slot is not None:
            action.triggered.connect(lambda checked=False: slot())
        if menu:
            self.menus[menu].addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str
    ) -> QDockWidget:
        """A movable, closable dock, listed in View so it can be restored."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menus["View"].addAction(dock.toggleViewAction())
        return dock

    def add_tab(self, widget: QWidget, title: str, name: str) -> int:
        widget.setObjectName(name)
        return self.bottom_tabs.addTab(widget, title)

    def show_tab(self, name: str) -> None:
        for i in range(self.bottom_tabs.count()):
            if self.bottom_tabs.widget(i).objectName() == name:
                self.bottom_tabs.setCurrentIndex(i)
                self.bottom_dock.show()
                return

    def push_spec(self, new: ModelSpec, text: str) -> bool:
        """Apply an edit as an undo command; a blocked or failing edit is reported, not raised."""
        from explorer.core.errors import ExplorerError
        from explorer.ui.common.commands import SpecCommand

        if new == self.document.spec:
            return False
        if self.document.busy:
            self.report_error(self.tr("Cannot edit the model now: {0}").format(self.document.busy))
            return False
        try:
            self.undo_stack.push(SpecCommand(self.document, new, text))
        except ExplorerError as e:
            self.report_error(str(e))
            return False
        return True

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted (now, if it already has).

        Views fill themselves from the model here rather than in their constructors:
        the first shape inference loads torch's meta kernels (~1 s), and the window
        should appear before that.
        """
        if self.ready:
            callback()
        else:
            self._ready_callbacks.append(callback)

    def _become_ready(self) -> None:
        if self.ready:
            return
        self.ready = True
        callbacks, self._ready_callbacks = self._ready_callbacks, []
        for callback in callbacks:
            callback()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.ready and self.settings.value("window/state") is None:
            from explorer.ui.shell.layout_defaults import default_dock_sizes

            QTimer.singleShot(0, lambda: default_dock_sizes(self))  # once laid out at its size
        super().showEvent(event)
        if not self.ready:
            QTimer.singleShot(0, self._become_ready)

    def set_tensor(self, name: str, tensor) -> None:
        """Publish a named tensor (a detached copy) for the inspector and File > Save tensor."""
        if tensor is None:
            self.tensors.pop(name, None)
        else:
            self.tensors[name] = tensor.detach().cpu() if hasattr(tensor, "detach") else tensor
        self.tensors_changed.emit()

    # ----- messages -----------------------------------------------------------------------

    log_message = Signal(str, str)  # (level, text): "info" | "warning" | "error"

    def log(self, text: str, level: str = "info") -> None:
        self.log_message.emit(level, text)

    def report_error(self, text: str) -> None:
        """Where the user is looking: the status bar, and the Log tab with details."""
        self._status_message.setText(text)
        self._status_message.setStyleSheet("color: #d64545;")
        self.log(text, "error")

    def show_status(self, text: str) -> None:
        self._status_message.setStyleSheet("")
        self._status_message.setText(text)
        self.log(text)

    def status_text(self) -> str:
        return self._status_message.text()

    # ----- title, status and layout -------------------------------------------------------

    def _refresh_status(self) -> None:
        report = self.document.report
        self._status_device.setText(self.tr("device {0}").format(self.document.device))
        self._status_params.setText(self.tr("{0} params").format(group_digits(report.total_params)))

    def _forget_tensors(self) -> None:
        """Inputs and outputs belong to the model that made them."""
        if self.tensors:
            self.tensors.clear()
            self.tensors_changed.emit()

    def _on_weights_changed(self) -> None:
        self._weights_unsaved = True
        self._update_modified()

    def is_modified(self) -> bool:
        """Unsaved edits (the undo stack is not clean) or unsaved weights (after training)."""
        return not self.undo_stack.isClean() or self._weights_unsaved

    def mark_saved(self, weights: bool = True) -> None:
        """After saving or opening: the document equals its file (``weights``: the values too)."""
        self.undo_stack.setClean()
        if weights:
            self._weights_unsaved = False
        self._update_modified()

    def mark_unsaved(self) -> None:
        """New work that no file holds yet (an imported or recovered model)."""
        self.undo_stack.resetClean()
        self._weights_unsaved = True
        self._update_modified()

    def _update_modified(self) -> None:
        self.setWindowModified(self.is_modified())

    def _update_title(self) -> None:
        name = self.file_path.name if self.file_path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — NN Explorer")

    def set_file_path(self, path: Path | None) -> None:
        self.file_path = path
        self._update_title()

    def _add_standard_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, tip in (
            (undo, self.tr("Undo the last edit (Ctrl+Z)")),
            (redo, self.tr("Redo (Ctrl+Shift+Z or Ctrl+Y)")),
        ):
            action.setToolTip(tip)
            self.menus["Edit"].addAction(action)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        # Short toolbar buttons (the menu entries name the command, which would make the
        # toolbar jump in width with every edit); the command is in the tooltip.
        self.undo_tool = QAction(self.tr("Undo"), self)
        self.redo_tool = QAction(self.tr("Redo"), self)
        self.undo_tool.triggered.connect(self.undo_stack.undo)
        self.redo_tool.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_tool.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_tool.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_tool.setToolTip(self.tr("Undo {0} (Ctrl+Z)").format(text))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_tool.setToolTip(self.tr("Redo {0} (Ctrl+Shift+Z)").format(text))
        )
        for tool in (self.undo_tool, self.redo_tool):
            tool.setEnabled(False)
        self.add_action("Help", self.tr("&About NN Explorer"), self._about)
        from explorer.ui.shell.wheel_guard import WheelGuard

        self._wheel_guard = WheelGuard(self)

    def _about(self) -> None:
        from explorer import __version__

        QMessageBox.about(
            self,
            self.tr("About NN Explorer"),
            self.tr(
                "NN Explorer {0}\nBuild, run and inspect PyTorch models, following "
                "Dive into Deep Learning, chapter 5."
            ).format(__version__),
        )

    def _default_dock_sizes(self) -> None:
        """The right column runs full height; first-start sizes follow the window (on show)."""
        from explorer.ui.shell.layout_defaults import arrange_frame

        arrange_frame(self)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for guard in self.close_guards:
            if not guard():
                event.ignore()
                return
        self.closing.emit()
        self.save_layout()
        event.accept()
