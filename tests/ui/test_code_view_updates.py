"""The Code tab replaces only the lines an edit changed, and shows what a rebuild would."""

import random

from explorer.core import edits
from explorer.core.codegen import model_code
from explorer.core.spec import LayerSpec, sequential

L = LayerSpec.make


def test_code_after_each_edit_and_undo_is_the_generated_code(window):
    window.show_tab("CodeTab")
    view = window.part("code_view")
    window.document.load_spec(
        sequential(
            *[L("Linear", in_features=8, out_features=8) for _ in range(40)], input_shape=(2, 8)
        )
    )
    rng = random.Random(0)
    for _ in range(12):
        spec = window.document.spec
        n = len(spec.children)
        edit = rng.choice(
            [
                lambda spec, n: edits.insert(spec, (), rng.randrange(n + 1), L("ReLU")),
                lambda spec, n: edits.remove(spec, [(rng.randrange(n),)]),
                lambda spec, n: edits.move(spec, (rng.randrange(n),), (), rng.randrange(n + 1)),
                lambda spec, n: edits.group(spec, [(rng.randrange(n),)]),
            ]
        )
        window.push_spec(edit(spec, n), "edit")
        s = window.session.settings
        match = window.session.weights_from_seed()  # a load_spec without a seed: False
        expected = model_code(
            window.document.spec, seed=s.seed, input_kind=s.input_kind, weights_match=match
        )
        assert view.toPlainText() == expected
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert view.toPlainText() == view.code_text()
    assert "nn.Linear(8, 8)" in view.toPlainText()


def test_an_edit_far_below_keeps_the_scroll_position(window):
    window.show_tab("CodeTab")
    view = window.part("code_view")
    window.document.load_spec(
        sequential(
            *[L("Linear", in_features=8, out_features=8) for _ in range(200)], input_shape=(2, 8)
        )
    )
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    top = bar.value()
    block = view.firstVisibleBlock().text()
    window.push_spec(edits.insert(window.document.spec, (), 190, L("ReLU")), "Add ReLU")
    assert bar.value() == top and view.firstVisibleBlock().text() == block
    assert view.toPlainText() == view.code_text()
