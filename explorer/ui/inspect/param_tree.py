"""The Parameters dock: Model > blocks > layers > parameters and buffers, as PyTorch names them.

Each tensor of ``state_dict()`` is one row (a tied weight is one row with both names
and a link badge); buffers are rows of their own, marked "state_dict only". The dock
also shows what ``net[2].state_dict()`` prints for the selected layer or the model.
Selection is shared with the other views through ``window.selection``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QFont, QFontDatabase, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.format import group_digits, shape_text
from explorer.core.spec import BlockSpec, key_of
from explorer.ui.common.formatting import LAZY_AMBER, TIED_PURPLE, muted
from explorer.ui.common.messages import error_text

# QT_TRANSLATE_NOOP marks them for pyside6-lupdate; tr() translates them where shown.
COLUMNS = (
    QT_TRANSLATE_NOOP("ParamTree", "Name"),
    QT_TRANSLATE_NOOP("ParamTree", "Shape"),
    QT_TRANSLATE_NOOP("ParamTree", "dtype"),
    QT_TRANSLATE_NOOP("ParamTree", "device"),
    QT_TRANSLATE_NOOP("ParamTree", "requires_grad"),
    QT_TRANSLATE_NOOP("ParamTree", "numel"),
    QT_TRANSLATE_NOOP("ParamTree", "grad"),
)
NAMES_ROLE = Qt.ItemDataRole.UserRole + 1  # tuple of state_dict names (a tensor row)
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # module key ("" = the model) of a layer/block row
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # spec layer id


def link_icon() -> QIcon:
    """A small purple chain: the badge of a tied (shared) tensor."""
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(TIED_PURPLE, 2))
    p.drawRoundedRect(1, 5, 8, 6, 3, 3)
    p.drawRoundedRect(7, 5, 8, 6, 3, 3)
    p.end()
    return QIcon(pix)


def _layer_walk(spec, net):
    """``(path, key, layer id, is_block)`` per module: the spec's layers, or for a model
    without layers (a Python class) its ``named_modules()``, which have no layer id."""
    if spec.children or not any(True for _ in net.children()):
        for path, node in spec.walk():
            yield path, key_of(spec, path), node.id, isinstance(node, BlockSpec)
        return
    for key, _module in net.named_modules():
        if key:
            yield tuple(key.split(".")), key, None, False


class ParamTree(QWidget):
    """The tree and the state_dict pane. Follows ``window.document`` and ``window.selection``."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ParameterTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        # Shown order: what lessons ask about first (numel, grad), dtype and device last,
        # so grad stays in view in a narrow dock. Logical columns keep COLUMNS' order.
        header = self.tree.header()
        header.moveSection(COLUMNS.index("numel"), 2)
        header.moveSection(COLUMNS.index("grad"), 3)
        self.tree.setAlternatingRowColors(True)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.state_button = QToolButton(self)
        self.state_button.setObjectName("stateDictButton")
        self.state_button.setText("state_dict")
        self.state_button.setCheckable(True)
        self.state_button.setToolTip(
            self.tr("Show what state_dict() prints for the selected layer, or the whole model")
        )
        self.state_text = QPlainTextEdit(self)
        self.state_text.setReadOnly(True)
        self.state_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.state_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.state_text.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.totals, 1)
        bar.addWidget(self.state_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.state_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._link = link_icon()
        self._rows: dict[str, QTreeWidgetItem] = {}  # every state_dict name -> its row
        self._layer_rows: dict[str, list[QTreeWidgetItem]] = {}  # layer id -> rows
        self._syncing = False
        self._layout_key: tuple = ()  # what the rows were built from (names, kinds, laziness)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.state_button.toggled.connect(self._on_state_toggled)
        self.document.spec_changed.connect(lambda *_: self.refresh())
        self.document.weights_changed.connect(self._on_weights_changed)
        self.document.device_changed.connect(lambda *_: self.refresh())
        window.selection.layers_changed.connect(self._on_layers_selected)
        window.selection.parameter_changed.connect(self._on_parameter_selected)

    # ----- filling --------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the rows from the live module (keeps the selection)."""
        from explorer.core.params import list_entries, local_name, owner_of, totals

        net = self.document.net
        spec = self.document.spec
        entries = list_entries(net)
        self._layout_key = self._key_of(entries)
        by_owner: dict[str, list] = {}
        for e in entries:
            by_owner.setdefault(owner_of(e.name), []).append(e)
        first_use: dict[int, str] = {}  # id(module) -> key of its first use
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._rows, self._layer_rows = {}, {}
        total = totals(entries)
        root = QTreeWidgetItem([self.tr("Model"), "", "", "", "", group_digits(total.parameters)])
        root.setData(0, KEY_ROLE, "")
        bold = QFont(root.font(0))
        bold.setBold(True)
        root.setFont(0, bold)
        self.tree.addTopLevelItem(root)
        parents = {(): root}
        for e in by_owner.get("", []):  # a class's own nn.Parameter (a Sequential has none)
            self._add_entry(root, e, local_name(e.name))
        for path, key, node_id, is_block in _layer_walk(spec, net):
            try:
                module = net.get_submodule(key)
            except AttributeError:
                continue
            label = key.rsplit(".", 1)[-1] if len(path) > 1 else key
            kind = "Sequential" if is_block else type(module).__name__
            item = QTreeWidgetItem([f"{label}  {kind}"])
            item.setData(0, KEY_ROLE, key)
            item.setData(0, ID_ROLE, node_id)
            parents[path[:-1]].addChild(item)
            parents[path] = item
            if node_id is not None:
                self._layer_rows.setdefault(node_id, []).append(item)
            if is_block:
                continue
            earlier = first_use.setdefault(id(module), key)
            if earlier != key:  # a second use of a tied layer: its tensors are listed once
                item.setText(0, f"{label}  {kind}  = {earlier}")
                item.setIcon(0, self._link)
                item.setToolTip(
                    0,
                    self.tr("The same module as {0}: its tensors are listed there").format(earlier),
                )
                for name in (f"{key}.{n}" for n in module.state_dict(keep_vars=True)):
                    self._rows.setdefault(name, item)
                continue
            for e in by_owner.get(key, []):
                self._add_entry(item, e, local_name(e.name))
        self._update_totals(total)
        self.tree.expandAll()
        for c in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(c)
        self.tree.setUpdatesEnabled(True)
        self._show_selection()
        self._update_state_text()

    @staticmethod
    def _key_of(entries) -> tuple:
        return tuple((e.names, e.kind, e.lazy) for e in entries)

    @staticmethod
    def _columns(e) -> list[str]:
        shape = "?" if e.shape is None else shape_text(e.shape)
        grad = "None" if e.grad_shape is None else shape_text(e.grad_shape)
        numel = "?" if e.lazy else group_digits(e.numel)
        grad_text = "—" if e.kind == "buffer" else grad
        rg = "—" if e.kind == "buffer" else str(e.requires_grad)
        return [" = ".join(e.names), shape, e.dtype, e.device, rg, numel, grad_text]

    def _on_weights_changed(self) -> None:
        """Values changed (a step, a backward): update grad states in place when the rows stay."""
        from explorer.core.params import list_entries

        entries = list_entries(self.document.net)
        if self._key_of(entries) != self._layout_key or not self._rows:
            self.refresh()
            return
        for e in entries:
            row = self._rows.get(e.name)
            if row is None:
                continue
            for c, text in enumerate(self._columns(e)):
                if c and row.text(c) != text:
                    row.setText(c, text)
        self._update_state_text()

    def _add_entry(self, parent: QTreeWidgetItem, e, local: str) -> None:
        item = QTreeWidgetItem(self._columns(e))
        item.setData(0, NAMES_ROLE, e.names)
        for c in (1, 5):
            item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = e.type_name
        if e.tied:
            item.setIcon(0, self._link)
            item.setForeground(0, QBrush(TIED_PURPLE))
            tip = self.tr("Tied: one {0} under {1} names, counted once").format(
                e.type_name, len(e.names)
            )
        if e.kind == "buffer":
            font = QFont(item.font(0))
            font.setItalic(True)
            for c in range(len(COLUMNS)):
                item.setFont(c, font)
                item.setForeground(c, QBrush(muted()))
            tip = self.tr("Buffer: in state_dict(), not in parameters(); not trained")
        if e.lazy:
            item.setForeground(1, QBrush(LAZY_AMBER))
            item.setText(1, "? UninitializedParameter")
            tip = self.tr("UninitializedParameter: the shape is known after the first forward")
        item.setToolTip(0, tip)
        parent.addChild(item)
        for name in e.names:
            self._rows[name] = item

    def _update_totals(self, total) -> None:
        text = self.tr("{0} parameters ({1} trainable)").format(
            group_digits(total.parameters), group_digits(total.trainable)
        )
        if total.buffers:
            text += self.tr(" · {0} buffer values").format(group_digits(total.buffers))
        if total.uninitialized:
            text += self.tr(" · {0} uninitialized").format(total.uninitialized)
        self.totals.setText(text)

    # ----- queries (used by tests and other views) ----------------------------------------

    def entry_rows(self) -> list[QTreeWidgetItem]:
        rows = []

        def visit(item):
            if item.data(0, NAMES_ROLE):
                rows.append(item)
            for i in range(item.childCount()):
                visit(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))
        return rows

    def row_for(self, name: str) -> QTreeWidgetItem | None:
        return self._rows.get(name)

    # ----- selection ------------------------------------------------------------------

    def _layer_ids_of(self, names) -> list[str]:
        from explorer.core.params import owner_of

        spec = self.document.spec
        ids = []
        owners = {owner_of(n) for n in names}
        for path, node in spec.walk():
            if key_of(spec, path) in owners:
                ids.append(node.id)
        return ids

    def _on_tree_selection(self) -> None:
        if self._syncing:
            return
        items = self.tree.selectedItems()
        if not items:
            return
        item = items[0]
        names = item.data(0, NAMES_ROLE)
        self._syncing = True
        try:
            if names:
                self.window_.selection.select_parameter(names[0])
                self.window_.selection.select_layers(self._layer_ids_of(names))
            else:
                ids = [i.data(0, ID_ROLE) for i in items if i.data(0, ID_ROLE)]
                self.window_.selection.select_layers(ids)
                first = self._first_entry_under(item)
                if first:
                    self.window_.selection.select_parameter(first)
        finally:
            self._syncing = False
        self._update_state_text()

    def _first_entry_under(self, item: QTreeWidgetItem) -> str:
        names = item.data(0, NAMES_ROLE)
        if names:
            return names[0]
        key = item.data(0, KEY_ROLE)
        if item.childCount() == 0 and key:  # a tied layer's second use
            from explorer.core.params import list_entries

            for e in list_entries(self.document.net):
                for n in e.names:
                    if n.startswith(key + "."):
                        return e.name
        for i in range(item.childCount()):
            found = self._first_entry_under(item.child(i))
            if found:
                return found
        return ""

    def _on_layers_selected(self, ids) -> None:
        """Another view selected layers: select their tensors and show the first."""
        if self._syncing:
            return
        rows = [r for i in ids for r in self._layer_rows.get(i, [])]
        entries = []
        for r in rows:
            for i in range(r.childCount()):
                if r.child(i).data(0, NAMES_ROLE):
                    entries.append(r.child(i))
        self._syncing = True
        try:
            self._select_items(entries or rows)
            first = next(
                (self._first_entry_under(r) for r in rows if self._first_entry_under(r)), ""
            )
            if first:
                self.window_.selection.select_parameter(first)
        finally:
            self._syncing = False
        self._update_state_text()

    def _on_parameter_selected(self, name: str) -> None:
        if self._syncing:
            return
        row = self._rows.get(name)
        if row is not None:
            self._syncing = True
            try:
                self._select_items([row])
            finally:
                self._syncing = False
            self._update_state_text()

    def _select_items(self, items) -> None:
        self.tree.blockSignals(True)
        self.tree.clearSelection()
        for item in items:
            item.setSelected(True)
        if items:
            self.tree.scrollToItem(items[0])
        self.tree.blockSignals(False)

    def _show_selection(self) -> None:
        name = self.window_.selection.parameter
        if name in self._rows:
            self._select_items([self._rows[name]])
        else:
            self._select_items(
                [r for i in self.window_.selection.layers for r in self._layer_rows.get(i, [])]
            )

    # ----- state_dict pane ------------------------------------------------------------

    def selected_module_key(self) -> str:
        """The module the state_dict pane shows: the selected layer/block, else the model."""
        from explorer.core.params import owner_of

        items = self.tree.selectedItems()
        if not items:
            return ""
        item = items[0]
        names = item.data(0, NAMES_ROLE)
        if names:
            return owner_of(names[0])
        return item.data(0, KEY_ROLE) or ""

    def _on_state_toggled(self, on: bool) -> None:
        self.state_text.setVisible(on)
        self._update_state_text()

    def _update_state_text(self) -> None:
        if not self.state_text.isVisible():
            return
        from explorer.core.params import module_expression, state_dict_text

        key = self.selected_module_key()
        net = self.document.net
        try:
            expr = module_expression(key, net)
            text = state_dict_text(net, key)
        except (AttributeError, ValueError, KeyError) as e:
            self.state_text.setPlainText(error_text(e))
            return
        self.state_text.setPlainText(f">>> print({expr}.state_dict())\n{text}")


def install(window) -> None:
    tree = window.register("param_tree", ParamTree(window))
    window.add_dock(
        tree,
        window.tr("Parameters"),
        Qt.DockWidgetArea.RightDockWidgetArea,
        "ParametersDock",
    )
    tree.setMinimumWidth(300)
    window.when_ready(tree.refresh)
