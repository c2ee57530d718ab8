"""The catalog comes from torch.nn by introspection and validates arguments."""

import pytest
from torch import nn

from explorer.core.catalog import catalog, categories, suggest_args, validate_args
from explorer.core.errors import InvalidArgument

REQUIRED = """Linear LazyLinear Identity Flatten Unflatten Dropout Dropout1d Dropout2d ReLU LeakyReLU PReLU
ELU GELU SiLU Sigmoid Tanh Softmax LogSoftmax Softplus Hardtanh BatchNorm1d BatchNorm2d LayerNorm GroupNorm
Conv1d Conv2d LazyConv2d ConvTranspose2d MaxPool1d MaxPool2d AvgPool2d AdaptiveAvgPool2d""".split()


def test_catalog_has_every_required_layer_grouped_by_category():
    assert set(REQUIRED) <= set(catalog())
    grouped = {lt.name for _, items in categories() for lt in items}
    assert grouped == set(catalog())


@pytest.mark.parametrize("name", REQUIRED)
def test_default_arguments_construct_the_torch_layer(name):
    lt = catalog()[name]
    module = getattr(nn, name)(**validate_args(name, lt.default_args()))
    assert type(module).__name__ == name
    assert lt.doc and lt.signature.startswith(name)


def test_signature_and_doc_come_from_torch():
    lt = catalog()["Linear"]
    assert "in_features" in lt.signature and "device" not in [a.name for a in lt.args]
    assert nn.Linear.__doc__.strip().splitlines()[0].startswith(lt.doc.split(":")[0])
    assert ":math:" not in lt.doc and "y = xA^T + b" in lt.doc  # Sphinx roles as plain text
    assert lt.arg("bias").default is True


@pytest.mark.parametrize(
    "name,args,field",
    [
        ("Linear", {"in_features": 0, "out_features": 2}, "in_features"),
        ("Linear", {"in_features": "abc", "out_features": 2}, "in_features"),
        ("Linear", {"in_features": 2.5, "out_features": 2}, "in_features"),
        ("Dropout", {"p": 1.0}, "p"),
        ("Dropout", {"p": -0.1}, "p"),
        ("Conv2d", {"in_channels": 3, "out_channels": 4, "kernel_size": (3, 3, 3)}, "kernel_size"),
        ("GroupNorm", {"num_groups": 3, "num_channels": 16}, "num_groups"),
        ("GELU", {"approximate": "fast"}, "approximate"),
        ("ReLU", {"slope": 1}, "slope"),
        ("Linear", {"out_features": 2}, "in_features"),
    ],
)
def test_invalid_arguments_name_the_field(name, args, field):
    with pytest.raises(InvalidArgument) as e:
        validate_args(name, args)
    assert e.value.field == field


def test_text_input_is_converted_to_the_constructor_types():
    args = validate_args(
        "Conv2d", {"in_channels": "3", "out_channels": 8, "kernel_size": "3, 5", "padding": "same"}
    )
    assert args["in_channels"] == 3 and args["kernel_size"] == (3, 5) and args["padding"] == "same"
    assert validate_args("Dropout", {"p": "0.25"})["p"] == 0.25


def test_suggested_arguments_fit_the_incoming_shape():
    assert suggest_args("Linear", (2, 256))["in_features"] == 256
    assert suggest_args("Conv2d", (1, 3, 28, 28))["in_channels"] == 3
    assert suggest_args("BatchNorm1d", (4, 64))["num_features"] == 64
