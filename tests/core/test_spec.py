"""The spec's JSON round-trips exactly; bad input is a clear error."""

import json

import pytest
from hypothesis import given, settings

from explorer.core.errors import FormatVersionError, InvalidArgument, SpecError, UnknownLayerType
from explorer.core.spec import FORMAT_VERSION, LayerSpec, sequential, spec_from_json, spec_to_json
from tests.strategies import specs


@given(specs())
@settings(max_examples=60, deadline=None)
def test_json_round_trip_is_exact(spec):
    text = spec_to_json(spec)
    again = spec_from_json(text)
    assert again == spec
    assert spec_to_json(again) == text


def _doc(layers, version=FORMAT_VERSION):
    return json.dumps({"format_version": version, "input_shape": [2, 20], "layers": layers})


def test_unknown_layer_type_is_named():
    with pytest.raises(UnknownLayerType, match="'Linearr'"):
        spec_from_json(_doc([{"type": "Linearr", "args": {}}]))


def test_bad_argument_names_layer_and_field():
    with pytest.raises(InvalidArgument) as e:
        spec_from_json(_doc([{"type": "Linear", "args": {"in_features": 0, "out_features": 3}}]))
    assert (e.value.layer, e.value.field) == ("Linear", "in_features")
    assert "at least 1" in e.value.reason


def test_newer_format_version_is_refused_with_both_versions():
    with pytest.raises(FormatVersionError, match=f"format {FORMAT_VERSION + 1}"):
        spec_from_json(_doc([], FORMAT_VERSION + 1))


@pytest.mark.parametrize(
    "text", ["", "[]", "{", '{"format_version": 1}', '{"format_version": 1, "layers": 3}']
)
def test_malformed_documents_raise_spec_error(text):
    with pytest.raises(SpecError):
        spec_from_json(text)


def test_names_follow_pytorch_rules():
    L = LayerSpec.make
    with pytest.raises(InvalidArgument, match="dots"):
        sequential(L("ReLU", name="a.b"))
    with pytest.raises(InvalidArgument, match="already used"):
        sequential(L("ReLU", name="x"), L("ReLU", name="x"))
    with pytest.raises(InvalidArgument, match="index 0"):
        sequential(L("ReLU"), L("ReLU", name="0"))
    with pytest.raises(InvalidArgument, match="Module attribute"):
        sequential(L("ReLU", name="forward"))


def test_a_spec_that_passed_validation_is_not_walked_again_and_a_bad_one_always_is(
    monkeypatch,
):
    """Specs are immutable: the document's second validate of an edit's result is a lookup.
    One that failed is checked (and refused) every time, and an equal copy is walked."""
    from dataclasses import replace

    from explorer.core import spec as spec_module
    from explorer.core.errors import SpecError
    from explorer.core.spec import LayerSpec, sequential, validate

    walked = []
    real = spec_module.child_key
    monkeypatch.setattr(spec_module, "child_key", lambda *a: walked.append(1) or real(*a))
    L = LayerSpec.make
    good = sequential(L("Linear", in_features=2, out_features=3), L("ReLU"), input_shape=(1, 2))
    assert validate(good) is good and walked
    walked.clear()
    assert validate(good) is good and not walked
    copy = replace(good, children=tuple(good.children))
    assert validate(copy) is copy and walked  # another object: checked on its own
    a, b = good.children
    bad = replace(good, children=(a, replace(b, id=a.id)))  # two layers with one id
    for _ in range(2):
        with pytest.raises(SpecError, match="duplicate id"):
            validate(bad)
