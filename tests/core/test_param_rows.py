"""The Parameters tree's rows as plain data: PyTorch's names after any edit, stable ids."""

import random

import pytest
from torch import nn

from explorer.core import edits
from explorer.core.document import Document
from explorer.core.param_rows import TensorCache, reorder_plan, tree_rows
from explorer.core.params import list_entries
from explorer.core.spec import LayerSpec, block, sequential
from explorer.io.project import load_project
from tests.conftest import EXAMPLES

L = LayerSpec.make


def check_names_are_pytorchs(doc: Document, rows) -> None:
    """The tensor rows name every state_dict key once and parameters in PyTorch's order."""
    net = doc.net
    tensor_rows = [r for r in rows.rows if r.kind == "tensor"]
    names = [n for r in tensor_rows for n in r.names]
    assert sorted(names) == sorted(net.state_dict().keys())
    params = dict(net.named_parameters())
    assert [r.names[0] for r in tensor_rows if r.names[0] in params] == list(params)
    assert [r.names[0] for r in tensor_rows if r.names[0] not in params] == [
        n for n, _ in net.named_buffers()
    ]
    assert rows.entries == list_entries(net)
    for r in tensor_rows:  # each tensor sits under the layer that owns its first name
        assert r.names[0].startswith(r.key + ".")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_rows_of_every_example_are_pytorchs_names(path):
    doc = Document(load_project(path).spec)
    check_names_are_pytorchs(doc, tree_rows(doc.net, doc.spec))


EDITS = (  # add, tie, nest, move, remove, ungroup: each one edits the previous result
    lambda s: edits.insert(s, (), 1, L("Linear", in_features=8, out_features=8)),
    lambda s: edits.insert(s, (), 2, L("ReLU")),
    lambda s: edits.add_shared_use(s, (1,)),  # the book's shared layer: one module, two keys
    lambda s: edits.group(s, [(1,)]),  # nest the first use in a block
    lambda s: edits.move(s, (2,), (), 0),  # the second use moves before the first
    lambda s: edits.remove(s, [(1,)]),
    lambda s: edits.ungroup(s, (1,)),
    lambda s: edits.remove(s, [(0,)]),  # a tied use: the other keeps the module, untied
)


def test_rows_after_each_edit_are_pytorchs_names_and_keep_their_ids():
    spec = sequential(
        L("Linear", in_features=4, out_features=8),
        L("BatchNorm1d", num_features=8),
        L("Linear", in_features=8, out_features=2),
        input_shape=(3, 4),
    )
    doc = Document(spec)
    cache = TensorCache()
    before = tree_rows(doc.net, doc.spec, cache)
    for edit in EDITS:
        doc.set_spec(edit(doc.spec))
        rows = tree_rows(doc.net, doc.spec, cache)
        check_names_are_pytorchs(doc, rows)
        assert rows.rows == tree_rows(doc.net, doc.spec).rows  # the cache changes nothing
        kept = {r.node_id for r in before.rows} & {r.node_id for r in rows.rows}
        old_uid = {r.node_id: r.uid for r in before.rows if r.kind != "tensor"}
        for r in rows.rows:
            if r.kind in ("layer", "block", "use") and r.node_id in kept:
                assert r.uid == old_uid[r.node_id]
        before = rows


def test_a_tied_layer_lists_its_tensors_once_under_the_first_use():
    spec = sequential(
        L("Linear", in_features=4, out_features=4),
        L("ReLU"),
        block(L("Linear", in_features=4, out_features=4)),
        input_shape=(2, 4),
    )
    spec = edits.add_shared_use(spec, (0,))
    doc = Document(spec)
    rows = tree_rows(doc.net, doc.spec)
    first, second = doc.spec.children[0], doc.spec.children[1]
    weight = next(r for r in rows.rows if r.kind == "tensor" and "0.weight" in r.names)
    assert weight.names == ("0.weight", "1.weight") and weight.parent == f"n:{first.id}"
    use = next(r for r in rows.rows if r.node_id == second.id)
    assert use.kind == "use" and use.earlier == "0" and use.names == ("1.weight", "1.bias")
    net = doc.net
    assert [n for n, _ in net.named_parameters()] == [
        "0.weight",
        "0.bias",
        "3.0.weight",
        "3.0.bias",
    ]
    assert isinstance(net[3], nn.Sequential) and net[0] is net[1]


def test_the_cache_forgets_values_when_cleared():
    doc = Document(sequential(L("Linear", in_features=3, out_features=2), input_shape=(5, 3)))
    cache = TensorCache()
    (weight, _) = tree_rows(doc.net, doc.spec, cache).entries
    assert weight.grad_shape is None
    doc.net(__import__("torch").randn(5, 3)).sum().backward()
    cache.clear()
    (weight, _) = tree_rows(doc.net, doc.spec, cache).entries
    assert weight.grad_shape == (2, 3)


@pytest.mark.parametrize("seed", range(200))
def test_reorder_plan_turns_the_old_children_into_the_new(seed):
    rng = random.Random(seed)
    old = rng.sample(range(40), rng.randint(0, 25))
    new = rng.sample(range(40), rng.randint(0, 25))
    take, inserts = reorder_plan(old, new)
    children = [u for u in old if u not in take]
    for index, u in inserts:
        children.insert(index, u)
    assert children == new


def test_reorder_plan_moves_only_what_moved():
    old = list(range(1000))
    moved = old[:10] + old[11:900] + [10] + old[900:]
    assert reorder_plan(old, moved) == ({10}, [(899, 10)])
    inserted = old[:500] + ["new"] + old[500:]
    assert reorder_plan(old, inserted) == (set(), [(500, "new")])
    assert reorder_plan(old, old[:3] + old[4:]) == ({3}, [])


def test_a_python_class_model_is_shown_as_named_modules_nests_it():
    import torch

    class Net(nn.Module):  # a d2l-style class: its own parameter, a block, a shared layer
        def __init__(self):
            super().__init__()
            self.scale = nn.Parameter(torch.ones(1))
            self.body = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
            self.shared = nn.Linear(4, 4)
            self.again = self.shared

        def forward(self, x):
            return self.again(self.shared(self.body(x))) * self.scale

    net = Net()
    rows = tree_rows(net, sequential(input_shape=(2, 3)))
    by_uid = {r.uid: r for r in rows.rows}
    tensor_rows = [r for r in rows.rows if r.kind == "tensor"]
    assert sorted(n for r in tensor_rows for n in r.names) == sorted(net.state_dict())
    assert [r.names[0] for r in tensor_rows if r.entry.kind == "parameter"] == [
        n for n, _ in net.named_parameters()
    ]
    assert rows.entries == list_entries(net)
    assert by_uid["t:scale"].parent == "model"
    assert by_uid["t:body.1.running_mean"].parent == "m:body.1"
    assert by_uid["m:body.1"].parent == "m:body" and by_uid["m:body.1"].label == "1  BatchNorm1d"
    assert by_uid["t:shared.weight"].names == ("shared.weight", "again.weight")


def test_after_untie_each_use_has_its_own_rows_with_and_without_a_cache():
    """Untie gives the second use its own module (a copy): the rows name both layers'
    tensors separately, as PyTorch's state_dict() of the live model does, whether or not
    a cache still holds the tied rows of before."""
    spec = edits.add_shared_use(
        sequential(L("Linear", in_features=4, out_features=4), L("ReLU"), input_shape=(2, 4)),
        (0,),
    )
    doc = Document(spec)
    cache = TensorCache()
    tied = tree_rows(doc.net, doc.spec, cache)
    assert [r.names for r in tied.rows if r.kind == "tensor"] == [
        ("0.weight", "1.weight"), ("0.bias", "1.bias")
    ]
    doc.set_spec(edits.untie(doc.spec, (1,)))
    net = doc.net
    assert net[0] is not net[1] and all(layer.tie is None for layer in doc.spec.children)
    for rows in (tree_rows(net, doc.spec, cache), tree_rows(net, doc.spec)):
        check_names_are_pytorchs(doc, rows)
        assert [r.names for r in rows.rows if r.kind == "tensor"] == [
            ("0.weight",), ("0.bias",), ("1.weight",), ("1.bias",)
        ]

