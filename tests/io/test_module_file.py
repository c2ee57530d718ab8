"""A learner's nn.Module classes from a .py: loading, errors with lines, conversion."""

from __future__ import annotations

import textwrap

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from explorer.core.build import build
from explorer.core.fx_convert import ConversionError, to_sequential
from explorer.core.module_summary import summarize_module
from explorer.io.module_file import ModuleFileError, load_class_model, load_module_file

# The notes' first code cell, verbatim (comments included).
NOTES_MLP = """\
import torch
from torch import nn
from torch.nn import functional as F

class MLP(nn.Module):
    # 用模型参数声明层。这里，我们声明两个全连接的层
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256) # 隐藏层
        self.out = nn.Linear(256, 10) # 输出层

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))
"""


class HandMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.out = nn.Linear(256, 10)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))


def write(tmp_path, text, name="model.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_notes_mlp_loads_with_the_same_parameters_and_values_as_plain_pytorch(tmp_path):
    mf = load_module_file(write(tmp_path, NOTES_MLP))
    assert [c.name for c in mf.classes] == ["MLP"]
    torch.manual_seed(0)
    net = mf.construct("MLP")
    torch.manual_seed(0)
    hand = HandMLP()
    assert [n for n, _ in net.named_parameters()] == [n for n, _ in hand.named_parameters()]
    for (name, a), b in zip(net.state_dict().items(), hand.state_dict().values(), strict=True):
        assert torch.equal(a, b), name
    x = torch.rand(2, 20)
    assert torch.equal(net(x), hand(x))


def test_classes_are_listed_in_file_order_with_their_arguments(tmp_path):
    path = write(
        tmp_path,
        """
        from torch import nn
        class Helper:  # not a module
            pass
        class B(nn.Module):
            def __init__(self, width=8, depth=2):
                super().__init__()
        class A(nn.Module):
            \"\"\"The first line of A.\"\"\"
        Imported = nn.Linear
        """,
    )
    mf = load_module_file(path)
    assert [(c.name, c.line, c.signature) for c in mf.classes] == [
        ("B", 5, "(width=8, depth=2)"),
        ("A", 8, "()"),
    ]
    assert mf.classes[1].doc == "The first line of A."


def test_arguments_from_json_reach_the_constructor(tmp_path):
    path = write(
        tmp_path,
        """
        from torch import nn
        class Net(nn.Module):
            def __init__(self, width=8):
                super().__init__()
                self.fc = nn.Linear(3, width)
        """,
    )
    model = load_class_model(path, "Net", '{"width": 5}')
    assert model.build().fc.out_features == 5
    assert load_class_model(path, "Net", "[7]").build().fc.out_features == 7
    assert model.input_shape == (2, 3) and "fc" in model.input_guess
    with pytest.raises(ModuleFileError, match="not valid JSON"):
        load_class_model(path, "Net", "{width: 5}")


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("from torch import nn\nclass A(nn.Module)\n    pass\n", 2, "SyntaxError"),
        ("from torch import nn\nimport nothing_here_xyz\n", 2, "ModuleNotFoundError"),
        (
            "from torch import nn\nclass A(nn.Module):\n    def __init__(self):\n"
            "        super().__init__()\n        self.fc = nn.Linear(4, -1)\n",
            5,
            "in __init__",
        ),
    ],
)
def test_errors_name_the_files_line(tmp_path, body, line, words):
    path = write(tmp_path, body)
    with pytest.raises(ModuleFileError) as e:
        load_class_model(path, None)
    assert e.value.line == line
    assert f"model.py, line {line}" in e.value.message and words in e.value.message
    assert "\n" not in e.value.message


def test_an_error_in_forward_is_reported_on_its_line_in_the_summary(tmp_path):
    path = write(
        tmp_path,
        """
        from torch import nn
        class A(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 3)
                self.fc2 = nn.Linear(5, 1)
            def forward(self, x):
                return self.fc2(self.fc(x))
        """,
    )
    model = load_class_model(path, "A")
    report = summarize_module(model.build("meta"), model.input_shape, model.forward)
    assert report.error is not None and "model.py, line 9, in forward" in str(report.error)
    rows = {r.key: r for r in report.rows}
    assert rows["fc"].out_shape == (2, 3) and rows["fc2"].error is not None


def test_summary_of_a_class_counts_like_plain_pytorch(tmp_path):
    model = load_class_model(write(tmp_path, NOTES_MLP), "MLP")
    report = summarize_module(model.build("meta"), model.input_shape, model.forward)
    hand = HandMLP()
    assert report.total_params == sum(p.numel() for p in hand.parameters())
    assert [(r.key, r.out_shape) for r in report.rows] == [("hidden", (2, 256)), ("out", (2, 10))]
    assert report.total_flops == 2 * 2 * (20 * 256 + 256 * 10)
    assert report.output_shape == (2, 10)


def test_the_notes_mlp_converts_and_state_dicts_go_both_ways(tmp_path):
    model = load_class_model(write(tmp_path, NOTES_MLP), "MLP")
    net = model.build()
    spec = to_sequential(net, model.input_shape)
    assert [(c.name, c.type) for c in spec.children] == [
        ("hidden", "Linear"),
        ("relu", "ReLU"),
        ("out", "Linear"),
    ]
    seq = build(spec)
    assert list(seq.state_dict()) == list(net.state_dict())
    seq.load_state_dict(net.state_dict(), strict=True)
    x = torch.rand(3, 20)
    assert torch.equal(seq(x), net(x))
    back = model.build()
    back.load_state_dict(seq.state_dict(), strict=True)
    assert torch.equal(back(x), net(x))


def test_a_child_sequential_becomes_a_block_and_functions_become_layers(tmp_path):
    path = write(
        tmp_path,
        """
        import torch
        from torch import nn
        import torch.nn.functional as F
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 8))
                self.head = nn.Linear(8, 3)
            def forward(self, x):
                x = torch.flatten(x, 1)
                x = F.leaky_relu(self.body(x), 0.2)
                return self.head(x).softmax(dim=1)
        """,
    )
    model = load_class_model(path, "Net", input_shape=(4, 2, 3))
    net = model.build()
    spec = to_sequential(net, model.input_shape)
    seq = build(spec)
    seq.load_state_dict(net.state_dict(), strict=True)
    assert list(seq.state_dict()) == list(net.state_dict())
    assert type(seq.leakyrelu).__name__ == "LeakyReLU" and seq.leakyrelu.negative_slope == 0.2
    x = torch.rand(4, 2, 3)
    assert torch.allclose(seq(x), net(x))


@pytest.mark.parametrize(
    ("forward", "reason"),
    [
        ("return x + self.fc(x)", "not a straight chain"),
        ("return self.fc(self.fc(x))", "calls fc twice"),
        ("return self.fc(x) * self.scale", "uses the tensor self.scale"),
        ("return self.fc(x) if x.sum() > 0 else x", "cannot trace"),
        ("return torch.cumsum(self.fc(x), 1)", "no layer in the palette"),
    ],
)
def test_what_cannot_become_a_sequential_is_refused_with_the_reason(tmp_path, forward, reason):
    path = write(
        tmp_path,
        f"""
        import torch
        from torch import nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 4)
                self.scale = nn.Parameter(torch.ones(4))
            def forward(self, x):
                {forward}
        """,
    )
    model = load_class_model(path, "Net")
    with pytest.raises(ConversionError, match=reason):
        to_sequential(model.build(), model.input_shape)


def test_weights_forward_never_uses_are_refused(tmp_path):
    path = write(
        tmp_path,
        """
        from torch import nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 4)
                self.unused = nn.Linear(4, 4)
            def forward(self, x):
                return self.fc(x)
        """,
    )
    model = load_class_model(path, "Net")
    with pytest.raises(ConversionError, match="unused with weights that forward never uses"):
        to_sequential(model.build(), model.input_shape)
