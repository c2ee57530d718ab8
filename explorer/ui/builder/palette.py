"""The palette: every catalog layer by category, a filter box, and "My blocks".

Drag an entry onto the canvas, or double-click it / press Enter to append it after the
selection. The tooltip shows the PyTorch signature and the first docstring line. The
drag carries only the catalog key (or a saved block's node JSON), see :mod:`mime`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.catalog import categories
from explorer.ui.common import mime
from explorer.ui.common.messages import error_text, message_text

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "layer" | "block"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # catalog key, or the UserBlock


# The catalog's categories (explorer.core.catalog), marked for pyside6-lupdate.
# Linear and Dropout are PyTorch class names and stay as they are in Chinese.
CATEGORY_TITLES = (
    QT_TRANSLATE_NOOP("Palette", "Linear"),
    QT_TRANSLATE_NOOP("Palette", "Activation"),
    QT_TRANSLATE_NOOP("Palette", "Convolution"),
    QT_TRANSLATE_NOOP("Palette", "Pooling"),
    QT_TRANSLATE_NOOP("Palette", "Normalization"),
    QT_TRANSLATE_NOOP("Palette", "Dropout"),
    QT_TRANSLATE_NOOP("Palette", "Shape"),
)


class PaletteTree(QTreeWidget):
    """The tree; its :meth:`mimeData` is the drag payload (tests drop it on the canvas)."""

    def __init__(self, palette):
        super().__init__(palette)
        self.palette_ = palette
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemDoubleClicked.connect(lambda item, _col: palette.append(item))

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [mime.LAYER_TYPE, mime.NODES]

    def mimeData(self, items):  # noqa: N802 - Qt override
        item = items[0] if items else None
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if kind == "layer":
            return mime.layer_type_mime(item.data(0, VALUE_ROLE))
        if kind == "block":
            return mime.nodes_mime([item.data(0, VALUE_ROLE).node])
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.palette_.append(self.currentItem())
            return
        super().keyPressEvent(event)


class Palette(QWidget):
    """Layer types and the user's blocks; ``reload_user_blocks`` re-reads the folder."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter layers…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = PaletteTree(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        for category, types in categories():
            top = QTreeWidgetItem(self.tree, [self.tr(category)])  # see CATEGORY_TITLES
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for lt in types:
                item = QTreeWidgetItem(top, [lt.name])
                item.setData(0, KIND_ROLE, "layer")
                item.setData(0, VALUE_ROLE, lt.name)
                item.setToolTip(0, f"{lt.signature}\n\n{self.tr(lt.doc)}")
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                self.items[lt.name] = item
        self.blocks_item = QTreeWidgetItem(self.tree, [self.tr("My blocks")])
        self.blocks_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.expandAll()
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self.append_first_match)
        window.when_ready(self.reload_user_blocks)

    def append(self, item: QTreeWidgetItem) -> bool:
        """Double-click / Enter: insert after the canvas selection."""
        kind = item.data(0, KIND_ROLE)
        if kind == "layer":
            return self.window_.part("builder").append_after_selection(
                type_name=item.data(0, VALUE_ROLE)
            )
        if kind == "block":
            from explorer.core.spec import with_fresh_ids

            node = with_fresh_ids(item.data(0, VALUE_ROLE).node)
            return self.window_.part("builder").append_after_selection(nodes=[node])
        return False

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            visible = 0
            for j in range(top.childCount()):
                child = top.child(j)
                hay = f"{child.text(0)} {top.text(0)} {child.toolTip(0)}".lower()
                match = not needle or needle in hay
                child.setHidden(not match)
                visible += match
            top.setHidden(bool(needle) and visible == 0)
        if needle:  # the entry Enter would append is the current one
            match = self.first_match()
            if match is not None:
                self.tree.setCurrentItem(match)

    def first_match(self) -> QTreeWidgetItem | None:
        """The entry Enter in the filter appends: an exact name, else the first one shown."""
        needle = self.filter.text().strip().lower()
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.isHidden():
                continue
            shown += [top.child(j) for j in range(top.childCount()) if not top.child(j).isHidden()]
        exact = [item for item in shown if item.text(0).lower() == needle]
        return (exact or shown or [None])[0]

    def append_first_match(self) -> bool:
        """Enter in the filter box: append the matching layer, as Enter in the list does."""
        if not self.filter.text().strip():
            return False
        item = self.first_match()
        return item is not None and self.append(item)

    def visible_layer_names(self) -> list[str]:
        return [name for name, item in self.items.items() if not item.isHidden()]

    def reload_user_blocks(self) -> None:
        from explorer.io.user_blocks import load_user_blocks
        from explorer.ui.builder.builder_actions import blocks_folder

        self.blocks_item.takeChildren()
        blocks, problems = load_user_blocks(blocks_folder(self.window_))
        for problem in problems:
            self.window_.log(message_text(problem), "warning")
        for b in blocks:
            item = QTreeWidgetItem(self.blocks_item, [b.name])
            item.setData(0, KIND_ROLE, "block")
            item.setData(0, VALUE_ROLE, b)
            item.setToolTip(0, self.tr("My block, saved in {0}").format(str(b.path)))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
        self.blocks_item.setExpanded(True)
        self.apply_filter(self.filter.text())

    def user_block_items(self) -> list[QTreeWidgetItem]:
        return [self.blocks_item.child(i) for i in range(self.blocks_item.childCount())]

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.data(0, KIND_ROLE) != "block":
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete this block"), lambda: self._delete_block(item))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _delete_block(self, item) -> None:
        from explorer.io.user_blocks import delete_user_block

        try:
            delete_user_block(item.data(0, VALUE_ROLE))
        except OSError as e:
            self.window_.report_error(error_text(e))
        self.reload_user_blocks()


def install(window) -> None:
    window.add_dock(
        window.register("palette_view", Palette(window)),
        window.tr("Palette"),
        Qt.DockWidgetArea.LeftDockWidgetArea,
        "PaletteDock",
    )
