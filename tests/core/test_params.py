"""Parameter listing: PyTorch's names, tied tensors once, buffers and lazy parameters."""

from collections import OrderedDict

import pytest
import torch
from torch import nn

from explorer.core.document import Document
from explorer.core.params import (
    list_entries,
    module_expression,
    state_dict_text,
    tensor_by_name,
    totals,
)
from explorer.io.project import load_project
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_entries_name_every_state_dict_key_and_parameter_like_pytorch(path):
    net = Document(load_project(path).spec).net
    entries = list_entries(net)
    all_names = [n for e in entries for n in e.names]
    assert sorted(all_names) == sorted(net.state_dict().keys())
    params = [e.name for e in entries if e.kind == "parameter"]
    assert params == [n for n, _ in net.named_parameters()]
    buffers = [e.name for e in entries if e.kind == "buffer"]
    assert buffers == [n for n, _ in net.named_buffers()]


def test_a_tied_linear_is_one_entry_with_both_names_counted_once():
    shared = nn.Linear(8, 8)
    net = nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1)
    )
    entries = list_entries(net)
    weight = next(e for e in entries if "2.weight" in e.names)
    assert weight.names == ("2.weight", "4.weight") and weight.tied
    assert weight.owners == ("2", "4")
    assert totals(entries).parameters == sum(p.numel() for p in net.parameters())


def test_batch_norm_statistics_are_buffers_outside_the_parameter_total():
    net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
    entries = {e.name: e for e in list_entries(net)}
    assert entries["1.running_mean"].kind == "buffer"
    assert entries["1.num_batches_tracked"].dtype == "int64"
    assert entries["1.num_batches_tracked"].shape == ()
    t = totals(entries.values())
    assert t.parameters == sum(p.numel() for p in net.parameters()) and t.buffers == 4 + 4 + 1


def test_lazy_parameters_have_no_shape_until_the_first_forward():
    net = nn.Sequential(nn.LazyLinear(5))
    (weight, bias) = list_entries(net)
    assert weight.type_name == "UninitializedParameter" and weight.shape is None and weight.lazy
    assert totals([weight, bias]).uninitialized == 2
    net(torch.zeros(2, 3))
    weight = list_entries(net)[0]
    assert weight.shape == (5, 3) and weight.type_name == "Parameter"


def test_grad_state_is_none_before_backward_and_its_shape_after():
    net = nn.Sequential(nn.Linear(3, 2))
    assert [e.grad_shape for e in list_entries(net)] == [None, None]
    net(torch.ones(4, 3)).sum().backward()
    assert [e.grad_shape for e in list_entries(net)] == [(2, 3), (2,)]


def test_tensor_by_name_is_the_live_parameter_or_buffer():
    net = nn.Sequential(OrderedDict(hidden=nn.Linear(2, 2), bn=nn.BatchNorm1d(2)))
    assert tensor_by_name(net, "hidden.weight") is net.hidden.weight
    assert tensor_by_name(net, "bn.running_var") is net.bn.running_var
    with pytest.raises(KeyError):
        tensor_by_name(net, "hidden.nothing")


def test_state_dict_text_is_what_print_shows_in_pytorch():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    twin = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    twin.load_state_dict(net.state_dict())
    assert state_dict_text(net, "2") == str(twin[2].state_dict())
    assert state_dict_text(net) == str(twin.state_dict())
    assert "OrderedDict" in state_dict_text(net, "2") and "'bias'" in state_dict_text(net, "2")


def test_module_expression_indexes_by_position_even_for_named_children():
    inner = nn.Sequential(
        OrderedDict(
            [
                ("block 0", nn.Sequential(nn.Linear(1, 1))),
                ("block 1", nn.Sequential(nn.ReLU(), nn.Linear(1, 1))),
            ]
        )
    )
    net = nn.Sequential(inner, nn.Linear(1, 1))
    expr = module_expression("0.block 1.1", net)
    assert expr == "net[0][1][1]"
    assert eval(expr, {"net": net}) is net.get_submodule("0.block 1.1")
