"""The Parameters tree's Name column: it takes the width the other columns leave.

At 1280x800 the dock is about 440 px wide, and seven columns sized to their contents
(``requires_grad`` alone took 98 px) ran past its right edge: the tree scrolled sideways and
the last column was out of sight. Here the value columns keep their content widths and the
Name column gets the rest, so every column is in view; a name that does not fit is elided
in the middle (``features…weight``: the parameter's own part stays readable) and read whole
on hover. The item's text is never changed: it stays PyTorch's ``named_parameters()`` name.
Only when the value columns alone leave less than :data:`NAME_FLOOR` does the tree scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
)

#: The narrowest Name column (px); below it the tree scrolls rather than show "0…t".
NAME_FLOOR = 72


def elided(view: QTreeView, index: QModelIndex) -> bool:
    """Whether the cell at ``index`` draws its text cut (as Qt's item painting decides)."""
    opt = QStyleOptionViewItem()
    opt.initFrom(view)
    opt.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    if isinstance(delegate, QStyledItemDelegate):
        delegate.initStyleOption(opt, index)
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return opt.fontMetrics.horizontalAdvance(opt.text) > rect.width() - 2 * margin


def cell_width(view: QTreeView, text: str) -> int:
    """The width a cell needs to show ``text`` whole: what Qt's delegate asks for it.

    Measured with the style, as ``resizeColumnToContents`` measures; a margin guessed
    from the font left "(8, 4)" drawn as "(…)" in a column 1 px short.
    """
    opt = QStyleOptionViewItem()
    opt.initFrom(view)
    opt.text = text
    opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), view)
    return size.width()


def cell_tip(view: QTreeView, index: QModelIndex) -> str:
    """The tooltip of a cell: its whole text first when the cell shows it cut."""
    tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
    text = index.data(Qt.ItemDataRole.DisplayRole) or ""
    if text and elided(view, index) and not tip.startswith(text):
        return f"{text}\n{tip}" if tip else text
    return tip


class WholeTextTips(QStyledItemDelegate):
    """Draws like Qt's delegate; the tooltip of an elided cell starts with its whole text."""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = cell_tip(view, index)
            if tip:
                QToolTip.showText(event.globalPos(), tip, view, view.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().helpEvent(event, view, option, index)


class NameColumnFit(QObject):
    """Keeps column 0 of ``view`` as wide as the viewport leaves it after the other columns.

    It follows the viewport's size (a dock resized, a scroll bar shown) and every other
    column's width (fitted to new contents, or dragged by the user).
    """

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # it follows the others
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setItemDelegate(WholeTextTips(view))
        self._fitting = False
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)

    def room(self) -> int:
        """The width column 0 gets: the viewport's width less the other shown columns."""
        header = self.view.header()
        others = sum(
            header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c)
        )
        return max(NAME_FLOOR, self.view.viewport().width() - others)

    def fit(self) -> None:
        width = self.room()
        if self.view.header().sectionSize(0) != width:
            self._fitting = True
            try:
                self.view.header().resizeSection(0, width)
            finally:
                self._fitting = False

    def _on_section_resized(self, logical: int, _old: int, _new: int) -> None:
        if not self._fitting and logical != 0:
            self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


class CopyKey(QObject):
    """Ctrl+C (the platform's Copy) on ``view`` calls ``copy``, not the window's Copy action.

    The view claims the key in its ``ShortcutOverride``, as a line edit does, so a
    window-wide Copy (the canvas's layers) does not take it while the view has the focus.
    """

    def __init__(self, view, copy):
        super().__init__(view)
        self._copy = copy
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.matches(
            QKeySequence.StandardKey.Copy
        ):
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._copy()
            return True
        return False
