"""At 1280x800, in English and Chinese, every named control of every panel is shown whole.

Not clipped by a pane that is too small, not in the toolbar's overflow; a Linear's and a
Conv2d's arguments fit without scrolling; no action changes the window's size.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from explorer.core.spec import LayerSpec, sequential
from explorer.ui.shell import i18n
from explorer.ui.shell.visibility import TAB_CONTROLS, clipped, hidden_controls
from tests.ui.builder_helpers import click_row

SIZE = (1280, 800)


@pytest.fixture(params=["en", "zh_CN"])
def small_window(request, qtbot, settings):
    from explorer.core.document import Document
    from explorer.ui.files.file_actions import demo_spec
    from explorer.ui.shell.main_window import MainWindow

    i18n.install_language(request.param)
    try:
        w = MainWindow(Document(demo_spec()), settings=settings)
        qtbot.addWidget(w, before_close_func=lambda w: w.mark_saved())
        w.resize(*SIZE)
        w.show()
        qtbot.waitUntil(lambda: w.ready)
        yield w
        w.mark_saved()
        w.close()
    finally:
        i18n.install_language("en")


def settle():
    for _ in range(4):
        QApplication.processEvents()


def test_named_controls_are_fully_visible_and_the_window_keeps_its_size(small_window, qtbot):
    window = small_window
    settle()
    assert hidden_controls(window) == []
    for tab in TAB_CONTROLS:
        window.show_tab(tab)
        settle()
        assert hidden_controls(window, tab) == [], tab

    doc = window.document
    doc.load_spec(
        sequential(
            LayerSpec.make("Conv2d", in_channels=1, out_channels=4, kernel_size=3),
            LayerSpec.make("Flatten"),
            LayerSpec.make("LazyLinear", out_features=10),
            LayerSpec.make("Linear", in_features=10, out_features=2),
            input_shape=(2, 1, 8, 8),
        )
    )
    props = window.part("properties")
    scroll = props.findChild(QScrollArea)
    for row, kind in ((1, "Conv2d"), (4, "Linear")):
        click_row(qtbot, window.part("canvas"), row)
        settle()
        assert set(props.fields) > {"name"}, kind
        cut = {n: clipped(f.widget) for n, f in props.fields.items() if clipped(f.widget)}
        assert cut == {} and scroll.verticalScrollBar().value() == 0, kind

    window.part("run_actions")._compare()  # Run > Compare modes
    output = window.part("run_actions").output_view
    qtbot.waitUntil(output.compare_box.isVisible, timeout=10000)
    settle()
    assert (window.width(), window.height()) == SIZE
