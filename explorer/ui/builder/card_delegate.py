"""Paints one canvas row as a card: name, layer, output shape, parameters and badges.

Badges: ``tied ×2`` (a shared layer: all its uses light up together when one is
selected), ``in: ?`` (a lazy layer not yet materialized; after the first forward it
shows the inferred size), and ``error`` (the first layer that cannot take its input;
the reason is on hover and in the properties). Layers after an error are greyed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from explorer.core.catalog import layer_type
from explorer.core.format import group_digits, shape_text, si
from explorer.core.spec import LayerSpec
from explorer.ui.builder.canvas_model import ROW_ROLE, CanvasRow
from explorer.ui.common.formatting import ERROR_RED, LAZY_AMBER, TIED_PURPLE, muted
from explorer.ui.common.messages import message_text

ROW_HEIGHT = 46
INDENT = 20
ARROW_WIDTH = 18
#: Combined once: an enum ``|`` in Python costs a few microseconds, six of them a card.
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

CATEGORY_COLORS = {
    "Linear": QColor("#4a7fd6"),
    "Activation": QColor("#3fa36b"),
    "Convolution": QColor("#c4793a"),
    "Pooling": QColor("#b0a23a"),
    "Normalization": QColor("#8e5bd6"),
    "Dropout": QColor("#8a8a8a"),
    "Shape": QColor("#3aa3b0"),
}


def card_rect(option_rect: QRect, depth: int) -> QRect:
    return option_rect.adjusted(8 + depth * INDENT, 3, -8, -3)


def arrow_rect(option_rect: QRect, depth: int) -> QRect:
    """Where a block's collapse/expand arrow is (clicks there toggle it)."""
    card = card_rect(option_rect, depth)
    return QRect(card.left() + 6, card.top(), ARROW_WIDTH, card.height())


def lazy_input_text(module) -> str | None:
    """``in: ?`` for a lazy module still uninitialized; ``in: 20`` once materialized."""
    if module is None:
        return None
    if module.has_uninitialized_params() if hasattr(module, "has_uninitialized_params") else False:
        return "in: ?"
    for attr in ("in_features", "in_channels", "num_features"):
        if hasattr(module, attr):
            return f"in: {getattr(module, attr)}"
    return None


class CardDelegate(QStyledItemDelegate):
    """Stateless painter; reads the live modules (lazy state) and the tie to highlight."""

    def __init__(self, view, document):
        super().__init__(view)
        self.view = view
        self.document = document
        self.highlight_ties: set[str] = set()
        self.highlight_ids: set[str] = set()  # cards of the selected parameter
        self._fonts: dict[str, tuple] = {}  # option font key -> (bold, metrics, small, metrics)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, ROW_HEIGHT)

    def paint(self, painter: QPainter, option, index) -> None:
        row: CanvasRow = index.data(ROW_ROLE)
        if row is None:
            return
        pal = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if row.kind == "input":
            self._paint_plain(painter, option, pal, *self._input_texts())
        elif row.kind == "total":
            self._paint_plain(painter, option, pal, *self._total_texts())
        else:
            self._paint_card(painter, option, pal, row)
        painter.restore()

    # ----- pieces --------------------------------------------------------------------

    def _fonts_for(self, font: QFont) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        """The card's bold and small fonts and their metrics, made once per view font."""
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            bold = QFont(font)
            bold.setBold(True)
            small = QFont(font)
            small.setPointSizeF(max(font.pointSizeF() - 1.5, 6.0))
            fonts = self._fonts[key] = (bold, QFontMetrics(bold), small, QFontMetrics(small))
        return fonts

    def _input_texts(self) -> tuple[str, str]:
        spec = self.document.spec
        return self.view.tr("input"), f"{shape_text(spec.input_shape)}  {spec.dtype}"

    def _total_texts(self) -> tuple[str, str]:
        report = self.document.report
        text = self.view.tr("params: {0} · {1}").format(
            group_digits(report.total_params), si(report.total_flops, "FLOPs")
        )
        if report.ok:
            output = self.view.tr("output")
            text = f"{text}   {output} {shape_text(report.output_shape)}"
        return self.view.tr("total"), text

    def _paint_plain(self, painter, option, pal, title: str, text: str) -> None:
        r = card_rect(option.rect, 0).adjusted(6, 0, -6, 0)
        painter.setPen(muted(pal.color(QPalette.ColorRole.Text)))
        bold, fm, _, _ = self._fonts_for(option.font)
        painter.setFont(bold)
        painter.drawText(r, LEFT, title)
        painter.setFont(option.font)
        shift = fm.horizontalAdvance(title) + 14
        painter.drawText(r.adjusted(shift, 0, 0, 0), LEFT, text)

    def _paint_card(self, painter: QPainter, option, pal, row: CanvasRow) -> None:
        info = row.info
        node = row.node
        rect = card_rect(option.rect, row.depth)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if not info.reached and not info.error:
            painter.setOpacity(0.45)
        base = pal.color(QPalette.ColorRole.Base)
        if row.is_block:
            base = pal.color(QPalette.ColorRole.AlternateBase)
        fill = QColor(base)
        if selected:
            fill = QColor(pal.color(QPalette.ColorRole.Highlight))
            fill.setAlphaF(0.18)
            painter.setBrush(base)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 6, 6)
        painter.setBrush(fill)
        tie = getattr(node, "tie", None)
        if info.error:
            pen = QPen(ERROR_RED, 2)
        elif tie is not None and tie in self.highlight_ties:
            pen = QPen(TIED_PURPLE, 2.5)
        elif selected:  # one outline for the selected (and focused) card, never two styles
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2.5)
        elif node.id in self.highlight_ids:
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2.5, Qt.PenStyle.DashLine)
        else:
            pen = QPen(pal.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        # Category stripe (or the block arrow).
        text_left = rect.left() + 12
        if row.is_block:
            painter.setPen(pal.color(QPalette.ColorRole.Text))
            arrow = "▸" if node.collapsed else "▾"
            painter.drawText(
                arrow_rect(option.rect, row.depth), Qt.AlignmentFlag.AlignCenter, arrow
            )
            text_left = rect.left() + 8 + ARROW_WIDTH
        else:
            color = CATEGORY_COLORS.get(layer_type(node.type).category, QColor("#888"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(
                QRect(rect.left() + 3, rect.top() + 5, 4, rect.height() - 10), 2, 2
            )
        text = pal.color(QPalette.ColorRole.Text)
        soft = muted(text)
        top = QRect(text_left, rect.top() + 3, rect.width() - (text_left - rect.left()) - 8, 20)
        bottom = top.translated(0, 18)
        bold, fm, small, sfm = self._fonts_for(option.font)
        # Line 1: PyTorch name, then the layer.
        painter.setFont(bold)
        painter.setPen(soft)
        painter.drawText(top, LEFT, info.key)
        x = fm.horizontalAdvance(info.key) + 12
        painter.setPen(ERROR_RED if info.error else text)
        label = (
            info.label
            if not row.is_block
            else self.view.tr("Sequential · children: {0}").format(len(node.children))
        )
        painter.drawText(
            top.adjusted(x, 0, 0, 0),
            LEFT,
            label,
        )
        # Line 2: output shape and parameter count.
        painter.setFont(option.font)
        painter.setPen(soft)
        if info.error:
            shape = self.view.tr("error: {0}").format(message_text(info.error))
        elif info.reached and info.out_shape is not None:
            shape = "→ " + shape_text(info.out_shape)
        else:
            shape = self.view.tr("not reached")
        if info.shared:
            params = self.view.tr("params shared with first use")
        else:
            params = self.view.tr("params: {0}").format(group_digits(info.params))
        painter.drawText(
            bottom,
            LEFT,
            f"{shape}    {params}",
        )
        # Badges, right-aligned on line 1.
        badges = self.badges(row)
        bx = top.right()
        painter.setFont(small)
        for text_, color in reversed(badges):
            w = sfm.horizontalAdvance(text_) + 10
            badge = QRect(bx - w, top.top() + 2, w, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            bg = QColor(color)
            bg.setAlphaF(0.2)
            painter.setBrush(bg)
            painter.drawRoundedRect(badge, 7, 7)
            painter.setPen(color)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text_)
            bx -= w + 4

    def badges(self, row: CanvasRow) -> list[tuple[str, QColor]]:
        out: list[tuple[str, QColor]] = []
        node = row.node
        if isinstance(node, LayerSpec):
            if node.tie is not None:
                out.append((self.view.tr("tied ×{0}").format(row.uses), TIED_PURPLE))
            if layer_type(node.type).lazy:
                text = lazy_input_text(self.document.modules.get(node.id))
                if text:
                    out.append((text, LAZY_AMBER))
        if node is not None and node.guessed:
            out.append((self.view.tr("guessed"), LAZY_AMBER))  # an import's inference
        if row.info.error:
            out.append((self.view.tr("error"), ERROR_RED))
        return out
