"""The session owns the model, run settings, path and what is unsaved (no Qt)."""

from pathlib import Path

import pytest
import torch
from torch import nn

from explorer.app.run_settings import RunSettings
from explorer.app.session import OpenRequest, Session
from explorer.core.data import make_input
from explorer.core.edits import remove
from explorer.core.session import run_backward, run_forward
from explorer.core.spec import LayerSpec, ModelSpec, sequential

L = LayerSpec.make


def demo() -> ModelSpec:
    return sequential(
        L("Linear", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", in_features=256, out_features=10),
        input_shape=(2, 20),
    )


def bn_model() -> ModelSpec:
    return sequential(
        L("Linear", in_features=4, out_features=3),
        L("BatchNorm1d", num_features=3),
        input_shape=(5, 4),
    )


def opened(spec=None, seed=0, **kw) -> Session:
    s = Session()
    s.open(OpenRequest(spec or demo(), kind="example", settings={"run": {"seed": seed}}, **kw))
    return s


def test_the_seed_decides_the_weights_as_manual_seed_then_construction_does():
    s = opened(seed=7)
    torch.manual_seed(7)
    plain = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    for key, value in plain.state_dict().items():
        assert torch.equal(s.document.net.state_dict()[key], value), key


def test_reopening_with_the_same_seed_gives_the_same_output():
    x = make_input((2, 20), "rand", 3)
    a = run_forward(opened(seed=3).document.net, x)[1].text
    torch.rand(100)  # the global generator moved on in between
    b = run_forward(opened(seed=3).document.net, x)[1].text
    c = run_forward(opened(seed=4).document.net, x)[1].text
    assert a == b and a != c


def test_a_model_opened_after_eval_starts_in_train_mode():
    s = opened()
    s.update_settings(training=False)
    s.document.net.eval()
    s.open(OpenRequest(demo(), kind="example"))
    assert s.settings.training and s.document.net.training


def test_forward_backward_and_zero_grad_leave_the_session_unmodified():
    s = opened()
    net, x = s.document.net, make_input((2, 20), "rand", 0)
    run_forward(net, x)
    run_backward(net, x, None, "sum", zero_first=False)
    s.document.notify_weights_changed()
    net.zero_grad()
    s.document.notify_weights_changed()
    assert not s.modified and not s.unsaved()


def test_an_optimizer_step_marks_the_weights_unsaved_only():
    s = opened()
    net = s.document.net
    run_backward(net, make_input((2, 20), "rand", 0), None, "sum", zero_first=False)
    torch.optim.SGD(net.parameters(), lr=0.1).step()
    s.document.notify_weights_changed()
    u = s.unsaved()
    assert s.modified and u.weights and not u.structure and not u.settings


def test_a_train_forward_through_batch_norm_changes_the_state_dict_and_marks_it():
    s = opened(bn_model())
    s.document.net.eval()
    run_forward(s.document.net, torch.randn(5, 4))
    s.refresh_modified()
    assert not s.modified  # eval(): running statistics are read, not updated
    s.document.net.train()
    run_forward(s.document.net, torch.randn(5, 4))
    s.refresh_modified()
    assert s.unsaved().weights


def test_undoing_back_to_the_saved_spec_is_clean():
    s = opened()
    spec = s.document.spec
    s.document.set_spec(remove(spec, [(1,)]))
    assert s.unsaved().structure
    s.document.set_spec(spec)
    assert not s.modified


def test_run_settings_count_as_unsaved_until_they_are_back():
    s = opened()
    s.update_settings(loss="l1")
    assert s.unsaved().settings and not s.unsaved().weights
    s.update_settings(loss="mse")
    assert not s.modified


def test_the_mode_is_not_saved_so_it_never_marks_the_project():
    s = opened()
    s.update_settings(training=False)
    assert not s.modified


def test_an_architecture_only_file_does_not_count_weight_changes(tmp_path):
    s = opened(path=tmp_path / "m.nnx.json")
    with torch.no_grad():
        s.document.net[0].weight.add_(1)
    s.refresh_modified()
    assert not s.modified
    s.mark_saved(tmp_path / "m.nnx")
    with torch.no_grad():
        s.document.net[0].weight.add_(1)
    s.refresh_modified()
    assert s.modified


def test_an_open_that_fails_changes_nothing_and_raises():
    from explorer.core.errors import ExplorerError

    s = opened(seed=5)
    before = s.document.spec
    s.document.set_busy("training is running")
    with pytest.raises(ExplorerError):
        s.open(OpenRequest(bn_model(), settings={"run": {"seed": 9}}, path=Path("x.nnx")))
    assert s.document.spec == before and s.settings.seed == 5 and s.path is None


def test_imported_work_is_unsaved_and_weights_load_into_the_new_model():
    torch.manual_seed(1)
    plain = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    s = opened()
    s.open(OpenRequest(demo(), kind="import", weights=plain.state_dict(), saved=False))
    assert s.modified
    assert torch.equal(s.document.net[2].bias, plain[2].bias)


def test_weights_that_do_not_fit_are_reported_and_leave_the_work_unsaved():
    s = Session()
    problems = s.open(OpenRequest(demo(), weights={"0.weight": torch.zeros(3, 3)}))
    assert problems and "weights not loaded" in problems[0]
    assert s.modified


def test_the_shown_tensor_goes_when_its_layer_goes():
    s = opened()
    s.set_shown("2.weight")
    assert s.shown == "2.weight"
    spec = s.document.spec
    s.document.set_spec(remove(spec, [(2,)]))
    assert s.shown is None
    s.set_shown("no.such")
    assert s.shown is None


def test_opening_drops_the_previous_models_tensors_and_shown_tensor():
    s = opened()
    s.set_tensor("output", torch.ones(2, 10))
    s.set_shown("output")
    s.open(OpenRequest(demo()))
    assert s.tensors == {} and s.shown is None


def test_run_settings_round_trip_and_refuse_bad_entries():
    settings = RunSettings(seed=4, input_kind="dataset", loss="cross_entropy", length=3)
    assert RunSettings.from_dict(settings.to_dict()) == settings
    with pytest.raises(ValueError):
        RunSettings.from_dict({"loss": "nope"})
    with pytest.raises(ValueError):
        RunSettings.from_dict({"seed": "x"})


def test_a_saved_project_holds_the_run_settings_and_reopens_the_same():
    s = opened(seed=2)
    s.update_settings(loss="l1")
    project, failed = s.project("t")
    assert not failed and project.settings["run"]["loss"] == "l1"
    other = Session()
    other.open(OpenRequest(project.spec, settings=project.settings, weights=project.weights))
    assert other.settings.loss == "l1" and other.settings.seed == 2 and not other.modified


def test_a_project_of_lazy_layers_that_never_ran_saves_the_values_there_are(tmp_path):
    """Autosave and Save on the book's lazy model: the uninitialized tensors have no values
    to write (PyTorch's state_dict holds UninitializedParameter); the file reopens lazy."""
    from explorer.io.project import load_project, save_project

    spec = sequential(
        L("Linear", in_features=4, out_features=6),
        L("ReLU"),
        L("LazyLinear", out_features=3),
        input_shape=(2, 4),
    )
    s = opened(spec, seed=3)
    project, failed = s.project("lazy", full=True)
    assert failed == [] and list(project.weights) == ["0.weight", "0.bias"]
    torch.manual_seed(3)
    hand = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.LazyLinear(3))
    assert torch.equal(project.weights["0.weight"], hand[0].weight)
    path = tmp_path / "lazy.nnx"
    save_project(project, path)
    again = Session()
    back = load_project(path)
    problems = again.open(
        OpenRequest(back.spec, kind="project", settings=back.settings, weights=back.weights)
    )
    assert problems == []
    assert isinstance(again.document.net[2].weight, nn.parameter.UninitializedParameter)
    assert torch.equal(again.document.net[0].weight, hand[0].weight)
    # after the first forward every tensor has values, and all of them are saved
    x = torch.rand(2, 4)
    again.document.net(x)
    hand(x)
    assert list(again.project("lazy", full=True)[0].weights) == list(hand.state_dict())
