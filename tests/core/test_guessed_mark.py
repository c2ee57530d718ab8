"""An import's ``guessed`` mark: kept in project files, shown in code, ignored by build."""

from __future__ import annotations

from dataclasses import replace

import torch

from explorer.core import edits
from explorer.core.build import build
from explorer.core.codegen import model_code
from explorer.core.spec import LayerSpec, block, sequential, spec_from_json, spec_to_json


def _spec():
    guess = "not in the file (no parameters): ReLU assumed"
    relu = replace(LayerSpec.make("ReLU"), guessed=guess)
    inner = replace(block(LayerSpec.make("Linear", in_features=4, out_features=4)), guessed="chain")
    return sequential(LayerSpec.make("Linear", in_features=3, out_features=4), relu, inner)


def test_the_mark_round_trips_through_json_and_plain_layers_have_none():
    spec = _spec()
    back = spec_from_json(spec_to_json(spec))
    assert [n.guessed for n in back.children] == [None, spec.children[1].guessed, "chain"]
    assert "guessed" not in spec_to_json(sequential(LayerSpec.make("ReLU")))


def test_build_ignores_the_mark_and_the_code_says_it_in_a_comment():
    spec = _spec()
    plain = replace(spec, children=tuple(replace(n, guessed=None) for n in spec.children))
    torch.manual_seed(0)
    a = build(spec)
    torch.manual_seed(0)
    b = build(plain)
    assert str(a) == str(b)
    pairs = zip(a.state_dict().values(), b.state_dict().values(), strict=True)
    assert all(torch.equal(x, y) for x, y in pairs)
    code = model_code(spec)
    assert "nn.ReLU(),  # guessed: not in the file (no parameters): ReLU assumed" in code
    namespace: dict = {}
    exec(compile(code, "<export>", "exec"), namespace)  # the comment keeps the code runnable
    assert str(namespace["net"]) == str(a)


def test_setting_the_arguments_clears_the_mark():
    spec = sequential(
        replace(LayerSpec.make("Conv2d", in_channels=1, out_channels=2, kernel_size=3), guessed="s")
    )
    assert edits.set_args(spec, (0,), {"padding": 1}).children[0].guessed is None


# ----- the note's template and fields are kept, so a reopened project can translate it ----


def _imported_relu_spec():
    from explorer.io.state_dict_import import infer_spec

    net = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 2))
    return infer_spec(net.state_dict()).spec


def test_a_saved_guess_keeps_its_english_and_its_template_and_reads_back_as_a_message():
    import json

    from explorer.core.errors import Message

    spec = _imported_relu_spec()
    note = spec.children[1].guessed
    assert isinstance(note, Message) and note.fields  # the import's own sentence
    saved = json.loads(spec_to_json(spec))["layers"][1]
    assert saved["guessed"] == str(note)  # English text, as older versions read it
    assert saved["guessed_message"]["msgid"] == note.msgid
    back = spec_from_json(spec_to_json(spec)).children[1].guessed
    assert isinstance(back, Message) and back == note
    assert (back.msgid, str(back.fields["why"])) == (note.msgid, str(note.fields["why"]))
    assert isinstance(back.fields["why"], Message)  # nested sentences stay translatable


def test_an_old_project_with_a_plain_note_reads_it_unchanged():
    import json

    data = json.loads(spec_to_json(_spec()))
    assert "guessed_message" not in data["layers"][1]  # a plain str note: no template
    back = spec_from_json(json.dumps(data)).children[1].guessed
    assert back == "not in the file (no parameters): ReLU assumed" and type(back) is str


def test_a_template_that_does_not_give_the_saved_text_or_reaches_attributes_is_ignored():
    import json

    data = json.loads(spec_to_json(_imported_relu_spec()))
    text = data["layers"][1]["guessed"]
    bad = [
        {"msgid": "something else {x}", "fields": {"x": 1}},  # disagrees with the text
        {"msgid": "{a.__class__}", "fields": {"a": text}},  # attribute lookup
        {"msgid": "{a:{b.__class__}}", "fields": {"a": text, "b": 1}},
        {"msgid": "{a}", "fields": {"a": [1, 2]}},  # not a plain field
        "not an object",
    ]
    for message in bad:
        data["layers"][1]["guessed_message"] = message
        back = spec_from_json(json.dumps(data)).children[1].guessed
        assert back == text and type(back) is str, message
