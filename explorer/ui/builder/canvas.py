"""The canvas: the model as a vertical flow of cards, with drag-and-drop building.

A :class:`QListView` over :class:`CanvasModel`, painted by :class:`CardDelegate`, so only
visible cards cost anything. Drops (palette layers, my blocks, moved cards) show an
insertion line exactly where the layer will go, or outline the block that receives it;
every drop is one undo step through :class:`BuilderActions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor, QDrag, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu

from explorer.core.errors import ExplorerError
from explorer.core.spec import Path
from explorer.ui.builder.builder_actions import BuilderActions
from explorer.ui.builder.canvas_model import ID_ROLE, CanvasModel
from explorer.ui.builder.card_delegate import INDENT, CardDelegate, arrow_rect, card_rect
from explorer.ui.common import mime
from explorer.ui.common.messages import error_text


@dataclass(frozen=True)
class DropTarget:
    """Where a drop lands: child ``index`` of the block at ``parent`` (``()``: the model).

    ``line_y``/``depth`` place the insertion line; ``block_row`` is set instead when the
    drop goes into a block (the block's card is outlined).
    """

    parent: Path
    index: int
    line_y: int | None = None
    depth: int = 0
    block_row: int | None = None


class CanvasView(QListView):
    """The central widget. Selection follows ``window.selection`` both ways."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.builder: BuilderActions = window.part("builder")
        self.model_ = CanvasModel(self)
        self.setModel(self.model_)
        self.delegate = CardDelegate(self, self.document)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)  # we draw our own line
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.drop_target: DropTarget | None = None
        self._syncing = False
        self.document.spec_changed.connect(lambda *_: self.refresh())
        self.document.weights_changed.connect(self.viewport().update)  # lazy layers materialize
        self.selectionModel().selectionChanged.connect(self._on_selection)
        window.selection.layers_changed.connect(self._select_ids)
        window.selection.parameter_changed.connect(lambda *_: self._update_tie_highlight())
        window.when_ready(self.refresh)

    # ----- model ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.model_.refresh(self.document.spec, self.document.report)
        self._select_ids(self.window_.selection.layers)
        if self.isVisible():
            # Lay the rows out now: left to the next paint, the layout asks for a repaint
            # from inside that paint, and every visible card is painted twice.
            self.executeDelayedItemsLayout()

    def texts(self, row: int) -> dict[str, str]:
        """What card ``row`` shows (row 0 is the input, the last row the totals)."""
        return self.model_.texts(row)

    def badges(self, row: int) -> list[str]:
        return [t for t, _ in self.delegate.badges(self.model_.rows[row])]

    # ----- selection ------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [self.model_.rows[r].node.id for r in rows if self.model_.rows[r].node is not None]

    def _on_selection(self, *_):
        if self._syncing:
            return
        self._syncing = True
        try:
            self.window_.selection.select_layers(self.selected_ids())
        finally:
            self._syncing = False
        self._update_tie_highlight()

    def _select_ids(self, ids) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            sel = QItemSelection()
            for node_id in ids:
                r = self.model_.row_of(node_id)
                if r is not None:
                    index = self.model_.index(r)
                    sel.select(index, index)
            self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if ids and (r := self.model_.row_of(ids[-1])) is not None:
                self.selectionModel().setCurrentIndex(
                    self.model_.index(r), QItemSelectionModel.SelectionFlag.NoUpdate
                )
                self.scrollTo(self.model_.index(r))
        finally:
            self._syncing = False
        self._update_tie_highlight()

    def _update_tie_highlight(self) -> None:
        """Outline every use of the selected tied layers, and the card(s) of the selected
        parameter (``2.weight`` lights up ``2``, and ``4`` too when they are tied)."""
        ties, ids = set(), set()
        for node_id in self.window_.selection.layers:
            r = self.model_.row_of(node_id)
            tie = getattr(self.model_.rows[r].node, "tie", None) if r is not None else None
            if tie is not None:
                ties.add(tie)
        parameter = self.window_.selection.parameter
        selected = set(self.window_.selection.layers)
        if parameter and "." in parameter:
            owner = parameter.rsplit(".", 1)[0]
            for row in self.model_.rows:
                if row.info is not None and row.info.key == owner:
                    if selected and row.node.id not in selected:
                        continue  # a stale parameter: the outline follows the selection
                    ids.add(row.node.id)
                    if getattr(row.node, "tie", None) is not None:
                        ties.add(row.node.tie)
        self.delegate.highlight_ties = ties
        self.delegate.highlight_ids = ids
        self.viewport().update()

    def highlighted_rows(self) -> list[int]:
        """Rows outlined as uses of the selected tied layer(s)."""
        ties, ids = self.delegate.highlight_ties, self.delegate.highlight_ids
        return [
            r
            for r, row in enumerate(self.model_.rows)
            if row.node is not None
            and (row.node.id in ids or getattr(row.node, "tie", None) in ties - {None})
        ]

    # ----- drag out ---------------------------------------------------------------------

    def selection_mime(self):
        """The drag payload of the selected cards (their ids)."""
        return mime.move_mime(self.selected_ids())

    def startDrag(self, supported_actions) -> None:  # noqa: N802 - Qt override
        ids = self.selected_ids()
        if not ids:
            return
        drag = QDrag(self)
        drag.setMimeData(self.selection_mime())
        drag.exec(Qt.DropAction.MoveAction)

    # ----- drops ------------------------------------------------------------------------

    def target_at(self, pos: QPoint) -> DropTarget:
        """Where a drop at ``pos`` (viewport coordinates) would insert."""
        spec = self.document.spec
        index = self.indexAt(pos)
        rows = self.model_.rows
        if not index.isValid() or rows[index.row()].kind == "total":
            last = self.model_.index(len(rows) - 1)
            return DropTarget((), len(spec.children), self.visualRect(last).top(), 0)
        row = rows[index.row()]
        rect = self.visualRect(index)
        if row.kind == "input":
            return DropTarget((), 0, rect.bottom() + 1, 0)
        frac = (pos.y() - rect.top()) / max(rect.height(), 1)
        path = row.path
        if row.is_block and frac >= 0.3:
            return DropTarget(path, len(row.node.children), None, len(path), index.row())
        if frac < 0.5 or row.is_block:
            return DropTarget(path[:-1], path[-1], rect.top(), len(path) - 1)
        return DropTarget(path[:-1], path[-1] + 1, rect.bottom() + 1, len(path) - 1)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if mime.accepts(event.mimeData()):
            self._track(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if mime.accepts(event.mimeData()):
            self._track(event)
        else:
            event.ignore()

    def _track(self, event) -> None:
        self.drop_target = self.target_at(event.position().toPoint())
        moving = event.mimeData().hasFormat(mime.MOVE) and event.source() is self
        event.setDropAction(Qt.DropAction.MoveAction if moving else Qt.DropAction.CopyAction)
        event.accept()
        self.viewport().update()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.drop_target = None
        self.viewport().update()
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        target = self.target_at(event.position().toPoint())
        self.drop_target = None
        self.viewport().update()
        try:
            payload = mime.decode(event.mimeData())
        except ExplorerError as e:
            self.window_.report_error(error_text(e))
            event.ignore()
            return
        if payload.move_ids:
            done = self.builder.move(payload.move_ids, target.parent, target.index)
        elif payload.layer_type:
            done = self.builder.insert_layer_type(payload.layer_type, target.parent, target.index)
        else:
            done = self.builder.insert_nodes(payload.nodes, target.parent, target.index)
        # Never report a MoveAction back: QListView would then remove the dragged rows itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept() if done else event.ignore()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        target = self.drop_target
        if target is None:
            return
        painter = QPainter(self.viewport())
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        if target.block_row is not None:
            rect = self.visualRect(self.model_.index(target.block_row))
            painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(card_rect(rect, target.depth - 1).adjusted(-2, -2, 2, 2), 7, 7)
        elif target.line_y is not None:
            x0 = 8 + target.depth * INDENT
            painter.setPen(QPen(color, 3))
            painter.drawLine(x0, target.line_y, self.viewport().width() - 8, target.line_y)
            painter.setBrush(color)
            painter.drawEllipse(QPoint(x0, target.line_y), 4, 4)
        painter.end()

    # ----- mouse and keys -----------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            row = self.model_.rows[index.row()]
            if row.is_block and arrow_rect(self.visualRect(index), row.depth).contains(
                event.position().toPoint()
            ):
                self.builder.set_collapsed(row.node.id, not row.node.collapsed)
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            index = self.currentIndex()
            row = self.model_.rows[index.row()] if index.isValid() else None
            if row is not None and row.is_block:
                collapse = event.key() == Qt.Key.Key_Left
                if row.node.collapsed != collapse:
                    self.builder.set_collapsed(row.node.id, collapse)
                return
        super().keyPressEvent(event)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for name in (
            "delete",
            "duplicate",
            "copy",
            "paste",
            None,
            "group",
            "ungroup",
            "collapse",
            None,
            "share",
            "untie",
            None,
            "save_block",
        ):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.builder.actions[name])
        menu.exec(self.viewport().mapToGlobal(pos))

    def row_of_id(self, node_id: str) -> int | None:
        return self.model_.row_of(node_id)

    def current_id(self) -> str | None:
        return self.currentIndex().data(ID_ROLE)


def install(window) -> None:
    """The builder: canvas (central), palette (left), properties (right), Code tab."""
    from explorer.ui.builder import class_view, code_view, palette, properties

    builder = window.register("builder", BuilderActions(window))
    canvas = window.register("canvas", CanvasView(window))
    canvas.setObjectName("Canvas")
    window.set_center(canvas)
    builder.install_actions(canvas)
    palette.install(window)
    properties.install(window)
    code_view.install(window)
    class_view.install(window, canvas, builder, window.part("palette_view"))
