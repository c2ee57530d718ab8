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
