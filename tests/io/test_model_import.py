"""Every real-world-shaped net, saved in every format: imported bit for bit, or refused in one line.

A bare state dict cannot prove stride, padding or layers without parameters: an import
that computes differently must carry the guess marks on its layers (never silently).
"""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import save_file

from explorer.core.errors import ExplorerError
from explorer.core.spec import LayerSpec
from explorer.io.checkpoints import save_state_dict
from explorer.io.import_any import import_file
from tests.io.real_nets import NETS, trained_like

# torch.jit.script is how TorchScript files are made in the field; torch warns it is deprecated
pytestmark = pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated")


def _save(net, fmt: str, folder, shape=(1,)):
    if fmt == "pickled":
        path = folder / "net.pt"
        torch.save(net, path)
    elif fmt == "torchscript":
        path = folder / "net.ts.pt"
        torch.jit.script(net).save(str(path))
    elif fmt == "export":
        path = folder / "net.pt2"
        torch.export.save(torch.export.export(net, (torch.randn(shape),)), str(path))
    elif fmt == "state_pt":
        path = folder / "net.params"
        torch.save(net.state_dict(), path)
    elif fmt == "safetensors_foreign":
        path = folder / "net.safetensors"
        save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(path))
    else:
        path = folder / "ours.safetensors"
        save_state_dict(net.state_dict(), path)
    return path


def outcome(path, net, shape) -> tuple[str, object]:
    """ "equal" (bit for bit), "refused" (one line), or "guessed" (differs, and says so)."""
    try:
        result = import_file(path)
    except ExplorerError as e:
        text = str(e)
        assert text and "\n" not in text
        return "refused", text
    built = result.net.eval()
    torch.manual_seed(0)
    x = torch.randn(shape)
    try:
        same = torch.equal(built(x), net(x))
    except RuntimeError:
        same = False
    if same:
        return "equal", result
    assert result.kind == "state dict", "an exact import computed something else"
    layers = [n for _, n in result.spec.walk()]
    convs = [n for n in layers if isinstance(n, LayerSpec) and n.type.startswith("Conv")]
    assert all(c.guessed for c in convs), "a convolution's stride/padding guess is not marked"
    assert any(n.guessed for n in layers) and result.guessed
    return "guessed", result


EXPECTED = {
    # net:            pickled,  torchscript, export, state_pt, safetensors_foreign, ours
    "conv_stack": ("equal", "equal", "equal", "guessed", "guessed", "guessed"),
    "depthwise": ("equal", "equal", "equal", "guessed", "guessed", "guessed"),
    "named_children": ("equal", "equal", "equal", "guessed", "refused", "guessed"),
    "residual": ("refused", "refused", "refused", "guessed", "guessed", "guessed"),
    "concat": ("refused", "refused", "refused", "guessed", "refused", "guessed"),
    # the MLP class's forward is in TorchScript code and in the exported graph, not a pickle
    "mlp": ("refused", "equal", "equal", "equal", "refused", "equal"),
}
FORMATS = (
    "pickled",
    "torchscript",
    "export",
    "state_pt",
    "safetensors_foreign",
    "safetensors_ours",
)


@pytest.mark.parametrize("name", list(NETS))
def test_each_net_in_each_format_is_equal_refused_or_marked(name, tmp_path):
    make, shape = NETS[name]
    torch.manual_seed(0)
    net = trained_like(make())
    got = {}
    for fmt in FORMATS:
        folder = tmp_path / fmt
        folder.mkdir()
        got[fmt] = outcome(_save(net, fmt, folder, shape), net, shape)[0]
    assert tuple(got[f] for f in FORMATS) == EXPECTED[name]


def test_an_exact_import_reads_stride_padding_dilation_groups_and_dropout(tmp_path):
    make, _ = NETS["conv_stack"]
    net = trained_like(make())
    path = tmp_path / "net.pt"
    torch.save(net, path)
    result = import_file(path)
    conv, bn, _, pool, conv2, _, avg, drop = [n for _, n in result.spec.layers()][:8]
    assert (conv.args["stride"], conv.args["padding"]) == ((2, 2), (1, 1))
    assert conv2.args["dilation"] == (2, 2) and bn.args["eps"] == 1e-3
    assert pool.type == "MaxPool2d" and avg.type == "AvgPool2d" and drop.args["p"] == 0.2
    # only the picture size is a guess; the Linear after Flatten fixes it at 16
    assert [k for k, _ in result.guessed] == ["input"] and result.spec.input_shape == (2, 3, 16, 16)


def test_a_depthwise_convolution_keeps_its_groups_from_torchscript(tmp_path):
    net = trained_like(NETS["depthwise"][0]())
    path = tmp_path / "net.ts.pt"
    torch.jit.script(net).save(str(path))
    layers = [n for _, n in import_file(path).spec.layers()]
    assert layers[3].type == "Conv2d" and layers[3].args["groups"] == 4
    assert layers[3].args["bias"] is False


def test_a_pickled_residual_block_is_refused_naming_its_class(tmp_path):
    net = trained_like(NETS["residual"][0]())
    kind, text = outcome(_save(net, "pickled", tmp_path), net, NETS["residual"][1])
    assert kind == "refused" and "tests.io.real_nets.Residual" in text


def test_torchscript_names_the_residual_and_the_concatenation_from_their_code(tmp_path):
    net = trained_like(NETS["residual"][0]())
    kind, text = outcome(_save(net, "torchscript", tmp_path), net, NETS["residual"][1])
    assert (kind, text) == (
        "refused",
        "1.body: its output is added to the input of 1.body (a residual)",
    )
    net = trained_like(NETS["concat"][0]())
    (tmp_path / "c").mkdir()
    kind, text = outcome(_save(net, "torchscript", tmp_path / "c"), net, NETS["concat"][1])
    assert (kind, text) == (
        "refused",
        "0: the outputs of 0.a and 0.b are joined with torch.cat (branches, not a chain)",
    )


def test_a_scripted_class_whose_forward_is_a_chain_imports_exactly(tmp_path):
    """The book's MLP: ``output(F.relu(hidden(X)))`` is hidden, ReLU, output, read from code."""
    from tests.io.helpers import MLP

    net = MLP().eval()
    path = tmp_path / "mlp.ts.pt"
    torch.jit.script(net).save(str(path))
    result = import_file(path)
    assert [(n.type, n.name) for n in result.spec.children] == [
        ("Linear", "hidden"),
        ("ReLU", "relu"),
        ("Linear", "output"),
    ]
    assert result.guessed == [] and result.spec.input_shape == (2, 20)


def test_a_model_using_a_layer_the_app_lacks_is_refused_by_name(tmp_path):
    path = tmp_path / "up.pt"
    torch.save(torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Upsample(scale_factor=2)), path)
    kind, text = outcome(path, None, (1, 2))
    assert kind == "refused" and "nn.Upsample" in text


def test_a_torch_export_archive_is_read_from_its_graph_with_its_input_shape(tmp_path):
    net = trained_like(NETS["residual"][0]())
    kind, text = outcome(_save(net, "export", tmp_path, (2, 3, 8, 8)), net, (2, 3, 8, 8))
    assert (kind, text) == (
        "refused",
        "1.body.2: its output is added to the input of 1.body.0 (a residual)",
    )
    net = trained_like(NETS["conv_stack"][0]())
    (tmp_path / "c").mkdir()
    result = import_file(_save(net, "export", tmp_path / "c", (2, 3, 16, 16)))
    assert result.kind == "torch.export" and result.guessed == []
    assert result.spec.input_shape == (2, 3, 16, 16)  # the shape it was exported for
    conv = next(n for _, n in result.spec.layers())
    assert (conv.args["stride"], conv.args["padding"]) == ((2, 2), (1, 1))


def test_a_legacy_pickled_model_is_refused_and_a_legacy_state_dict_imports(tmp_path):
    net = torch.nn.Sequential(torch.nn.Linear(3, 2))
    torch.save(net, tmp_path / "model.pt", _use_new_zipfile_serialization=False)
    kind, text = outcome(tmp_path / "model.pt", net, (1, 3))
    assert kind == "refused" and "legacy (non-zip) format" in text
    torch.save(net.state_dict(), tmp_path / "sd.pt", _use_new_zipfile_serialization=False)
    assert outcome(tmp_path / "sd.pt", net, (1, 3))[0] == "equal"


def test_a_torchscript_archive_asking_for_a_python_global_is_refused_unrun(tmp_path):
    import os
    import pickle
    import zipfile

    class Evil:
        def __reduce__(self):
            return (os.system, ("echo never",))

    good = tmp_path / "good.pt"
    torch.jit.script(torch.nn.Sequential(torch.nn.Linear(2, 2))).save(str(good))
    bad = tmp_path / "bad.pt"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("/data.pkl"):
                data = pickle.dumps(Evil(), protocol=2)
            dst.writestr(item, data)
    kind, text = outcome(bad, None, (1, 2))
    assert kind == "refused" and "system" in text
