"""Probes are plain objects of a frozen request: the worker never needs a widget."""

import dataclasses

import pytest
import torch
from torch import nn

from explorer.core.probes import ActivationsProbe, RequestBox, TensorProbe, TensorRequest
from explorer.core.stats import snapshot


def test_a_request_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        TensorRequest("0.weight").name = "2.weight"


def test_the_tensor_probe_follows_the_latest_request_and_tracks_updates_itself():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
    box = RequestBox()
    probe = TensorProbe(box)
    assert probe(net, None) is None  # nothing shown: nothing computed
    box.set(TensorRequest("0.weight", bins=7))
    first = probe(net, None)
    expected = snapshot(net[0].weight, "0.weight", (), False, 7)
    assert first["name"] == "0.weight" and first["grad"] is None and first["ratio"] is None
    assert (first["weight"].hist.counts == expected.hist.counts).all()
    assert len(expected.hist.counts) == 7
    with torch.no_grad():
        net[0].weight.mul_(2.0)
    assert probe(net, None)["ratio"] == pytest.approx(1.0)  # |2w - w| / |w|
    box.set(TensorRequest("2.bias"))
    assert probe(net, None)["name"] == "2.bias"
    box.set(TensorRequest("9.weight"))  # gone from the model: nothing, no error
    assert probe(net, None) is None


def test_the_activations_probe_runs_only_while_asked():
    net = nn.Sequential(nn.Linear(4, 3), nn.ReLU())
    box = RequestBox(False)
    probe = ActivationsProbe(box)
    x = torch.randn(5, 4)
    assert probe(net, x) is None
    box.set(True)
    assert len(probe(net, x)) == 2
