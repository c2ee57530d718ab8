"""Which of the window's named controls a user cannot fully see.

Used by ``make screenshots`` (tools/screenshots.py) and by the layout tests: at every
supported window size and language, each control listed here must be shown whole, not
clipped by a pane that is too small and not hidden in a toolbar's ``»`` overflow.
"""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QTreeView, QWidget

from explorer.ui.common.geometry import shown_rect, window_rect

#: objectName of each bottom tab -> object names of the controls it must show whole.
TAB_CONTROLS: dict[str, tuple[str, ...]] = {
    "TrainingTab": (
        "training_train",
        "training_pause",
        "training_step",
        "training_cancel",
        "training_data_plot",
        "training_loss_plot",
    ),
    "InitLabTab": (
        "InitScope",
        "InitScheme",
        "InitSeed",
        "InitPreview",
        "InitApply",
        "InitProbeRun",
        "InitProbeA",
        "InitProbeB",
    ),
    "TensorTab": ("TensorStats",),
    "AutogradTab": ("AutogradRetain",),
}

#: Controls of the docks, checked whatever tab is shown.
DOCK_CONTROLS: tuple[str, ...] = ("ParameterTree", "stateDictButton", "Canvas")

MIN_PARAMETER_ROWS = 8


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` is not fully visible, or None when it is."""
    if not widget.isVisible():
        return "hidden"
    if shown_rect(widget) != window_rect(widget):
        return f"clipped to {shown_rect(widget).size().toTuple()} of {widget.size().toTuple()}"
    return None


def title_cut(widget: QWidget) -> bool:
    """True when a pyqtgraph plot's title is wider than the plot shows."""
    plot_item = getattr(widget, "getPlotItem", None)
    if plot_item is None:
        return False
    label = plot_item().titleLabel
    if not label.isVisible() or not label.text:
        return False
    text = label.item.mapRectToScene(label.item.boundingRect())
    return text.left() < 0 or text.right() > widget.viewport().width()


def toolbar_overflow(window) -> list[str]:
    """Names of toolbar actions pushed into the ``»`` extension menu."""
    lost = []
    for bar in window.findChildren(QToolBar):
        if not bar.isVisible():
            continue
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            w = bar.widgetForAction(action)
            name = action.objectName() or (w.objectName() if w else "") or action.text()
            if w is None or not w.isVisible() or clipped(w):
                lost.append(name)
    return lost


def parameter_rows_shown(tree: QTreeView) -> float:
    """How many rows of the parameter tree fit in its viewport."""
    row = tree.sizeHintForRow(0) if tree.model().rowCount() else 0
    return tree.viewport().height() / row if row > 0 else 0.0


def column_clipped(tree: QTreeView, title: str) -> bool:
    """True when the column titled ``title`` is not fully inside the viewport."""
    header = tree.header()
    model = tree.model()
    for logical in range(header.count()):
        if model.headerData(logical, header.orientation()) != title:
            continue
        left = header.sectionViewportPosition(logical)
        return left < 0 or left + header.sectionSize(logical) > tree.viewport().width()
    return True


def hidden_controls(window, tab: str | None = None) -> list[str]:
    """Every named control of the window (and of ``tab``, when shown) a user cannot see whole."""
    problems = [f"toolbar overflow: {name}" for name in toolbar_overflow(window)]
    names = list(DOCK_CONTROLS) + list(TAB_CONTROLS.get(tab or "", ()))
    for name in names:
        widget = window.findChild(QWidget, name)
        if widget is None:
            problems.append(f"{name}: missing")
            continue
        why = clipped(widget)
        if why:
            problems.append(f"{name}: {why}")
        elif hasattr(widget, "all_rows_shown") and not widget.all_rows_shown():
            problems.append(f"{name}: scrolls (not every row is shown)")
        elif title_cut(widget):
            problems.append(f"{name}: its title is cut")
    tree = window.findChild(QTreeView, "ParameterTree")
    if tree is not None and tree.isVisible():
        rows = parameter_rows_shown(tree)
        if rows < MIN_PARAMETER_ROWS:
            problems.append(
                f"ParameterTree: {rows:.1f} rows shown, fewer than {MIN_PARAMETER_ROWS}"
            )
        if column_clipped(tree, window.part("param_tree").tr("grad")):
            problems.append("ParameterTree: the grad column is cut off")
    return problems
