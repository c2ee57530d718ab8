"""File > Inspect: the tree of a weights-only file; any tensor opens in the tensor inspector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from explorer.core.format import group_digits, si
from explorer.io.tensors import FileTree
from explorer.ui.common.messages import message_text

KEY_ROLE = Qt.ItemDataRole.UserRole


class InspectDialog(QDialog):
    """Columns key, shape, dtype, device (where it was saved), size; keys stored once
    (tied layers) are named below the tree and their later keys read ``= 2.weight``."""

    def __init__(self, window, tree: FileTree):
        super().__init__(window)
        self.setObjectName("InspectDialog")
        self.window_ = window
        self.file_tree = tree
        self.setWindowTitle(self.tr("Inspect {0}").format(tree.path.name))
        layout = QVBoxLayout(self)
        size = si(tree.total_bytes, "B")
        if tree.unique_bytes != tree.total_bytes:
            size = self.tr("{0} over the keys, {1} unique (shared storage below)").format(
                size, si(tree.unique_bytes, "B")
            )
        self.summary = QLabel(
            self.tr("{0}: {1}, tensors: {2}, {3}").format(
                tree.path.name, message_text(tree.kind_text), group_digits(tree.tensor_count), size
            ),
            self,
        )
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("key"), self.tr("shape"), self.tr("dtype"), self.tr("device"), self.tr("size")]
        )
        parents: dict[int, QTreeWidgetItem] = {}
        for e in tree.entries:
            label = e.key if e.depth == 0 else e.key.rsplit(".", 1)[-1]
            if e.kind == "tensor":
                cols = [label, str(e.shape), e.dtype, e.device, si(e.nbytes, "B")]
            else:
                cols = [label, message_text(e.value), "", "", ""]
            item = QTreeWidgetItem(cols)
            item.setData(0, KEY_ROLE, e.key if e.kind == "tensor" else "")
            shared = tree.shared_with(e.key) if e.kind == "tensor" else None
            item.setToolTip(0, e.key + (f"\n{message_text(shared.text)}" if shared else ""))
            if shared is not None and e.key != shared.keys[0]:
                item.setText(4, self.tr("= {0}").format(shared.keys[0]))
            parent = parents.get(e.depth - 1) if e.depth else None
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            parents[e.depth] = item
        self.tree.expandToDepth(0)
        for c in range(5):
            self.tree.resizeColumnToContents(c)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.open_item(item))
        layout.addWidget(self.tree)
        self.shared = QLabel(
            "\n".join(self.tr("shared: {0}").format(message_text(g.text)) for g in tree.shared),
            self,
        )
        self.shared.setWordWrap(True)
        self.shared.setVisible(bool(tree.shared))
        layout.addWidget(self.shared)
        for k, v in tree.metadata.items():
            layout.addWidget(QLabel(f"{k}: {message_text(v)}", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("Open in tensor inspector"), self)
        self.open_button.setToolTip(self.tr("Show the selected tensor (or double-click it)"))
        self.open_button.clicked.connect(lambda: self.open_item(self.tree.currentItem()))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, KEY_ROLE) == key:
                return item
        return None

    def _items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack[:0] = [item.child(i) for i in range(item.childCount())]

    def open_item(self, item: QTreeWidgetItem | None) -> bool:
        """Send the tensor of ``item`` to the tensor inspector (``inspect_requested``)."""
        key = item.data(0, KEY_ROLE) if item is not None else ""
        tensor = self.file_tree.tensor(key) if key else None
        if tensor is None:
            self.window_.show_status(self.tr("Select a tensor to open it"))
            return False
        return send_to_inspector(self.window_, f"{self.file_tree.path.name}: {key}", tensor)


def send_to_inspector(window, title: str, tensor) -> bool:
    """Show one tensor of a file in the tensor inspector (``inspect_requested``)."""
    import torch

    if tensor is None:
        return False
    array = tensor.detach().cpu()
    if array.dtype in (torch.float16, torch.bfloat16):  # numpy has no bfloat16
        array = array.float()
    window.inspect_requested.emit(title, array.numpy())
    return True
