"""The main window: one document, the docks and tabs around it, menus and the status bar.

Features plug in through :data:`FEATURES`: each module there has ``install(window)``,
which adds its docks, tabs, actions and menu entries through the helpers below. The
window itself owns only the document, the undo stack, the shared selection and the
frame every feature shares (see ../shared/UI.md).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    QVBoxLayout,
    QWidget,
)

from explorer.app.session import OpenRequest, Session
from explorer.core.document import Document
from explorer.core.errors import ExplorerError
from explorer.core.format import group_digits
from explorer.core.spec import ModelSpec
from explorer.ui.common.messages import error_text, message_text
from explorer.ui.common.selection import Selection
from explorer.ui.shell.message_bar import MessageBar
from explorer.ui.shell.settings_guard import guarded

#: Feature modules, installed in this order. Each has ``install(window: MainWindow)``.
FEATURES: list[str] = [
    "explorer.ui.builder.canvas",
    "explorer.ui.builder.summary_view",
    "explorer.ui.shell.log_view",
    "explorer.ui.files.file_actions",
    "explorer.ui.shell.language_menu",
    "explorer.ui.files.checkpoint_actions",
    "explorer.ui.run.device_selector",
    "explorer.ui.run.run_actions",
    "explorer.ui.inspect.views",
    "explorer.ui.run.views",
    "explorer.ui.init_lab.init_lab",
    "explorer.ui.lessons.lessons_panel",
    "explorer.ui.autograd.scratchpad_panel",
    "explorer.ui.pyclass.open_action",
]

MENUS = ("File", "Edit", "View", "Run", "Examples", "Help")
#: Named places inside menus, in order; ``add_action("File/export", ...)`` lands there.
#: A plain menu name means the menu's first place.
MENU_SECTIONS: dict[str, tuple[str, ...]] = {
    "File": ("project", "weights", "export", "quit"),
    "View": ("panels", "settings"),
    "Help": ("guide", "about"),
}
STATUS_MS = 10_000  # a status message goes after this long
STATUS_ERROR_MS = 30_000


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

    def __init__(
        self,
        document: Document | None = None,
        settings: QSettings | None = None,
        session: Session | None = None,
    ):
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings, refused_settings = guarded(settings or QSettings())
        self.session = session or Session(document or Document(ModelSpec()))
        self.document = self.session.document
        self.undo_stack = QUndoStack(self)
        self.selection = Selection(self)
        self.close_guards: list[Callable[[], bool]] = []  # each returns False to veto closing
        self.ready = False  # True once the first paint is done and views show the model
        self.run_probes: dict[str, Callable] = {}
        self._ready_callbacks: list[Callable[[], None]] = []
        self._parts: dict[str, object] = {}
        self._section_ends: dict[str, dict[str, QAction]] = {}
        self.message_bar = MessageBar(self)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self._expire_status)
        center = QWidget(self)
        center.setObjectName("CentralArea")
        self._center_layout = QVBoxLayout(center)
        self._center_layout.setContentsMargins(0, 0, 0, 0)
        self._center_layout.setSpacing(0)
        self._center_layout.addWidget(self.message_bar)
        if refused_settings:
            self.message_bar.show_message(
                self.tr("Settings are not kept: {0} is not a regular file.").format(
                    refused_settings
                ),
                "warning",
            )
        self.setCentralWidget(center)
        self.menus: dict[str, QMenu] = {}
        titles = _menu_titles(self)
        for name in MENUS:
            menu = self.menus[name] = self.menuBar().addMenu(titles[name])
            self._section_ends[name] = {s: menu.addSeparator() for s in MENU_SECTIONS.get(name, ())}
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
        self._sealed = True  # from here on, features add parts through register()
        for module in FEATURES:
            importlib.import_module(module).install(self)
        self._default_dock_sizes()
        self.session.mark_saved()  # the features' settings as installed are the starting point
        self.session.modified_changed.connect(self.setWindowModified)
        self.session.path_changed.connect(lambda _path: self._update_title())
        self.session.tensors_changed.connect(self.tensors_changed.emit)
        self.session.opened.connect(self._on_opened)
        self.undo_stack.cleanChanged.connect(lambda clean: self.session.refresh_modified())
        self.document.spec_changed.connect(lambda *_: self._refresh_status())
        self.document.device_changed.connect(lambda *_: self._refresh_status())
        self.when_ready(self._refresh_status)
        self._update_title()
        self.resize(1400, 900)
        self._restore_layout()

    def __setattr__(self, name: str, value) -> None:
        """Features never set attributes on the window (they :meth:`register` their parts)."""
        if self.__dict__.get("_sealed") and name not in self.__dict__:
            if not hasattr(type(self), name):
                raise AttributeError(
                    f"features do not set attributes on the window ({name!r}): use register()"
                )
        super().__setattr__(name, value)

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
            self._insert(menu, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _insert(self, place: str, action: QAction) -> None:
        """Put ``action`` at a named place: "File" (its first section) or "File/export"."""
        name, _, section = place.partition("/")
        ends = self._section_ends.get(name, {})
        if not section and ends:
            section = next(iter(ends))
        if section and section not in ends:
            raise KeyError(f"no place {place!r} in the menus")
        before = ends.get(section) if section else None
        if before is None:
            self.menus[name].addAction(action)
        else:
            self.menus[name].insertAction(before, action)

    def add_menu(self, place: str, title: str) -> QMenu:
        """A submenu at a named place (see :meth:`add_action`)."""
        menu = QMenu(title, self)
        self._insert(place, menu.menuAction())
        return menu

    def trigger(self, name: str) -> bool:
        """Trigger the action whose objectName is ``name``; False when there is none."""
        action = self.findChild(QAction, name)
        if action is None:
            return False
        action.trigger()
        return True

    # ----- the parts features register (for tests and tools, not for other features) ------

    def register(self, name: str, part):
        """Name a feature's part so tests and tools can reach it; returns ``part``.

        Features do not reach each other through this: they share the session, the
        frame's helpers and the actions' objectNames.
        """
        if name in self._parts:
            raise KeyError(f"a part named {name!r} is registered already")
        self._parts[name] = part
        return part

    def part(self, name: str, *default):
        """The part registered as ``name`` (``default`` when given and there is none)."""
        if default and name not in self._parts:
            return default[0]
        return self._parts[name]

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str
    ) -> QDockWidget:
        """A movable, closable dock, listed in View so it can be restored."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self._insert("View/panels", dock.toggleViewAction())
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
            self.report_error(error_text(e))
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

    def set_center(self, widget: QWidget) -> None:
        """The central widget (the canvas), below the message bar."""
        self._center_layout.addWidget(widget, 1)

    def set_tensor(self, name: str, tensor) -> None:
        """Publish a named tensor (a detached copy) for the inspector and File > Save tensor."""
        self.session.set_tensor(name, tensor)

    @property
    def tensors(self) -> dict[str, object]:
        """The session's named tensors (input, output, target...)."""
        return self.session.tensors

    @property
    def project_state(self) -> dict[str, tuple[Callable[[], dict], Callable[[dict], None]]]:
        """name -> (get, set): what a feature keeps in the project (see Session.project)."""
        return self.session.project_state

    @property
    def file_path(self) -> Path | None:
        return self.session.path

    # ----- opening --------------------------------------------------------------------------

    def open_model(self, request: OpenRequest) -> bool:
        """The one way a model is opened (New, example, project, import, recovery).

        False when it failed: the message is shown, nothing changed, and the action that
        asked must stop.
        """
        with self.errors(self.tr("Cannot open the model: {0}")) as failed:
            problems = self.session.open(request)
        if failed:
            return False
        self.undo_stack.clear()
        self.selection.select_layers(())
        self.selection.select_parameter("")
        for problem in problems:
            self.report_error(message_text(problem))  # a core Message: in the interface language
        return True

    def _on_opened(self, _kind: str) -> None:
        """Messages belong to the model they were about."""
        self.message_bar.clear()
        self._expire_status()
        self._update_title()

    # ----- messages -----------------------------------------------------------------------

    log_message = Signal(str, str)  # (level, text): "info" | "warning" | "error"

    def log(self, text: str, level: str = "info") -> None:
        self.log_message.emit(level, text)

    def report_error(self, text: str) -> None:
        """Where the user is looking: the message bar, the status bar, and the Log tab."""
        self.message_bar.show_message(text, "error")
        self._status_message.setText(text)
        self._status_message.setStyleSheet("color: #d64545;")
        self._status_timer.start(STATUS_ERROR_MS)
        self.log(text, "error")

    def show_status(self, text: str) -> None:
        """A passing message: the status bar (it expires) and the Log tab."""
        self._status_message.setStyleSheet("")
        self._status_message.setText(text)
        self._status_timer.start(STATUS_MS)
        self.log(text)

    def status_text(self) -> str:
        return self._status_message.text()

    def _expire_status(self) -> None:
        self._status_timer.stop()
        self._status_message.setStyleSheet("")
        self._status_message.clear()

    @contextmanager
    def errors(self, template: str = "{0}") -> Iterator[list[str]]:
        """Report an :class:`ExplorerError` raised in the block instead of raising it.

        The yielded list receives the message, so the caller can stop::

            with window.errors(window.tr("Cannot save {0}")) as failed:
                do_it()
            if failed:
                return False
        """
        failed: list[str] = []
        try:
            yield failed
        except ExplorerError as e:
            failed.append(template.format(error_text(e)))
            self.report_error(failed[-1])

    # ----- title, status and layout -------------------------------------------------------

    def _refresh_status(self) -> None:
        report = self.document.report
        self._status_device.setText(self.tr("device {0}").format(self.document.device))
        self._status_params.setText(self.tr("params: {0}").format(group_digits(report.total_params)))

    def is_modified(self) -> bool:
        """A save would write something the file does not hold (see Session.unsaved)."""
        return self.session.modified

    def mark_saved(self) -> None:
        """The session equals its file (after saving; tests use it to close quietly)."""
        self.undo_stack.setClean()
        self.session.mark_saved()

    def mark_unsaved(self) -> None:
        """New work that no file holds yet (an imported or recovered model)."""
        self.session.mark_unsaved()

    def _update_title(self) -> None:
        source = self.document.source  # a Python class names its file and itself
        if source is not None:
            name = source.window_name
        else:
            name = self.file_path.name if self.file_path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — NN Explorer")

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
        self.add_action("Help/about", self.tr("&About NN Explorer"), self._about)
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
