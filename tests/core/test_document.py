"""The live model keeps its weights through edits and their undo."""

import torch

from explorer.core import edits
from explorer.core.document import Document
from explorer.core.spec import LayerSpec, sequential

L = LayerSpec.make


def demo():
    return sequential(L("Linear", in_features=20, out_features=256), L("ReLU"),
                      L("Linear", in_features=256, out_features=10))


def test_unrelated_edit_keeps_the_weights_of_unchanged_layers():
    doc = Document(demo())
    before = doc.net[0].weight.detach().clone()
    doc.set_spec(edits.insert(doc.spec, (), 1, L("Dropout", p=0.5)))
    assert torch.equal(doc.net[0].weight, before)


def test_undoing_a_delete_brings_back_the_same_weights():
    doc = Document(demo())
    original = doc.spec
    weight = doc.net[2].weight.detach().clone()
    doc.set_spec(edits.remove(original, [(2,)]))
    doc.set_spec(original)  # what SpecCommand.undo does
    assert torch.equal(doc.net[2].weight, weight)


def test_undoing_an_argument_change_brings_back_the_same_weights():
    doc = Document(demo())
    original = doc.spec
    weight = doc.net[0].weight.detach().clone()
    doc.set_spec(edits.set_args(original, (0,), {"out_features": 128}))
    doc.set_spec(edits.set_args(doc.spec, (2,), {"in_features": 128}))
    assert doc.net[0].weight.shape == (128, 20)
    doc.set_spec(original)
    assert torch.equal(doc.net[0].weight, weight)


def test_opening_another_model_starts_fresh():
    doc = Document(demo())
    spec = doc.spec
    first = doc.net[0]
    doc.set_spec(edits.remove(spec, [(0,)]))
    doc.load_spec(spec)  # same ids, but a newly opened file: nothing is reused
    assert doc.net[0] is not first


def test_untie_gives_the_use_its_own_parameters_with_equal_values_and_undo_ties_again():
    """After Untie the live model is what the spec's code builds: two Linear modules, four
    parameters, each trained on its own; the copy starts from the shared values."""
    spec = sequential(L("Linear", in_features=4, out_features=4), L("ReLU"), input_shape=(2, 4))
    doc = Document(edits.add_shared_use(spec, (0,)))
    tied = doc.spec
    assert doc.net[0] is doc.net[1]
    shared = doc.net[0].weight.detach().clone()
    doc.set_spec(edits.untie(tied, (1,)))
    net = doc.net
    assert net[0] is not net[1]
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in spec_net_params(doc.spec)]
    assert torch.equal(net[0].weight, shared) and torch.equal(net[1].weight, shared)
    with torch.no_grad():
        net[1].weight.add_(1.0)
    assert torch.equal(net[0].weight, shared)  # no longer shared
    doc.set_spec(tied)  # what SpecCommand.undo does
    assert doc.net[0] is doc.net[1] and torch.equal(doc.net[1].weight, shared)


def spec_net_params(spec):
    from explorer.core.build import build

    return build(spec).named_parameters()
