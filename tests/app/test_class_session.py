"""A Python class opened in the session: its own module, read-only layers (no Qt)."""

import pytest
import torch

from explorer.app.session import OpenRequest, Session
from explorer.core.module_source import ReadOnlyModel
from explorer.core.spec import LayerSpec, ModelSpec, sequential
from explorer.io.module_file import ModuleFileError, load_class_model
from tests.io.test_module_file import NOTES_MLP, HandMLP

BROKEN_FORWARD = NOTES_MLP.replace(
    "return self.out(F.relu(self.hidden(X)))", "return self.out(F.relu(self.hidden(X))).foo()"
)


def class_session(tmp_path, text=NOTES_MLP, seed=3, shape=None) -> Session:
    path = tmp_path / "mlp.py"
    path.write_text(text, encoding="utf-8")
    s = Session()
    model = load_class_model(path, "MLP", input_shape=shape)
    s.open(OpenRequest(ModelSpec(), "class", module=model, settings={"run": {"seed": seed}}))
    return s


def test_the_class_is_the_model_with_its_own_names_and_seeded_values(tmp_path):
    s = class_session(tmp_path)
    torch.manual_seed(3)
    hand = HandMLP()
    net = s.document.net
    assert type(net).__name__ == "MLP"
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in hand.named_parameters()]
    for key, value in hand.state_dict().items():
        assert torch.equal(net.state_dict()[key], value), key
    report = s.document.report
    assert report.output_shape == (2, 10) and report.error is None
    assert report.total_params == sum(p.numel() for p in hand.parameters())
    assert s.document.input_guess == "from hidden (Linear in_features=20)"
    assert not s.modified  # the file and the seed give it back


def test_the_input_shape_can_change_but_layers_cannot(tmp_path):
    s = class_session(tmp_path)
    doc = s.document
    net = doc.net
    doc.set_spec(ModelSpec(input_shape=(5, 20)))
    assert doc.report.output_shape == (5, 10) and doc.input_guess is None and doc.net is net
    with pytest.raises(ReadOnlyModel, match="read-only"):
        doc.set_spec(sequential(LayerSpec.make("ReLU"), input_shape=(5, 20)))
    assert doc.spec.children == () and doc.net is net
    with pytest.raises(ReadOnlyModel):
        s.project("x")
    s.open(OpenRequest(ModelSpec(), "new"))  # reopening returns to a spec
    assert doc.source is None and doc.read_only is None and type(doc.net).__name__ == "Sequential"


def test_reset_weights_builds_the_class_again(tmp_path):
    s = class_session(tmp_path)
    torch.manual_seed(11)
    s.document.reset_weights()
    torch.manual_seed(11)
    hand = HandMLP()
    assert type(s.document.net).__name__ == "MLP"
    for key, value in hand.state_dict().items():
        assert torch.equal(s.document.net.state_dict()[key], value), key


def test_an_error_in_forward_is_located_in_the_file(tmp_path):
    s = class_session(tmp_path, BROKEN_FORWARD)
    error = s.document.report.error
    line = (
        BROKEN_FORWARD.splitlines().index("        return self.out(F.relu(self.hidden(X))).foo()")
        + 1
    )
    assert isinstance(error, ModuleFileError) and error.line == line
    assert str(error).startswith(f"mlp.py, line {line}, in forward: AttributeError")
