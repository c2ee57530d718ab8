"""The session knows whether the weights are the ones its seed builds (the Code tab's script).

``model_code(spec, seed=S)`` runs ``torch.manual_seed(S)`` and builds the model: its weights
are the window's right after an open (or Reset weights), and no longer once a step, an
init, a load, another seed or an edit that draws other numbers changed them.
"""

from __future__ import annotations

import torch
from torch import nn

from explorer.app.session import OpenRequest, Session
from explorer.core import edits
from explorer.core.build import seeded_state_dict
from explorer.core.codegen import WEIGHTS_NOTE, model_code
from explorer.core.spec import LayerSpec
from tests.app.test_code_dtype_matches_the_app import mlp

L = LayerSpec.make


def script_net(session: Session) -> nn.Module:
    """The net the session's script builds, executed as plain Python."""
    ns: dict = {"__name__": "script"}
    exec(model_code(session.document.spec, seed=session.settings.seed), ns)
    return ns["net"]


def same_weights(a: nn.Module, b: nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return list(sa) == list(sb) and all(torch.equal(sa[k], sb[k]) for k in sa)


def opened(spec=None, seed: int = 3) -> Session:
    session = Session()
    session.open(OpenRequest(spec or mlp(), kind="new", settings={"run": {"seed": seed}}))
    return session


def test_after_an_open_the_weights_are_the_scripts_and_an_edit_with_parameters_ends_that():
    torch.manual_seed(123)  # the global state before the open must not matter
    session = opened()
    assert session.weights_from_seed()
    assert same_weights(script_net(session), session.document.net)

    spec = session.document.spec
    wider = edits.insert(spec, (), 1, L("Linear", in_features=8, out_features=8))
    session.document.set_spec(wider)  # the new layer draws after the others, the script's first
    assert not session.weights_from_seed()
    assert not same_weights(script_net(session), session.document.net)
    session.document.set_spec(spec)  # as undo does: the same modules come back
    assert session.weights_from_seed()
    assert same_weights(script_net(session), session.document.net)


def test_a_layer_without_parameters_or_a_group_leaves_the_seeds_weights():
    session = opened()
    spec = edits.insert(session.document.spec, (), 1, L("Tanh"))
    spec = edits.group(spec, [(0,), (1,)])
    session.document.set_spec(spec)
    assert session.weights_from_seed()
    assert same_weights(script_net(session), session.document.net)
    moved = edits.move(spec, (2,), (), 0)  # a Linear moved first: it draws first now
    session.document.set_spec(moved)
    assert not session.weights_from_seed()
    assert not same_weights(script_net(session), session.document.net)


def test_a_step_an_init_a_load_or_another_seed_are_noticed_and_a_reseed_is_not_a_guess():
    session = opened()
    net = session.document.net
    with torch.no_grad():
        nn.init.zeros_(net[0].bias)  # the Init lab writes in place
    assert not session.weights_from_seed()
    session.document.net.load_state_dict(seeded_state_dict(session.document.spec, 3))
    assert not session.weights_from_seed()  # equal values, but nobody said they are
    session.mark_seeded(3)  # Reset weights says so
    assert session.weights_from_seed()
    assert same_weights(script_net(session), net)

    session.update_settings(seed=4)  # the script now seeds 4: other weights
    assert not session.weights_from_seed()
    assert not same_weights(script_net(session), net)
    session.update_settings(seed=3)
    assert session.weights_from_seed()

    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    net(torch.rand(2, 4)).sum().backward()
    opt.step()
    assert not session.weights_from_seed()


def test_a_project_holding_the_seeds_own_weights_opens_as_seeded_and_trained_ones_do_not():
    session = opened()
    project, _ = session.project("p")
    other = Session()
    other.open(OpenRequest.of_project(project, "project", None))
    assert other.weights_from_seed()
    assert same_weights(script_net(other), other.document.net)

    with torch.no_grad():
        session.document.net[2].weight.mul_(2)
    project, _ = session.project("p")
    other.open(OpenRequest.of_project(project, "project", None))
    assert not other.weights_from_seed()
    assert not same_weights(script_net(other), other.document.net)


def test_a_tensor_that_died_is_not_taken_for_one_with_its_id():
    session = opened()
    doc = session.document
    doc.reset_weights()  # fresh modules: the recorded tensors are gone
    assert not session.weights_from_seed()


def test_the_note_is_a_comment_on_top_and_the_code_is_the_same():
    spec = mlp()
    plain = model_code(spec, seed=3)
    noted = model_code(spec, seed=3, weights_match=False)
    assert noted.startswith(WEIGHTS_NOTE)
    assert "torch.manual_seed(3)  # the seed decides the weights" in plain
    assert "torch.manual_seed(3)  # the seed decides the weights" not in noted
    assert "the window's changed" in noted and "window" not in plain
    a, b = {"__name__": "a"}, {"__name__": "b"}
    exec(plain, a)
    exec(noted, b)
    assert same_weights(a["net"], b["net"])
    assert model_code(spec, weights_match=False) == model_code(spec)  # no seed: no claim
