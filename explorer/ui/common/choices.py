"""Combo box choices that read whole: short entries, the full text in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


def add_choice(combo: QComboBox, text: str, data, full: str = "") -> None:
    """One entry: ``text`` in the box, ``full`` (the whole description) as its tooltip."""
    combo.addItem(text, data)
    combo.setItemData(combo.count() - 1, full or text, Qt.ItemDataRole.ToolTipRole)


def show_whole_choices(combo: QComboBox) -> None:
    """Never narrower than its longest entry, and its tooltip is the current entry's whole text.

    In a small pane Qt elided "weights and biases" to "weights and biase" and the default
    scheme to "PyTorch default (r"; entries are short, so the form is made wide enough instead.
    """
    widest = max(
        (combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
        default=0,
    )
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    size = QSize(widest + 4, combo.fontMetrics().height())  # Fusion pads the label by 2 a side
    hint = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, size, combo)
    combo.setMinimumWidth(hint.width())

    tooltip_follows_choice(combo)


def tooltip_follows_choice(combo: QComboBox, with_text: bool = False) -> None:
    """The box's tooltip is the current entry's whole text (its tooltip, else its text).

    ``with_text``: the entry's text comes first, its own tooltip (if any) on the next line,
    for a box whose entries may elide and whose tooltips say something else.
    """

    def follow(index: int) -> None:
        text = combo.itemText(index)
        tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""
        if with_text:
            combo.setToolTip(text if tip in ("", text) else f"{text}\n{tip}")
        else:
            combo.setToolTip(tip or text)

    combo.currentIndexChanged.connect(follow)
    follow(combo.currentIndex())
