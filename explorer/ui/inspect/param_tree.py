"""The Parameters dock: Model > blocks > layers > parameters and buffers, as PyTorch names them.

Each tensor of ``state_dict()`` is one row (a tied weight is one row with both names
and a link badge); buffers are rows of their own, marked "state_dict only". The dock
also shows what ``net[2].state_dict()`` prints for the selected layer or the model.
Selection is shared with the other views through ``window.selection``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
)
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
from explorer.core.param_rows import TensorCache
from explorer.core.spec import key_of
from explorer.ui.common.formatting import LAZY_AMBER, TIED_PURPLE, muted
from explorer.ui.common.messages import error_text
from explorer.ui.inspect.name_column import CopyKey, NameColumnFit, cell_width

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
UID_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's stable id (param_rows.TreeRow.uid)
#: The tree's indentation (px a level): Qt's 20, with the Model row's own arrow, gave a
#: parameter row 60 px of indent in a 440 px dock; now 20 px (the Model row has no arrow).
INDENT = 10
#: The column titles' font size, as a share of the rows': "requires_", "device" and "numel"
#: set their columns' widths (their values are shorter), so each title takes less room.
HEADER_SCALE = 0.9


def header_labels(tr) -> list[str]:
    """The column titles; ``requires_grad`` in two lines (one took 98 px for True/False)."""
    labels = [tr(c) for c in COLUMNS]
    rg = COLUMNS.index("requires_grad")
    labels[rg] = labels[rg].replace("_", "_\n", 1)
    return labels


def _facts(e) -> tuple:
    """What a tensor row shows besides its names."""
    return (e.shape, e.grad_shape, e.dtype, e.device, e.requires_grad, e.kind, e.type_name)


def _relabel(item: QTreeWidgetItem, row, old) -> str | None:
    """Show a row that was only renamed (``501.weight`` -> ``502.weight``) on ``item``.

    An insertion renames every layer behind it: this is its short path (two Qt calls a
    row). Returns None when the row changed in more than its name (then
    :meth:`ParamTree._set_texts` does it all); else the new name text when it may need a
    wider column (it is longer, or the row moved to another depth), or "".
    """
    kind = row.kind
    if kind != old.kind or kind == "use" or kind == "model":
        return None
    moved = old.parent != row.parent
    if kind == "tensor":
        e, o = row.entry, old.entry
        if e.names == o.names or len(e.names) != len(o.names) or _facts(e) != _facts(o):
            return None
        text = " = ".join(e.names)
        item.setData(0, NAMES_ROLE, e.names)
        item.setText(0, text)
        longer = sum(map(len, e.names)) > sum(map(len, o.names))
        return text if longer or moved else ""
    if row.key != old.key:
        item.setData(0, KEY_ROLE, row.key)
    if row.label != old.label:
        item.setText(0, row.label)
    return row.label if len(row.label) > len(old.label) or moved else ""


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


class _Widths:
    """The texts an update wrote, by column and depth, for :meth:`ParamTree._widen`."""

    def __init__(self, by_uid: dict):
        self._by_uid = by_uid
        self._depth: dict[str, int] = {}
        self._texts: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def __bool__(self) -> bool:
        return bool(self._texts)

    def note(self, row, column: int, text: str) -> None:
        depth = self._depth_of(row) if column == 0 else 0
        self._texts.setdefault((column, depth), []).append((len(text), text))

    def _depth_of(self, row) -> int:
        depth = self._depth.get(row.uid)
        if depth is None:
            parent = self._by_uid.get(row.parent) if row.parent is not None else None
            depth = 0 if parent is None else self._depth_of(parent) + 1
            self._depth[row.uid] = depth
        return depth

    def longest(self, n: int = 8) -> dict[tuple[int, int], list[str]]:
        """The ``n`` longest texts (in characters) of each (column, depth)."""
        out = {}
        for key, texts in self._texts.items():
            texts.sort(reverse=True)
            out[key] = [t for _, t in texts[:n]]
        return out


class ParamTree(QWidget):
    """The tree and the state_dict pane. Follows ``window.document`` and ``window.selection``."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ParameterTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(header_labels(self.tr))
        self.tree.headerItem().setToolTip(
            COLUMNS.index("requires_grad"),
            self.tr("requires_grad: whether backward() computes a .grad for this tensor"),
        )
        self.tree.setIndentation(INDENT)
        small = QFont(self.tree.header().font())  # the titles: a size down, like a caption
        small.setPointSizeF(small.pointSizeF() * HEADER_SCALE)
        self.tree.header().setFont(small)
        self.tree.setRootIsDecorated(False)  # the one Model row stays open
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        # Shown order: what lessons ask about first (numel, grad), dtype and device last,
        # so grad stays in view in a narrow dock. Logical columns keep COLUMNS' order.
        header = self.tree.header()
        header.moveSection(COLUMNS.index("numel"), 2)
        header.moveSection(COLUMNS.index("grad"), 3)
        self.tree.setAlternatingRowColors(True)
        # Every column in view: the values keep their widths, Name takes the rest (elided
        # in the middle, whole on hover), so nothing lies past the dock's edge at 1280 px.
        self.name_fit = NameColumnFit(self.tree)
        CopyKey(self.tree, self.copy_names)  # the names whole, however the column shows them
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
        self._items: dict[str, QTreeWidgetItem] = {}  # TreeRow.uid -> its item
        self._tree_rows = None  # the param_rows.TreeRows shown
        self._cache = TensorCache()
        self._stale = False  # a spec edit arrived while hidden
        self._layer_rows: dict[str, list[QTreeWidgetItem]] = {}  # layer id -> rows
        self._syncing = False
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.state_button.toggled.connect(self._on_state_toggled)
        self.document.spec_changed.connect(lambda *_: self.update_rows())
        self.document.weights_changed.connect(self._on_weights_changed)
        self.document.device_changed.connect(lambda *_: self.refresh())
        window.selection.layers_changed.connect(self._on_layers_selected)
        window.selection.parameter_changed.connect(self._on_parameter_selected)

    # ----- filling --------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild every row from the live module (keeps the selection)."""
        from explorer.core.param_rows import tree_rows

        self._cache.clear()
        rows = tree_rows(self.document.net, self.document.spec, self._cache)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._items = {}
        for row in rows.rows:
            item = self._new_item(row)
            if row.parent is None:
                self.tree.addTopLevelItem(item)
            else:
                self._items[row.parent].addChild(item)
        self._finish(rows)
        self.tree.expandAll()
        header = self.tree.header()
        for c in range(1, len(COLUMNS)):  # Name: the room the others leave (name_fit)
            self.tree.resizeColumnToContents(c)
            self.name_fit.keep(c)  # its contents' width, even where it was shown narrower
        self.name_fit.name_wanted = max(self.tree.sizeHintForColumn(0), header.sectionSizeHint(0))
        self.name_fit.fit()
        self.tree.setUpdatesEnabled(True)
        self._show_selection()
        self._update_state_text()

    def update_rows(self) -> None:
        """Follow a spec edit: keep the rows that stay, insert, remove, move and relabel.

        Expansion, selection and the scroll position of the rows that stay are kept; rows
        that show something new (a key renumbered by an insertion) get new texts. When the
        dock is hidden, the work waits until it is shown.
        """
        if not self._items:
            self.refresh()
            return
        if not self.isVisibleTo(self.window_):
            self._stale = True
            return
        from explorer.core.param_rows import reorder_plan, tree_rows

        self._stale = False
        selected = self._rows.get(self.window_.selection.parameter)
        selected_uid = None if selected is None else selected.data(0, UID_ROLE)
        old_rows = self._tree_rows
        new_rows = tree_rows(self.document.net, self.document.spec, self._cache)
        old_children, new_children = old_rows.children, new_rows.children
        new_by_uid, old_by_uid = new_rows.by_uid, old_rows.by_uid
        if 2 * len(old_by_uid.keys() & new_by_uid.keys()) < len(old_by_uid):
            self.refresh()  # another model (an open, an example): nothing worth keeping
            return
        # No setUpdatesEnabled(False) here: nothing paints before the event loop runs, and
        # turning updates back on cost ~3 ms on a 1,000-layer model.
        self.tree.blockSignals(True)
        try:
            plans = {}  # parent uid -> (take, inserts), for the parents whose children change
            expanded: dict[str, bool] = {}
            for parent, kids in old_children.items():
                now = new_by_uid.get(parent)
                if now is not None and now is old_by_uid[parent]:
                    continue  # a layer's rows given back whole: the same tensor rows under it
                want = new_children.get(parent, []) if now is not None or not parent else []
                if kids == want:
                    continue
                take, inserts = plans[parent] = reorder_plan(kids, want)
                holder = self._items.get(parent)
                for uid in take:
                    item = self._items[uid]
                    self._note_expansion(item, expanded)
                    if holder is None:
                        self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
                    else:
                        holder.removeChild(item)
            for uid in old_by_uid.keys() - new_by_uid.keys():
                del self._items[uid]  # taken out above; Python drops the item
            for parent in new_children.keys() - old_children.keys():
                plans[parent] = ((), list(enumerate(new_children[parent])))  # a new parent
            widths = _Widths(new_by_uid)
            shown = False  # whether a text changed
            # Texts only (no row comes or goes here): the view is told once, by the repaint
            # below, instead of once per renamed row (each costs it a search for the row).
            model = self.tree.model()
            model.blockSignals(True)
            try:
                items, old_get = self._items, old_by_uid.get
                for row in new_rows.rows:
                    old = old_get(row.uid)
                    if old is row:  # tree_rows gives an unchanged layer's rows back
                        continue
                    if old is None:
                        item = self._new_item(row)
                        shown = True
                        for c in range(len(COLUMNS)):
                            widths.note(row, c, item.text(c))
                    elif old != row:
                        item = items[row.uid]
                        text = _relabel(item, row, old)
                        if text is None:  # more than a new name: every text is checked
                            for c, t in self._set_texts(item, row, old):
                                shown = True
                                widths.note(row, c, t)
                        else:
                            shown = True
                            if text:
                                widths.note(row, 0, text)
            finally:
                model.blockSignals(False)
            if shown:
                self.tree.viewport().update()
            for parent, (_, inserts) in plans.items():
                holder = self._items.get(parent)
                for index, uid in inserts:
                    item = self._items[uid]
                    if holder is None:
                        self.tree.insertTopLevelItem(index, item)
                    else:
                        holder.insertChild(index, item)
            for uid in new_by_uid.keys() - old_by_uid.keys():
                self._items[uid].setExpanded(expanded.get(uid, True))
            for uid in expanded.keys() & new_by_uid.keys():
                self._items[uid].setExpanded(expanded[uid])
            self._finish(new_rows)
            self._widen(widths)
        finally:
            self.tree.blockSignals(False)
        self._follow_renamed(new_by_uid.get(selected_uid))
        self._show_selection(scroll=False)
        self._update_state_text()
        # Lay the rows out now: left to the next paint, the layout asks for a repaint from
        # inside that paint, and the visible rows are painted twice.
        self.tree.executeDelayedItemsLayout()

    def _follow_renamed(self, row) -> None:
        """The selected tensor was renamed (``2.bias`` -> ``3.bias``): select its new name."""
        name = self.window_.selection.parameter
        if row is None or row.kind != "tensor" or name in row.names:
            return
        self._syncing = True
        try:
            self.window_.selection.select_parameter(row.names[0])
        finally:
            self._syncing = False

    @staticmethod
    def _note_expansion(item: QTreeWidgetItem, out: dict[str, bool]) -> None:
        """Remember whether ``item`` and the rows under it are expanded (a take forgets)."""
        uid = item.data(0, UID_ROLE)
        if uid is not None:
            out[uid] = item.isExpanded()
        for i in range(item.childCount()):
            ParamTree._note_expansion(item.child(i), out)

    def _finish(self, rows) -> None:
        """Index the rows by name and layer id, and show the totals."""
        from explorer.core.params import totals

        self._tree_rows = rows
        items = self._items
        by_name: dict[str, QTreeWidgetItem] = {}
        by_layer: dict[str, list[QTreeWidgetItem]] = {}
        uses = []
        for row in rows.rows:
            if row.kind == "tensor":
                item = items[row.uid]
                for name in row.names:
                    by_name[name] = item
            elif row.node_id is not None:  # a layer, block or tied use of the spec
                by_layer.setdefault(row.node_id, []).append(items[row.uid])
                if row.kind == "use":
                    uses.append(row)
        for row in uses:  # a tied use's names lead to it when no tensor row has them
            for name in row.names:
                by_name.setdefault(name, items[row.uid])
        self._rows, self._layer_rows = by_name, by_layer
        total = totals(rows.entries)
        self._items["model"].setText(5, group_digits(total.parameters))
        self._update_totals(total)

    def _new_item(self, row) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, UID_ROLE, row.uid)
        self._items[row.uid] = item
        if row.kind == "model":
            item.setText(0, self.tr("Model"))
            item.setData(0, KEY_ROLE, "")
            bold = QFont(item.font(0))
            bold.setBold(True)
            item.setFont(0, bold)
            return item
        if row.kind == "tensor":
            self._style_entry(item, row.entry)
        self._set_texts(item, row, None)
        return item

    def _set_texts(self, item: QTreeWidgetItem, row, old) -> list[tuple[int, str]]:
        """Show ``row`` on ``item`` (``old``: what it showed, so unchanged texts stay).

        Returns the (column, text) pairs that changed.
        """
        if row.kind == "tensor":
            e = row.entry
            if old is not None and (old.entry.kind, old.entry.tied, old.entry.lazy) != (
                e.kind,
                e.tied,
                e.lazy,
            ):
                self._style_entry(item, e)
            if old is None or old.names != row.names:
                item.setData(0, NAMES_ROLE, e.names)
            if old is not None and _facts(old.entry) == _facts(e):  # renamed: the rest stays
                texts = [(0, " = ".join(e.names))]
            else:
                texts = list(enumerate(self._columns(e)))
        else:
            if old is None or old.key != row.key:
                item.setData(0, KEY_ROLE, row.key)
            if old is None:
                item.setData(0, ID_ROLE, row.node_id)
            if row.kind == "use":
                texts = [(0, f"{row.label}  = {row.earlier}")]
                item.setIcon(0, self._link)
                tip = self.tr("The same module as {0}: its tensors are listed there")
                item.setToolTip(0, tip.format(row.earlier))
            else:
                texts = [(0, row.label)]
                if old is not None and old.kind == "use":
                    item.setIcon(0, QIcon())
                    item.setToolTip(0, "")
        done = []
        for c, text in texts:
            if old is None or item.text(c) != text:
                item.setText(c, text)
                done.append((c, text))
        return done

    def _widen(self, widths: _Widths) -> None:
        """Widen the value columns for new or changed texts (a full refresh fits them exactly).

        Only the longest texts of each column are measured: an insertion in a long model
        renames hundreds of rows (``501`` -> ``502``) without widening any. The Name column
        is not widened: it has the room the others leave (:class:`NameColumnFit`), which
        the names' need (``want_name``) may make the others give way for.
        """
        fit = self.name_fit
        for (c, depth), texts in widths.longest().items():
            w = max(cell_width(self.tree, t) for t in texts)
            if c == 0:  # the names' need sets how far the values give way for them
                fit.want_name(w + (depth + 1) * self.tree.indentation())
            elif w > fit.wanted(c):
                self.tree.setColumnWidth(c, w)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.update_rows()

    @staticmethod
    def _key_of(entries) -> tuple:
        return tuple((e.names, e.kind, e.lazy) for e in entries)

    @staticmethod
    def _columns(e) -> list[str]:
        shape = "? UninitializedParameter" if e.shape is None else shape_text(e.shape)
        grad = "None" if e.grad_shape is None else shape_text(e.grad_shape)
        numel = "?" if e.lazy else group_digits(e.numel)
        grad_text = "—" if e.kind == "buffer" else grad
        rg = "—" if e.kind == "buffer" else str(e.requires_grad)
        return [" = ".join(e.names), shape, e.dtype, e.device, rg, numel, grad_text]

    def _on_weights_changed(self) -> None:
        """Values changed (a step, a backward): update grad states in place when the rows stay."""
        from explorer.core.params import list_entries

        self._cache.clear()
        entries = list_entries(self.document.net)
        shown = self._tree_rows
        if not self._rows or shown is None or self._key_of(entries) != self._key_of(shown.entries):
            self.refresh()
            return
        changed = _Widths(shown.by_uid)
        for e in entries:
            row = self._rows.get(e.name)
            if row is None:
                continue
            for c, text in enumerate(self._columns(e)):
                if c and row.text(c) != text:
                    row.setText(c, text)
                    changed.note(None, c, text)  # not the name column: no depth needed
        self._widen(changed)  # grad None -> (256, 20): the column was cut to "(25…"
        self._update_state_text()

    def _style_entry(self, item: QTreeWidgetItem, e) -> None:
        """Fonts, colours, badge and tooltip of a tensor row (tied, buffer, lazy)."""
        for c in (1, 5):
            item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = e.type_name
        item.setIcon(0, self._link if e.tied else QIcon())
        item.setData(0, Qt.ItemDataRole.ForegroundRole, None)
        if e.tied:
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
            tip = self.tr("UninitializedParameter: the shape is known after the first forward")
        item.setToolTip(0, tip)

    def _update_totals(self, total) -> None:
        text = self.tr("parameters: {0} (trainable: {1})").format(
            group_digits(total.parameters), group_digits(total.trainable)
        )
        if total.buffers:
            text += self.tr(" · buffer values: {0}").format(group_digits(total.buffers))
        if total.uninitialized:
            text += self.tr(" · {0} uninitialized").format(total.uninitialized)
        self.totals.setText(text)

    def copy_names(self) -> str:
        """Put the selected rows' PyTorch names on the clipboard, one a line; return them.

        A tensor row gives its ``state_dict`` names (both of a tied one), a layer or block
        row its module's name (``0.block 0``); the text is whole even where the row is elided.
        """
        names: list[str] = []
        for item in self.tree.selectedItems():
            for name in item.data(0, NAMES_ROLE) or [item.data(0, KEY_ROLE) or ""]:
                if name and name not in names:
                    names.append(name)
        text = "\n".join(names)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

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

    def _select_items(self, items, scroll: bool = True) -> None:
        self.tree.blockSignals(True)
        self.tree.clearSelection()
        for item in items:
            item.setSelected(True)
        if items and scroll:
            self.tree.scrollToItem(items[0])
        self.tree.blockSignals(False)

    def _show_selection(self, scroll: bool = True) -> None:
        name = self.window_.selection.parameter
        if name in self._rows:
            self._select_items([self._rows[name]], scroll)
        else:
            self._select_items(
                [r for i in self.window_.selection.layers for r in self._layer_rows.get(i, [])],
                scroll,
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
