"""The autograd graph drawn as layers: the result at the top, the leaves at the bottom.

A view of plain :class:`~explorer.core.autograd_graph.GraphNode` data; positions come
from :func:`explorer.core.graph_layout.layered_positions`. Each box shows PyTorch's node
name and the shape of the gradient it receives; an ``AccumulateGrad`` box shows its
leaf's name and, after ``backward()``, its ``.grad``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from explorer.core.autograd_graph import GraphNode
from explorer.core.format import shape_text
from explorer.core.graph_layout import layered_positions

BOX_W, BOX_H, GAP_X, GAP_Y = 170.0, 46.0, 24.0, 40.0
LEAF = QColor("#dcecc8")
OP = QColor("#dde6f5")
GROUPS = [QColor(c) for c in ("#f5e3cf", "#e6dcf5", "#d5efef", "#f5d5dc", "#eef0c8")]


def _short(value: Any, limit: int = 22) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class GraphView(QGraphicsView):
    """Draws one graph; :meth:`show_graph` replaces it, :meth:`show_grads` updates leaves."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.boxes: dict[int, QGraphicsRectItem] = {}
        self.labels: dict[int, QGraphicsSimpleTextItem] = {}
        self.nodes: tuple[GraphNode, ...] = ()
        # an empty white box read as broken: say what will appear here (a graph replaces it)
        hint = self.scene().addSimpleText(self.tr("Press Evaluate to draw the graph"))
        hint.setBrush(QColor(120, 120, 120))
        self.scene().setSceneRect(hint.boundingRect())

    def show_graph(self, nodes: Sequence[GraphNode]) -> None:
        scene = self.scene()
        scene.clear()
        self.boxes.clear()
        self.labels.clear()
        self.nodes = tuple(nodes)
        positions = layered_positions(self.nodes)
        centre = {
            i: QPointF(col * (BOX_W + GAP_X), row * (BOX_H + GAP_Y))
            for i, (col, row) in positions.items()
        }
        groups = sorted({n.group for n in self.nodes if n.group})
        edge_pen = QPen(QColor("#777777"), 1.2)
        for n in self.nodes:
            for k in n.next:
                if k is not None:
                    a = centre[n.index] + QPointF(0, BOX_H / 2)
                    b = centre[k] - QPointF(0, BOX_H / 2)
                    scene.addLine(a.x(), a.y(), b.x(), b.y(), edge_pen)
                    scene.addEllipse(b.x() - 3, b.y() - 3, 6, 6, edge_pen, QBrush(edge_pen.color()))
        for n in self.nodes:
            c = centre[n.index]
            rect = QRectF(c.x() - BOX_W / 2, c.y() - BOX_H / 2, BOX_W, BOX_H)
            color = LEAF if n.leaf else OP
            if n.group and not n.leaf:
                color = GROUPS[groups.index(n.group) % len(GROUPS)]
            box = scene.addRect(rect, QPen(QColor("#555555")), QBrush(color))
            box.setToolTip(self._tooltip(n))
            text = QGraphicsSimpleTextItem(box)
            self.boxes[n.index] = box
            self.labels[n.index] = text
            self._set_text(n, None)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self._fit()

    def _fit(self) -> None:
        """Natural size when it fits; shrunk to the view when it does not (never enlarged)."""
        self.resetTransform()
        rect = self.scene().sceneRect()
        view = self.viewport().rect()
        if rect.width() > view.width() or rect.height() > view.height():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def _tooltip(self, n: GraphNode) -> str:
        lines = [n.name]
        if n.var:
            lines.append(self.tr("holds {0}").format(n.var))
        if n.group:
            lines.append(self.tr("layer {0}").format(n.group))
        lines.append(self.tr("receives a gradient of shape {0}").format(shape_text(n.shape)))
        return "\n".join(lines)

    def _set_text(self, n: GraphNode, grad: Any) -> None:
        first = n.name + (f"  [{n.var}]" if n.var else "")
        if n.leaf:
            second = f"{n.leaf}.grad = {_short(grad)}" if grad is not None else f"{n.leaf}"
        else:
            second = self.tr("grad {0}").format(shape_text(n.shape))
        label = self.labels[n.index]
        label.setText(f"{first}\n{second}")
        box = self.boxes[n.index].rect()
        r = label.boundingRect()
        label.setPos(box.center().x() - r.width() / 2, box.center().y() - r.height() / 2)

    def show_grads(self, grads: Mapping[str, Any]) -> None:
        for n in self.nodes:
            if n.leaf:
                self._set_text(n, grads.get(n.leaf))

    def text_of(self, index: int) -> str:
        return self.labels[index].text()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.nodes:
            self._fit()
