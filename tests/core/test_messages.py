"""Sentences made in core/io are English strings that keep their template and fields."""

from __future__ import annotations

import pickle

import pytest

from explorer.core.catalog import validate_args
from explorer.core.errors import ExplorerError, InvalidArgument, Message, message_parts


def test_a_message_is_its_english_text_and_keeps_template_and_fields():
    m = Message("{n} keys match", n=4)
    assert m == "4 keys match" and isinstance(m, str)
    assert (m.msgid, m.fields) == ("{n} keys match", {"n": 4})
    assert f"loaded: {m}" == "loaded: 4 keys match"  # the CLI prints it as it is
    copy = pickle.loads(pickle.dumps(m))
    assert copy == m and copy.msgid == m.msgid and copy.fields == m.fields


def test_an_error_raised_with_a_message_carries_its_parts():
    e = ExplorerError(Message("{name} is empty", name="x.pt"))
    assert str(e) == "x.pt is empty"
    assert message_parts(e) == ("{name} is empty", {"name": "x.pt"})
    assert message_parts(ExplorerError("plain words")) is None


def test_an_argument_refusal_reads_as_before_and_nests_its_reason():
    with pytest.raises(InvalidArgument) as info:
        validate_args("Linear", {"in_features": 0, "out_features": 3})
    e = info.value
    assert str(e) == "Linear: in_features must be at least 1, got 0"
    msgid, fields = message_parts(e)
    assert msgid == "{layer}: {field} {reason}" and fields["field"] == "in_features"
    assert fields["reason"].msgid == "must be at least {minimum}, got {got}"


def test_error_message_keeps_the_english_and_the_template_of_an_inner_error():
    from explorer.core.custom_init import CustomInitError
    from explorer.core.errors import ExplorerError, Message, error_message, with_message

    inner = CustomInitError("NameError: name 'x' is not defined", 3)
    outer = Message(
        "cannot fit the model to {name}: {reason}", name="d", reason=error_message(inner)
    )
    assert str(outer) == "cannot fit the model to d: line 3: NameError: name 'x' is not defined"
    assert isinstance(outer.fields["reason"], Message)
    assert outer.fields["reason"].msgid == "line {line}: {detail}"
    # a template that does not give the error's own text: the text wins, as plain str
    odd = with_message(ExplorerError("what the user saw"), "something {else}", **{"else": 1})
    assert error_message(odd) == "what the user saw" and type(error_message(odd)) is str
    assert error_message(ValueError("plain")) == "plain"


def test_a_term_is_its_id_in_english_and_survives_pickling():
    import pickle

    from explorer.core.data import DataSpec, make_dataset
    from explorer.core.errors import Term

    name = make_dataset(DataSpec("spiral", n=32)).name
    assert name == "spiral" and f"{name}" == "spiral" and isinstance(name, Term)
    back = pickle.loads(pickle.dumps(name))
    assert isinstance(back, Term) and back.kind == "dataset" and back == "spiral"
