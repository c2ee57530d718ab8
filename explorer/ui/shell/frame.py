"""The frame a feature plugs into: what ``install(frame)`` may use, and nothing else.

:class:`~explorer.ui.shell.main_window.MainWindow` is the one implementation. A feature
gets the session (and its document), adds actions at named places, docks and tabs, and
reports errors through the frame; it never sets attributes on the window and never
reaches into another feature. What a feature wants tests and tools to reach, it names
with :meth:`Frame.register`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QWidget

    from explorer.app.session import OpenRequest, Session
    from explorer.core.document import Document
    from explorer.core.spec import ModelSpec
    from explorer.ui.common.selection import Selection


class Frame(Protocol):
    """What the window offers every feature (see ../shared/UI.md for where things go).

    Places for actions: a menu name ("Run") or a named section of it ("File/project",
    "File/weights", "File/export", "File/quit", "View/panels", "View/settings",
    "Help/guide", "Help/about").
    """

    session: Session
    document: Document
    selection: Selection
    undo_stack: QUndoStack
    settings: QSettings
    toolbar: QToolBar
    close_guards: list[Callable[[], bool]]
    run_probes: dict[str, Callable]

    def add_action(
        self,
        menu: str | None,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut=None,
        tip: str = "",
        toolbar: bool = False,
        name: str = "",
    ) -> QAction: ...

    def add_menu(self, place: str, title: str) -> QMenu: ...

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str
    ) -> QDockWidget: ...

    def add_tab(self, widget: QWidget, title: str, name: str) -> int: ...

    def show_tab(self, name: str) -> None: ...

    def trigger(self, name: str) -> bool: ...

    def report_error(self, text: str) -> None: ...

    def show_status(self, text: str) -> None: ...

    def log(self, text: str, level: str = "info") -> None: ...

    def errors(self, template: str = "{0}") -> AbstractContextManager[list[str]]: ...

    def when_ready(self, callback: Callable[[], None]) -> None: ...

    def push_spec(self, new: ModelSpec, text: str) -> bool: ...

    def open_model(self, request: OpenRequest) -> bool: ...

    def set_tensor(self, name: str, tensor) -> None: ...

    def register(self, name: str, part): ...
