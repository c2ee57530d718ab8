"""Pure edits on the spec: insert, move, group, tie; bad edits raise and change nothing."""

import pytest

from explorer.core import edits
from explorer.core.build import build
from explorer.core.errors import InvalidArgument, SpecError
from explorer.core.spec import BlockSpec, LayerSpec, key_of, sequential

L = LayerSpec.make


def three():
    return sequential(
        L("Linear", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", in_features=256, out_features=10),
    )


def types(spec):
    return [n.type if isinstance(n, LayerSpec) else "block" for n in spec.children]


def test_insert_between_two_layers_lands_at_index_1():
    spec = edits.insert(three(), (), 1, L("Dropout", p=0.1))
    assert types(spec) == ["Linear", "Dropout", "ReLU", "Linear"]


def test_move_down_and_up():
    spec = three()
    assert types(edits.move(spec, (0,), (), 3)) == ["ReLU", "Linear", "Linear"]
    assert (
        types(edits.move(spec, (2,), (), 0))[0] == "Linear"
        and edits.move(spec, (2,), (), 0).children[0].args["in_features"] == 256
    )


def test_group_and_ungroup_give_nested_keys():
    spec = edits.group(three(), [(1,), (2,)])
    assert isinstance(spec.children[1], BlockSpec)
    assert key_of(spec, (1, 1)) == "1.1"
    assert "1.1.weight" in build(spec).state_dict()
    assert edits.ungroup(spec, (1,)) == edits.ungroup(spec, (1,))
    assert types(edits.ungroup(spec, (1,))) == types(three())


def test_move_into_a_block_and_refuse_moving_a_block_into_itself():
    spec = edits.group(three(), [(1,), (2,)])
    moved = edits.move(spec, (0,), (1,), 0)
    assert len(moved.children) == 1 and len(moved.children[0].children) == 3
    with pytest.raises(SpecError):
        edits.move(spec, (1,), (1,), 0)


def test_shared_use_edits_together_and_survives_removal_of_the_other_use():
    spec = sequential(L("Linear", in_features=8, out_features=8), L("ReLU"), input_shape=(2, 8))
    spec = edits.add_shared_use(spec, (0,), (), 2)
    spec = edits.set_args(spec, (2,), {"bias": False})
    assert spec.children[0].args["bias"] is False
    net = build(spec)
    assert net[0] is net[2]
    alone = edits.remove(spec, [(0,)])
    assert alone.children[1].tie is None and alone.children[1].args["bias"] is False


def test_invalid_argument_raises_and_leaves_the_spec_unchanged():
    spec = three()
    with pytest.raises(InvalidArgument):
        edits.set_args(spec, (0,), {"out_features": -1})
    assert spec.children[0].args["out_features"] == 256


def test_duplicate_makes_an_independent_copy():
    spec = edits.duplicate(three(), [(0,)])
    assert types(spec) == ["Linear", "Linear", "ReLU", "Linear"]
    assert spec.children[0].id != spec.children[1].id and spec.children[1].tie is None


def test_rename_checks_pytorch_rules():
    spec = edits.rename(three(), (0,), "hidden")
    assert "hidden.weight" in build(spec).state_dict()
    with pytest.raises(InvalidArgument):
        edits.rename(spec, (2,), "hidden")


def test_move_nodes_keeps_order_and_ties_and_refuses_moving_a_block_into_itself():
    from explorer.core.spec import block as make_block

    a, b, c = L("ReLU"), L("Tanh"), L("Linear", in_features=4, out_features=4)
    spec = edits.add_shared_use(sequential(a, b, c, input_shape=(2, 4)), (2,))
    tied = spec.children[3]
    moved = edits.move_nodes(spec, [c.id, a.id], None, b.id)
    assert [n.id for n in moved.children] == [a.id, c.id, b.id, tied.id]
    assert moved.children[1].tie == tied.tie is not None
    inner = make_block(L("ReLU"))
    nested = sequential(inner, L("Tanh"))
    with pytest.raises(SpecError):
        edits.move_nodes(nested, [inner.id], inner.id, None)
    into = edits.move_nodes(nested, [nested.children[1].id], inner.id, None)
    assert [n.type for n in into.children[0].children] == ["ReLU", "Tanh"]
