"""The builder's edits: insert, move, delete, duplicate, copy/paste, group, tie, collapse.

Each gesture computes the new spec with a pure function of :mod:`explorer.core.edits`
and pushes it with ``window.push_spec`` (one gesture, one undo step). A refused edit is
reported where the user looks and changes nothing. The canvas, the palette and the menu
all call these methods, so keyboard, mouse and menu do exactly the same thing.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence
from pathlib import Path as FilePath

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from explorer.core import edits
from explorer.core.catalog import suggest_args
from explorer.core.errors import ExplorerError, SpecError
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, Path
from explorer.ui.common import mime
from explorer.ui.common.messages import error_text, os_error_text


def blocks_folder(window) -> FilePath:
    """Where "My blocks" live: ``builder/blocks_dir`` in the settings, else the config folder."""
    configured = window.settings.value("builder/blocks_dir")
    if configured:
        return FilePath(str(configured))
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return FilePath(base) / "blocks"


def incoming_shape(spec: ModelSpec, report, parent: Path, index: int) -> tuple[int, ...] | None:
    """The shape that reaches a node inserted at ``index`` of ``parent``."""
    try:
        if index > 0:
            return report.row((*parent, index - 1)).out_shape
        if parent:
            return report.row(parent).in_shape
    except KeyError:
        return None
    return spec.input_shape


_clipboard_guarded = False


def _release_clipboard_at_exit() -> None:
    """Clear the clipboard while Python is still alive.

    The clipboard owns the QMimeData we put there; Qt would otherwise destroy it in its own
    exit handlers, after the interpreter has finalized, and shiboken then crashes the
    process (a segmentation fault at exit).
    """
    global _clipboard_guarded
    if _clipboard_guarded:
        return
    _clipboard_guarded = True

    def release() -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.clipboard().clear()

    atexit.register(release)


class BuilderActions:
    """Edits on ``window.document`` driven by ``window.selection``; see the module docstring."""

    def __init__(self, window):
        self.window = window
        self.document = window.document
        self.actions: dict[str, QAction] = {}

    # ----- selection helpers ----------------------------------------------------------

    @property
    def spec(self) -> ModelSpec:
        return self.document.spec

    def selected_paths(self) -> list[Path]:
        spec, out = self.spec, []
        for node_id in self.window.selection.layers:
            try:
                out.append(spec.path_of(node_id))
            except SpecError:
                continue
        return sorted(out)

    def insertion_point(self) -> tuple[Path, int]:
        """After the last selected node, in its block; the end of the model if none."""
        paths = self.selected_paths()
        if not paths:
            return (), len(self.spec.children)
        last = paths[-1]
        return last[:-1], last[-1] + 1

    def _apply(self, make: Callable[[], ModelSpec], text: str, select: Sequence[str] = ()) -> bool:
        try:
            new = make()
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return False
        if not self.window.push_spec(new, text):
            return False
        if select:
            self.window.selection.select_layers(tuple(select))
        return True

    # ----- inserting ------------------------------------------------------------------

    def new_layer(self, type_name: str, parent: Path, index: int) -> LayerSpec:
        """A layer whose arguments fit the shape that reaches ``index`` (Linear's in_features)."""
        shape = incoming_shape(self.spec, self.document.report, parent, index)
        return LayerSpec.make(type_name, **suggest_args(type_name, shape))

    def insert_layer_type(self, type_name: str, parent: Path, index: int) -> bool:
        try:
            layer = self.new_layer(type_name, parent, index)
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return False
        return self.insert_nodes(
            [layer], parent, index, self.window.tr("Add {0}").format(type_name)
        )

    def insert_nodes(
        self, nodes: Sequence[Node], parent: Path, index: int, text: str | None = None
    ) -> bool:
        text = text or self._count_text(
            len(nodes), self.window.tr("Insert layer"), self.window.tr("Insert layers: {0}")
        )
        return self._apply(
            lambda: edits.insert_many(self.spec, parent, index, list(nodes)),
            text,
            [n.id for n in nodes],
        )

    def append_after_selection(self, type_name: str | None = None, nodes=()) -> bool:
        parent, index = self.insertion_point()
        if type_name:
            return self.insert_layer_type(type_name, parent, index)
        return self.insert_nodes(list(nodes), parent, index)

    def move(self, ids: Sequence[str], parent: Path, index: int) -> bool:
        """Move nodes so they land at ``index`` of ``parent`` (positions before the move)."""
        spec = self.spec
        try:
            siblings = spec.children_at(parent)
            parent_id = spec.node(parent).id if parent else None
        except ExplorerError as e:
            self.window.report_error(error_text(e))
            return False
        moving = set(ids)
        before = next((n.id for n in siblings[index:] if n.id not in moving), None)
        return self._apply(
            lambda: edits.move_nodes(spec, ids, parent_id, before),
            self._count_text(
                len(ids), self.window.tr("Move layer"), self.window.tr("Move layers: {0}")
            ),
            list(ids),
        )

    @staticmethod
    def _count_text(n: int, one: str, many: str) -> str:
        """ "Move layer" for one, "Move layers: 3" for more (no "Move 1 layers")."""
        return one if n == 1 else many.format(n)

    def move_selection(self, delta: int) -> bool:
        """Alt+Up / Alt+Down: move the selected siblings one place up or down (undoable)."""
        paths = self.selected_paths()
        if not paths or len({p[:-1] for p in paths}) != 1:
            return False
        parent = paths[0][:-1]
        count = len(self.spec.children_at(parent))
        first, last = paths[0][-1], paths[-1][-1]
        if delta < 0 and first == 0 or delta > 0 and last == count - 1:
            return False  # already at the edge of its block
        index = first - 1 if delta < 0 else last + 2  # positions before the move
        ids = [self.spec.node(p).id for p in paths]
        return self.move(ids, parent, index)

    # ----- edits on the selection -----------------------------------------------------

    def delete(self) -> bool:
        paths = self.selected_paths()
        if not paths:
            return False
        return self._apply(
            lambda: edits.remove(self.spec, paths),
            self._count_text(
                len(paths), self.window.tr("Delete layer"), self.window.tr("Delete layers: {0}")
            ),
        )

    def duplicate(self) -> bool:
        paths = self.selected_paths()
        if not paths:
            return False
        parent, after = paths[-1][:-1], paths[-1][-1] + 1
        new = None

        def make():
            nonlocal new
            new = edits.duplicate(self.spec, paths)
            return new

        if not self._apply(make, self.window.tr("Duplicate")):
            return False
        added = new.children_at(parent)[after : after + len(paths)]
        self.window.selection.select_layers(tuple(c.id for c in added))
        return True

    def selected_nodes(self) -> list[Node]:
        paths = self.selected_paths()
        # A node inside a selected block travels with the block.
        top = [p for p in paths if not any(q != p and p[: len(q)] == q for q in paths)]
        return [self.spec.node(p) for p in top]

    def copy(self) -> bool:
        nodes = self.selected_nodes()
        if not nodes:
            return False
        QGuiApplication.clipboard().setMimeData(mime.nodes_mime(nodes))
        _release_clipboard_at_exit()
        self.window.show_status(self.window.tr("Copied layers: {0}").format(len(nodes)))
        return True

    def paste(self) -> bool:
        try:
            payload = mime.decode(QGuiApplication.clipboard().mimeData(), text_fallback=True)
        except ExplorerError as e:
            self.window.report_error(self.window.tr("Cannot paste: {0}").format(error_text(e)))
            return False
        if not payload.nodes:
            return False
        parent, index = self.insertion_point()
        return self.insert_nodes(payload.nodes, parent, index, self.window.tr("Paste"))

    def group(self) -> bool:
        paths = self.selected_paths()
        if not paths:
            self.window.report_error(self.window.tr("Select the layers to group first"))
            return False
        block_id = None

        def make():
            nonlocal block_id
            new = edits.group(self.spec, paths)
            block_id = new.node(min(paths)).id
            return new

        ok = self._apply(make, self.window.tr("Group"))
        if ok:
            self.window.selection.select_layers((block_id,))
        return ok

    def ungroup(self) -> bool:
        blocks = [p for p in self.selected_paths() if isinstance(self.spec.node(p), BlockSpec)]
        if not blocks:
            self.window.report_error(self.window.tr("Select a block to ungroup"))
            return False
        path = blocks[0]
        ids = [c.id for c in self.spec.node(path).children]
        return self._apply(lambda: edits.ungroup(self.spec, path), self.window.tr("Ungroup"), ids)

    def add_shared_use(self) -> bool:
        paths = self.selected_paths()
        if len(paths) != 1:
            self.window.report_error(self.window.tr("Select one layer to share"))
            return False
        path = paths[0]
        new_id = None

        def make():
            nonlocal new_id
            new = edits.add_shared_use(self.spec, path)
            new_id = new.node((*path[:-1], path[-1] + 1)).id
            return new

        ok = self._apply(make, self.window.tr("Add shared use"))
        if ok:
            self.window.selection.select_layers((new_id,))
        return ok

    def untie(self) -> bool:
        paths = self.selected_paths()
        if len(paths) != 1:
            return False
        return self._apply(lambda: edits.untie(self.spec, paths[0]), self.window.tr("Untie"))

    def set_collapsed(self, node_id: str, collapsed: bool) -> bool:
        try:
            path = self.spec.path_of(node_id)
        except SpecError:
            return False
        text = self.window.tr("Collapse") if collapsed else self.window.tr("Expand")
        return self._apply(lambda: edits.set_collapsed(self.spec, path, collapsed), text)

    def toggle_collapsed(self) -> bool:
        for path in self.selected_paths():
            node = self.spec.node(path)
            if isinstance(node, BlockSpec):
                return self.set_collapsed(node.id, not node.collapsed)
        return False

    # ----- my blocks and code -----------------------------------------------------------

    def save_as_user_block(self, name: str | None = None) -> bool:
        from explorer.io.user_blocks import save_user_block

        nodes = self.selected_nodes()
        if not nodes:
            self.window.report_error(self.window.tr("Select the layers to save as a block"))
            return False
        node = nodes[0] if len(nodes) == 1 else BlockSpec(children=tuple(nodes))
        if name is None:
            name, ok = QInputDialog.getText(
                self.window, self.window.tr("Save as my block"), self.window.tr("Block name:")
            )
            if not ok:
                return False
        try:
            save_user_block(blocks_folder(self.window), name, node)
        except (ExplorerError, OSError) as e:
            self.window.report_error(
                self.window.tr("Cannot save the block: {0}").format(error_text(e))
            )
            return False
        palette = self.window.part("palette_view", None)
        if palette is not None:
            palette.reload_user_blocks()
        self.window.show_status(self.window.tr("Saved the block {0}").format(name.strip()))
        return True

    def export_code(self, path: str | None = None) -> bool:
        from explorer.core.codegen import model_code
        from explorer.io.atomic import atomic_write_bytes

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.window.tr("Export PyTorch code"), "model.py", "Python (*.py)"
            )
            if not path:
                return False
        try:
            view = self.window.part("code_view", None)  # same feature: its chosen style
            if view is not None:
                code = view.code_text()
            else:  # the code prints what Forward shows
                session = self.window.session
                settings = session.settings
                code = model_code(
                    self.spec,
                    seed=settings.seed,
                    input_kind=settings.input_kind,
                    weights_match=session.weights_from_seed(),
                )
            atomic_write_bytes(path, code.encode("utf-8"))
        except OSError as e:
            self.window.report_error(
                self.window.tr("Cannot write {0}: {1}").format(path, os_error_text(e))
            )
            return False
        self.window.show_status(self.window.tr("Exported code to {0}").format(path))
        return True

    # ----- actions -----------------------------------------------------------------------

    def install_actions(self, canvas) -> None:
        """Edit-menu actions whose shortcuts work while the canvas has focus."""
        w = self.window
        tr = w.tr
        specs = [
            (
                "delete",
                tr("&Delete"),
                self.delete,
                QKeySequence.StandardKey.Delete,
                tr("Delete the selected layers"),
            ),
            (
                "move_up",
                tr("Move up"),
                lambda: self.move_selection(-1),
                "Alt+Up",
                tr("Move the selected layers one place up"),
            ),
            (
                "move_down",
                tr("Move down"),
                lambda: self.move_selection(1),
                "Alt+Down",
                tr("Move the selected layers one place down"),
            ),
            (
                "duplicate",
                tr("D&uplicate"),
                self.duplicate,
                "Ctrl+D",
                tr("Insert a copy after the selection"),
            ),
            (
                "copy",
                tr("&Copy layers"),
                self.copy,
                QKeySequence.StandardKey.Copy,
                tr("Copy the selected layers as JSON"),
            ),
            (
                "paste",
                tr("&Paste layers"),
                self.paste,
                QKeySequence.StandardKey.Paste,
                tr("Paste layers after the selection"),
            ),
            (
                "group",
                tr("&Group into block"),
                self.group,
                "Ctrl+G",
                tr("Wrap the selection in a nested Sequential"),
            ),
            (
                "ungroup",
                tr("U&ngroup block"),
                self.ungroup,
                "Ctrl+Shift+G",
                tr("Replace the block by its layers"),
            ),
            (
                "collapse",
                tr("Collapse/expand block"),
                self.toggle_collapsed,
                "Ctrl+E",
                tr("Fold a block to one card"),
            ),
            (
                "share",
                tr("Add &shared use"),
                self.add_shared_use,
                "Ctrl+T",
                tr("Use the selected layer again (tied parameters)"),
            ),
            ("untie", tr("Untie"), self.untie, None, tr("Give this use its own parameters")),
            (
                "save_block",
                tr("Save as my &block…"),
                self.save_as_user_block,
                None,
                tr("Keep the selection in My blocks"),
            ),
        ]
        w.menus["Edit"].addSeparator()  # the Edit menu has no named places: builder's own part
        for name, text, slot, shortcut, tip in specs:
            action = QAction(text, w)
            action.setObjectName(f"action_{name}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda checked=False, s=slot: s())
            w.menus["Edit"].addAction(action)
            canvas.addAction(action)
            self.actions[name] = action
        self.actions["export_code"] = w.add_action(
            "File/export",
            tr("Export &code…"),
            self.export_code,
            tip=tr("Write a runnable .py that builds this model"),
            name="actionExportCode",
        )
