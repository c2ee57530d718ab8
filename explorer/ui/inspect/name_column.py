"""The Parameters tree's Name column: it takes the width the other columns leave.

At 1280x800 the dock is about 440 px wide, and seven columns sized to their contents
(``requires_grad`` alone took 98 px) ran past its right edge: the tree scrolled sideways and
the last column was out of sight. Here the value columns keep their content widths and the
Name column gets the rest, so every column is in view; a name that does not fit is elided
in the middle (``features…weight``: the parameter's own part stays readable) and read whole
on hover. The item's text is never changed: it stays PyTorch's ``named_parameters()`` name.
When the values alone would leave the names less than :data:`NAME_FLOOR`, their widest
columns give way (elided, whole on hover); only below :data:`VALUE_FLOOR` does it scroll.
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

#: The Name column's width (px) before the value columns give way (a name that needs
#: less keeps only what it needs): "0.weight" under its layer, whole. Kept low, so that
#: shapes and counts (the d2l examples' after a backward) are not cut for longer names.
NAME_FLOOR = 100
#: The narrowest a value column is made to give the names room; below it the tree scrolls.
VALUE_FLOOR = 40


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


def shrink_to(widths: dict[int, int], total: int, floor: int) -> dict[int, int]:
    """``widths`` with the widest lowered to one level so that they add up to ``total``.

    No width goes below ``floor`` (nor below what it was); the narrow columns are not
    touched. When even that does not fit, every width above ``floor`` is at ``floor``.
    """
    if sum(widths.values()) <= total:
        return dict(widths)
    level = max(widths.values())
    # the highest level whose capped widths add up to at most ``total``
    for candidate in sorted(set(widths.values()), reverse=True):
        capped = sum(min(w, candidate) for w in widths.values())
        if capped <= total:
            wider = sum(1 for w in widths.values() if w > candidate)
            level = candidate + (total - capped) // max(1, wider)
            break
    else:
        level = 0
    level = max(level, floor)
    return {c: min(w, level) if w > floor else w for c, w in widths.items()}


class NameColumnFit(QObject):
    """Keeps column 0 of ``view`` as wide as the viewport leaves it after the other columns.

    The other columns keep the widths they were given (fitted to their contents, or dragged
    by the user): :meth:`wanted`. Only when that would leave the names less than
    :data:`NAME_FLOOR` (or less than they need, if that is less) are the widest of them
    narrowed, down to :data:`VALUE_FLOOR`: "? UninitializedParameter" (153 px) is elided
    before "0.weight" is. It follows the viewport's size (a dock resized, a scroll bar shown).
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
        self._wanted: dict[int, int] = {}  # column -> the width it was given
        self.name_wanted = 0  # what the names need (0: not known, the floor applies)
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)

    def wanted(self, column: int) -> int:
        """The width ``column`` was given (it may be shown narrower, see :meth:`fit`)."""
        return self._wanted.get(column, self.view.header().sectionSize(column))

    def keep(self, column: int) -> None:
        """``column``'s width now is the one it wants (it was just fitted to its contents)."""
        self._wanted[column] = self.view.header().sectionSize(column)

    def want_name(self, width: int) -> None:
        """The names need ``width`` px (a wider name came): refit if that changes the floor."""
        if width > self.name_wanted:
            self.name_wanted = width
            self.fit()

    def fit(self) -> None:
        header = self.view.header()
        shown = [c for c in range(1, header.count()) if not header.isSectionHidden(c)]
        wanted = {c: self.wanted(c) for c in shown}
        width = self.view.viewport().width()
        floor = min(NAME_FLOOR, self.name_wanted) if self.name_wanted else NAME_FLOOR
        widths = shrink_to(wanted, width - floor, VALUE_FLOOR)
        sizes = {0: max(floor, width - sum(widths.values())), **widths}
        self._fitting = True
        try:
            for c, w in sizes.items():
                if header.sectionSize(c) != w:
                    header.resizeSection(c, w)
        finally:
            self._fitting = False

    def _on_section_resized(self, logical: int, _old: int, new: int) -> None:
        if not self._fitting and logical != 0:
            self._wanted[logical] = new
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
