"""The canvas's list model follows edits row by row: insert, remove and move, never a reset."""

from __future__ import annotations

import dataclasses

import pytest

from explorer.core import edits
from explorer.core.shapes import infer_shapes
from explorer.core.spec import LayerSpec, sequential
from explorer.ui.builder.canvas_model import CanvasModel

L = LayerSpec.make


def long_spec(n=120):
    layers = []
    for i in range(n // 2):
        layers += [L("Linear", in_features=8 + i % 5, out_features=8 + (i + 1) % 5), L("ReLU")]
    return sequential(*layers, input_shape=(4, 8))


class Recorder:
    def __init__(self, model: CanvasModel):
        self.events: list[tuple] = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.rowsMoved.connect(lambda _p, a, b, _q, d: self.events.append(("moved", a, b, d)))
        model.dataChanged.connect(
            lambda a, b, *_: self.events.append(("changed", a.row(), b.row()))
        )


def follow(model: CanvasModel, spec) -> None:
    model.refresh(spec, infer_shapes(spec))


def fresh_rows(spec):
    model = CanvasModel()
    follow(model, spec)
    return model.rows


@pytest.fixture
def model(qapp):
    m = CanvasModel()
    follow(m, long_spec())
    return m


def test_inserting_a_layer_inserts_one_row_and_renumbers_the_cards_after_it(model):
    seen = Recorder(model)
    new = edits.insert(model.spec, (), 60, L("Dropout", p=0.1))
    follow(model, new)
    # row 0 is the input card: layer 60 is row 61; the cards after it show new keys
    assert seen.events == [("inserted", 61, 61), ("changed", 62, 122)]
    assert model.rows == fresh_rows(new)
    assert model.row_of(new.children[60].id) == 61
    assert model.texts(62)["name"] == "61"


def test_removing_a_layer_removes_its_row(model):
    seen = Recorder(model)
    gone = model.spec.children[10]
    new = edits.remove(model.spec, [(10,)])
    follow(model, new)
    assert seen.events[0] == ("removed", 11, 11) and ("reset",) not in seen.events
    assert model.rows == fresh_rows(new) and model.row_of(gone.id) is None


def test_moving_a_layer_down_moves_its_row(model):
    seen = Recorder(model)
    moving = model.spec.children[5]
    new = edits.move(model.spec, (5,), (), 40)
    follow(model, new)
    assert [e[0] for e in seen.events] == ["moved", "changed"]
    assert model.rows == fresh_rows(new)
    assert model.row_of(moving.id) == 1 + [n.id for n in new.children].index(moving.id)


def test_moving_a_layer_up_moves_its_row(model):
    seen = Recorder(model)
    new = edits.move(model.spec, (90,), (), 3)
    follow(model, new)
    assert [e[0] for e in seen.events] == ["moved", "changed"]
    assert model.rows == fresh_rows(new)


def test_opening_a_different_model_resets(model):
    seen = Recorder(model)
    other = sequential(L("Linear", in_features=3, out_features=2), input_shape=(1, 3))
    follow(model, other)
    assert seen.events == [("reset",)]
    assert model.rows == fresh_rows(other)


def test_a_new_batch_size_keeps_every_row_and_repaints_them(model):
    seen = Recorder(model)
    new = dataclasses.replace(model.spec, input_shape=(7, 8))
    follow(model, new)
    last = len(model.rows) - 1
    assert seen.events == [("changed", 1, last)]  # every card's shape has a new batch size
    assert model.rows == fresh_rows(new)
    assert model.texts(last)["shape"] == "(7, 8)"


def test_whoever_hears_a_change_sees_rows_that_agree_with_qts_row_count(model):
    """Qt counts the rows (a string list); the Python rows change with that count."""
    from PySide6.QtCore import QModelIndex

    from explorer.ui.builder.canvas_model import ROW_ROLE

    seen = []

    def check(*_):
        n = model.rowCount(QModelIndex())
        shown = [model.index(r).data(ROW_ROLE) for r in range(n)]
        seen.append(n == len(model.rows) and None not in shown)

    for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
        signal.connect(check)
    spec = model.spec
    steps = [
        edits.insert(spec, (), 60, L("Dropout", p=0.1)),  # inserted
        spec,  # removed
        edits.move(spec, (5,), (), 40),  # moved down
        edits.move(spec, (90,), (), 3),  # moved up
        edits.remove(spec, [(10,), (11,), (12,)]),  # three removed
        sequential(L("Linear", in_features=3, out_features=2), input_shape=(1, 3)),  # reset
    ]
    for new in steps:
        follow(model, new)
        assert model.rows == fresh_rows(new)
        assert model.rowCount(QModelIndex()) == len(model.rows)
    assert len(seen) >= len(steps) and all(seen)
